// The years the committee entered after the package's last one (管委会录入的节假日安排), held in memory so that the
// calendar's functions stay synchronous and pure; CalendarYearsLoader fills it from PostgreSQL in every process.
import { CalendarErrors } from './calendar-errors';
import { CALENDAR_LAST_YEAR, HolidayName, packageCovers } from './package-schedule';
import { yearScheduleProblems } from './year-schedule-check';

/** One entered year as the calendar reads it: 'YYYY-MM-DD' → the holiday's name. */
export interface EnteredYear {
  year: number;
  holidays: Record<string, HolidayName>;
  makeUpDays: Record<string, HolidayName>;
}

const entered = new Map<number, EnteredYear>();

/** The last year working days can be counted in: the package's, or the last entered one. */
export function lastCoveredYear(): number {
  return CALENDAR_LAST_YEAR + entered.size;
}

export function enteredYear(year: number): EnteredYear | undefined {
  return entered.get(year);
}

export type AddOutcome = 'added' | 'known' | 'package';

/**
 * Adds a year to the calendar. Only the year right after the last covered one is taken (never a gap); a year the
 * package covers is left to the package ('package'); a year already held never changes ('known'). Refuses a
 * schedule with any problem, so nothing invalid is ever counted with.
 */
export function addEnteredYear(y: EnteredYear): AddOutcome {
  if (packageCovers(y.year)) return 'package';
  if (entered.has(y.year)) return 'known';
  if (y.year !== lastCoveredYear() + 1) throw CalendarErrors.CALENDAR_YEAR_NOT_NEXT({ year: y.year, nextYear: lastCoveredYear() + 1 });
  const holidays = Object.entries(y.holidays).map(([date, n]) => ({ date, zh: n.zh, en: n.en }));
  const makeUpDays = Object.entries(y.makeUpDays).map(([date, n]) => ({ date, holiday: n.zh }));
  const problems = yearScheduleProblems({ year: y.year, holidays, makeUpDays });
  if (problems.length) throw CalendarErrors.CALENDAR_YEAR_INVALID({ year: y.year, problems });
  entered.set(y.year, { year: y.year, holidays: { ...y.holidays }, makeUpDays: { ...y.makeUpDays } });
  return 'added';
}
