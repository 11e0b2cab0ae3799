// Working days on the mainland holiday calendar, always counted in Asia/Shanghai.
import { scheduleOf } from './holiday-schedule';

export const DAY_MS = 86_400_000;
// UTC+8 all year: China has had no daylight saving since 1991, so a calendar day is always 24 h here.
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

function checked(instant: Date): number {
  if (!(instant instanceof Date) || Number.isNaN(instant.getTime())) throw new RangeError('not a valid instant');
  return instant.getTime();
}

/** The Asia/Shanghai calendar date of an instant, as YYYY-MM-DD. */
export function shanghaiDate(instant: Date): string {
  return new Date(checked(instant) + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/** Weekdays that are not public holidays, plus the Saturdays and Sundays worked in lieu (调休上班). */
export function isWorkingDay(instant: Date): boolean {
  return scheduleOf(shanghaiDate(instant)).working;
}

/**
 * n working days after `start` (before it when n < 0), at the same time of day. 0 gives `start` itself, even
 * on a holiday; 1 from a Friday afternoon gives the next working day's afternoon.
 */
export function addWorkingDays(start: Date, n: number): Date {
  if (!Number.isSafeInteger(n)) throw new RangeError('addWorkingDays takes a whole number of days');
  const step = n < 0 ? -DAY_MS : DAY_MS;
  let t = checked(start);
  for (let left = Math.abs(n); left > 0; ) {
    t += step;
    if (isWorkingDay(new Date(t))) left -= 1;
  }
  return new Date(t);
}

/**
 * Working days among the dates after `from`'s date up to and including `to`'s date (Asia/Shanghai), negative
 * when `to` comes first: addWorkingDays(from, workingDaysBetween(from, to)) falls on `to`'s date when that is a
 * working day.
 */
export function workingDaysBetween(from: Date, to: Date): number {
  const [a, b] = [shanghaiDate(from), shanghaiDate(to)];
  if (a > b) return -workingDaysBetween(to, from);
  let count = 0;
  for (let t = checked(from) + DAY_MS; shanghaiDate(new Date(t)) <= b; t += DAY_MS) {
    if (isWorkingDay(new Date(t))) count += 1;
  }
  return count;
}

/** `instant` itself on a working day, else the same time on the next working day. */
export function onWorkingDay(instant: Date): Date {
  let t = checked(instant);
  while (!isWorkingDay(new Date(t))) t += DAY_MS;
  return new Date(t);
}
