import fc from 'fast-check';
import { benchmarkPrice, ComprehensiveBid, expertScoreAverage, priceScore, ScoringRules, scoreComprehensive } from './scoring';

// The hand-computed examples below are worked on these numbers (the version-1 defaults), not on whatever
// the default file holds later.
const RULES: ScoringRules = {
  priceScoreMax: 60,
  technicalScoreMax: 30,
  businessScoreMax: 10,
  benchmarkDiscountBp: 300,
  benchmarkTrimFrom: 5,
  priceDeductionAboveBp: 100,
  priceDeductionBelowBp: 50,
  dropExtremeScores: 1,
};
const yuan = (y: number) => BigInt(Math.round(y * 100));
const bj = (time: string) => new Date(`2026-03-02T${time}:00+08:00`);

describe('benchmarkPrice (评标基准价)', () => {
  it('3 bids, no trim: (980,000 + 1,000,000 + 1,020,000) / 3 × 0.97 = 970,000.00 yuan', () => {
    expect(benchmarkPrice([yuan(980_000), yuan(1_000_000), yuan(1_020_000)], RULES)).toBe(97_000_000n);
  });

  it('rounds half up to the fen, once, after the discount', () => {
    // (100 + 101 + 101) / 3 × 0.97 = 97.6466… fen → 98
    expect(benchmarkPrice([100n, 101n, 101n], RULES)).toBe(98n);
    // (1 + 2) / 2 = 1.5 fen exactly → 2
    expect(benchmarkPrice([1n, 2n], { ...RULES, benchmarkDiscountBp: 0 })).toBe(2n);
  });

  it('from 5 valid bids leaves out the single highest and lowest', () => {
    const five = [yuan(900_000), yuan(980_000), yuan(1_000_000), yuan(1_020_000), yuan(1_300_000)];
    // trimmed: (980,000 + 1,000,000 + 1,020,000) / 3 × 0.97 = 970,000.00
    expect(benchmarkPrice(five, RULES)).toBe(97_000_000n);
    // untrimmed (threshold 6): 5,200,000 / 5 × 0.97 = 1,008,800.00
    expect(benchmarkPrice(five, { ...RULES, benchmarkTrimFrom: 6 })).toBe(100_880_000n);
    // 4 bids stay below the threshold: 3,900,000 / 4 × 0.97 = 945,750.00
    expect(benchmarkPrice(five.slice(0, 4), RULES)).toBe(94_575_000n);
  });

  it('trims only one of equal extremes and does not care about input order', () => {
    // [100, 100, 200, 300, 300] → [100, 200, 300] → 200 × 0.97 = 194
    expect(benchmarkPrice([300n, 100n, 200n, 100n, 300n], RULES)).toBe(194n);
  });

  it('refuses an empty list and non-positive prices', () => {
    expect(() => benchmarkPrice([], RULES)).toThrow(RangeError);
    expect(() => benchmarkPrice([100n, 0n], RULES)).toThrow(RangeError);
  });
});

