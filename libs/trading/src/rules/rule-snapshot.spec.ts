import { TradingDomain } from '@app/platform/auth/roles';
import { LEGAL_DEFAULTS, sandboxOf } from '@app/platform/rules/defaults';
import { cutoffBefore, deadlineFor, periodOf, RuleSnapshot } from './rule-snapshot';

const bj = (date: string, time = '10:00') => new Date(`${date}T${time}:00+08:00`);
const snapshot = <D extends TradingDomain>(domain: D, sandbox = false): RuleSnapshot<D> => ({
  ruleSetId: 'r',
  domain,
  version: 1,
  name: 'v1',
  sandbox,
  effectiveFrom: '2026-01-01T00:00:00Z',
  params: sandbox ? sandboxOf(LEGAL_DEFAULTS[domain]) : LEGAL_DEFAULTS[domain],
});

describe('deadlines from a rule snapshot', () => {
  it('reads the named period and computes its deadline on the holiday calendar', () => {
    const rules = snapshot(TradingDomain.Tendering);
    expect(periodOf(rules, 'bidPreparation')).toEqual({ value: 20, unit: 'd' });
    // documents issued 11 Sep 2026: day 20 is National Day, the deadline moves to 8 Oct (民法典 203)
    expect(deadlineFor(rules, 'bidPreparation', bj('2026-09-11', '09:30')).toISOString()).toBe(bj('2026-10-08', '09:30').toISOString());
    expect(cutoffBefore(rules, 'objectionBeforeDeadline', bj('2026-10-08', '09:30')).toISOString()).toBe(bj('2026-09-28', '09:30').toISOString());
    expect(deadlineFor(snapshot(TradingDomain.Procurement), 'challengeWindow', bj('2026-09-29')).toISOString()).toBe(bj('2026-10-14').toISOString());
  });

  it('runs a sandbox tender in seconds', () => {
    const rules = snapshot(TradingDomain.Tendering, true);
    const start = bj('2026-10-01');
    expect(deadlineFor(rules, 'bidPreparation', start).getTime() - start.getTime()).toBe(60_000);
  });

  it('says so when an old snapshot lacks a period', () => {
    const rules = snapshot(TradingDomain.Land);
    expect(() => periodOf({ ...rules, params: { ...rules.params, periods: {} as never } }, 'listing')).toThrow(RangeError);
  });
});
