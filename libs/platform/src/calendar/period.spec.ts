import { CALENDAR_LAST_YEAR } from './holiday-schedule';
import { addPeriod, deadlineAfter, describePeriod, subtractPeriod } from './period';

const bj = (date: string, time = '10:00') => new Date(`${date}T${time}:00+08:00`);
const iso = (d: Date) => d.toISOString();

describe('periods', () => {
  it('adds every unit exactly', () => {
    const start = bj('2026-06-01');
    expect(iso(addPeriod(start, { value: 20, unit: 'd' }))).toBe(iso(bj('2026-06-21')));
    expect(addPeriod(start, { value: 2, unit: 'h' }).getTime() - start.getTime()).toBe(7_200_000);
    expect(addPeriod(start, { value: 5, unit: 'min' }).getTime() - start.getTime()).toBe(300_000);
    expect(addPeriod(start, { value: 90, unit: 's' }).getTime() - start.getTime()).toBe(90_000);
    expect(iso(addPeriod(bj('2026-06-18'), { value: 1, unit: 'wd' }))).toBe(iso(bj('2026-06-22'))); // 端午 19–21 Jun
  });

  it('subtracts a period, e.g. the last day to object 10 d before a deadline (条例 22)', () => {
    expect(iso(subtractPeriod(bj('2026-10-20', '09:30'), { value: 10, unit: 'd' }))).toBe(iso(bj('2026-10-10', '09:30')));
    expect(iso(subtractPeriod(bj('2026-10-08'), { value: 1, unit: 'wd' }))).toBe(iso(bj('2026-09-30')));
  });

  it('moves a deadline that lands on a holiday to the next working day (民法典 203)', () => {
    // 20 d from 11 Sep 2026 is National Day: the deadline becomes 8 Oct, same time.
    expect(iso(addPeriod(bj('2026-09-11', '09:30'), { value: 20, unit: 'd' }))).toBe(iso(bj('2026-10-01', '09:30')));
    expect(iso(deadlineAfter(bj('2026-09-11', '09:30'), { value: 20, unit: 'd' }))).toBe(iso(bj('2026-10-08', '09:30')));
    // 3 d of publicity from 12 Feb 2026 would end on the first day of the Spring Festival: it ends on 24 Feb.
    expect(iso(deadlineAfter(bj('2026-02-12'), { value: 3, unit: 'd' }))).toBe(iso(bj('2026-02-24')));
    // An ordinary Saturday moves to Monday; a make-up Saturday (调休上班) is a working day and stays.
    expect(iso(deadlineAfter(bj('2026-11-25'), { value: 3, unit: 'd' }))).toBe(iso(bj('2026-11-30')));
    expect(iso(deadlineAfter(bj('2026-02-25'), { value: 3, unit: 'd' }))).toBe(iso(bj('2026-02-28')));
    // Countdowns never move.
    expect(iso(deadlineAfter(bj('2026-10-01', '09:00'), { value: 5, unit: 'min' }))).toBe(iso(bj('2026-10-01', '09:05')));
    expect(iso(deadlineAfter(bj('2026-10-01', '09:00'), { value: 1, unit: 'wd' }))).toBe(iso(bj('2026-10-08', '09:00')));
  });

  it('needs no holiday data for plain calendar days, but refuses to roll a deadline beyond it', () => {
    const late = bj(`${CALENDAR_LAST_YEAR}-12-20`);
    expect(addPeriod(late, { value: 30, unit: 'd' }).getTime() - late.getTime()).toBe(30 * 86_400_000);
    expect(() => deadlineAfter(late, { value: 30, unit: 'd' })).toThrow(expect.objectContaining({ code: 'CALENDAR_OUT_OF_RANGE' }));
    expect(() => addPeriod(late, { value: 30, unit: 'wd' })).toThrow(expect.objectContaining({ code: 'CALENDAR_OUT_OF_RANGE' }));
  });

  it('refuses what is not a period', () => {
    expect(() => addPeriod(bj('2026-06-01'), { value: 1.5, unit: 'd' })).toThrow(RangeError);
    expect(() => addPeriod(bj('2026-06-01'), { value: 1, unit: 'week' as 'd' })).toThrow(RangeError);
  });

  it('describes a period in Chinese and English', () => {
    expect(describePeriod({ value: 20, unit: 'd' })).toEqual({ zh: '20日', en: '20 days' });
    expect(describePeriod({ value: 5, unit: 'wd' })).toEqual({ zh: '5个工作日', en: '5 working days' });
  });
});
