export * from './defaults';
export * from './rule-errors';
export * from './rule-params';
export * from './rule-set.entity';
export * from './rule-set.service';
export * from './rule-spec';
export * from './rules.module';
export * from './validate-params';
