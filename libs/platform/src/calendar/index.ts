export * from './calendar';
export * from './calendar-errors';
export * from './entered-years';
export * from './holiday-schedule';
export { HolidayName, packageCovers, packageYear } from './package-schedule';
export * from './period';
export * from './working-days';
export * from './year-schedule-check';
export * from './working-time';
