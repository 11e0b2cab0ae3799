// A period frozen by a suspension keeps what it had left: plain time, or working time on the mainland calendar.
import { Period } from './period';
import { DAY_MS, isWorkingDay } from './working-days';

const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

/**
 * How a period's remaining length is kept across a suspension:
 * - `elapsed`: the milliseconds left (calendar days, hours, countdowns, every sandbox period);
 * - `working`: the working time left — the part of the remaining interval that falls on working days in
 *   Asia/Shanghai on the holiday calendar, 调休 included (a period counted in working days, `wd`).
 */
export type Counting = 'elapsed' | 'working';
export const COUNTINGS: readonly Counting[] = ['elapsed', 'working'];

/** A period counted in working days keeps its working days; every other unit keeps plain time. */
export function countingOf(period: Period | undefined | null): Counting {
  return period?.unit === 'wd' ? 'working' : 'elapsed';
}

/** The Beijing midnight that starts the date of `instant`, as epoch ms. */
const dayStart = (ms: number) => Math.floor((ms + SHANGHAI_OFFSET_MS) / DAY_MS) * DAY_MS - SHANGHAI_OFFSET_MS;

function ms(instant: Date): number {
  if (!(instant instanceof Date) || Number.isNaN(instant.getTime())) throw new RangeError('not a valid instant');
  return instant.getTime();
}

/**
 * The working time in [from, to): the milliseconds of that interval that fall on working days (Asia/Shanghai dates,
 * holidays and 调休 from the calendar). 0 when `to` is not after `from`.
 */
export function workingTimeBetween(from: Date, to: Date): number {
  const [a, b] = [ms(from), ms(to)];
  let total = 0;
  for (let start = dayStart(a); start < b; start += DAY_MS) {
    const lo = Math.max(a, start);
    const hi = Math.min(b, start + DAY_MS);
    if (hi > lo && isWorkingDay(new Date(start))) total += hi - lo;
  }
  return total;
}

/**
 * The earliest instant at which `workingMs` of working time has passed since `start`, non-working days skipped:
 * workingTimeBetween(start, addWorkingTime(start, w)) === w. 0 gives `start` itself.
 */
export function addWorkingTime(start: Date, workingMs: number): Date {
  if (!Number.isFinite(workingMs) || workingMs < 0) throw new RangeError('addWorkingTime takes a non-negative duration');
  let at = ms(start);
  let left = workingMs;
  while (left > 0) {
    const dayEnd = dayStart(at) + DAY_MS;
    if (isWorkingDay(new Date(at))) {
      if (at + left <= dayEnd) return new Date(at + left);
      left -= dayEnd - at;
    }
    at = dayEnd;
  }
  return new Date(at);
}

/** What a period had left when it was frozen at `suspendedAt`: never negative (an overdue period has nothing left). */
export function remainingAt(dueAt: Date, suspendedAt: Date, counting: Counting): number {
  if (counting === 'working') return workingTimeBetween(suspendedAt, dueAt);
  return Math.max(0, ms(dueAt) - ms(suspendedAt));
}

/** The same remaining length, counted again from `resumedAt`. */
export function dueAfter(remaining: number, resumedAt: Date, counting: Counting): Date {
  return counting === 'working' ? addWorkingTime(resumedAt, remaining) : new Date(ms(resumedAt) + remaining);
}

/**
 * Where a period frozen at `suspendedAt` comes due when the project resumes at `resumedAt`: its remaining length
 * (plain or working time, by `counting`) added from the resumption.
 */
export function shiftedDue(dueAt: Date, suspendedAt: Date, resumedAt: Date, counting: Counting): Date {
  return dueAfter(remainingAt(dueAt, suspendedAt, counting), resumedAt, counting);
}
