export * from './experts.module';
