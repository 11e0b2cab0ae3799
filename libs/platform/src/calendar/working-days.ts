// 国务院 holiday schedules with 调休 (make-up working days), as published each year, from the chinese-days package.
import { isWorkday } from 'chinese-days';
import data from 'chinese-days/dist/chinese-days.json';
import { defineErrors } from '../errors/domain-error';

export const CalendarErrors = defineErrors({
  CALENDAR_OUT_OF_RANGE: {
    status: 422,
    zh: '该日期所在年度的法定节假日安排尚未纳入日历,无法按工作日计算',
    en: 'The holiday schedule of that year is not in the calendar yet, so working days cannot be counted',
  },
});

export type PeriodUnit = 'd' | 'wd' | 'h' | 'min' | 's';

/** A period as rule sets hold it: `{ value: 20, unit: 'd' }` calendar days, `'wd'` working days. */
export interface Period {
  value: number;
  unit: PeriodUnit;
}

const DAY_MS = 86_400_000;
const SHANGHAI_OFFSET_MS = 8 * 3_600_000; // no daylight saving since 1991
const years = Object.keys(data.holidays).map((d) => Number(d.slice(0, 4)));
export const CALENDAR_FIRST_YEAR = Math.min(...years);
export const CALENDAR_LAST_YEAR = Math.max(...years);

/** The Asia/Shanghai calendar date of an instant, as YYYY-MM-DD. */
export function shanghaiDate(instant: Date): string {
  return new Date(instant.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

function covered(date: string): string {
  const year = Number(date.slice(0, 4));
  if (year < CALENDAR_FIRST_YEAR || year > CALENDAR_LAST_YEAR) {
    throw CalendarErrors.CALENDAR_OUT_OF_RANGE({ date, coveredYears: `${CALENDAR_FIRST_YEAR}-${CALENDAR_LAST_YEAR}` });
  }
  return date;
}

/** Working day on the mainland calendar: weekdays that are not holidays, plus make-up Saturdays/Sundays. */
export function isWorkingDay(instant: Date): boolean {
  return isWorkday(covered(shanghaiDate(instant)));
}

/** n working days after `start`, at the same time of day; 0 gives `start` itself. */
export function addWorkingDays(start: Date, n: number): Date {
  if (!Number.isInteger(n) || n < 0) throw new RangeError('addWorkingDays takes a whole number of days ≥ 0');
  let t = start.getTime();
  for (let left = n; left > 0; ) {
    t += DAY_MS;
    if (isWorkingDay(new Date(t))) left -= 1;
  }
  return new Date(t);
}

/** Working days in the dates after `from`'s and up to `to`'s (Asia/Shanghai). */
export function workingDaysBetween(from: Date, to: Date): number {
  let count = 0;
  const end = shanghaiDate(to);
  for (let t = from.getTime() + DAY_MS; shanghaiDate(new Date(t)) <= end; t += DAY_MS) {
    if (isWorkingDay(new Date(t))) count += 1;
  }
  return count;
}

export function addPeriod(start: Date, period: Period): Date {
  const ms = { d: DAY_MS, h: 3_600_000, min: 60_000, s: 1000 } as const;
  if (period.unit === 'wd') return addWorkingDays(start, period.value);
  return new Date(start.getTime() + period.value * ms[period.unit]);
}
