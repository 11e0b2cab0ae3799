// Working days on the mainland holiday calendar, always counted in Asia/Shanghai.
import { scheduleOf } from './holiday-schedule';

export const DAY_MS = 86_400_000;
// UTC+8 all year: China has had no daylight saving since 1991, so a calendar day is always 24 h here.
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

function checked(instant: Date): number {
  if (!(instant instanceof Date) || Number.isNaN(instant.getTime())) throw new RangeError('not a valid instant');
  return instant.getTime();
}

/** Days since 1970-01-01 in Beijing: consecutive integers for consecutive Beijing dates. */
const dayNumber = (instant: Date) => Math.floor((checked(instant) + SHANGHAI_OFFSET_MS) / DAY_MS);
const dateOfDay = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);

// The schedule of a published year never changes while the process runs; refusals are not cached.
const working = new Map<number, boolean>();
function isWorkingDayNumber(day: number): boolean {
  let w = working.get(day);
  if (w === undefined) {
    w = scheduleOf(dateOfDay(day)).working;
    working.set(day, w);
  }
  return w;
}

/** The Asia/Shanghai calendar date of an instant, as YYYY-MM-DD. */
export function shanghaiDate(instant: Date): string {
  return dateOfDay(dayNumber(instant));
}

/** Weekdays that are not public holidays, plus the Saturdays and Sundays worked in lieu (调休上班). */
export function isWorkingDay(instant: Date): boolean {
  return isWorkingDayNumber(dayNumber(instant));
}

/**
 * n working days after `start` (before it when n < 0), at the same time of day. 0 gives `start` itself, even
 * on a holiday; 1 from a Friday afternoon gives the next working day's afternoon.
 */
export function addWorkingDays(start: Date, n: number): Date {
  if (!Number.isSafeInteger(n)) throw new RangeError('addWorkingDays takes a whole number of days');
  const step = n < 0 ? -1 : 1;
  const first = dayNumber(start);
  let day = first;
  for (let left = Math.abs(n); left > 0; ) {
    day += step;
    if (isWorkingDayNumber(day)) left -= 1;
  }
  return new Date(start.getTime() + (day - first) * DAY_MS);
}

/**
 * Working days among the dates after `from`'s date up to and including `to`'s date (Asia/Shanghai), negative
 * when `to` comes first: addWorkingDays(from, workingDaysBetween(from, to)) falls on `to`'s date when that is a
 * working day.
 */
export function workingDaysBetween(from: Date, to: Date): number {
  const [a, b] = [dayNumber(from), dayNumber(to)];
  if (a > b) return -workingDaysBetween(to, from);
  let count = 0;
  for (let day = a + 1; day <= b; day += 1) if (isWorkingDayNumber(day)) count += 1;
  return count;
}

/** `instant` itself on a working day, else the same time on the next working day. */
export function onWorkingDay(instant: Date): Date {
  const first = dayNumber(instant);
  let day = first;
  while (!isWorkingDayNumber(day)) day += 1;
  return new Date(instant.getTime() + (day - first) * DAY_MS);
}
