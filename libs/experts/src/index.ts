export * from './experts.module';
export * from './experts-worker.module';
export * from './draws/draw-roster';
