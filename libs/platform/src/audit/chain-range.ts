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

/**
 * The binary COPY of seq lo..hi (inclusive), in seq order; `payload` (jsonb) only when re-canonicalising. The SHA-256 of
 * each stored canonical text is computed by PostgreSQL beside the row (the ranges' backends hash in parallel, and a
 * quarter of the bytes cross the socket); the chain links over the digests are recomputed here. An exported file is
 * verified offline from the payloads themselves (cli/verify-file.ts).
 */
export function rangeCopySql(lo: number, hi: number, recanonicalise: boolean): string {
  const columns = `seq, occurred_at, actor_id, actor_role, organisation_id, action, subject_type, subject_id, payload_digest, encode(pg_catalog.sha256(convert_to(payload_canonical, 'UTF8')), 'hex'), prev_hash, hash${recanonicalise ? ', payload' : ''}`;
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
  private readonly prevHash = Buffer.alloc(64);
  private line = Buffer.allocUnsafe(1024);
  private readonly r: RangeResult = { count: 0, checked: 0, firstSeq: null, firstPrevHash: null, lastSeq: null, lastHash: null, broken: null };

  constructor(private readonly recanonicalise: boolean) {
    this.fields = recanonicalise ? 13 : 12;
    this.off = new Int32Array(this.fields);
    this.len = new Int32Array(this.fields);
  }

  push(chunk: Buffer): void {
    if (this.done) return; // after the first break the rest is only drained
    let data = chunk;
    let pos = 0;
    if (this.pending && !this.headerDone) {
      data = Buffer.concat([this.pending, chunk]);
      this.pending = null;
    } else if (this.pending) {
      // A row cut by the chunk's edge: complete it with as little of the chunk as it needs, rather than copying the chunk.
      const cut = this.pending;
      for (let take = Math.min(chunk.length, 4096); ; take = Math.min(chunk.length, take * 4)) {
        const joined = Buffer.concat([cut, chunk.subarray(0, take)]);
        const end = this.oneRow(joined, 0);
        if (end >= 0) {
          pos = end - cut.length;
          this.pending = null;
          break;
        }
        if (take === chunk.length) {
          this.pending = joined;
          return;
        }
      }
    }
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
    while (!this.done) {
      const next = this.oneRow(data, pos);
      if (next < 0) break;
      pos = next;
    }
    this.pending = pos < data.length && !this.done ? data.subarray(pos) : null;
  }

  /** Checks the row (or reads the trailer) starting at `pos` and returns where it ends; -1 when it is not all there. */
  private oneRow(data: Buffer, pos: number): number {
    const end = data.length;
    if (end - pos < 2) return -1;
    const n = data.readInt16BE(pos);
    if (n === -1) {
      this.done = true;
      return pos + 2;
    }
    if (n !== this.fields) throw new Error(`binary COPY row of ${n} fields, expected ${this.fields}`);
    const { off, len } = this;
    let p = pos + 2;
    for (let i = 0; i < n; i++) {
      if (p + 4 > end) return -1;
      const l = data.readInt32BE(p);
      p += 4;
      off[i] = p;
      len[i] = l;
      if (l > 0) p += l;
      if (p > end) return -1;
    }
    this.row(data);
    return p;
  }

  private row(d: Buffer): void {
    const { off, r } = this;
    // seq > 0 (a CHECK), below 2^53
    const seqN = d.readUInt32BE(off[0]) * 4294967296 + d.readUInt32BE(off[0] + 4);
    if (r.count === 0) {
      r.firstSeq = String(seqN);
      r.firstPrevHash = d.toString('latin1', off[10], off[10] + this.len[10]);
    }
    r.count += 1;
    const reason = this.check(d, seqN);
    if (reason) {
      r.broken = { seq: String(seqN), reason };
      this.done = true;
      return;
    }
    r.checked += 1;
    this.prevSeq = seqN;
    d.copy(this.prevHash, 0, off[11], off[11] + 64);
  }

  /** The checks of ChainVerifier.check, on raw bytes: few strings, no objects, no JSON unless re-canonicalising. */
  private check(d: Buffer, seqN: number): LinkBreak | null {
    const { off, len } = this;
    if (len[10] !== 64 || len[11] !== 64 || len[8] !== 64) return 'hash_mismatch';
    // Within the range; the first row's neighbours are checked by joinRanges.
    if (this.r.count > 1 && seqN !== this.prevSeq + 1) return 'sequence_gap';
    if (this.r.count > 1 && d.compare(this.prevHash, 0, 64, off[10], off[10] + 64) !== 0) return 'prev_hash_mismatch';
    // field 9: the SHA-256 (hex) of the stored canonical text, as the server computed it
    if (len[9] !== 64 || d.compare(d, off[8], off[8] + 64, off[9], off[9] + 64) !== 0) return 'payload_mismatch';
    if (this.recanonicalise) {
      // jsonb in binary: a version byte (1), then its text
      const json = len[12] < 0 ? null : JSON.parse(d.toString('utf8', off[12] + 1, off[12] + len[12]));
      if (!sameHex(hash('sha256', canonicalJson(json), 'hex'), d, off[9])) return 'canonical_payload_mismatch';
    }
    // prevHash "\n" seq "|" time "|" actor "|" role "|" organisation "|" action "|" subject type "|" subject id "|" digest
    let n = this.room(64 + 1 + 16 + 1 + 24 + 1 + 36 + 1 + Math.max(0, len[3]) + 1 + 36 + 1 + len[5] + 1 + len[6] + 1 + len[7] + 1 + 64);
    const out = this.line;
    n = d.copy(out, 0, off[10], off[10] + 64);
    out[n++] = 0x0a;
    n = writeDecimal(out, n, seqN);
    out[n++] = PIPE;
    const micros = d.readInt32BE(off[1]) * 4294967296 + d.readUInt32BE(off[1] + 4);
    n = writeIsoMillis(out, n, Math.floor(micros / 1000) + PG_EPOCH_MS);
    if (n < 0) return 'hash_mismatch'; // ±infinity or out of range: no time the hash can have covered
    out[n++] = PIPE;
    n = writeUuid(out, n, d, off[2], len[2]);
    out[n++] = PIPE;
    if (len[3] > 0) n += d.copy(out, n, off[3], off[3] + len[3]);
    out[n++] = PIPE;
    n = writeUuid(out, n, d, off[4], len[4]);
    out[n++] = PIPE;
    if (len[5] > 0) n += d.copy(out, n, off[5], off[5] + len[5]);
    out[n++] = PIPE;
    if (len[6] > 0) n += d.copy(out, n, off[6], off[6] + len[6]);
    out[n++] = PIPE;
    if (len[7] > 0) n += d.copy(out, n, off[7], off[7] + len[7]);
    out[n++] = PIPE;
    n += d.copy(out, n, off[8], off[8] + 64);
    if (!sameHex(hash('sha256', out.subarray(0, n), 'hex'), d, off[11])) return 'hash_mismatch';
    return null;
  }

  /** The scratch buffer the hashed line is assembled in, grown when a row needs more. */
  private room(bytes: number): number {
    if (this.line.length < bytes) this.line = Buffer.allocUnsafe(Math.max(bytes, this.line.length * 2));
    return bytes;
  }

  result(): RangeResult {
    return { ...this.r, lastSeq: this.r.checked ? String(this.prevSeq) : null, lastHash: this.r.checked ? this.prevHash.toString('latin1') : null };
  }
}

