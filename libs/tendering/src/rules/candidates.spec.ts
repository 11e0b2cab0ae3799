import { awardee, candidatesFrom } from './candidates';

const ranked = [
  { bidId: 'A', rank: 1 },
  { bidId: 'B', rank: 2 },
  { bidId: 'C', rank: 3 },
  { bidId: 'D', rank: 4 },
  { bidId: 'E', rank: 5 },
];

describe('candidatesFrom (条例 53)', () => {
  it('takes the best maxCandidates in rank order', () => {
    expect(candidatesFrom(ranked, new Set(), { maxCandidates: 3 }).map((c) => c.bidId)).toEqual(['A', 'B', 'C']);
  });

  it('skips a disqualified bid and lets the next one in', () => {
    expect(candidatesFrom(ranked, new Set(['B']), { maxCandidates: 3 }).map((c) => c.bidId)).toEqual(['A', 'C', 'D']);
  });

  it('orders by rank even when handed out of order, and returns fewer when fewer remain', () => {
    const shuffled = [ranked[3], ranked[0], ranked[2]];
    expect(candidatesFrom(shuffled, new Set(['A']), { maxCandidates: 3 }).map((c) => c.bidId)).toEqual(['C', 'D']);
    expect(candidatesFrom(ranked, new Set(), { maxCandidates: 1 }).map((c) => c.bidId)).toEqual(['A']);
  });

  it('refuses a maxCandidates that is not a positive integer', () => {
    expect(() => candidatesFrom(ranked, new Set(), { maxCandidates: 0 })).toThrow(RangeError);
  });
});

describe('awardee (条例 55)', () => {
  const candidates = candidatesFrom(ranked, new Set(), { maxCandidates: 3 });

  it('is the first candidate', () => {
    expect(awardee(candidates, new Set())).toEqual({ bidId: 'A', rank: 1 });
  });

  it('falls to the second when the first withdrew, and on in order', () => {
    expect(awardee(candidates, new Set(['A']))?.bidId).toBe('B');
    expect(awardee(candidates, new Set(['A', 'B']))?.bidId).toBe('C');
  });

  it('is null when no candidate remains', () => {
    expect(awardee(candidates, new Set(['A', 'B', 'C']))).toBeNull();
    expect(awardee([], new Set())).toBeNull();
  });
});
