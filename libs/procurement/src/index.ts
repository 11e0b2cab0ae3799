export * from './procurement.module';
