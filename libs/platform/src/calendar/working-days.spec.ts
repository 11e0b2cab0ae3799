import { DomainError } from '../errors/domain-error';
import { addPeriod, addWorkingDays, CALENDAR_LAST_YEAR, isWorkingDay, shanghaiDate, workingDaysBetween } from './working-days';

// 10:00 in Beijing on a date
const bj = (date: string, time = '10:00') => new Date(`${date}T${time}:00+08:00`);

describe('working days on the mainland calendar (chinese-days)', () => {
  it('reads the date in Asia/Shanghai, not UTC', () => {
    expect(shanghaiDate(new Date('2026-09-30T17:00:00Z'))).toBe('2026-10-01');
    expect(isWorkingDay(new Date('2026-09-30T15:30:00Z'))).toBe(true); // 23:30 on 30 Sep in Beijing
    expect(isWorkingDay(new Date('2026-09-30T16:30:00Z'))).toBe(false); // 00:30 on National Day
  });

  it('knows the 2026 Spring Festival, its make-up Saturdays and National Day', () => {
    expect(isWorkingDay(bj('2026-02-16'))).toBe(false); // 除夕前, holiday
    expect(isWorkingDay(bj('2026-02-14'))).toBe(true); // Saturday 调休上班
    expect(isWorkingDay(bj('2026-02-28'))).toBe(true); // Saturday 调休上班
    expect(isWorkingDay(bj('2026-10-01'))).toBe(false);
    expect(isWorkingDay(bj('2026-09-20'))).toBe(true); // Sunday 调休上班
    expect(isWorkingDay(bj('2026-11-28'))).toBe(false); // an ordinary Saturday
  });

  it('skips the National Day week: 1 working day after 30 Sep 2026 is 8 Oct', () => {
    expect(addWorkingDays(bj('2026-09-30', '17:00'), 1).toISOString()).toBe(bj('2026-10-08', '17:00').toISOString());
  });

  it('counts the make-up Saturday before the 2025 Spring Festival', () => {
    // Sun 26 Jan 2025 is a working day; 28 Jan – 4 Feb are holidays.
    expect(addWorkingDays(bj('2025-01-24'), 1).toISOString()).toBe(bj('2025-01-26').toISOString());
    expect(addWorkingDays(bj('2025-01-27'), 1).toISOString()).toBe(bj('2025-02-05').toISOString());
  });

  it('adds 0 working days as no change, even from a holiday', () => {
    expect(addWorkingDays(bj('2026-10-03'), 0).toISOString()).toBe(bj('2026-10-03').toISOString());
  });

  it('counts working days between two instants', () => {
    expect(workingDaysBetween(bj('2026-09-28'), bj('2026-10-09'))).toBe(4); // 29, 30 Sep and 8, 9 Oct
    expect(workingDaysBetween(bj('2026-10-09'), bj('2026-10-10'))).toBe(1); // Sat 10 Oct 2026 is 调休上班
  });

  it('crosses a year boundary inside the covered years', () => {
    expect(addWorkingDays(bj('2025-12-31'), 1).toISOString()).toBe(bj('2026-01-04').toISOString()); // 1–3 Jan holiday, Sun 4 Jan 调休上班
  });

  it('refuses to guess beyond the years whose schedule is published', () => {
    expect(() => addWorkingDays(bj(`${CALENDAR_LAST_YEAR}-12-31`), 1)).toThrow(DomainError);
    expect(() => isWorkingDay(bj(`${CALENDAR_LAST_YEAR + 1}-03-02`))).toThrow(expect.objectContaining({ code: 'CALENDAR_OUT_OF_RANGE', status: 422 }));
  });

  it('adds periods in every unit', () => {
    const start = bj('2026-06-01');
    expect(addPeriod(start, { value: 20, unit: 'd' }).toISOString()).toBe(bj('2026-06-21').toISOString());
    expect(addPeriod(start, { value: 90, unit: 's' }).getTime() - start.getTime()).toBe(90_000);
    expect(addPeriod(start, { value: 5, unit: 'min' }).getTime() - start.getTime()).toBe(300_000);
    expect(addPeriod(start, { value: 2, unit: 'h' }).getTime() - start.getTime()).toBe(7_200_000);
    expect(addPeriod(bj('2026-06-18'), { value: 1, unit: 'wd' }).toISOString()).toBe(bj('2026-06-22').toISOString()); // 端午 19–21 Jun
  });
});
