import { dealTransition, listingOutcome } from './deal-state';
import { listingRefusals, relistFloorFen, resolutionPasses } from './listing-checks';

const twoThirds = { numerator: 2, denominator: 3 };
const rules = { resolutionApproval: twoThirds, minIncrementFen: 10_000n };

describe('rural rules', () => {
  it('needs at least two thirds in favour, counted in integers', () => {
    expect(resolutionPasses(20, 30, twoThirds)).toBe(true);
    expect(resolutionPasses(19, 30, twoThirds)).toBe(false);
    expect(resolutionPasses(67, 100, twoThirds)).toBe(true);
    expect(resolutionPasses(66, 100, twoThirds)).toBe(false);
    expect(resolutionPasses(0, 0, twoThirds)).toBe(false);
    expect(resolutionPasses(31, 30, twoThirds)).toBe(false);
  });

  it('gives every reason a listing is refused, in Chinese and English', () => {
    expect(listingRefusals({ resolution: { votesFor: 30, votesTotal: 45 }, approval: true, incrementFen: 10_000n }, rules)).toEqual([]);
    const all = listingRefusals({ resolution: null, approval: false, incrementFen: 9_999n }, rules);
    expect(all.map((r) => r.code)).toEqual(['RESOLUTION_MISSING', 'APPROVAL_MISSING', 'INCREMENT_TOO_SMALL']);
    const short = listingRefusals({ resolution: { votesFor: 29, votesTotal: 45 }, approval: true, incrementFen: 10_000n }, rules);
    expect(short).toEqual([expect.objectContaining({ code: 'RESOLUTION_SHORT', zh: expect.stringContaining('29/45'), en: expect.stringContaining('2/3') })]);
  });

  it('lets a relisting cut the price by at most the rule set’s basis points, rounded in the collective’s favour', () => {
    expect(relistFloorFen(100_000_00n, 2000)).toBe(80_000_00n);
    expect(relistFloorFen(333n, 2000)).toBe(267n); // 266.4 → 267
    expect(relistFloorFen(100n, 0)).toBe(100n);
  });

  it('sends a listing to failure, agreement or live bidding by the number of qualified applicants', () => {
    expect([0, 1, 2, 5].map((n) => listingOutcome(n, 2))).toEqual(['failed', 'agreement', 'live', 'live']);
    expect(listingOutcome(2, 3)).toBe('agreement');
  });

  it('walks the deal’s states and names what is allowed otherwise', () => {
    expect(dealTransition('draft', 'list')).toEqual({ ok: true, next: 'listing' });
    expect(dealTransition('failed', 'relist')).toEqual({ ok: true, next: 'relisting' });
    expect(dealTransition('relisting', 'list')).toEqual({ ok: true, next: 'listing' });
    expect(dealTransition('concluded', 'list')).toEqual({ ok: false, allowed: ['contract'] });
    expect(dealTransition('contracted', 'contract')).toEqual({ ok: false, allowed: [] });
  });
});
