export * from './trading.module';
export * from './projects/project.service';
export * from './rules/project-state';
export * from './trading-errors';
