// 国务院办公厅 annual notices on public holidays (节假日安排), 调休 included, as packaged by chinese-days.
// We read its JSON rather than call its functions: chinese-days takes the weekday in the process's local time
// zone, so on a server outside UTC+0 a Saturday can come out as a Friday.
import data from 'chinese-days/dist/chinese-days.json';

export interface HolidayName {
  zh: string;
  en: string;
}

/** holiday dates and make-up working days (调休上班), 'YYYY-MM-DD' → "English name,中文名,days" */
const HOLIDAYS: Record<string, string> = data.holidays;
const MAKE_UP_DAYS: Record<string, string> = data.workdays;

const yearSet = new Set(Object.keys(HOLIDAYS).map((d) => Number(d.slice(0, 4))));
const years = [...yearSet].sort((a, b) => a - b);
/** The first and last year of the package's data (entered years come after it: see entered-years.ts). */
export const CALENDAR_FIRST_YEAR = years[0];
export const CALENDAR_LAST_YEAR = years[years.length - 1];
/** A year without a single holiday in the data would be a gap in the package, not a year without holidays. */
export const CALENDAR_HAS_GAPS = years.length !== CALENDAR_LAST_YEAR - CALENDAR_FIRST_YEAR + 1;

export function packageCovers(year: number): boolean {
  return yearSet.has(year);
}

function named(entry: string): HolidayName {
  const [en, zh] = entry.split(',');
  return { zh, en };
}

export function packageHoliday(date: string): HolidayName | undefined {
  return HOLIDAYS[date] ? named(HOLIDAYS[date]) : undefined;
}

export function packageMakeUpDay(date: string): HolidayName | undefined {
  return MAKE_UP_DAYS[date] ? named(MAKE_UP_DAYS[date]) : undefined;
}

const ofYear = (source: Record<string, string>, year: number) =>
  Object.keys(source)
    .filter((d) => d.startsWith(`${year}-`))
    .sort()
    .map((date) => ({ date, ...named(source[date]) }));

/** One year of the package as lists, for the public calendar view. */
export function packageYear(year: number): { holidays: ({ date: string } & HolidayName)[]; makeUpDays: ({ date: string } & HolidayName)[] } {
  return { holidays: ofYear(HOLIDAYS, year), makeUpDays: ofYear(MAKE_UP_DAYS, year) };
}
