import { asEnteredYear, fictionalYear } from '../../../../test/support/fictional-calendar';
import { DomainError } from '../errors/domain-error';
import { addEnteredYear, lastCoveredYear } from './entered-years';
import { coveredYears, scheduleOf } from './holiday-schedule';
import { CALENDAR_LAST_YEAR } from './package-schedule';
import { addPeriod, deadlineAfter } from './period';
import { addWorkingDays, isWorkingDay, workingDaysBetween } from './working-days';

// The module's registry lives as long as this file's module registry: the tests run in order.
const next = fictionalYear(CALENDAR_LAST_YEAR + 1);
const after = fictionalYear(CALENDAR_LAST_YEAR + 2);
const bj = (date: string, time = '09:00') => new Date(`${date}T${time}:00+08:00`);
const refusal = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return e as DomainError;
  }
  throw new Error('not refused');
};

describe('years the committee enters after the package', () => {
  it('refuses working days in the next year until it is entered', () => {
    expect(lastCoveredYear()).toBe(CALENDAR_LAST_YEAR);
    const e = refusal(() => isWorkingDay(bj(next.monday)));
    expect(e).toMatchObject({ code: 'CALENDAR_OUT_OF_RANGE', status: 422 });
    expect(e.details?.coveredYears).toBe(`${coveredYears().first}–${CALENDAR_LAST_YEAR}`);
  });

  it('never takes a year with a gap before it, nor an invalid one', () => {
    expect(refusal(() => addEnteredYear(asEnteredYear(after)))).toMatchObject({ code: 'CALENDAR_YEAR_NOT_NEXT', details: { year: after.year, nextYear: next.year } });
    const bad = asEnteredYear(next);
    bad.makeUpDays = { [next.day(1)]: { zh: '虚构测试节', en: 'Fictional Test Festival' } }; // a Tuesday
    expect(refusal(() => addEnteredYear(bad))).toMatchObject({ code: 'CALENDAR_YEAR_INVALID' });
    expect(lastCoveredYear()).toBe(CALENDAR_LAST_YEAR);
  });

  it('leaves a year the package covers to the package', () => {
    expect(addEnteredYear({ ...asEnteredYear(next), year: CALENDAR_LAST_YEAR, holidays: {} })).toBe('package');
    expect(scheduleOf(`${CALENDAR_LAST_YEAR}-10-01`)).toMatchObject({ kind: 'holiday', holiday: { zh: '国庆节' } });
  });

  it('counts working days in an entered year with its holidays and make-up days', () => {
    expect(addEnteredYear(asEnteredYear(next))).toBe('added');
    expect(coveredYears().last).toBe(next.year);
    expect(isWorkingDay(bj(next.day(0)))).toBe(true);
    expect(scheduleOf(next.day(2))).toEqual({ date: next.day(2), working: false, kind: 'holiday', holiday: { zh: '虚构测试节', en: 'Fictional Test Festival' } });
    expect(scheduleOf(next.day(5))).toMatchObject({ working: true, kind: 'make-up' }); // the Saturday worked in lieu
    expect(isWorkingDay(bj(next.day(6)))).toBe(false); // an ordinary Sunday
    expect(addWorkingDays(bj(next.monday), 2)).toEqual(bj(next.day(5)));
    // Without the fictional holidays 10 working days from Monday end on the Monday two weeks later.
    expect(addWorkingDays(bj(next.monday), 10)).toEqual(bj(next.day(16)));
    expect(workingDaysBetween(bj(next.monday), bj(next.day(16)))).toBe(10);
    expect(addPeriod(bj(next.monday), { value: 10, unit: 'wd' })).toEqual(bj(next.day(16)));
    // 民法典 203: a period in days ending on the fictional holiday ends on the next working day, the make-up Saturday.
    expect(deadlineAfter(bj(next.day(-5)), { value: 8, unit: 'd' })).toEqual(bj(next.day(5)));
    expect(isWorkingDay(bj(`${next.year}-01-01`))).toBe(false);
  });

  it('counts across the turn of the year, and refuses beyond the entered year', () => {
    expect(workingDaysBetween(bj(`${CALENDAR_LAST_YEAR}-12-31`), bj(`${next.year}-01-01`))).toBe(0);
    expect(refusal(() => isWorkingDay(bj(after.monday)))).toMatchObject({ code: 'CALENDAR_OUT_OF_RANGE', details: { coveredYears: `${coveredYears().first}–${next.year}` } });
  });

  it('never changes a year once held, and then takes the next one', () => {
    const changed = asEnteredYear(next);
    changed.holidays = { [`${next.year}-01-01`]: { zh: '虚构元旦', en: 'Fictional New Year' } };
    expect(addEnteredYear(changed)).toBe('known');
    expect(isWorkingDay(bj(next.day(2)))).toBe(false);
    expect(addEnteredYear(asEnteredYear(after))).toBe('added');
    expect(lastCoveredYear()).toBe(after.year);
  });
});
