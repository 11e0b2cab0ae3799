import { hash } from 'node:crypto';
import { BreakReason } from './chain-verifier';
import { canonicalJson } from './canonical-json';

/**
 * Verifies one seq range of the chain from a `COPY … TO STDOUT (FORMAT binary)` stream, as it arrives, without
 * building rows: the hashed line is assembled from the raw fields, the payload digest is checked over the stored
 * canonical text (`payload_canonical`), and nothing is parsed as JSON unless `recanonicalise` asks for it (when the
 * database no longer enforces that `payload` is that text: docs/audit-chain.md, "Verify"). Runs in a worker thread
 * (chain-range.worker.ts) or in-process; the ranges are joined by `joinRanges`.
 */

/** Break reasons of the online verify: the chain's, and the jsonb payload disagreeing with its stored canonical text. */
export type LinkBreak = BreakReason | 'canonical_payload_mismatch';

export interface RangeResult {
  /** rows read (up to the first break; all of them when none) */
  count: number;
  /** rows that passed before the first break */
  checked: number;
  firstSeq: string | null;
  firstPrevHash: string | null;
  lastSeq: string | null;
  lastHash: string | null;
  broken: { seq: string; reason: LinkBreak } | null;
}

/** The binary COPY of seq lo..hi (inclusive), in seq order; `payload` (jsonb) only when re-canonicalising. */
export function rangeCopySql(lo: number, hi: number, recanonicalise: boolean): string {
  const columns = `seq, occurred_at, actor_id, actor_role, organisation_id, action, subject_type, subject_id, payload_digest, payload_canonical, prev_hash, hash${recanonicalise ? ', payload' : ''}`;
  return `COPY (SELECT ${columns} FROM audit_event WHERE seq BETWEEN ${Math.trunc(lo)} AND ${Math.trunc(hi)} ORDER BY seq) TO STDOUT (FORMAT binary)`;
}

const SIGNATURE = Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1');
/** PostgreSQL's epoch (2000-01-01) in Unix milliseconds: binary timestamps count microseconds from it. */
const PG_EPOCH_MS = 946_684_800_000;

export class RangeVerifier {
  private pending: Buffer | null = null;
  private headerDone = false;
  private done = false;
  private readonly fields: number;
  private readonly off: Int32Array;
  private readonly len: Int32Array;
  private prevSeq = 0;
  private prevHash = '';
  private readonly r: RangeResult = { count: 0, checked: 0, firstSeq: null, firstPrevHash: null, lastSeq: null, lastHash: null, broken: null };

  constructor(private readonly recanonicalise: boolean) {
    this.fields = recanonicalise ? 13 : 12;
    this.off = new Int32Array(this.fields);
    this.len = new Int32Array(this.fields);
  }

  push(chunk: Buffer): void {
    if (this.done) return; // after the first break the rest is only drained
    const data = this.pending ? Buffer.concat([this.pending, chunk]) : chunk;
    let pos = 0;
    if (!this.headerDone) {
      if (data.length < SIGNATURE.length + 8) {
        this.pending = data;
        return;
      }
      if (!data.subarray(0, SIGNATURE.length).equals(SIGNATURE)) throw new Error('not a binary COPY stream');
      const extension = data.readUInt32BE(SIGNATURE.length + 4);
      if (data.length < SIGNATURE.length + 8 + extension) {
        this.pending = data;
        return;
      }
      pos = SIGNATURE.length + 8 + extension;
      this.headerDone = true;
    }
    const end = data.length;
    const { off, len } = this;
    while (!this.done && end - pos >= 2) {
      const n = data.readInt16BE(pos);
      if (n === -1) {
        this.done = true;
        pos = end;
        break;
      }
      if (n !== this.fields) throw new Error(`binary COPY row of ${n} fields, expected ${this.fields}`);
      let p = pos + 2;
      let complete = true;
      for (let i = 0; i < n; i++) {
        if (p + 4 > end) {
          complete = false;
          break;
        }
        const l = data.readInt32BE(p);
        p += 4;
        off[i] = p;
        len[i] = l;
        if (l > 0) p += l;
        if (p > end) {
          complete = false;
          break;
        }
      }
      if (!complete) break;
      this.row(data);
      pos = p;
    }
    this.pending = pos < end && !this.done ? data.subarray(pos) : null;
  }

