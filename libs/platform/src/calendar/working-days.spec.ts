import fc from 'fast-check';
import { DomainError } from '../errors/domain-error';
import { CALENDAR_FIRST_YEAR, CALENDAR_HAS_GAPS, CALENDAR_LAST_YEAR, scheduleOf } from './holiday-schedule';
import { addWorkingDays, isWorkingDay, onWorkingDay, shanghaiDate, workingDaysBetween } from './working-days';

// An instant in Beijing: 10:00 on a date unless told otherwise.
const bj = (date: string, time = '10:00') => new Date(`${date}T${time}:00+08:00`);
const iso = (d: Date) => d.toISOString();

describe('the holiday schedule (chinese-days data)', () => {
  it('covers a run of years without gaps, through at least 2026', () => {
    expect(CALENDAR_FIRST_YEAR).toBeLessThanOrEqual(2024);
    expect(CALENDAR_LAST_YEAR).toBeGreaterThanOrEqual(2026);
    expect(CALENDAR_HAS_GAPS).toBe(false);
  });

  it('names holidays and make-up days', () => {
    expect(scheduleOf('2026-10-01')).toEqual({ date: '2026-10-01', working: false, kind: 'holiday', holiday: { zh: '国庆节', en: 'National Day' } });
    expect(scheduleOf('2026-02-14')).toMatchObject({ working: true, kind: 'make-up', holiday: { zh: '春节' } });
    expect(scheduleOf('2026-11-28')).toEqual({ date: '2026-11-28', working: false, kind: 'weekend' });
    expect(scheduleOf('2026-11-27')).toEqual({ date: '2026-11-27', working: true, kind: 'weekday' });
  });
});

