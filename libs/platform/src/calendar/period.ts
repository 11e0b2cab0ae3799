import { addWorkingDays, DAY_MS, onWorkingDay } from './working-days';

export const PERIOD_UNITS = ['d', 'wd', 'h', 'min', 's'] as const;

/** d calendar days, wd working days (mainland calendar, 调休 included), h hours, min minutes, s seconds */
export type PeriodUnit = (typeof PERIOD_UNITS)[number];

/** A period as rule sets hold it: `{ value: 20, unit: 'd' }`. */
export interface Period {
  value: number;
  unit: PeriodUnit;
}

const UNIT_MS: Record<Exclude<PeriodUnit, 'wd'>, number> = { d: DAY_MS, h: 3_600_000, min: 60_000, s: 1000 };
const UNIT_NAMES: Record<PeriodUnit, { zh: string; en: string }> = {
  d: { zh: '日', en: 'days' },
  wd: { zh: '个工作日', en: 'working days' },
  h: { zh: '小时', en: 'hours' },
  min: { zh: '分钟', en: 'minutes' },
  s: { zh: '秒', en: 'seconds' },
};

export function isPeriodUnit(unit: unknown): unit is PeriodUnit {
  return typeof unit === 'string' && (PERIOD_UNITS as readonly string[]).includes(unit);
}

function checked(period: Period): Period {
  if (!period || !Number.isSafeInteger(period.value) || !isPeriodUnit(period.unit)) {
    throw new RangeError(`not a period: ${JSON.stringify(period)}`);
  }
  return period;
}

/** `start` plus the period, exactly: a calendar day is 24 h in Asia/Shanghai, a working day skips rest days. */
export function addPeriod(start: Date, period: Period): Date {
  const { value, unit } = checked(period);
  if (unit === 'wd') return addWorkingDays(start, value);
  return new Date(start.getTime() + value * UNIT_MS[unit]);
}

/** `end` minus the period, e.g. the last day to object, 10 d before the bid deadline (条例 22). */
export function subtractPeriod(end: Date, period: Period): Date {
  const { value, unit } = checked(period);
  return addPeriod(end, { value: -value, unit });
}

/**
 * The deadline a period gives when it starts at `start`. 民法典 203: when the last day of a period counted in
 * days is a rest day (法定休假日, weekends included, 调休 respected), the period ends on the next working day.
 * Working-day periods already end on one; hours, minutes and seconds (countdowns) never move.
 */
export function deadlineAfter(start: Date, period: Period): Date {
  const end = addPeriod(start, period);
  return period.unit === 'd' && period.value > 0 ? onWorkingDay(end) : end;
}

/** "20日" / "20 days", for messages. */
export function describePeriod(period: Period): { zh: string; en: string } {
  const name = UNIT_NAMES[period.unit] ?? { zh: period.unit, en: period.unit };
  return { zh: `${period.value}${name.zh}`, en: `${period.value} ${name.en}` };
}
