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