describe('priceScore (价格分, hundredths)', () => {
  const b = yuan(1_000_000);

  it('is full at the benchmark', () => {
    expect(priceScore(b, b, RULES)).toBe(6000);
  });

  it('takes 1.00 point per 1 % above and 0.50 per 1 % below', () => {
    expect(priceScore(yuan(1_020_000), b, RULES)).toBe(5800); // 2 % above → −2.00
    expect(priceScore(yuan(960_000), b, RULES)).toBe(5800); // 4 % below → −2.00
  });

  it('is proportional, not stepped, rounded half up once', () => {
    // 1.234567 % above → −123.4567 → 5876.5433 → 5877
    expect(priceScore(101_234_567n, b, RULES)).toBe(5877);
    // 0.005 % above → −0.5 → 5999.5 → 6000; 0.01 % below → −0.5 → 6000
    expect(priceScore(100_005_000n, b, RULES)).toBe(6000);
    expect(priceScore(99_990_000n, b, RULES)).toBe(6000);
    // against 970,000.00: 980,000 is 1.0309 % above → 5896.907 → 5897
    expect(priceScore(yuan(980_000), 97_000_000n, RULES)).toBe(5897);
  });

  it('never goes below 0', () => {
    expect(priceScore(yuan(1_600_000), b, RULES)).toBe(0); // 60 % above: exactly 0
    expect(priceScore(yuan(1_700_000), b, RULES)).toBe(0); // 70 % above: floored
    const steep = { ...RULES, priceDeductionBelowBp: 1000 }; // 10 points per 1 % below
    expect(priceScore(yuan(940_000), b, steep)).toBe(0);
    expect(priceScore(yuan(900_000), b, steep)).toBe(0);
  });

  it('refuses a non-positive price or benchmark', () => {
    expect(() => priceScore(0n, b, RULES)).toThrow(RangeError);
    expect(() => priceScore(b, 0n, RULES)).toThrow(RangeError);
  });

  it('stays within 0 … priceScoreMax × 100 for any prices and rule values in range (property)', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 1n, max: 10n ** 14n }),
        fc.bigInt({ min: 1n, max: 10n ** 14n }),
        fc.integer({ min: 10, max: 100 }),
        fc.integer({ min: 0, max: 1000 }),
        fc.integer({ min: 0, max: 1000 }),
        (price, benchmark, max, above, below) => {
          const s = priceScore(price, benchmark, { priceScoreMax: max, priceDeductionAboveBp: above, priceDeductionBelowBp: below });
          return Number.isInteger(s) && s >= 0 && s <= max * 100;
        },
      ),
    );
  });

  it('never rises as a price moves away from the benchmark on the same side (property)', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 1n, max: 10n ** 10n }), fc.bigInt({ min: 0n, max: 10n ** 10n }), fc.bigInt({ min: 0n, max: 10n ** 10n }), (b0, d1, d2) => {
        const [near, far] = d1 <= d2 ? [d1, d2] : [d2, d1];
        return priceScore(b0 + far, b0, RULES) <= priceScore(b0 + near, b0, RULES);
      }),
    );
  });
});

describe('expertScoreAverage (one criterion)', () => {
  it('with 4 experts drops nothing: (800 + 750 + 900 + 700) / 4 = 787.5 → 788', () => {
    expect(expertScoreAverage([800, 750, 900, 700], RULES)).toBe(788);
  });

  it('with 5 experts drops one highest and one lowest: (750 + 800 + 900) / 3 = 816.67 → 817', () => {
    expect(expertScoreAverage([800, 750, 900, 700, 1000], RULES)).toBe(817);
  });

  it('keeps every score when the rule set says not to drop: 4150 / 5 = 830', () => {
    expect(expertScoreAverage([800, 750, 900, 700, 1000], { dropExtremeScores: 0 })).toBe(830);
  });

  it('drops only one of equal extremes: [500, 600, 700, 900, 900] → 720', () => {
    expect(expertScoreAverage([500, 500, 600, 700, 900, 900, 900], RULES)).toBe(720);
  });

  it('refuses no scores and scores that are not whole hundredths', () => {
    expect(() => expertScoreAverage([], RULES)).toThrow(RangeError);
    expect(() => expertScoreAverage([800, 75.5, 900], RULES)).toThrow(RangeError);
    expect(() => expertScoreAverage([800, -1, 900], RULES)).toThrow(RangeError);
  });
});

