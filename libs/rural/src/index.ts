export * from './rural.module';
export * from './rural-worker.module';
