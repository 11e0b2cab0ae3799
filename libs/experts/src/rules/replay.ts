// Invariant 5 (draws are verifiable): anyone holding a draw's record recomputes it with its algorithm and compares.
import type { Avoided } from './avoidance';
import { DRAW_ALGORITHM_V1, drawRule, seedCommitment } from './draw-algorithm';

export const DRAW_RECORD_FORMAT = 'yg-draw-record/2';
/** Records exported before the draw id and the avoided list were bound (avoided at the top level, no avoided digest). */
export const DRAW_RECORD_FORMAT_V1 = 'yg-draw-record/1';

export interface DrawRecordRound {
  round: number;
  specialty: string;
  wanted: number;
  candidates: string[];
  /** the experts of the specialty screened out, each with every reason (yg-draw-record/2) */
  avoided?: Avoided[];
  picked: string[];
  /** from the round's audit entry */
  audited: { poolDigest: string; avoidedDigest?: string; membersCommitment: string } | null;
  /** a top-up round (补抽) drawn with a seed of its own: its commitment from the audit chain, and the revealed seed */
  seedCommitment?: string;
  seed?: string;
}

/** A draw as exported by GET /expert-draws/:id/record: the rounds' inputs, what was drawn, and what the audit chain holds. */
export interface DrawRecord {
  format: typeof DRAW_RECORD_FORMAT | typeof DRAW_RECORD_FORMAT_V1;
  algorithm: string;
  drawId: string;
  /** from the audit entry written when the draw was requested, before anything was drawn */
  seedCommitment: string;
  revealedSeed: string;
  rounds: DrawRecordRound[];
}

export interface ReplayCheck {
  check: 'algorithm' | 'seed_commitment' | 'avoided_digest' | 'pool_digest' | 'members_commitment' | 'picked';
  round?: number;
  specialty?: string;
  ok: boolean;
  expected?: unknown;
  actual?: unknown;
}

export interface ReplayResult {
  agrees: boolean;
  /** 'v1': a draw made before the draw id and the avoided list were bound; see `note` */
  rule: 'v1' | 'v2' | 'unknown';
  /** what the replay proves about the record beyond the drawn experts */
  binds: { drawId: boolean; avoided: boolean };
  note: { zh: string; en: string } | null;
  checks: ReplayCheck[];
}

const V1_NOTE = {
  zh: 'v1 规则(本次变更前的抽取):抽取编号未参与计算;回避名单仅在记录带有审计摘要时核对',
  en: 'v1 rule (a draw made before this change): the draw id is not bound; the avoided list is checked only when the record carries its audited digest',
};

export function replayDraw(record: DrawRecord): ReplayResult {
  const checks: ReplayCheck[] = [];
  const rule = drawRule(record.algorithm, String(record.drawId ?? ''));
  const v1 = record.algorithm === DRAW_ALGORITHM_V1;
  const result = (binds: ReplayResult['binds']): ReplayResult => ({
    agrees: checks.every((c) => c.ok),
    rule: rule ? (v1 ? 'v1' : 'v2') : 'unknown',
    binds,
    note: v1 ? V1_NOTE : null,
    checks,
  });
  checks.push({ check: 'algorithm', ok: rule !== null, expected: 'yg-draw-v1 | yg-draw-v2', actual: record.algorithm });
  const seedOk = /^[0-9a-f]{64}$/.test(record.revealedSeed) && seedCommitment(record.revealedSeed) === record.seedCommitment;
  checks.push({ check: 'seed_commitment', ok: seedOk, expected: record.seedCommitment, actual: /^[0-9a-f]{64}$/.test(record.revealedSeed) ? seedCommitment(record.revealedSeed) : 'not a 32-byte hex seed' });
  if (!rule || !seedOk) return result({ drawId: false, avoided: false });
  let avoidedBound = true;
  for (const r of record.rounds) {
    const at = { round: r.round, specialty: r.specialty };
    let seed = record.revealedSeed;
    if (r.seedCommitment !== undefined || r.seed !== undefined) {
      seed = r.seed ?? '';
      const ok = /^[0-9a-f]{64}$/.test(seed) && seedCommitment(seed) === r.seedCommitment;
      checks.push({ check: 'seed_commitment', ...at, ok, expected: r.seedCommitment ?? null, actual: /^[0-9a-f]{64}$/.test(seed) ? seedCommitment(seed) : 'not a 32-byte hex seed' });
    }
    // v2 always checks the avoided list; v1 when the record carries the list and the digest its round audited
    const canCheckAvoided = Array.isArray(r.avoided) && typeof r.audited?.avoidedDigest === 'string';
    let avoidedDigest = '';
    if (rule.bindsDrawAndAvoided || canCheckAvoided) {
      avoidedDigest = Array.isArray(r.avoided) ? rule.avoidedDigest(r.round, r.specialty, r.avoided) : 'no avoided list in the record';
      checks.push({ check: 'avoided_digest', ...at, ok: canCheckAvoided && avoidedDigest === r.audited!.avoidedDigest, expected: r.audited?.avoidedDigest ?? null, actual: avoidedDigest });
    } else avoidedBound = false;
    const digest = rule.poolDigest(r.round, r.specialty, r.candidates, avoidedDigest);
    checks.push({ check: 'pool_digest', ...at, ok: r.audited !== null && digest === r.audited.poolDigest, expected: r.audited?.poolDigest ?? null, actual: digest });
    let recomputed: string[] = [];
    try {
      recomputed = rule.draw(seed, r.round, r.specialty, r.candidates, r.wanted);
    } catch {
      recomputed = [];
    }
    checks.push({ check: 'picked', ...at, ok: recomputed.join(',') === r.picked.join(','), expected: recomputed, actual: r.picked });
    const commitment = rule.membersCommitment(seed, r.round, r.specialty, r.picked);
    checks.push({ check: 'members_commitment', ...at, ok: r.audited !== null && commitment === r.audited.membersCommitment, expected: r.audited?.membersCommitment ?? null, actual: commitment });
  }
  return result({ drawId: rule.bindsDrawAndAvoided, avoided: avoidedBound });
}

/** A yg-draw-record/1 file keeps its avoided lists at the top level; put each beside its round. */
export function normaliseRecord(doc: DrawRecord & { avoided?: { round: number; specialty: string; avoided: Avoided[] }[] }): DrawRecord {
  if (doc.format !== DRAW_RECORD_FORMAT_V1 || !Array.isArray(doc.avoided)) return doc;
  const { avoided, ...rest } = doc;
  return {
    ...rest,
    rounds: doc.rounds.map((r) => ({ ...r, avoided: r.avoided ?? avoided.find((a) => a.round === r.round && a.specialty === r.specialty)?.avoided })),
  };
}
