import fc from 'fast-check';
import { addWorkingTime, countingOf, remainingAt, shiftedDue, workingTimeBetween } from './working-time';

// An instant in Beijing. The windows are fixed dates of the 2026 schedule: 春节 15–23 Feb with 调休 on Saturday
// 14 Feb and Saturday 28 Feb; an ordinary weekend 28–29 Nov.
const bj = (date: string, time = '10:00') => new Date(`${date}T${time}:00+08:00`);
const H = 3_600_000;

describe('working time on the mainland calendar (a suspended period keeps its working days)', () => {
  it('counts only the hours of working dates, in Beijing', () => {
    // Friday 27 Nov 10:00 → Monday 30 Nov 10:00: 14 h of Friday, nothing of the weekend, 10 h of Monday
    expect(workingTimeBetween(bj('2026-11-27'), bj('2026-11-30'))).toBe(24 * H);
    expect(workingTimeBetween(bj('2026-11-28'), bj('2026-11-29', '20:00'))).toBe(0);
    expect(workingTimeBetween(bj('2026-11-30'), bj('2026-11-27'))).toBe(0);
    // a make-up Saturday (调休上班) is a working day; the holiday week is not
    expect(workingTimeBetween(bj('2026-02-14', '00:00'), bj('2026-02-24', '00:00'))).toBe(24 * H);
  });

  it('adds working time from an instant, skipping rest days and holidays', () => {
    expect(addWorkingTime(bj('2026-11-27', '20:00'), 6 * H)).toEqual(bj('2026-11-30', '02:00'));
    // resumed on a Saturday: the count starts on Monday
    expect(addWorkingTime(bj('2026-11-28', '09:00'), 10 * H)).toEqual(bj('2026-11-30', '10:00'));
    // resumed on the make-up Saturday before 春节: 14 h that day, then the next working day is 24 Feb
    expect(addWorkingTime(bj('2026-02-14', '10:00'), 24 * H)).toEqual(bj('2026-02-24', '10:00'));
    expect(addWorkingTime(bj('2026-11-28'), 0)).toEqual(bj('2026-11-28'));
    // ending exactly at the end of a working day is that midnight, not the next working morning
    expect(addWorkingTime(bj('2026-11-27', '20:00'), 4 * H)).toEqual(bj('2026-11-28', '00:00'));
  });

  it('a 10-working-day listing suspended for a weekend keeps its 10 working days', () => {
    // listed Mon 16 Nov 10:00, due Mon 30 Nov 10:00 (10 wd); suspended Thu 19 Nov 15:00, resumed Mon 23 Nov 09:00
    const due = bj('2026-11-30');
    const suspendedAt = bj('2026-11-19', '15:00');
    const resumedAt = bj('2026-11-23', '09:00');
    const left = remainingAt(due, suspendedAt, 'working');
    expect(left).toBe((9 + 24 + 24 * 5 + 10) * H); // rest of Thursday, Friday, Mon 23 – Fri 27, Mon 30 until 10:00
    const shifted = shiftedDue(due, suspendedAt, resumedAt, 'working');
    expect(workingTimeBetween(resumedAt, shifted)).toBe(left);
    // Thu 15:00 → Mon 09:00 took 42 h of working time (Thu 9 h, Fri 24 h, Mon 9 h): the due moves by that much
    expect(shifted).toEqual(new Date(due.getTime() + (9 + 24 + 9) * H));
    // a plain shift would have added the 90 h the project stood still, weekend included
    expect(shiftedDue(due, suspendedAt, resumedAt, 'elapsed')).toEqual(new Date(due.getTime() + 90 * H));
  });

  it('keeps working days across 春节 and its make-up Saturdays', () => {
    // due Fri 13 Feb 17:00; suspended Thu 12 Feb 17:00 (24 h of working time left); resumed Sat 14 Feb (调休, working) 12:00
    const due = shiftedDue(bj('2026-02-13', '17:00'), bj('2026-02-12', '17:00'), bj('2026-02-14', '12:00'), 'working');
    expect(due).toEqual(bj('2026-02-24', '12:00')); // 12 h on the 14th, the holiday week skipped, 12 h on the 24th
  });

  it('an overdue period has nothing left and comes due at the resumption', () => {
    const r = bj('2026-11-30');
    expect(shiftedDue(bj('2026-11-19'), bj('2026-11-20'), r, 'working')).toEqual(r);
    expect(shiftedDue(bj('2026-11-19'), bj('2026-11-20'), r, 'elapsed')).toEqual(r);
  });

  it('only a period counted in working days counts working time; sandbox seconds keep plain time', () => {
    expect(countingOf({ value: 10, unit: 'wd' })).toBe('working');
    for (const unit of ['d', 'h', 'min', 's'] as const) expect(countingOf({ value: 3, unit })).toBe('elapsed');
    expect(countingOf(undefined)).toBe('elapsed');
  });

  it('round-trips: the working time added from any instant is the working time found (property)', () => {
    const from = bj('2026-01-05').getTime();
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 200 * 24 }), fc.integer({ min: 0, max: 60 * 24 * H }), (startHours, w) => {
        const start = new Date(from + startHours * H);
        const end = addWorkingTime(start, w);
        expect(workingTimeBetween(start, end)).toBe(w);
        // the earliest such instant: a millisecond earlier there is less
        if (w > 0) expect(workingTimeBetween(start, new Date(end.getTime() - 1))).toBe(w - 1);
      }),
      { numRuns: 200 },
    );
  });
});
