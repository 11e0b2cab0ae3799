export * from './procurement.module';
export * from './procurement-worker.module';
