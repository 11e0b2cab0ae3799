export * from './experts.module';
export * from './experts-worker.module';