  private row(d: Buffer): void {
    const { off, len, r } = this;
    const seqN = Number(d.readBigInt64BE(off[0]));
    const seq = String(seqN);
    const prev = d.toString('latin1', off[10], off[10] + len[10]);
    const stored = d.toString('latin1', off[11], off[11] + len[11]);
    if (r.count === 0) {
      r.firstSeq = seq;
      r.firstPrevHash = prev;
    }
    r.count += 1;
    const reason = this.check(d, seqN, seq, prev, stored);
    if (reason) {
      r.broken = { seq, reason };
      this.done = true;
      return;
    }
    r.checked += 1;
    this.prevSeq = seqN;
    this.prevHash = stored;
    r.lastSeq = seq;
    r.lastHash = stored;
  }

  private check(d: Buffer, seqN: number, seq: string, prev: string, stored: string): LinkBreak | null {
    const { off, len } = this;
    // Within the range; the first row's neighbours are checked by joinRanges.
    if (this.r.count > 1 && seqN !== this.prevSeq + 1) return 'sequence_gap';
    if (this.r.count > 1 && prev !== this.prevHash) return 'prev_hash_mismatch';
    const digest = d.toString('latin1', off[8], off[8] + len[8]);
    if (len[9] < 0 || hash('sha256', d.subarray(off[9], off[9] + len[9]), 'hex') !== digest) return 'payload_mismatch';
    if (this.recanonicalise) {
      // jsonb in binary: a version byte (1), then its text
      const json = len[12] < 0 ? null : JSON.parse(d.toString('utf8', off[12] + 1, off[12] + len[12]));
      if (canonicalJson(json) !== d.toString('utf8', off[9], off[9] + len[9])) return 'canonical_payload_mismatch';
    }
    let at: string;
    try {
      at = new Date(Math.floor(Number(d.readBigInt64BE(off[1])) / 1000) + PG_EPOCH_MS).toISOString();
    } catch {
      return 'hash_mismatch'; // ±infinity: no time the hash can have covered
    }
    const line = `${prev}\n${seq}|${at}|${uuid(d, off[2], len[2])}|${text(d, off[3], len[3])}|${uuid(d, off[4], len[4])}|${text(d, off[5], len[5])}|${text(d, off[6], len[6])}|${text(d, off[7], len[7])}|${digest}`;
    if (hash('sha256', line, 'hex') !== stored) return 'hash_mismatch';
    return null;
  }

  result(): RangeResult {
    return { ...this.r };
  }
}

function text(d: Buffer, o: number, l: number): string {
  return l < 0 ? '' : d.toString('utf8', o, o + l);
}

function uuid(d: Buffer, o: number, l: number): string {
  if (l < 0) return '';
  const h = d.toString('hex', o, o + l);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** Splits seq 1..last into `parts` contiguous ranges (fewer when the chain is short). */
export function splitRange(last: number, parts: number): { lo: number; hi: number }[] {
  const n = Math.max(1, Math.min(parts, last));
  const out: { lo: number; hi: number }[] = [];
  for (let k = 0; k < n; k++) {
    const lo = Math.floor((last * k) / n) + 1;
    const hi = Math.floor((last * (k + 1)) / n);
    if (hi >= lo) out.push({ lo, hi });
  }
  return out;
}

/**
 * Joins consecutive ranges into the whole chain's result: each range's first row must follow the previous range's
 * last (seq + 1, prev_hash = its hash), the first range must start from the genesis, and the last link must be the
 * head's (a cut tail is `head_mismatch`). The first broken seq in chain order wins.
 */
export function joinRanges(
  ranges: RangeResult[],
  head: { seq: string; hash: string },
  genesis: string,
): { ok: boolean; checked: number; lastSeq: string; firstBroken: { seq: string; reason: LinkBreak } | null } {
  let prevSeq = 0n;
  let prevHash = genesis;
  let checked = 0;
  let broken: { seq: string; reason: LinkBreak } | null = null;
  for (const r of ranges) {
    if (r.count === 0) continue;
    const first = BigInt(r.firstSeq!);
    if (first !== prevSeq + 1n) broken = { seq: r.firstSeq!, reason: 'sequence_gap' };
    else if (r.firstPrevHash !== prevHash) broken = { seq: r.firstSeq!, reason: 'prev_hash_mismatch' };
    else if (r.broken) {
      broken = r.broken;
      checked += r.checked;
      if (r.lastSeq !== null) prevSeq = BigInt(r.lastSeq);
    }
    if (broken) break;
    checked += r.checked;
    prevSeq = BigInt(r.lastSeq!);
    prevHash = r.lastHash!;
  }
  if (!broken && (BigInt(head.seq) !== prevSeq || head.hash !== prevHash)) broken = { seq: (prevSeq + 1n).toString(), reason: 'head_mismatch' };
  return { ok: broken === null, checked, lastSeq: prevSeq.toString(), firstBroken: broken };
}
