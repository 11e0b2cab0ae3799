import { LAND_DEFAULTS } from '@app/platform/rules/defaults/land';
import { continuingBuyers, decideListingEnd, decideLiveEnd } from './land-end';
import { checkSchedule } from './land-schedule';
import { incrementProblem, maxTermYears, stepAt } from './parcel-terms';

const rules = LAND_DEFAULTS;
const periods = { announcementBeforeListing: rules.periods.announcementBeforeListing, listing: rules.periods.listing };

describe('land terms (条例 12)', () => {
  it('takes the longest term by use from the rule set', () => {
    expect(maxTermYears('residential', rules)).toBe(70);
    expect(maxTermYears('industrial', rules)).toBe(50);
    expect(maxTermYears('commercial', rules)).toBe(40);
    expect(maxTermYears('comprehensive', { ...rules, numbers: { ...rules.numbers, maxTermComprehensive: 30 } })).toBe(30);
  });
});

describe('increments', () => {
  it('refuses a step below the smallest increment (¥10,000 by default)', () => {
    expect(incrementProblem({ fixedFen: '999999' }, 100_000_000n, rules)).toMatch(/smallest/);
    expect(incrementProblem({ fixedFen: '1000000' }, 100_000_000n, rules)).toBeNull();
  });

  it('wants a ladder that starts at or below the start price and rises', () => {
    const ok = { ladder: [{ fromFen: '0', stepFen: '1000000' }, { fromFen: '200000000', stepFen: '5000000' }] };
    expect(incrementProblem(ok, 100_000_000n, rules)).toBeNull();
    expect(incrementProblem({ ladder: [{ fromFen: '200000000', stepFen: '1000000' }] }, 100_000_000n, rules)).toMatch(/first band/);
    expect(incrementProblem({ ladder: [{ fromFen: '0', stepFen: '1000000' }, { fromFen: '0', stepFen: '2000000' }] }, 1n, rules)).toMatch(/rise/);
    expect(incrementProblem({ ladder: [] }, 1n, rules)).toMatch(/at least one/);
    expect(stepAt(ok, 199_999_999n)).toBe(1_000_000n);
    expect(stepAt(ok, 200_000_000n)).toBe(5_000_000n);
  });
});

describe('the announcement schedule (规定 10, 20)', () => {
  const now = new Date('2026-03-02T02:00:00Z'); // a Monday, 10:00 in Beijing

  it('needs 20 days before the start and a 10-day listing', () => {
    const start = new Date('2026-03-22T02:00:00Z'); // a Sunday: 20 days end on a rest day → the next working day
    const early = checkSchedule('listing', { listingStartsAt: start, listingEndsAt: new Date('2026-04-10T02:00:00Z') }, now, periods);
    expect(early).toMatchObject({ ok: false, refusal: 'SCHEDULE_TOO_EARLY' });
    const monday = new Date('2026-03-23T02:00:00Z');
    expect(checkSchedule('listing', { listingStartsAt: monday, listingEndsAt: new Date('2026-04-02T02:00:00Z') }, now, periods)).toMatchObject({ ok: true, startsAt: monday });
    expect(checkSchedule('listing', { listingStartsAt: monday, listingEndsAt: new Date('2026-04-01T02:00:00Z') }, now, periods)).toMatchObject({ ok: false, refusal: 'SCHEDULE_TOO_EARLY' });
  });

  it('takes a session time for an auction and nothing else', () => {
    const at = new Date('2026-03-24T02:00:00Z');
    expect(checkSchedule('auction', { auctionAt: at }, now, periods)).toEqual({ ok: true, startsAt: at, endsAt: null });
    expect(checkSchedule('auction', { auctionAt: at, listingStartsAt: at }, now, periods)).toEqual({ ok: false, refusal: 'SCHEDULE_MODE_MISMATCH' });
    expect(checkSchedule('listing', { auctionAt: at }, now, periods)).toEqual({ ok: false, refusal: 'SCHEDULE_MODE_MISMATCH' });
    expect(checkSchedule('auction', { auctionAt: new Date('2026-03-10T02:00:00Z') }, now, periods)).toMatchObject({ ok: false, refusal: 'SCHEDULE_TOO_EARLY' });
  });
});

describe('the end of a listing and of live bidding (规定 21, local 限时竞价 rules)', () => {
  const min = { minBuyersForLive: 2 };

  it('goes live when enough buyers who quoted said they will go on', () => {
    expect(decideListingEnd({ continuing: 2, highestFen: 500n, reserveFen: 900n }, min)).toEqual({ kind: 'live' });
    expect(continuingBuyers([1001, 1002, 1003], new Map([[1001, 2], [1003, 1]]), 1)).toEqual([1001, 1003]);
  });

  it('otherwise the highest quote wins if it reaches the reserve; no quote is 流拍', () => {
    expect(decideListingEnd({ continuing: 1, highestFen: 900n, reserveFen: 900n }, min)).toEqual({ kind: 'end', outcome: 'sold' });
    expect(decideListingEnd({ continuing: 0, highestFen: 899n, reserveFen: 900n }, min)).toEqual({ kind: 'end', outcome: 'reserve_not_met' });
    expect(decideListingEnd({ continuing: 0, highestFen: 1n, reserveFen: null }, min)).toEqual({ kind: 'end', outcome: 'sold' });
    expect(decideListingEnd({ continuing: 3, highestFen: null, reserveFen: null }, min)).toEqual({ kind: 'end', outcome: 'unsold' });
    expect(decideLiveEnd({ highestFen: 1000n, reserveFen: 1001n })).toEqual({ kind: 'end', outcome: 'reserve_not_met' });
    expect(decideLiveEnd({ highestFen: null, reserveFen: null })).toEqual({ kind: 'end', outcome: 'unsold' });
  });
});
