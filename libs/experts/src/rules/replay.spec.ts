import type { Avoided } from './avoidance';
import { drawFrom, drawRule, membersCommitment, poolDigest, seedCommitment } from './draw-algorithm';
import { DrawRecord, normaliseRecord, replayDraw } from './replay';

const seed = '5e'.repeat(32);
const candidates = Array.from({ length: 30 }, (_, i) => String(i * 3 + 1));
const avoided: Avoided[] = [
  { expertId: '2', reasons: ['employer_is_bidder'] },
  { expertId: '5', reasons: ['declared_conflict', 'same_region'] },
];
const drawId = '3f1c2a9e-0b7d-4c55-9a61-2f7e8d9c0b1a';

/** A record as the API exports it for a draw made with yg-draw-v2. */
const v2 = (() => {
  const rule = drawRule('yg-draw-v2', drawId)!;
  const picked = rule.draw(seed, 0, 'A01', candidates, 6);
  const avoidedDigest = rule.avoidedDigest(0, 'A01', avoided);
  const record: DrawRecord = {
    format: 'yg-draw-record/2',
    algorithm: 'yg-draw-v2',
    drawId,
    seedCommitment: seedCommitment(seed),
    revealedSeed: seed,
    rounds: [{ round: 0, specialty: 'A01', wanted: 6, candidates, avoided, picked, audited: { poolDigest: rule.poolDigest(0, 'A01', candidates, avoidedDigest), avoidedDigest, membersCommitment: rule.membersCommitment(seed, 0, 'A01', picked) } }],
  };
  return record;
})();

/** A yg-draw-record/1 file saved before this change: v1 digests, avoided at the top level, no avoided digest. */
const v1Picked = drawFrom(seed, 0, 'A01', candidates, 6);
const v1File = {
  format: 'yg-draw-record/1' as const,
  algorithm: 'yg-draw-v1',
  drawId: 'd',
  seedCommitment: seedCommitment(seed),
  revealedSeed: seed,
  rounds: [{ round: 0, specialty: 'A01', wanted: 6, candidates, picked: v1Picked, audited: { poolDigest: poolDigest(0, 'A01', candidates), membersCommitment: membersCommitment(seed, 0, 'A01', v1Picked) } }],
  avoided: [{ round: 0, specialty: 'A01', avoided }],
};

const round0 = (r: DrawRecord, change: Partial<DrawRecord['rounds'][0]>): DrawRecord => ({ ...r, rounds: [{ ...r.rounds[0], ...change }] });
const failing = (r: DrawRecord) => replayDraw(r).checks.filter((c) => !c.ok).map((c) => c.check);

describe('replaying a draw record (yg-draw-v2)', () => {
  it('agrees with an honest record and says it binds the draw id and the avoided list', () => {
    expect(replayDraw(v2)).toMatchObject({ agrees: true, rule: 'v2', binds: { drawId: true, avoided: true }, note: null });
  });

  it('draws differently for another draw id from the same seed and pool', () => {
    expect(drawRule('yg-draw-v2', 'other')!.draw(seed, 0, 'A01', candidates, 6)).not.toEqual(v2.rounds[0].picked);
  });

  it.each([
    ['another seed', (r: DrawRecord) => ({ ...r, revealedSeed: '5f'.repeat(32) }), 'seed_commitment'],
    ['another draw id', (r: DrawRecord) => ({ ...r, drawId: '00000000-0000-4000-8000-000000000000' }), 'pool_digest'],
    ['one candidate swapped', (r: DrawRecord) => round0(r, { candidates: [...candidates.slice(0, 29), '999'] }), 'pool_digest'],
    ['an avoided expert removed', (r: DrawRecord) => round0(r, { avoided: avoided.slice(1) }), 'avoided_digest'],
    ['an avoidance reason changed', (r: DrawRecord) => round0(r, { avoided: [{ expertId: '2', reasons: ['suspended'] }, avoided[1]] }), 'avoided_digest'],
    ['an expert added to the avoided', (r: DrawRecord) => round0(r, { avoided: [...avoided, { expertId: '7', reasons: ['unavailable'] }] }), 'avoided_digest'],
    ['the avoided list left out', (r: DrawRecord) => round0(r, { avoided: undefined }), 'avoided_digest'],
    ['the audited avoided digest left out', (r: DrawRecord) => round0(r, { audited: { ...r.rounds[0].audited!, avoidedDigest: undefined } }), 'avoided_digest'],
    ['one drawn expert replaced', (r: DrawRecord) => round0(r, { picked: [...r.rounds[0].picked.slice(0, 5), candidates.find((c) => !r.rounds[0].picked.includes(c))!] }), 'picked'],
    ['a drawn expert dropped', (r: DrawRecord) => round0(r, { picked: r.rounds[0].picked.slice(0, 5) }), 'picked'],
    ['no audit entry for the round', (r: DrawRecord) => round0(r, { audited: null }), 'pool_digest'],
    ['relabelled as a v1 draw', (r: DrawRecord) => ({ ...r, algorithm: 'yg-draw-v1' }), 'pool_digest'],
    ['an unknown algorithm', (r: DrawRecord) => ({ ...r, algorithm: 'yg-draw-v9' }), 'algorithm'],
  ])('disagrees when %s', (_what, tamper, check) => {
    const result = replayDraw(tamper(v2));
    expect(result.agrees).toBe(false);
    expect(failing(tamper(v2))).toContain(check);
  });

  it('does not depend on the order the avoided are listed in', () => {
    expect(replayDraw(round0(v2, { avoided: [...avoided].reverse() })).agrees).toBe(true);
  });
});

