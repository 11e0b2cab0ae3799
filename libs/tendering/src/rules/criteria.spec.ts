import { LEGAL_DEFAULTS } from '@app/platform/rules/defaults';
import { criteriaFor, scoreProblems, shares } from './criteria';

describe('criteriaFor (评审因素 from the rule set)', () => {
  it('splits the technical and business maxima equally in hundredths, from the rules', () => {
    const c = criteriaFor('comprehensive', LEGAL_DEFAULTS.tendering.numbers);
    expect(c.technical.map((x) => [x.zh, x.max])).toEqual([
      ['施工组织设计', 1000],
      ['项目管理机构', 1000],
      ['质量安全措施', 1000],
    ]);
    expect(c.business.map((x) => [x.zh, x.max])).toEqual([
      ['企业业绩', 500],
      ['信用评价', 500],
    ]);
    expect(c.adjustment).toBe(false);
  });

  it('puts the remainder on the last criterion so the maxima add up to the rule', () => {
    expect(shares(10, 3)).toEqual([333, 333, 334]);
    expect(shares(0, 2)).toEqual([0, 0]);
    const c = criteriaFor('comprehensive', { technicalScoreMax: 29, businessScoreMax: 7 });
    expect(c.technical.reduce((s, x) => s + x.max, 0)).toBe(2900);
    expect(c.business.map((x) => x.max)).toEqual([350, 350]);
  });

  it('scores nothing and adjusts the price under 经评审的最低投标价法', () => {
    expect(criteriaFor('lowest_price', LEGAL_DEFAULTS.tendering.numbers)).toEqual({ technical: [], business: [], adjustment: true });
  });

  it('refuses a maximum that is not whole points', () => {
    expect(() => shares(1.5, 2)).toThrow(RangeError);
  });
});

describe('scoreProblems', () => {
  const comprehensive = criteriaFor('comprehensive', LEGAL_DEFAULTS.tendering.numbers);

  it('accepts scores from 0 to each maximum', () => {
    expect(scoreProblems(comprehensive, { technical: [0, 1000, 555], business: [500, 0] })).toEqual([]);
  });

  it('names each criterion out of range, in zh and en', () => {
    const problems = scoreProblems(comprehensive, { technical: [1001, -1, 2.5], business: [0, 0] });
    expect(problems).toHaveLength(3);
    expect(problems[0].zh).toContain('施工组织设计');
    expect(problems[0].en).toContain('construction plan');
  });

  it('refuses the wrong number of scores and an adjustment the method does not take', () => {
    expect(scoreProblems(comprehensive, { technical: [1, 2], business: [0, 0], adjustmentFen: 100n }).map((p) => p.en)).toEqual([
      'technical needs 3 scores, got 2',
      'the comprehensive method takes no price adjustment',
    ]);
    const lowest = criteriaFor('lowest_price', LEGAL_DEFAULTS.tendering.numbers);
    expect(scoreProblems(lowest, { technical: [], business: [], adjustmentFen: -100000n })).toEqual([]);
    expect(scoreProblems(lowest, { technical: [10], business: [] })).toHaveLength(1);
  });
});
