import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json';

export const GENESIS_HASH = '0'.repeat(64);

export function sha256Hex(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

export function payloadDigest(payload: unknown): string {
  return sha256Hex(canonicalJson(payload ?? null));
}

/** The fields of one audit event that its hash covers, in a fixed order. */
export interface ChainedFields {
  seq: string;
  occurredAt: Date;
  actorId: string | null;
  actorRole: string | null;
  organisationId: string | null;
  action: string;
  subjectType: string;
  subjectId: string;
  payloadDigest: string;
}

/**
 * hash = SHA-256( prevHash "\n" seq "|" occurredAt(ISO, ms) "|" actorId "|" actorRole "|" organisationId "|"
 *                 action "|" subjectType "|" subjectId "|" payloadDigest ), lower-case hex.
 * Documented in docs/audit-chain.md so that anyone can re-verify an exported trail.
 */
export function chainHash(prevHash: string, f: ChainedFields): string {
  const line = [f.seq, f.occurredAt.toISOString(), f.actorId ?? '', f.actorRole ?? '', f.organisationId ?? '', f.action, f.subjectType, f.subjectId, f.payloadDigest].join('|');
  return sha256Hex(`${prevHash}\n${line}`);
}