describe('replaying a draw made before the binding (yg-draw-v1)', () => {
  it('still agrees under the v1 rule, marked v1, and says what it does not bind', () => {
    const result = replayDraw(normaliseRecord(v1File));
    expect(result).toMatchObject({ agrees: true, rule: 'v1', binds: { drawId: false, avoided: false } });
    expect(result.note?.zh).toContain('v1');
  });

  it('checks the avoided list of a v1 draw against the digest its round audited when the record carries it', () => {
    const rule = drawRule('yg-draw-v1', 'd')!;
    const withDigest = round0(normaliseRecord(v1File), { audited: { ...v1File.rounds[0].audited, avoidedDigest: rule.avoidedDigest(0, 'A01', avoided) } });
    expect(replayDraw(withDigest)).toMatchObject({ agrees: true, binds: { drawId: false, avoided: true } });
    expect(failing(round0(withDigest, { avoided: avoided.slice(1) }))).toEqual(['avoided_digest']);
  });

  it.each([
    ['one candidate swapped', (r: DrawRecord) => round0(r, { candidates: [...candidates.slice(0, 29), '999'] }), 'pool_digest'],
    ['one drawn expert replaced', (r: DrawRecord) => round0(r, { picked: [...v1Picked.slice(0, 5), candidates.find((c) => !v1Picked.includes(c))!] }), 'picked'],
    ['relabelled as a v2 draw', (r: DrawRecord) => ({ ...r, algorithm: 'yg-draw-v2' }), 'pool_digest'],
  ])('disagrees when %s', (_what, tamper, check) => {
    expect(failing(tamper(normaliseRecord(v1File)))).toContain(check);
  });
});

describe('replaying a top-up round drawn with its own seed', () => {
  const topSeed = 'a7'.repeat(32);
  const rule = drawRule('yg-draw-v2', drawId)!;
  const rest = candidates.filter((c) => !v2.rounds[0].picked.includes(c));
  const topPicked = rule.draw(topSeed, 2, 'A01', rest, 1);
  const topAvoided = rule.avoidedDigest(2, 'A01', []);
  const topUp = {
    round: 2,
    specialty: 'A01',
    wanted: 1,
    candidates: rest,
    avoided: [],
    picked: topPicked,
    audited: { poolDigest: rule.poolDigest(2, 'A01', rest, topAvoided), avoidedDigest: topAvoided, membersCommitment: rule.membersCommitment(topSeed, 2, 'A01', topPicked) },
    seedCommitment: seedCommitment(topSeed),
    seed: topSeed,
  };
  const record = v2;
  const withTopUp: DrawRecord = { ...record, rounds: [...record.rounds, topUp] };

  it('agrees with the round replayed on its own seed, checked against its own commitment', () => {
    const result = replayDraw(withTopUp);
    expect(result.agrees).toBe(true);
    expect(result.checks.filter((c) => c.check === 'seed_commitment').map((c) => c.round)).toEqual([undefined, 2]);
  });

  it.each([
    ['the round’s seed swapped for another', { seed: 'a8'.repeat(32) }, 'seed_commitment'],
    ['the round’s seed dropped (replayed with the draw’s seed)', { seed: undefined, seedCommitment: undefined }, 'picked'],
    ['the round’s seed not revealed', { seed: '' }, 'seed_commitment'],
  ])('disagrees when %s', (_what, change, failing) => {
    const result = replayDraw({ ...withTopUp, rounds: [record.rounds[0], { ...topUp, ...change }] });
    expect(result.agrees).toBe(false);
    expect(result.checks.filter((c) => !c.ok).map((c) => c.check)).toContain(failing);
  });
});
