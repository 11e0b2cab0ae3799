// 红黄牌: a step past warningPercent of its time limit earns a yellow card, past the limit a red one (docs/supervision-cards.md).
import { deadlineAfter, Period, subtractPeriod } from '@app/platform/calendar/period';

export type CardColour = 'yellow' | 'red';

/** When a step had to be done and when its warning point fell. */
export interface StepTimes {
  startedAt: Date;
  warnAt: Date;
  dueAt: Date;
}

/** A watched step as supervised_step gives it: either the due time is recorded, or the start, or both. */
export interface StepFacts {
  startedAt: Date | null;
  dueAt: Date | null;
  /** the rule period that links the two when one of them is not recorded */
  period: Period | null;
  warningPercent: number;
}

/**
 * The step's start, warning point and due time. A missing due time is the start plus the period (民法典 203 as the
 * domains apply it), a missing start the due time less the period. The warning point is the start plus
 * warningPercent of the span, to the millisecond below. Undefined when the facts do not give both ends.
 */
export function stepTimes(s: StepFacts): StepTimes | undefined {
  const startedAt = s.startedAt ?? (s.dueAt && s.period ? subtractPeriod(s.dueAt, s.period) : null);
  const dueAt = s.dueAt ?? (s.startedAt && s.period ? deadlineAfter(s.startedAt, s.period) : null);
  if (!startedAt || !dueAt || dueAt < startedAt) return undefined;
  if (!Number.isInteger(s.warningPercent) || s.warningPercent < 1 || s.warningPercent > 99) return undefined;
  return { startedAt, dueAt, warnAt: warningPoint(startedAt, dueAt, s.warningPercent) };
}

export function warningPoint(startedAt: Date, dueAt: Date, percent: number): Date {
  const span = dueAt.getTime() - startedAt.getTime();
  return new Date(startedAt.getTime() + Math.floor((span * percent) / 100));
}

/**
 * The cards a step has earned by `now`: yellow once the warning point has come and the step was not done by then,
 * red once the due time has come and it was not done by then. A step done exactly at a point was done in time.
 * A step done late earns its cards however late they are noticed.
 */
export function cardsEarned(t: StepTimes, doneAt: Date | null, now: Date): CardColour[] {
  const passed = (point: Date) => (doneAt === null ? now >= point : doneAt > point);
  const out: CardColour[] = [];
  if (passed(t.warnAt)) out.push('yellow');
  if (passed(t.dueAt)) out.push('red');
  return out;
}

/** The month a card counts in: the month (Asia/Shanghai) of the point the step passed. */
export function cardMonth(point: Date): string {
  const local = new Date(point.getTime() + 8 * 3_600_000);
  return `${local.getUTCFullYear()}-${String(local.getUTCMonth() + 1).padStart(2, '0')}`;
}
