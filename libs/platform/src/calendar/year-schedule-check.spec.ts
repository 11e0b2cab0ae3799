import { fictionalYear } from '../../../../test/support/fictional-calendar';
import { isCalendarDate, MAX_HOLIDAY_DAYS, yearScheduleProblems } from './year-schedule-check';

const fields = (s: Parameters<typeof yearScheduleProblems>[0]) => yearScheduleProblems(s).map((p) => p.field);

describe('checking a year of holidays before it is entered', () => {
  const f = fictionalYear(2027);

  it('takes a well-formed schedule', () => {
    expect(yearScheduleProblems(f.body)).toEqual([]);
  });

  it('knows real calendar dates', () => {
    expect(isCalendarDate('2027-02-28')).toBe(true);
    expect(isCalendarDate('2028-02-29')).toBe(true);
    for (const bad of ['2027-02-29', '2027-02-30', '2027-13-01', '2027-1-01', '27-01-01', '', null, 20270101]) expect(isCalendarDate(bad)).toBe(false);
  });

  it('refuses dates outside the year, invalid dates and repeats, with zh and en for each', () => {
    const problems = yearScheduleProblems({
      ...f.body,
      holidays: [...f.body.holidays, { date: '2026-12-31', zh: '元旦', en: "New Year's Day" }, { date: '2027-02-30', zh: '春节', en: 'Spring Festival' }, f.body.holidays[1]],
    });
    expect(problems.map((p) => p.field)).toEqual(['holidays[4].date', 'holidays[5].date', 'holidays[6].date']);
    for (const p of problems) expect(p.zh && p.en).toBeTruthy();
  });

  it('wants make-up days on Saturdays or Sundays, never on a holiday, naming one of the year’s holidays', () => {
    expect(fields({ ...f.body, makeUpDays: [{ date: f.day(1), holiday: f.body.holidays[1].zh }] })).toEqual(['makeUpDays[0].date']); // a Tuesday
    expect(fields({ ...f.body, makeUpDays: [{ date: f.day(6), holiday: f.body.holidays[1].zh }] })).toEqual([]); // a Sunday
    expect(fields({ ...f.body, holidays: [...f.body.holidays, { date: f.day(5), zh: '虚构测试节', en: 'Fictional Test Festival' }] })).toEqual(['makeUpDays[0].date']);
    expect(fields({ ...f.body, makeUpDays: [{ date: f.day(5), holiday: '不存在的节日' }] })).toEqual(['makeUpDays[0].holiday']);
    expect(fields({ ...f.body, makeUpDays: [f.body.makeUpDays[0], f.body.makeUpDays[0]] })).toEqual(['makeUpDays[1].date']);
  });

  it('wants names and sensible sizes', () => {
    expect(fields({ ...f.body, holidays: [{ date: '2027-01-01', zh: ' ', en: '' }] })).toEqual(['holidays[0].zh', 'holidays[0].en', 'makeUpDays[0].holiday']);
    expect(fields({ ...f.body, holidays: [...f.body.holidays, { date: '2027-01-02', zh: '虚构元旦', en: 'Another name' }] })).toEqual(['holidays[4].en']);
    expect(fields({ ...f.body, holidays: [], makeUpDays: [] })).toEqual(['holidays']);
    const many = Array.from({ length: MAX_HOLIDAY_DAYS + 1 }, (_, i) => ({ date: new Date(Date.UTC(2027, 0, 1 + i)).toISOString().slice(0, 10), zh: '虚构长假', en: 'Fictional long break' }));
    expect(fields({ year: 2027, holidays: many, makeUpDays: [] })).toEqual(['holidays']);
  });
});
