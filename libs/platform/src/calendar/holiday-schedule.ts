// 国务院办公厅 annual notices on public holidays (节假日安排), 调休 included, as packaged by chinese-days.
// We read its JSON rather than call its functions: chinese-days takes the weekday in the process's local time
// zone, so on a server outside UTC+0 a Saturday can come out as a Friday.
import data from 'chinese-days/dist/chinese-days.json';
import { CalendarErrors } from './calendar-errors';

/** holiday dates and make-up working days (调休上班), 'YYYY-MM-DD' → "English name,中文名,days" */
const HOLIDAYS: Record<string, string> = data.holidays;
const MAKE_UP_DAYS: Record<string, string> = data.workdays;

const yearSet = new Set(Object.keys(HOLIDAYS).map((d) => Number(d.slice(0, 4))));
const years = [...yearSet].sort((a, b) => a - b);
export const CALENDAR_FIRST_YEAR = years[0];
export const CALENDAR_LAST_YEAR = years[years.length - 1];
/** A year without a single holiday in the data would be a gap in the package, not a year without holidays. */
export const CALENDAR_HAS_GAPS = years.length !== CALENDAR_LAST_YEAR - CALENDAR_FIRST_YEAR + 1;

export type DayKind = 'weekday' | 'weekend' | 'holiday' | 'make-up';

export interface DaySchedule {
  /** the calendar date, YYYY-MM-DD */
  date: string;
  working: boolean;
  kind: DayKind;
  /** the holiday a holiday or a make-up working day belongs to, e.g. 国庆节 / National Day */
  holiday?: { zh: string; en: string };
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** What the published schedule says about one date; refuses (CALENDAR_OUT_OF_RANGE) a year it does not cover. */
export function scheduleOf(date: string): DaySchedule {
  const m = DATE.exec(date);
  if (!m) throw new RangeError(`not a YYYY-MM-DD date: ${date}`);
  const year = Number(m[1]);
  if (!yearSet.has(year)) {
    throw CalendarErrors.CALENDAR_OUT_OF_RANGE({ date, coveredYears: `${CALENDAR_FIRST_YEAR}–${CALENDAR_LAST_YEAR}` });
  }
  const named = (entry: string) => {
    const [en, zh] = entry.split(',');
    return { zh, en };
  };
  if (MAKE_UP_DAYS[date]) return { date, working: true, kind: 'make-up', holiday: named(MAKE_UP_DAYS[date]) };
  if (HOLIDAYS[date]) return { date, working: false, kind: 'holiday', holiday: named(HOLIDAYS[date]) };
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return weekday === 0 || weekday === 6 ? { date, working: false, kind: 'weekend' } : { date, working: true, kind: 'weekday' };
}
