export * from './land.module';
