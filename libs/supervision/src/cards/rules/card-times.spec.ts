import { cardMonth, cardsEarned, stepTimes, warningPoint } from './card-times';

const at = (iso: string) => new Date(iso);

describe('card times', () => {
  it('puts the warning point at the percent of the span, to the millisecond below', () => {
    expect(warningPoint(at('2025-03-03T00:00:00Z'), at('2025-03-03T00:00:10Z'), 80)).toEqual(at('2025-03-03T00:00:08Z'));
    expect(warningPoint(at('2025-03-03T00:00:00Z'), at('2025-03-03T00:00:00.999Z'), 50)).toEqual(at('2025-03-03T00:00:00.499Z'));
  });

  it('derives the due time from the start and the period, and the start from the due time', () => {
    const fromStart = stepTimes({ startedAt: at('2025-03-03T00:00:00Z'), dueAt: null, period: { value: 10, unit: 's' }, warningPercent: 80 });
    expect(fromStart).toEqual({ startedAt: at('2025-03-03T00:00:00Z'), dueAt: at('2025-03-03T00:00:10Z'), warnAt: at('2025-03-03T00:00:08Z') });
    const fromDue = stepTimes({ startedAt: null, dueAt: at('2025-03-03T00:00:10Z'), period: { value: 10, unit: 's' }, warningPercent: 50 });
    expect(fromDue).toEqual({ startedAt: at('2025-03-03T00:00:00Z'), dueAt: at('2025-03-03T00:00:10Z'), warnAt: at('2025-03-03T00:00:05Z') });
    // a recorded due time wins over the period
    expect(stepTimes({ startedAt: at('2025-03-03T00:00:00Z'), dueAt: at('2025-03-03T00:01:40Z'), period: { value: 10, unit: 's' }, warningPercent: 80 })!.warnAt).toEqual(at('2025-03-03T00:01:20Z'));
  });

  it('counts 3 working days over a weekend (Friday 2025-03-07 10:00 CST → Wednesday)', () => {
    const t = stepTimes({ startedAt: at('2025-03-07T02:00:00Z'), dueAt: null, period: { value: 3, unit: 'wd' }, warningPercent: 80 })!;
    expect(t.dueAt.getTime()).toBeGreaterThan(at('2025-03-11T16:00:00Z').getTime());
    expect(t.warnAt.getTime()).toBeLessThan(t.dueAt.getTime());
  });

  it('gives nothing without both ends or with a percent out of range', () => {
    expect(stepTimes({ startedAt: null, dueAt: at('2025-03-03T00:00:10Z'), period: null, warningPercent: 80 })).toBeUndefined();
    expect(stepTimes({ startedAt: at('2025-03-03T00:00:10Z'), dueAt: null, period: null, warningPercent: 80 })).toBeUndefined();
    expect(stepTimes({ startedAt: at('2025-03-03T00:00:00Z'), dueAt: at('2025-03-03T00:00:10Z'), period: null, warningPercent: 100 })).toBeUndefined();
    expect(stepTimes({ startedAt: at('2025-03-03T00:00:10Z'), dueAt: at('2025-03-03T00:00:00Z'), period: null, warningPercent: 80 })).toBeUndefined();
  });

  describe('cards earned', () => {
    const t = { startedAt: at('2025-03-03T00:00:00Z'), warnAt: at('2025-03-03T00:00:08Z'), dueAt: at('2025-03-03T00:00:10Z') };
    it.each([
      ['open, before the warning point', null, '2025-03-03T00:00:07.999Z', []],
      ['open, at the warning point', null, '2025-03-03T00:00:08Z', ['yellow']],
      ['open, past the due time', null, '2025-03-03T00:00:10Z', ['yellow', 'red']],
      ['done before the warning point, noticed late', '2025-03-03T00:00:07Z', '2025-03-03T01:00:00Z', []],
      ['done exactly at the warning point', '2025-03-03T00:00:08Z', '2025-03-03T01:00:00Z', []],
      ['done between the points, noticed late', '2025-03-03T00:00:09Z', '2025-03-03T01:00:00Z', ['yellow']],
      ['done exactly at the due time', '2025-03-03T00:00:10Z', '2025-03-03T01:00:00Z', ['yellow']],
      ['done after the due time', '2025-03-03T00:00:11Z', '2025-03-03T01:00:00Z', ['yellow', 'red']],
    ])('%s', (_what, done, now, expected) => {
      expect(cardsEarned(t, done ? at(done) : null, at(now))).toEqual(expected);
    });
  });

  it('counts a card in the Beijing month of its point', () => {
    expect(cardMonth(at('2025-03-31T15:59:59Z'))).toBe('2025-03');
    expect(cardMonth(at('2025-03-31T16:00:00Z'))).toBe('2025-04');
    expect(cardMonth(at('2025-12-31T16:00:00Z'))).toBe('2026-01');
  });
});
