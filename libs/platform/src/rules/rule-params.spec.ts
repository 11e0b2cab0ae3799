import { TradingDomain } from '../auth/roles';
import { LEGAL_DEFAULTS, RULE_SPECS, sandboxOf } from './defaults';
import { crossChecks, diffParams, validateParams } from './rule-params';

describe('rule-set parameters', () => {
  it.each(Object.values(TradingDomain))('the legal defaults and the sandbox of %s are valid', (domain) => {
    expect(validateParams(RULE_SPECS[domain], LEGAL_DEFAULTS[domain], false)).toEqual([]);
    expect(crossChecks(domain, LEGAL_DEFAULTS[domain])).toEqual([]);
    const sandbox = sandboxOf(LEGAL_DEFAULTS[domain]);
    expect(validateParams(RULE_SPECS[domain], sandbox, true)).toEqual([]);
    expect(Object.values(sandbox.periods).every((p) => p.unit === 's')).toBe(true);
  });

  it('carries the statutory numbers of tenders', () => {
    const t = LEGAL_DEFAULTS.tendering;
    expect(t.periods.bidPreparation).toEqual({ value: 20, unit: 'd' });
    expect(t.numbers.minBidders).toBe(3);
    expect(t.numbers.depositCapBp).toBe(200);
    expect(t.periods.complaintDecision).toEqual({ value: 30, unit: 'wd' });
  });

  it('refuses seconds in a standard rule set, unknown keys, bad bounds and missing values', () => {
    const spec = RULE_SPECS.tendering;
    const bad = structuredClone(LEGAL_DEFAULTS.tendering);
    bad.periods.bidPreparation = { value: 20, unit: 's' };
    bad.numbers.minBidders = 0;
    bad.numbers.surprise = 1;
    delete (bad.periods as Record<string, unknown>).objectionReply;
    const fields = validateParams(spec, bad, false).map((p) => p.field);
    expect(fields).toEqual(expect.arrayContaining(['periods.bidPreparation', 'numbers.minBidders', 'numbers.surprise', 'periods.objectionReply']));
    expect(validateParams(spec, null, false)[0].field).toBe('params');
  });

  it('refuses an even committee or too few experts (法 37)', () => {
    const even = structuredClone(LEGAL_DEFAULTS.tendering);
    even.numbers.committeeMinSize = 6;
    expect(crossChecks(TradingDomain.Tendering, even)[0].field).toBe('numbers.committeeMinSize');
    const fewExperts = structuredClone(LEGAL_DEFAULTS.tendering);
    fewExperts.numbers.expertShareNumerator = 1;
    fewExperts.numbers.expertShareDenominator = 2;
    expect(crossChecks(TradingDomain.Tendering, fewExperts)[0].field).toBe('numbers.expertShareNumerator');
  });

  it('lists the differences between two versions', () => {
    const next = structuredClone(LEGAL_DEFAULTS.tendering);
    next.periods.bidPreparation = { value: 25, unit: 'd' };
    next.numbers.minBidders = 4;
    expect(diffParams(LEGAL_DEFAULTS.tendering, next)).toEqual([
      { path: 'numbers.minBidders', from: '3', to: '4' },
      { path: 'periods.bidPreparation', from: '20d', to: '25d' },
    ]);
  });
});
