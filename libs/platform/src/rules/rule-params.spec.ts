import { TradingDomain } from '../auth/roles';
import { LEGAL_DEFAULTS, RULE_SPECS, sandboxOf } from './defaults';
import { provablyAtLeast, provablyAtMost } from './period-bounds';
import { applyChanges, diffParams, paramLabels, presentParams } from './rule-params';
import { RuleParams } from './rule-spec';
import { validateParams } from './validate-params';

const tendering = () => structuredClone(LEGAL_DEFAULTS.tendering) as RuleParams;
const fields = (params: unknown, sandbox = false, domain = TradingDomain.Tendering) => validateParams(RULE_SPECS[domain], params, sandbox).map((p) => p.field);

describe('the legal defaults and the sandbox sets', () => {
  it.each(Object.values(TradingDomain))('%s: the defaults and their sandbox are valid; the sandbox counts seconds', (domain) => {
    expect(validateParams(RULE_SPECS[domain], LEGAL_DEFAULTS[domain], false)).toEqual([]);
    const sandbox = sandboxOf(LEGAL_DEFAULTS[domain]);
    expect(validateParams(RULE_SPECS[domain], sandbox, true)).toEqual([]);
    expect(Object.values(sandbox.periods).every((p) => p.unit === 's')).toBe(true);
    // a sandbox set is not a standard one, nor the other way round
    expect(validateParams(RULE_SPECS[domain], sandbox, false).length).toBeGreaterThan(0);
    expect(validateParams(RULE_SPECS[domain], LEGAL_DEFAULTS[domain], true).length).toBeGreaterThan(0);
  });

  it('carries the statutory numbers', () => {
    const t = LEGAL_DEFAULTS.tendering;
    expect(t.periods.bidPreparation).toEqual({ value: 20, unit: 'd' }); // 法 24
    expect(t.numbers.minBidders).toBe(3); // 法 28
    expect(t.numbers.depositCapBp).toBe(200); // 条例 26
    expect(t.numbers.committeeMinSize).toBe(5); // 法 37
    expect(t.fractions.expertShare).toEqual({ numerator: 2, denominator: 3 });
    expect(t.periods.complaintDecision).toEqual({ value: 30, unit: 'wd' }); // 条例 61
    expect(LEGAL_DEFAULTS.procurement.periods.challengeWindow).toEqual({ value: 7, unit: 'wd' }); // 法 52
    expect(LEGAL_DEFAULTS.land.periods.announcementBeforeListing).toEqual({ value: 20, unit: 'd' });
    expect(LEGAL_DEFAULTS.land.numbers.countdownSeconds).toBe(300);
    expect(LEGAL_DEFAULTS.rural.fractions.resolutionApproval).toEqual({ numerator: 2, denominator: 3 });
  });

  it('turns a 20-day tender into a minute in the sandbox, with a 10 s countdown', () => {
    expect(sandboxOf(LEGAL_DEFAULTS.tendering).periods.bidPreparation).toEqual({ value: 60, unit: 's' });
    expect(sandboxOf(LEGAL_DEFAULTS.land).numbers.countdownSeconds).toBe(10);
  });
});

describe('validating a rule set', () => {
  it('refuses anything below the law, with the article in the reason', () => {
    const p = tendering();
    p.periods.bidPreparation = { value: 15, unit: 'd' };
    p.numbers.minBidders = 2;
    p.numbers.depositCapBp = 300;
    const problems = validateParams(RULE_SPECS.tendering, p, false);
    expect(problems).toEqual([
      { field: 'periods.bidPreparation', zh: '招标文件发出至投标截止不得少于20日(法 24)', en: 'documents issued to bid deadline must be at least 20 days (法 24)' },
      expect.objectContaining({ field: 'numbers.minBidders', zh: expect.stringContaining('法 28') }),
      expect.objectContaining({ field: 'numbers.depositCapBp', zh: expect.stringContaining('条例 26') }),
    ]);
  });

  it('refuses an even committee and too few experts (法 37)', () => {
    const p = tendering();
    p.numbers.committeeMinSize = 6;
    p.fractions.expertShare = { numerator: 1, denominator: 2 };
    expect(fields(p)).toEqual(['numbers.committeeMinSize', 'fractions.expertShare']);
    p.numbers.committeeMinSize = 7;
    p.fractions.expertShare = { numerator: 3, denominator: 4 };
    expect(fields(p)).toEqual([]);
    p.fractions.expertShare = { numerator: 5, denominator: 4 };
    expect(fields(p)).toEqual(['fractions.expertShare']);
  });

  it('takes working days where the law counts days, but not the other way round', () => {
    const p = tendering();
    p.periods.bidPreparation = { value: 20, unit: 'wd' }; // 20 wd ≥ 20 d, always
    expect(fields(p)).toEqual([]);
    p.periods.complaintDecision = { value: 30, unit: 'd' }; // only working days allowed here
    p.periods.objectionReply = { value: 3, unit: 'wd' }; // 3 wd may be more than 3 d
    expect(fields(p)).toEqual(['periods.objectionReply', 'periods.complaintDecision']);
  });

  it('refuses seconds in a standard set, missing and unknown values, bad shapes', () => {
    const p = tendering() as unknown as Record<string, Record<string, unknown>>;
    p.periods.candidatePublicity = { value: 3, unit: 's' };
    p.periods.contractWithin = { value: 1.5, unit: 'd' };
    p.periods.decryptionWindow = { value: 30, unit: 'min', extra: 1 };
    delete p.periods.objectionReply;
    p.numbers.surprise = 1;
    p.numbers.maxCandidates = '3';
    p.extra = {};
    expect(fields(p).sort()).toEqual(
      ['extra', 'numbers.maxCandidates', 'numbers.surprise', 'periods.candidatePublicity', 'periods.contractWithin', 'periods.decryptionWindow', 'periods.objectionReply'].sort(),
    );
    expect(fields(null)).toEqual(['params']);
    expect(fields({ periods: [] }).slice(0, 1)).toEqual(['periods']);
  });

  it('lets a sandbox go below the statutory countdown but not count in days', () => {
    const s = sandboxOf(LEGAL_DEFAULTS.land) as RuleParams;
    s.numbers.countdownSeconds = 5;
    expect(fields(s, true, TradingDomain.Land)).toEqual([]);
    s.periods.listing = { value: 10, unit: 'd' };
    expect(fields(s, true, TradingDomain.Land)).toEqual(['periods.listing']);
  });

  it('checks amounts in fen and reports them as yuan', () => {
    const p = structuredClone(LEGAL_DEFAULTS.land) as RuleParams;
    p.amountsFen.minIncrement = '50';
    expect(validateParams(RULE_SPECS.land, p, false)).toEqual([expect.objectContaining({ field: 'amounts.minIncrement', zh: expect.stringContaining('1.00 元') })]);
  });
});

