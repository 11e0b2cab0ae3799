// What the State Council's schedules say about one date: the package's years, then the committee's entered years.
import { CalendarErrors } from './calendar-errors';
import { enteredYear, lastCoveredYear } from './entered-years';
import { CALENDAR_FIRST_YEAR, HolidayName, packageCovers, packageHoliday, packageMakeUpDay } from './package-schedule';

export { CALENDAR_FIRST_YEAR, CALENDAR_HAS_GAPS, CALENDAR_LAST_YEAR } from './package-schedule';

export type DayKind = 'weekday' | 'weekend' | 'holiday' | 'make-up';

export interface DaySchedule {
  /** the calendar date, YYYY-MM-DD */
  date: string;
  working: boolean;
  kind: DayKind;
  /** the holiday a holiday or a make-up working day belongs to, e.g. 国庆节 / National Day */
  holiday?: HolidayName;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The years working days can be counted in now, e.g. "2004–2027". */
export function coveredYears(): { first: number; last: number } {
  return { first: CALENDAR_FIRST_YEAR, last: lastCoveredYear() };
}

/** What the published schedule says about one date; refuses (CALENDAR_OUT_OF_RANGE) a year it does not cover. */
export function scheduleOf(date: string): DaySchedule {
  const m = DATE.exec(date);
  if (!m) throw new RangeError(`not a YYYY-MM-DD date: ${date}`);
  const year = Number(m[1]);
  let makeUp: HolidayName | undefined;
  let holiday: HolidayName | undefined;
  if (packageCovers(year)) {
    makeUp = packageMakeUpDay(date);
    holiday = packageHoliday(date);
  } else {
    const entered = enteredYear(year);
    if (!entered) {
      const { first, last } = coveredYears();
      throw CalendarErrors.CALENDAR_OUT_OF_RANGE({ date, coveredYears: `${first}–${last}` });
    }
    makeUp = entered.makeUpDays[date];
    holiday = entered.holidays[date];
  }
  if (makeUp) return { date, working: true, kind: 'make-up', holiday: { zh: makeUp.zh, en: makeUp.en } };
  if (holiday) return { date, working: false, kind: 'holiday', holiday: { zh: holiday.zh, en: holiday.en } };
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return weekday === 0 || weekday === 6 ? { date, working: false, kind: 'weekend' } : { date, working: true, kind: 'weekday' };
}
