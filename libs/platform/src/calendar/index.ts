export * from './calendar';
export * from './calendar-errors';
export * from './holiday-schedule';
export * from './period';
export * from './working-days';