describe('period bounds', () => {
  it('compares only what the calendar cannot upset', () => {
    expect(provablyAtLeast({ value: 20, unit: 'wd' }, { value: 20, unit: 'd' })).toBe(true);
    expect(provablyAtLeast({ value: 20, unit: 'd' }, { value: 5, unit: 'wd' })).toBe(false);
    expect(provablyAtLeast({ value: 48, unit: 'h' }, { value: 2, unit: 'd' })).toBe(true);
    expect(provablyAtMost({ value: 3, unit: 'd' }, { value: 3, unit: 'wd' })).toBe(true);
    expect(provablyAtMost({ value: 3, unit: 'wd' }, { value: 3, unit: 'd' })).toBe(false);
    expect(provablyAtMost({ value: 4, unit: 'h' }, { value: 240, unit: 'min' })).toBe(true);
  });
});

describe('changes and differences', () => {
  it('applies changes, converting yuan to fen, and shows fen as yuan', () => {
    const { params, problems } = applyChanges(structuredClone(LEGAL_DEFAULTS.land), { amounts: { minIncrement: '20000.50' }, numbers: { countdownSeconds: 240 } });
    expect(problems).toEqual([]);
    expect(params.amountsFen.minIncrement).toBe('2000050');
    expect(presentParams(params).amounts.minIncrement).toBe('20000.50');
    expect(presentParams(params).numbers.countdownSeconds).toBe(240);
  });

  it('refuses a bad amount or section before validating', () => {
    const { problems } = applyChanges(LEGAL_DEFAULTS.land, { amounts: { minIncrement: '1.234' }, weird: {}, periods: 3 });
    expect(problems.map((p) => p.field)).toEqual(['amounts.minIncrement', 'weird', 'periods']);
    expect(applyChanges(LEGAL_DEFAULTS.land, 'x').problems[0].field).toBe('changes');
  });

  it('lists what differs between two versions, labelled', () => {
    const next = applyChanges(LEGAL_DEFAULTS.tendering, { periods: { bidPreparation: { unit: 'd', value: 25 } }, numbers: { minBidders: 4 } }).params;
    expect(diffParams(RULE_SPECS.tendering, LEGAL_DEFAULTS.tendering, next)).toEqual([
      { field: 'periods.bidPreparation', label: { zh: '招标文件发出至投标截止', en: 'documents issued to bid deadline', law: '法 24' }, from: { value: 20, unit: 'd' }, to: { unit: 'd', value: 25 } },
      { field: 'numbers.minBidders', label: { zh: '最少投标人数', en: 'minimum bidders', law: '法 28, 条例 44' }, from: 3, to: 4 },
    ]);
    // key order (jsonb reorders keys) is not a difference
    const reordered = applyChanges(LEGAL_DEFAULTS.tendering, { periods: { bidPreparation: { unit: 'd', value: 20 } } }).params;
    expect(diffParams(RULE_SPECS.tendering, LEGAL_DEFAULTS.tendering, reordered)).toEqual([]);
  });
});

describe('parameter labels (the RuleSpec table the diff and every rule-set view read)', () => {
  it.each(Object.values(TradingDomain))('%s: every parameter of the seeded sets (legal defaults and sandbox) has a Chinese and an English name', (domain) => {
    for (const params of [LEGAL_DEFAULTS[domain], sandboxOf(LEGAL_DEFAULTS[domain])]) {
      const shown = presentParams(params as RuleParams);
      const labels = paramLabels(RULE_SPECS[domain], shown);
      const fields = (['periods', 'numbers', 'fractions', 'amounts'] as const).flatMap((s) => Object.keys(shown[s]).map((n) => [`${s}.${n}`, n]));
      expect(Object.keys(labels).sort()).toEqual(fields.map(([f]) => f).sort());
      expect(fields.filter(([f, n]) => labels[f].zh === n || !/[\u4e00-\u9fff]/.test(labels[f].zh) || !labels[f].en)).toEqual([]);
    }
  });

  it('keeps the code name of a parameter the spec does not know', () => {
    expect(paramLabels(RULE_SPECS.land, { periods: {}, numbers: { mystery: 1 }, fractions: {}, amounts: {} })).toEqual({ 'numbers.mystery': { zh: 'mystery', en: 'mystery' } });
  });
});
