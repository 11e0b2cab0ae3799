// 国务院办公厅 关于节假日安排的通知: one year's holidays and the Saturdays and Sundays worked in lieu (调休上班).
import { HolidayName } from './package-schedule';

export const MAX_HOLIDAY_DAYS = 60;
export const MAX_MAKE_UP_DAYS = 20;
export const MAX_HOLIDAY_NAME_ZH = 40;
export const MAX_HOLIDAY_NAME_EN = 80;

export interface HolidayDay extends HolidayName {
  date: string;
}

/** A make-up working day names the holiday it belongs to by its Chinese name, e.g. 春节. */
export interface MakeUpDay {
  date: string;
  holiday: string;
}

export interface YearScheduleInput {
  year: number;
  holidays: HolidayDay[];
  makeUpDays: MakeUpDay[];
}

export interface ScheduleProblem {
  field: string;
  zh: string;
  en: string;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar date written YYYY-MM-DD (2027-02-30 is not one). */
export function isCalendarDate(value: unknown): value is string {
  if (typeof value !== 'string' || !DATE.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/** 0 Sunday … 6 Saturday, of the date itself (no time zone involved). */
export const weekdayOf = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay();

const text = (v: unknown, max: number) => typeof v === 'string' && v.trim().length > 0 && v.length <= max;

/**
 * Every problem of one year's schedule, empty when it can be entered: real dates inside the year, no date twice,
 * no date both a holiday and a make-up day, make-up days on Saturdays or Sundays naming one of the year's holidays.
 */
export function yearScheduleProblems(s: YearScheduleInput): ScheduleProblem[] {
  const problems: ScheduleProblem[] = [];
  const add = (field: string, zh: string, en: string) => problems.push({ field, zh, en });
  const holidays = Array.isArray(s.holidays) ? s.holidays : [];
  const makeUps = Array.isArray(s.makeUpDays) ? s.makeUpDays : [];
  if (holidays.length < 1 || holidays.length > MAX_HOLIDAY_DAYS) {
    add('holidays', `放假日期应为 1 至 ${MAX_HOLIDAY_DAYS} 天`, `between 1 and ${MAX_HOLIDAY_DAYS} holiday dates`);
  }
  if (makeUps.length > MAX_MAKE_UP_DAYS) add('makeUpDays', `调休上班日最多 ${MAX_MAKE_UP_DAYS} 天`, `at most ${MAX_MAKE_UP_DAYS} make-up working days`);

  const inYear = (field: string, date: unknown): date is string => {
    if (!isCalendarDate(date)) {
      add(field, '不是有效的日期(YYYY-MM-DD)', 'not a valid date (YYYY-MM-DD)');
      return false;
    }
    if (Number(date.slice(0, 4)) !== s.year) {
      add(field, `日期不在 ${s.year} 年内`, `the date is not in ${s.year}`);
      return false;
    }
    return true;
  };

  const holidayDates = new Set<string>();
  const enOf = new Map<string, string>();
  holidays.forEach((h, i) => {
    const f = `holidays[${i}]`;
    if (inYear(`${f}.date`, h?.date)) {
      if (holidayDates.has(h.date)) add(`${f}.date`, `${h.date} 重复`, `${h.date} is listed twice`);
      holidayDates.add(h.date);
    }
    if (!text(h?.zh, MAX_HOLIDAY_NAME_ZH)) add(`${f}.zh`, `节日中文名称应为 1 至 ${MAX_HOLIDAY_NAME_ZH} 个字符`, `the Chinese name takes 1 to ${MAX_HOLIDAY_NAME_ZH} characters`);
    if (!text(h?.en, MAX_HOLIDAY_NAME_EN)) add(`${f}.en`, `节日英文名称应为 1 至 ${MAX_HOLIDAY_NAME_EN} 个字符`, `the English name takes 1 to ${MAX_HOLIDAY_NAME_EN} characters`);
    if (text(h?.zh, MAX_HOLIDAY_NAME_ZH) && text(h?.en, MAX_HOLIDAY_NAME_EN)) {
      const known = enOf.get(h.zh);
      if (known !== undefined && known !== h.en) add(`${f}.en`, `同一节日「${h.zh}」的英文名称前后不一致`, `the holiday "${h.zh}" has two English names`);
      enOf.set(h.zh, h.en);
    }
  });

  const makeUpDates = new Set<string>();
  makeUps.forEach((m, i) => {
    const f = `makeUpDays[${i}]`;
    if (inYear(`${f}.date`, m?.date)) {
      if (makeUpDates.has(m.date)) add(`${f}.date`, `${m.date} 重复`, `${m.date} is listed twice`);
      makeUpDates.add(m.date);
      if (holidayDates.has(m.date)) add(`${f}.date`, `${m.date} 不能既放假又调休上班`, `${m.date} cannot be both a holiday and a make-up working day`);
      const wd = weekdayOf(m.date);
      if (wd !== 0 && wd !== 6) add(`${f}.date`, `调休上班日 ${m.date} 应为星期六或星期日`, `the make-up working day ${m.date} must be a Saturday or a Sunday`);
    }
    if (typeof m?.holiday !== 'string' || !enOf.has(m.holiday)) {
      add(`${f}.holiday`, '调休上班日须对应本年度放假安排中的一个节日', 'a make-up working day must name one of the year’s holidays');
    }
  });
  return problems;
}