const PIPE = 0x7c;
const HEX = Buffer.from('0123456789abcdef', 'latin1');

/** Whether a lower-case hex digest equals the 64 stored bytes at d[o…]. */
function sameHex(hex: string, d: Buffer, o: number): boolean {
  for (let i = 0; i < 64; i++) if (hex.charCodeAt(i) !== d[o + i]) return false;
  return true;
}

function writeDecimal(out: Buffer, n: number, v: number): number {
  const s = String(v);
  for (let i = 0; i < s.length; i++) out[n++] = s.charCodeAt(i);
  return n;
}

/** 16 bytes as 8-4-4-4-12 lower-case hex; nothing for NULL. */
function writeUuid(out: Buffer, n: number, d: Buffer, o: number, l: number): number {
  if (l < 0) return n;
  for (let i = 0; i < l; i++) {
    if (i === 4 || i === 6 || i === 8 || i === 10) out[n++] = 0x2d;
    const b = d[o + i];
    out[n++] = HEX[b >> 4];
    out[n++] = HEX[b & 15];
  }
  return n;
}

/** Date#toISOString of a Unix time in ms (years 0–9999), or -1 when it has none. */
function writeIsoMillis(out: Buffer, n: number, ms: number): number {
  if (!Number.isFinite(ms) || ms < -62_167_219_200_000 || ms > 253_402_300_799_999) return -1;
  const days = Math.floor(ms / 86_400_000);
  let rest = ms - days * 86_400_000;
  // civil from days (H. Hinnant)
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  const hh = Math.floor(rest / 3_600_000);
  rest -= hh * 3_600_000;
  const mi = Math.floor(rest / 60_000);
  rest -= mi * 60_000;
  const ss = Math.floor(rest / 1000);
  const mss = rest - ss * 1000;
  n = digits(out, n, year, 4);
  out[n++] = 0x2d;
  n = digits(out, n, month, 2);
  out[n++] = 0x2d;
  n = digits(out, n, day, 2);
  out[n++] = 0x54; // T
  n = digits(out, n, hh, 2);
  out[n++] = 0x3a;
  n = digits(out, n, mi, 2);
  out[n++] = 0x3a;
  n = digits(out, n, ss, 2);
  out[n++] = 0x2e;
  n = digits(out, n, mss, 3);
  out[n++] = 0x5a; // Z
  return n;
}

