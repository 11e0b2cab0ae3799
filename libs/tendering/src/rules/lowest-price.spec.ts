import fc from 'fast-check';
import { rankLowestEvaluatedPrice } from './lowest-price';

const bj = (time: string) => new Date(`2026-03-02T${time}:00+08:00`);

describe('rankLowestEvaluatedPrice (经评审的最低投标价法)', () => {
  it('ranks by price + adjustment, an equal evaluated price going to the earlier submission', () => {
    const ranked = rankLowestEvaluatedPrice([
      { bidId: 'L1', priceFen: 100_000_000n, adjustmentFen: 2_000_000n, submittedAt: bj('10:00') }, // 1,020,000.00
      { bidId: 'L2', priceFen: 101_000_000n, adjustmentFen: -1_000_000n, submittedAt: bj('10:05') }, // 1,000,000.00
      { bidId: 'L3', priceFen: 99_000_000n, submittedAt: bj('10:10') }, // 990,000.00, no adjustment
      { bidId: 'L4', priceFen: 100_500_000n, adjustmentFen: -500_000n, submittedAt: bj('09:55') }, // 1,000,000.00, earlier
    ]);
    expect(ranked.map((r) => [r.bidId, r.evaluatedPriceFen, r.rank])).toEqual([
      ['L3', 99_000_000n, 1],
      ['L4', 100_000_000n, 2],
      ['L2', 100_000_000n, 3],
      ['L1', 102_000_000n, 4],
    ]);
    // The bid price itself is kept: the contract is signed at it, not at the evaluated price.
    expect(ranked[1]).toMatchObject({ priceFen: 100_500_000n, adjustmentFen: -500_000n });
  });

  it('breaks a tie in price and time by bidId', () => {
    const ranked = rankLowestEvaluatedPrice([
      { bidId: 'b', priceFen: 500n, submittedAt: bj('10:00') },
      { bidId: 'a', priceFen: 500n, submittedAt: bj('10:00') },
    ]);
    expect(ranked.map((r) => r.bidId)).toEqual(['a', 'b']);
  });

  it('refuses a repeated bid and a non-positive price', () => {
    const at = bj('10:00');
    expect(() => rankLowestEvaluatedPrice([{ bidId: 'a', priceFen: 1n, submittedAt: at }, { bidId: 'a', priceFen: 2n, submittedAt: at }])).toThrow(/bid a appears twice/);
    expect(() => rankLowestEvaluatedPrice([{ bidId: 'a', priceFen: 0n, submittedAt: at }])).toThrow(RangeError);
  });

  it('returns a permutation ranked 1 … n in non-decreasing evaluated price, whatever the input order (property)', () => {
    const bidArb = fc.record(
      {
        priceFen: fc.bigInt({ min: 1n, max: 10n ** 12n }),
        adjustmentFen: fc.bigInt({ min: -(10n ** 6n), max: 10n ** 6n }),
        submittedAt: fc.integer({ min: 0, max: 3 }).map((m) => new Date(Date.UTC(2026, 2, 2, 2, m))),
      },
      { requiredKeys: ['priceFen', 'submittedAt'] },
    );
    fc.assert(
      fc.property(fc.array(bidArb, { maxLength: 12 }), (raw) => {
        const bids = raw.map((b, i) => ({ ...b, bidId: `bid-${i}` }));
        const ranked = rankLowestEvaluatedPrice(bids);
        expect(ranked.map((r) => r.rank)).toEqual(bids.map((_, i) => i + 1));
        expect(ranked.map((r) => r.bidId).sort()).toEqual(bids.map((b) => b.bidId).sort());
        expect(rankLowestEvaluatedPrice([...bids].reverse())).toEqual(ranked);
        for (let i = 1; i < ranked.length; i++) expect(ranked[i - 1].evaluatedPriceFen <= ranked[i].evaluatedPriceFen).toBe(true);
      }),
    );
  });
});
