// Invariant 5 (draws are verifiable): anyone holding a draw's record recomputes it with yg-draw-v1 and compares.
import { DRAW_ALGORITHM, drawFrom, membersCommitment, poolDigest, seedCommitment } from './draw-algorithm';

/** A draw as exported by GET /expert-draws/:id/record: the rounds' inputs, what was drawn, and what the audit chain holds. */
export interface DrawRecord {
  format: 'yg-draw-record/1';
  algorithm: string;
  drawId: string;
  /** from the audit entry written when the draw was requested, before anything was drawn */
  seedCommitment: string;
  revealedSeed: string;
  rounds: {
    round: number;
    specialty: string;
    wanted: number;
    candidates: string[];
    picked: string[];
    /** from the round's audit entry */
    audited: { poolDigest: string; membersCommitment: string } | null;
    /** a top-up round (补抽) drawn with a seed of its own: its commitment from the audit chain, and the revealed seed */
    seedCommitment?: string;
    seed?: string;
  }[];
}

export interface ReplayCheck {
  check: 'algorithm' | 'seed_commitment' | 'pool_digest' | 'members_commitment' | 'picked';
  round?: number;
  specialty?: string;
  ok: boolean;
  expected?: unknown;
  actual?: unknown;
}

export interface ReplayResult {
  agrees: boolean;
  checks: ReplayCheck[];
}

export function replayDraw(record: DrawRecord): ReplayResult {
  const checks: ReplayCheck[] = [];
  checks.push({ check: 'algorithm', ok: record.algorithm === DRAW_ALGORITHM, expected: DRAW_ALGORITHM, actual: record.algorithm });
  const seedOk = /^[0-9a-f]{64}$/.test(record.revealedSeed) && seedCommitment(record.revealedSeed) === record.seedCommitment;
  checks.push({ check: 'seed_commitment', ok: seedOk, expected: record.seedCommitment, actual: /^[0-9a-f]{64}$/.test(record.revealedSeed) ? seedCommitment(record.revealedSeed) : 'not a 32-byte hex seed' });
  if (!seedOk) return { agrees: false, checks };
  for (const r of record.rounds) {
    const at = { round: r.round, specialty: r.specialty };
    let seed = record.revealedSeed;
    if (r.seedCommitment !== undefined || r.seed !== undefined) {
      seed = r.seed ?? '';
      const ok = /^[0-9a-f]{64}$/.test(seed) && seedCommitment(seed) === r.seedCommitment;
      checks.push({ check: 'seed_commitment', ...at, ok, expected: r.seedCommitment ?? null, actual: /^[0-9a-f]{64}$/.test(seed) ? seedCommitment(seed) : 'not a 32-byte hex seed' });
    }
    const digest = poolDigest(r.round, r.specialty, r.candidates);
    checks.push({ check: 'pool_digest', ...at, ok: r.audited !== null && digest === r.audited.poolDigest, expected: r.audited?.poolDigest ?? null, actual: digest });
    let recomputed: string[] = [];
    try {
      recomputed = drawFrom(seed, r.round, r.specialty, r.candidates, r.wanted);
    } catch {
      recomputed = [];
    }
    checks.push({ check: 'picked', ...at, ok: recomputed.join(',') === r.picked.join(','), expected: recomputed, actual: r.picked });
    const commitment = membersCommitment(seed, r.round, r.specialty, r.picked);
    checks.push({ check: 'members_commitment', ...at, ok: r.audited !== null && commitment === r.audited.membersCommitment, expected: r.audited?.membersCommitment ?? null, actual: commitment });
  }
  return { agrees: checks.every((c) => c.ok), checks };
}
