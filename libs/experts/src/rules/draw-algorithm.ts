// 专家抽取 (评标专家和评标专家库管理暂行办法 13: random draw, recorded): yg-draw-v1, documented in docs/expert-draws.md.
import { createHash, createHmac } from 'node:crypto';

export const DRAW_ALGORITHM = 'yg-draw-v1';

const TWO_64 = 1n << 64n;

/** SHA-256 of the seed's 32 bytes: what the audit chain holds before the draw. */
export function seedCommitment(seedHex: string): string {
  return createHash('sha256').update(Buffer.from(seedHex, 'hex')).digest('hex');
}

/** The candidates one specialty of one round was drawn from, ascending ids, digested. */
export function poolDigest(round: number, specialty: string, candidates: readonly string[]): string {
  return createHash('sha256').update(`${DRAW_ALGORITHM}|pool|${round}|${specialty}|${candidates.join(',')}`).digest('hex');
}

/** Binds the drawn ids to the still secret seed, so the audit entry proves them without naming them. */
export function membersCommitment(seedHex: string, round: number, specialty: string, picked: readonly string[]): string {
  return createHmac('sha256', Buffer.from(seedHex, 'hex')).update(`${DRAW_ALGORITHM}|members|${round}|${specialty}|${picked.join(',')}`).digest('hex');
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

/**
 * Draws `count` of `candidates` (ascending ids) in order: a Fisher–Yates shuffle stopped after `count` steps, step i
 * swapping position i with i + uniformIndex(seed, "yg-draw-v1|round|specialty|i", n − i). Same inputs, same experts.
 */
export function drawFrom(seedHex: string, round: number, specialty: string, candidates: readonly string[], count: number): string[] {
  if (count > candidates.length) throw new RangeError(`cannot draw ${count} of ${candidates.length}`);
  const swapped = new Map<number, string>();
  const at = (i: number) => swapped.get(i) ?? candidates[i];
  const picked: string[] = [];
  for (let i = 0; i < count; i++) {
    const j = i + uniformIndex(seedHex, `${DRAW_ALGORITHM}|${round}|${specialty}|${i}`, candidates.length - i);
    const chosen = at(j);
    swapped.set(j, at(i));
    picked.push(chosen);
  }
  return picked;
}

/** Ids as the database returns them (bigint text), ascending numerically: the order the algorithm relies on. */
export function sortIds(ids: Iterable<string>): string[] {
  return [...ids].sort((a, b) => (a.length - b.length) || (a < b ? -1 : a > b ? 1 : 0));
}
