import { avoidanceReasons, CandidateFacts, DrawContext, screen } from './avoidance';

const ctx: DrawContext = { ownerUscc: 'OWNER', agentUscc: 'AGENT', bidderUsccs: ['B1', 'B2'], region: '320102', avoidOwnRegion: false, sameOwnerMax: 3 };
const clean: CandidateFacts = { id: '7', partyEmployerUscc: null, inProjectRegion: false, suspended: false, conflictUsccs: [], unavailable: false, recentDrawsForOwner: 0 };
const none = new Set<string>();

describe('avoidance (回避)', () => {
  it('lets a clean expert through', () => {
    expect(avoidanceReasons(clean, ctx, none)).toEqual([]);
  });

  it.each([
    [{ partyEmployerUscc: 'B2' }, 'employer_is_bidder'],
    [{ partyEmployerUscc: 'OWNER' }, 'employer_is_owner'],
    [{ partyEmployerUscc: 'AGENT' }, 'employer_is_agent'],
    [{ conflictUsccs: ['B1'] }, 'declared_conflict'],
    [{ conflictUsccs: ['OWNER'] }, 'declared_conflict'],
    [{ unavailable: true }, 'unavailable'],
    [{ suspended: true }, 'suspended'],
    [{ recentDrawsForOwner: 3 }, 'drawn_too_recently'],
  ] as const)('%j → %s', (change, reason) => {
    expect(avoidanceReasons({ ...clean, ...change }, ctx, none)).toEqual([reason]);
  });

  it('avoids the project’s region only when the rules ask', () => {
    const local = { ...clean, inProjectRegion: true };
    expect(avoidanceReasons(local, ctx, none)).toEqual([]);
    expect(avoidanceReasons(local, { ...ctx, avoidOwnRegion: true }, none)).toEqual(['same_region']);
  });

  it('a conflict with an unrelated organisation does not count; drawn twice of three is still allowed', () => {
    expect(avoidanceReasons({ ...clean, conflictUsccs: ['SOMEONE'], recentDrawsForOwner: 2 }, ctx, none)).toEqual([]);
  });

  it('records every reason, and splits candidates from the avoided in order', () => {
    const r = screen([clean, { ...clean, id: '8', partyEmployerUscc: 'B1', suspended: true }, { ...clean, id: '9' }], ctx, new Set(['9']));
    expect(r.candidates).toEqual(['7']);
    expect(r.avoided).toEqual([
      { expertId: '8', reasons: ['employer_is_bidder', 'suspended'] },
      { expertId: '9', reasons: ['already_drawn'] },
    ]);
  });
});