describe('scoreComprehensive (综合评分法)', () => {
  const threeExperts = (...criteria: number[]) => [criteria, criteria, criteria];

  // Prices 980,000 / 1,000,000 / 1,020,000 → benchmark 970,000.00 → price scores 5897 / 5691 / 5485.
  const A: ComprehensiveBid = {
    bidId: 'A',
    priceFen: yuan(980_000),
    submittedAt: bj('10:00'),
    // per criterion: (1500 + 1400 + 1600) / 3 = 1500 and (800 + 900 + 700) / 3 = 800 → 2300
    technical: [
      [1500, 800],
      [1400, 900],
      [1600, 700],
    ],
    // (500 + 600 + 700) / 3 = 600 and 300 → 900
    business: [
      [500, 300],
      [600, 300],
      [700, 300],
    ],
  };
  const B: ComprehensiveBid = { bidId: 'B', priceFen: yuan(1_000_000), submittedAt: bj('09:00'), technical: threeExperts(1706, 800), business: threeExperts(600, 300) };
  const C: ComprehensiveBid = { bidId: 'C', priceFen: yuan(1_020_000), submittedAt: bj('11:00'), technical: threeExperts(2000, 1000), business: threeExperts(600, 400) };

  it('adds price, technical and business; an equal total goes to the lower price, even if submitted later', () => {
    expect(scoreComprehensive([B, C, A], RULES)).toEqual([
      { bidId: 'C', priceScore: 5485, technicalScore: 3000, businessScore: 1000, total: 9485, rank: 1 },
      { bidId: 'A', priceScore: 5897, technicalScore: 2300, businessScore: 900, total: 9097, rank: 2 },
      { bidId: 'B', priceScore: 5691, technicalScore: 2506, businessScore: 900, total: 9097, rank: 3 },
    ]);
  });

  it('breaks equal totals and prices by the earlier submission, then by bidId', () => {
    // Prices 1,000,000 ×3 and 1,040,000 → benchmark 1,010,000 × 0.97 = 979,700.00 → 5793 and 5385.
    // Five experts on one criterion: X's outliers 100 and 2900 are left out, so every bid has 2000.
    const bid = (bidId: string, price: number, time: string, technical = [[2000], [2000], [2000], [2000], [2000]]): ComprehensiveBid => ({
      bidId,
      priceFen: yuan(price),
      submittedAt: bj(time),
      technical,
      business: [[500], [500], [500], [500], [500]],
    });
    const ranked = scoreComprehensive(
      [
        bid('W', 1_040_000, '08:00'),
        bid('X', 1_000_000, '10:00', [[2000], [100], [2000], [2900], [2000]]),
        bid('Z', 1_000_000, '09:30'),
        bid('Y', 1_000_000, '09:30'),
      ],
      RULES,
    );
    expect(ranked.map((r) => [r.bidId, r.priceScore, r.total, r.rank])).toEqual([
      ['Y', 5793, 8293, 1],
      ['Z', 5793, 8293, 2],
      ['X', 5793, 8293, 3],
      ['W', 5385, 7885, 4],
    ]);
  });

  it('refuses a technical or business total above its maximum, naming the bid', () => {
    expect(() => scoreComprehensive([A, { ...C, technical: threeExperts(2000, 1001) }], RULES)).toThrow(/bid C: technical score 3001 exceeds the maximum 3000/);
    expect(() => scoreComprehensive([A, { ...B, business: threeExperts(700, 301) }], RULES)).toThrow(/bid B: business score 1001/);
  });

  it('refuses experts scoring different criteria, a repeated bid and no bids', () => {
    expect(() => scoreComprehensive([{ ...A, technical: [[1500, 800], [1400]] }], RULES)).toThrow(/bid A: every expert must score the same technical criteria/);
    expect(() => scoreComprehensive([A, A], RULES)).toThrow(/bid A appears twice/);
    expect(() => scoreComprehensive([], RULES)).toThrow(RangeError);
  });

  it('ranks every bid exactly once, 1 … n, whatever the input order (property)', () => {
    const matrix = (criteria: number, max: number) =>
      fc.integer({ min: 1, max: 7 }).chain((experts) => fc.array(fc.array(fc.integer({ min: 0, max }), { minLength: criteria, maxLength: criteria }), { minLength: experts, maxLength: experts }));
    const bidArb = fc.record({
      priceFen: fc.bigInt({ min: 1n, max: 10n ** 12n }),
      submittedAt: fc.integer({ min: 0, max: 5 }).map((m) => new Date(Date.UTC(2026, 2, 2, 2, m))),
      technical: matrix(3, 1000),
      business: matrix(2, 500),
    });
    fc.assert(
      fc.property(fc.array(bidArb, { minLength: 1, maxLength: 12 }), (raw) => {
        const bids = raw.map((b, i) => ({ ...b, bidId: `bid-${i}` }));
        const ranked = scoreComprehensive(bids, RULES);
        const again = scoreComprehensive([...bids].reverse(), RULES);
        expect(ranked.map((r) => r.rank)).toEqual(bids.map((_, i) => i + 1));
        expect(ranked.map((r) => r.bidId).sort()).toEqual(bids.map((b) => b.bidId).sort());
        expect(again).toEqual(ranked);
        for (let i = 1; i < ranked.length; i++) expect(ranked[i - 1].total).toBeGreaterThanOrEqual(ranked[i].total);
      }),
    );
  });
});
