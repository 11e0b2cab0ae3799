export * from './tendering.module';
export * from './tendering-worker.module';
