import { canonicalJson } from './canonical-json';
import { chainHash, GENESIS_HASH, sha256Hex } from './audit-hash';

export interface AuditRow {
  seq: string;
  occurredAt: Date;
  actorId: string | null;
  actorRole: string | null;
  organisationId: string | null;
  action: string;
  subjectType: string;
  subjectId: string;
  payloadDigest: string;
  payload: unknown;
  prevHash: string;
  hash: string;
}

export type BreakReason = 'sequence_gap' | 'prev_hash_mismatch' | 'hash_mismatch' | 'payload_mismatch' | 'head_mismatch';

export interface VerifyResult {
  ok: boolean;
  checked: number;
  lastSeq: string;
  firstBroken: { seq: string; reason: BreakReason } | null;
}

/** Walks links in order; pure, so the CLI that re-verifies an exported file uses it too. */
export class ChainVerifier {
  private prevHash = GENESIS_HASH;
  private prevSeq = 0n;
  private checked = 0;
  private broken: VerifyResult['firstBroken'] = null;

  constructor(private readonly options: { checkPayloads: boolean; contiguous: boolean } = { checkPayloads: true, contiguous: true }) {}

  /** Start from a known link instead of the genesis (to verify a suffix, e.g. one project's export). */
  startAfter(seq: string, hash: string): this {
    this.prevSeq = BigInt(seq);
    this.prevHash = hash;
    return this;
  }

  /** Returns false once a broken link was found. */
  push(row: AuditRow): boolean {
    if (this.broken) return false;
    const seq = BigInt(row.seq);
    const reason = this.check(row, seq);
    if (reason) {
      this.broken = { seq: row.seq, reason };
      return false;
    }
    this.checked += 1;
    this.prevSeq = seq;
    this.prevHash = row.hash;
    return true;
  }

  private check(row: AuditRow, seq: bigint): BreakReason | null {
    if (this.options.contiguous && seq !== this.prevSeq + 1n) return 'sequence_gap';
    if (this.options.contiguous && row.prevHash !== this.prevHash) return 'prev_hash_mismatch';
    if (this.options.checkPayloads && sha256Hex(canonicalJson(row.payload ?? null)) !== row.payloadDigest) return 'payload_mismatch';
    if (chainHash(row.prevHash, { ...row, seq: row.seq }) !== row.hash) return 'hash_mismatch';
    return null;
  }

  /** Compare the last link with the chain head, so a deleted tail is found too. */
  checkHead(headSeq: string, headHash: string): void {
    if (this.broken) return;
    if (BigInt(headSeq) !== this.prevSeq || headHash !== this.prevHash) {
      this.broken = { seq: (this.prevSeq + 1n).toString(), reason: 'head_mismatch' };
    }
  }

  result(): VerifyResult {
    return { ok: this.broken === null, checked: this.checked, lastSeq: this.prevSeq.toString(), firstBroken: this.broken };
  }
}
