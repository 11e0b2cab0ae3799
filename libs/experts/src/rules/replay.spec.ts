import { drawFrom, membersCommitment, poolDigest, seedCommitment } from './draw-algorithm';
import { DrawRecord, replayDraw } from './replay';

const seed = '5e'.repeat(32);
const candidates = Array.from({ length: 30 }, (_, i) => String(i * 3 + 1));
const picked = drawFrom(seed, 0, 'A01', candidates, 6);
const record: DrawRecord = {
  format: 'yg-draw-record/1',
  algorithm: 'yg-draw-v1',
  drawId: 'd',
  seedCommitment: seedCommitment(seed),
  revealedSeed: seed,
  rounds: [{ round: 0, specialty: 'A01', wanted: 6, candidates, picked, audited: { poolDigest: poolDigest(0, 'A01', candidates), membersCommitment: membersCommitment(seed, 0, 'A01', picked) } }],
};

describe('replaying a draw record', () => {
  it('agrees with an honest record', () => {
    expect(replayDraw(record).agrees).toBe(true);
  });

  it.each([
    ['another seed', (r: DrawRecord) => ({ ...r, revealedSeed: '5f'.repeat(32) }), 'seed_commitment'],
    ['one candidate swapped', (r: DrawRecord) => ({ ...r, rounds: [{ ...r.rounds[0], candidates: [...candidates.slice(0, 29), '999'] }] }), 'pool_digest'],
    ['one drawn expert replaced', (r: DrawRecord) => ({ ...r, rounds: [{ ...r.rounds[0], picked: [...picked.slice(0, 5), candidates.find((c) => !picked.includes(c))!] }] }), 'picked'],
    ['a drawn expert dropped', (r: DrawRecord) => ({ ...r, rounds: [{ ...r.rounds[0], picked: picked.slice(0, 5) }] }), 'picked'],
    ['no audit entry for the round', (r: DrawRecord) => ({ ...r, rounds: [{ ...r.rounds[0], audited: null }] }), 'pool_digest'],
  ])('disagrees when %s', (_what, tamper, failing) => {
    const result = replayDraw(tamper(record));
    expect(result.agrees).toBe(false);
    expect(result.checks.filter((c) => !c.ok).map((c) => c.check)).toContain(failing);
  });
});

describe('replaying a top-up round drawn with its own seed', () => {
  const topSeed = 'a7'.repeat(32);
  const rest = candidates.filter((c) => !picked.includes(c));
  const topPicked = drawFrom(topSeed, 2, 'A01', rest, 1);
  const topUp = { round: 2, specialty: 'A01', wanted: 1, candidates: rest, picked: topPicked, audited: { poolDigest: poolDigest(2, 'A01', rest), membersCommitment: membersCommitment(topSeed, 2, 'A01', topPicked) }, seedCommitment: seedCommitment(topSeed), seed: topSeed };
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
