// What the trading domains use of the kernel: the module, ProjectService (rulesOf, schedule), rule snapshots
// and deadlines on the platform's holiday calendar.
export * from './trading.module';
export * from './trading-errors';
export * from './projects/project.service';
export * from './projects/project-participants';
export * from './suspension/project-freezes';
export * from './suspension/suspension.types';
export { countingOf } from '@app/platform/calendar/working-time';
export type { Counting } from '@app/platform/calendar/working-time';
export * from './schedule/hosted-steps';
export * from './schedule/schedule-notices';
export * from './gate/project-gate';
export * from './gate/project-write.decorator';
export * from './rules/project-state';
export * from './rules/project-access';
export * from './rules/rule-snapshot';
export { addPeriod, deadlineAfter, subtractPeriod, addWorkingDays, isWorkingDay, workingDaysBetween } from '@app/platform/calendar';
export type { Period, PeriodUnit } from '@app/platform/calendar';
export type { DomainRules, LandRules, ProcurementRules, RuralRules, TenderingRules } from '@app/platform/rules/defaults';
export * from './live/live.types';
export * from './live/live-errors';
export * from './live/live-bidding.service';
export * from './live/live.module';
export { defaultOutcome } from './live/lot-closer';