function digits(out: Buffer, n: number, v: number, width: number): number {
  for (let i = width - 1; i >= 0; i--) {
    out[n + i] = 0x30 + (v % 10);
    v = Math.floor(v / 10);
  }
  return n + width;
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

/** What node-postgres hands a submittable query: its connection, whose socket the query may read itself. */
interface PgConnection {
  stream: NodeJS.ReadableStream & { listeners(event: 'data'): ((chunk: Buffer) => void)[] };
  query(text: string): void;
}

const COPY_DATA = 0x64; // d
const ERROR_RESPONSE = 0x45; // E
/** Messages that may come before or between CopyData (CopyOutResponse, ParameterStatus, NoticeResponse, NotificationResponse). */
const INTERSPERSED = new Set([0x48, 0x53, 0x4e, 0x41]);

/**
 * A node-postgres submittable that runs `COPY … TO STDOUT (FORMAT binary)` and hands the CopyData contents straight
 * from the socket's chunks to a RangeVerifier, as views (no copy of the stream: pg-copy-streams concatenates every
 * chunk's contents, which showed in profiles). Like pg-copy-streams, it takes the socket's 'data' from the
 * connection's parser for the COPY, and gives it back, with what follows CopyDone (or an ErrorResponse), so that
 * node-postgres ends the query. `client.query(new CopyToVerifier(sql, recanonicalise)).done` resolves with the result.
 */
export class CopyToVerifier {
  readonly done: Promise<RangeResult>;
  private readonly verifier: RangeVerifier;
  private resolve!: (r: RangeResult) => void;
  private reject!: (e: Error) => void;
  private connection?: PgConnection;
  private pgHandler?: (chunk: Buffer) => void;
  private readonly onData = (chunk: Buffer) => this.parse(chunk);
  private header: Buffer | null = null;
  private code = 0;
  private remaining = 0;
  private failure: Error | null = null;

  constructor(
    private readonly text: string,
    recanonicalise: boolean,
  ) {
    this.verifier = new RangeVerifier(recanonicalise);
    this.done = new Promise((resolve, reject) => {
      this.resolve = resolve;
      this.reject = reject;
    });
  }

  submit(connection: PgConnection): void {
    this.connection = connection;
    const handlers = connection.stream.listeners('data');
    if (handlers.length !== 1) throw new Error(`expected one 'data' listener on the connection, found ${handlers.length}`);
    this.pgHandler = handlers[0];
    connection.stream.removeListener('data', this.pgHandler);
    connection.stream.on('data', this.onData);
    connection.query(this.text);
  }

  private parse(chunk: Buffer): void {
    let pos = 0;
    const end = chunk.length;
    while (pos < end) {
      if (this.remaining > 0) {
        const n = Math.min(this.remaining, end - pos);
        if (this.code === COPY_DATA && !this.failure) {
          try {
            this.verifier.push(n === end && pos === 0 ? chunk : chunk.subarray(pos, pos + n));
          } catch (e) {
            this.failure = e as Error; // the rest is read and dropped; reported when the query ends
          }
        }
        pos += n;
        this.remaining -= n;
        if (this.remaining === 0 && !INTERSPERSED.has(this.code) && this.code !== COPY_DATA) return this.detach(chunk.subarray(pos));
        continue;
      }
      // a message's code and length (5 bytes), perhaps cut by the chunk's edge
      let head: Buffer;
      if (this.header || end - pos < 5) {
        const joined: Buffer = this.header ? Buffer.concat([this.header, chunk.subarray(pos, pos + 5 - this.header.length)]) : chunk.subarray(pos, pos + 5);
        pos += joined.length - (this.header?.length ?? 0);
        if (joined.length < 5) {
          this.header = joined;
          return;
        }
        this.header = null;
        head = joined;
        if (head[0] === ERROR_RESPONSE) return this.detach(Buffer.concat([head, chunk.subarray(pos)]));
      } else {
        head = chunk;
        if (head[pos] === ERROR_RESPONSE) return this.detach(chunk.subarray(pos));
        this.code = head[pos];
        this.remaining = head.readUInt32BE(pos + 1) - 4;
        pos += 5;
        if (this.remaining === 0 && !INTERSPERSED.has(this.code) && this.code !== COPY_DATA) return this.detach(chunk.subarray(pos));
        continue;
      }
      this.code = head[0];
      this.remaining = head.readUInt32BE(1) - 4;
      if (this.remaining === 0 && !INTERSPERSED.has(this.code) && this.code !== COPY_DATA) return this.detach(chunk.subarray(pos));
    }
  }

  /** Gives the socket back to node-postgres with what it has not read (CommandComplete, ReadyForQuery or the error). */
  private detach(rest: Buffer): void {
    const stream = this.connection!.stream;
    stream.removeListener('data', this.onData);
    stream.on('data', this.pgHandler!);
    this.pgHandler!(rest);
  }

  handleError(err: Error): void {
    this.failure ??= err;
  }

  handleCommandComplete(): void {}

  handleReadyForQuery(): void {
    if (this.failure) this.reject(this.failure);
    else this.resolve(this.verifier.result());
  }
}
