import { beijingDay, calendarWindow, dayStart, shifted } from './calendar-window';

describe('calendar windows in Beijing time', () => {
  it('a day runs 00:00–24:00 +08:00', () => {
    expect(calendarWindow({ day: '2026-12-20' })).toEqual({ from: new Date('2026-12-19T16:00:00Z'), to: new Date('2026-12-20T16:00:00Z') });
  });

  it('a week runs Monday to Sunday around the given day', () => {
    // 2026-12-20 is a Sunday; its week starts Monday 2026-12-14.
    expect(calendarWindow({ week: '2026-12-20' })).toEqual({ from: new Date('2026-12-13T16:00:00Z'), to: new Date('2026-12-20T16:00:00Z') });
    expect(calendarWindow({ week: '2026-12-14' })?.from).toEqual(new Date('2026-12-13T16:00:00Z'));
  });

  it('refuses dates that do not exist, mixed or missing asks, and windows over 31 days', () => {
    expect(dayStart('2026-02-30')).toBeNull();
    expect(calendarWindow({ day: '2026-02-30' })).toBeNull();
    expect(calendarWindow({})).toBeNull();
    expect(calendarWindow({ day: '2026-12-20', week: '2026-12-20' })).toBeNull();
    expect(calendarWindow({ from: new Date('2026-12-01T00:00:00Z') })).toBeNull();
    expect(calendarWindow({ from: new Date('2026-12-01T00:00:00Z'), to: new Date('2027-01-02T00:00:00Z') })).toBeNull();
    expect(calendarWindow({ from: new Date('2026-12-02T00:00:00Z'), to: new Date('2026-12-01T00:00:00Z') })).toBeNull();
  });

  it('shifts a milestone by the delta of the start', () => {
    expect(shifted(new Date('2026-12-20T01:00:00Z'), new Date('2026-12-20T00:00:00Z'), new Date('2026-12-21T02:00:00Z'))).toEqual(new Date('2026-12-21T03:00:00Z'));
  });

  it('an instant falls on its Beijing day: 23:59 and 00:00 +08:00 are on two days', () => {
    expect(beijingDay(new Date('2030-03-07T23:59:00+08:00'))).toBe('2030-03-07');
    expect(beijingDay(new Date('2030-03-08T00:00:00+08:00'))).toBe('2030-03-08');
    expect(beijingDay(new Date('2030-03-07T16:30:00Z'))).toBe('2030-03-08');
  });
});