describe('working days on the mainland calendar, in Asia/Shanghai', () => {
  it('reads the date in Beijing, not UTC', () => {
    expect(shanghaiDate(new Date('2026-09-30T17:00:00Z'))).toBe('2026-10-01');
    expect(isWorkingDay(new Date('2026-09-30T15:30:00Z'))).toBe(true); // 23:30 on 30 Sep in Beijing
    expect(isWorkingDay(new Date('2026-09-30T16:30:00Z'))).toBe(false); // 00:30 on National Day
  });

  it('gives the same answers whatever time zone the server runs in', () => {
    const saved = process.env.TZ;
    try {
      for (const tz of ['America/New_York', 'Pacific/Auckland', 'UTC']) {
        process.env.TZ = tz;
        expect(isWorkingDay(bj('2026-11-28'))).toBe(false); // an ordinary Saturday
        expect(isWorkingDay(bj('2026-11-30'))).toBe(true); // Monday
        expect(iso(addWorkingDays(bj('2026-11-27', '23:30'), 1))).toBe(iso(bj('2026-11-30', '23:30')));
      }
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });

  it('2025 Spring Festival: Sun 26 Jan and Sat 8 Feb are worked, 28 Jan – 4 Feb are holidays', () => {
    expect(isWorkingDay(bj('2025-01-26'))).toBe(true);
    for (const d of ['2025-01-28', '2025-01-29', '2025-02-03', '2025-02-04']) expect(isWorkingDay(bj(d))).toBe(false);
    expect(isWorkingDay(bj('2025-02-08'))).toBe(true);
    expect(iso(addWorkingDays(bj('2025-01-24'), 1))).toBe(iso(bj('2025-01-26'))); // Friday → the make-up Sunday
    expect(iso(addWorkingDays(bj('2025-01-27'), 1))).toBe(iso(bj('2025-02-05')));
    expect(workingDaysBetween(bj('2025-01-27'), bj('2025-02-08'))).toBe(4); // 5, 6, 7 and Sat 8 Feb
  });

  it('2025 National Day and Mid-Autumn: 1–8 Oct off, Sun 28 Sep and Sat 11 Oct worked', () => {
    expect(isWorkingDay(bj('2025-09-28'))).toBe(true);
    expect(isWorkingDay(bj('2025-10-08'))).toBe(false);
    expect(isWorkingDay(bj('2025-10-11'))).toBe(true);
    expect(iso(addWorkingDays(bj('2025-09-30', '17:00'), 1))).toBe(iso(bj('2025-10-09', '17:00')));
    expect(iso(addWorkingDays(bj('2025-10-10', '09:30'), 1))).toBe(iso(bj('2025-10-11', '09:30')));
  });

  it('2026 Spring Festival: Sat 14 Feb and Sat 28 Feb are worked, 15–23 Feb are holidays', () => {
    expect(isWorkingDay(bj('2026-02-14'))).toBe(true);
    expect(isWorkingDay(bj('2026-02-16'))).toBe(false);
    expect(isWorkingDay(bj('2026-02-23'))).toBe(false); // a Monday, still holiday
    expect(isWorkingDay(bj('2026-02-28'))).toBe(true);
    expect(iso(addWorkingDays(bj('2026-02-13'), 1))).toBe(iso(bj('2026-02-14')));
    expect(iso(addWorkingDays(bj('2026-02-14'), 1))).toBe(iso(bj('2026-02-24')));
    expect(iso(addWorkingDays(bj('2026-02-24'), 4))).toBe(iso(bj('2026-02-28'))); // 25, 26, 27 and the make-up Sat 28
    expect(workingDaysBetween(bj('2026-02-13'), bj('2026-03-02'))).toBe(7); // 14, 24, 25, 26, 27, 28 Feb, 2 Mar
  });

  it('2026 National Day: Sun 20 Sep and Sat 10 Oct are worked, Mid-Autumn 25–27 Sep and 1–7 Oct are off', () => {
    expect(isWorkingDay(bj('2026-09-20'))).toBe(true);
    expect(isWorkingDay(bj('2026-09-25'))).toBe(false);
    expect(isWorkingDay(bj('2026-10-01'))).toBe(false);
    expect(isWorkingDay(bj('2026-10-10'))).toBe(true);
    expect(iso(addWorkingDays(bj('2026-09-30', '17:00'), 1))).toBe(iso(bj('2026-10-08', '17:00')));
    expect(workingDaysBetween(bj('2026-09-28'), bj('2026-10-10'))).toBe(5); // 29, 30 Sep, 8, 9, Sat 10 Oct
  });

  it('crosses year boundaries, both ways', () => {
    expect(iso(addWorkingDays(bj('2024-12-31'), 1))).toBe(iso(bj('2025-01-02'))); // 1 Jan 2025 off
    expect(iso(addWorkingDays(bj('2025-12-31'), 1))).toBe(iso(bj('2026-01-04'))); // 1–3 Jan off, Sun 4 Jan worked
    expect(iso(addWorkingDays(bj('2026-01-05'), -2))).toBe(iso(bj('2025-12-31')));
    expect(workingDaysBetween(bj('2025-12-30'), bj('2026-01-05'))).toBe(3); // 31 Dec, 4 and 5 Jan
    expect(workingDaysBetween(bj('2026-01-05'), bj('2025-12-30'))).toBe(-3);
  });

  it('adds 0 working days as no change, even on a holiday; counts 0 between two times of one day', () => {
    expect(iso(addWorkingDays(bj('2026-10-03'), 0))).toBe(iso(bj('2026-10-03')));
    expect(workingDaysBetween(bj('2026-10-09', '08:00'), bj('2026-10-09', '18:00'))).toBe(0);
  });

  it('moves an instant on a rest day to the same time on the next working day', () => {
    expect(iso(onWorkingDay(bj('2026-10-03', '09:30')))).toBe(iso(bj('2026-10-08', '09:30')));
    expect(iso(onWorkingDay(bj('2026-10-09', '09:30')))).toBe(iso(bj('2026-10-09', '09:30')));
  });

  it('refuses to guess beyond the years whose schedule is published', () => {
    const late = `${CALENDAR_LAST_YEAR + 1}-03-02`;
    expect(() => isWorkingDay(bj(late))).toThrow(expect.objectContaining({ code: 'CALENDAR_OUT_OF_RANGE', status: 422 }));
    expect(() => isWorkingDay(bj(`${CALENDAR_FIRST_YEAR - 1}-06-01`))).toThrow(DomainError);
    expect(() => addWorkingDays(bj(`${CALENDAR_LAST_YEAR}-12-31`), 1)).toThrow(DomainError);
    expect(() => workingDaysBetween(bj(`${CALENDAR_LAST_YEAR}-12-01`), bj(late))).toThrow(DomainError);
    try {
      isWorkingDay(bj(late));
    } catch (err) {
      expect((err as DomainError).details).toEqual({ date: late, coveredYears: `${CALENDAR_FIRST_YEAR}–${CALENDAR_LAST_YEAR}` });
    }
  });

  it('refuses a fractional number of days and an invalid date', () => {
    expect(() => addWorkingDays(bj('2026-06-01'), 1.5)).toThrow(RangeError);
    expect(() => isWorkingDay(new Date('nonsense'))).toThrow(RangeError);
  });

  // Properties over every instant of 2024-01-01 … 2026-09-30 and up to 40 working days.
  const instant = fc.date({ min: bj('2024-01-01', '00:00'), max: bj('2026-09-30', '23:59'), noInvalidDate: true });

  it('counts back what it added and keeps the time of day', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 0, max: 40 }), (start, n) => {
        const end = addWorkingDays(start, n);
        expect(workingDaysBetween(start, end)).toBe(n);
        expect((end.getTime() - start.getTime()) % 86_400_000).toBe(0);
        if (n > 0) expect(isWorkingDay(end)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('walks back to a working day it started from', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 1, max: 40 }), (start, n) => {
        fc.pre(isWorkingDay(start));
        expect(iso(addWorkingDays(addWorkingDays(start, n), -n))).toBe(iso(start));
      }),
      { numRuns: 300 },
    );
  });
});
