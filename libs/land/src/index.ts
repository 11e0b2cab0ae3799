export * from './land.module';
export * from './land-worker.module';
