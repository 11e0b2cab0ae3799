export * from './rural.module';
