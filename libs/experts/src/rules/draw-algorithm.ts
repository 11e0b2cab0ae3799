// 专家抽取 (评标专家和评标专家库管理暂行办法 13: random draw, recorded): yg-draw-v2 (v1 kept for older draws), docs/expert-draws.md.
import { createHash, createHmac } from 'node:crypto';
import { canonicalJson } from '@app/platform/audit/canonical-json';
import type { Avoided } from './avoidance';

export const DRAW_ALGORITHM_V1 = 'yg-draw-v1';
export const DRAW_ALGORITHM_V2 = 'yg-draw-v2';
/** What new draws use. A draw keeps the algorithm it was requested with (its column), so older draws replay as they were drawn. */
export const DRAW_ALGORITHM = DRAW_ALGORITHM_V2;
export const DRAW_ALGORITHMS: readonly string[] = [DRAW_ALGORITHM_V1, DRAW_ALGORITHM_V2];

const TWO_64 = 1n << 64n;

/** SHA-256 of the seed's 32 bytes: what the audit chain holds before the draw (both versions). */
export function seedCommitment(seedHex: string): string {
  return createHash('sha256').update(Buffer.from(seedHex, 'hex')).digest('hex');
}

/** yg-draw-v1: the candidates one specialty of one round was drawn from, ascending ids, digested. */
export function poolDigest(round: number, specialty: string, candidates: readonly string[]): string {
  return createHash('sha256').update(`${DRAW_ALGORITHM_V1}|pool|${round}|${specialty}|${candidates.join(',')}`).digest('hex');
}

/** yg-draw-v1: binds the drawn ids to the still secret seed, so the audit entry proves them without naming them. */
export function membersCommitment(seedHex: string, round: number, specialty: string, picked: readonly string[]): string {
  return createHmac('sha256', Buffer.from(seedHex, 'hex')).update(`${DRAW_ALGORITHM_V1}|members|${round}|${specialty}|${picked.join(',')}`).digest('hex');
}

/** A uniform integer in [0, bound) from the seed and a label, by rejection sampling over 64-bit HMAC outputs. */
export function uniformIndex(seedHex: string, label: string, bound: number): number {
  const n = BigInt(bound);
  const limit = TWO_64 - (TWO_64 % n);
  const key = Buffer.from(seedHex, 'hex');
  for (let attempt = 0; ; attempt++) {
    const x = createHmac('sha256', key).update(`${label}|${attempt}`).digest().readBigUInt64BE(0);
    if (x < limit) return Number(x % n);
  }
}

/** Fisher–Yates stopped after `count` steps, step i swapping position i with i + uniformIndex(seed, "<prefix>|i", n − i). */
function shuffleTake(seedHex: string, prefix: string, candidates: readonly string[], count: number): string[] {
  if (count > candidates.length) throw new RangeError(`cannot draw ${count} of ${candidates.length}`);
  const swapped = new Map<number, string>();
  const at = (i: number) => swapped.get(i) ?? candidates[i];
  const picked: string[] = [];
  for (let i = 0; i < count; i++) {
    const j = i + uniformIndex(seedHex, `${prefix}|${i}`, candidates.length - i);
    const chosen = at(j);
    swapped.set(j, at(i));
    picked.push(chosen);
  }
  return picked;
}

/**
 * yg-draw-v1: draws `count` of `candidates` (ascending ids) in order, labels "yg-draw-v1|round|specialty|i".
 * Same inputs, same experts.
 */
export function drawFrom(seedHex: string, round: number, specialty: string, candidates: readonly string[], count: number): string[] {
  return shuffleTake(seedHex, `${DRAW_ALGORITHM_V1}|${round}|${specialty}`, candidates, count);
}

/** The avoided of a round in one text: ascending ids, each with its reasons sorted ("12:employer_is_owner+same_region,40:suspended"). */
export function avoidedText(avoided: readonly Avoided[]): string {
  return [...avoided]
    .map((a) => ({ id: String(a.expertId), reasons: [...a.reasons].sort() }))
    .sort((a, b) => a.id.length - b.id.length || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((a) => `${a.id}:${a.reasons.join('+')}`)
    .join(',');
}

/** Everything of a draw that depends on its algorithm, bound (from v2) to the draw's id. */
export interface DrawRule {
  algorithm: string;
  /** true from v2: the draw id and the avoided list are inside the digests and the draw itself */
  bindsDrawAndAvoided: boolean;
  avoidedDigest(round: number, specialty: string, avoided: readonly Avoided[]): string;
  poolDigest(round: number, specialty: string, candidates: readonly string[], avoidedDigest: string): string;
  membersCommitment(seedHex: string, round: number, specialty: string, picked: readonly string[]): string;
  draw(seedHex: string, round: number, specialty: string, candidates: readonly string[], count: number): string[];
}

/** The rule of `algorithm` for draw `drawId`, or null for an algorithm this code does not know. */
export function drawRule(algorithm: string, drawId: string): DrawRule | null {
  if (algorithm === DRAW_ALGORITHM_V1) {
    return {
      algorithm,
      bindsDrawAndAvoided: false,
      // v1 audited the canonical JSON of the avoided list as stored, bound to nothing else
      avoidedDigest: (_round, _specialty, avoided) => createHash('sha256').update(canonicalJson(avoided)).digest('hex'),
      poolDigest: (round, specialty, candidates) => poolDigest(round, specialty, candidates),
      membersCommitment,
      draw: drawFrom,
    };
  }
  if (algorithm === DRAW_ALGORITHM_V2) {
    const v = DRAW_ALGORITHM_V2;
    return {
      algorithm,
      bindsDrawAndAvoided: true,
      avoidedDigest: (round, specialty, avoided) => createHash('sha256').update(`${v}|avoided|${drawId}|${round}|${specialty}|${avoidedText(avoided)}`).digest('hex'),
      poolDigest: (round, specialty, candidates, avoidedDigest) =>
        createHash('sha256').update(`${v}|pool|${drawId}|${round}|${specialty}|${candidates.join(',')}|${avoidedDigest}`).digest('hex'),
      membersCommitment: (seedHex, round, specialty, picked) =>
        createHmac('sha256', Buffer.from(seedHex, 'hex')).update(`${v}|members|${drawId}|${round}|${specialty}|${picked.join(',')}`).digest('hex'),
      draw: (seedHex, round, specialty, candidates, count) => shuffleTake(seedHex, `${v}|${drawId}|${round}|${specialty}`, candidates, count),
    };
  }
  return null;
}

/** Ids as the database returns them (bigint text), ascending numerically: the order the algorithm relies on. */
export function sortIds(ids: Iterable<string>): string[] {
  return [...ids].sort((a, b) => (a.length - b.length) || (a < b ? -1 : a > b ? 1 : 0));
}
