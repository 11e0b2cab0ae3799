import { chainHash, GENESIS_HASH, sha256Hex } from './audit-hash';
import { canonicalJson } from './canonical-json';
import { EventEmitter } from 'node:events';
import { CopyToVerifier, joinRanges, RangeResult, RangeVerifier, splitRange } from './chain-range';

interface Link {
  seq: number;
  occurredAt: Date;
  actorId: string | null;
  actorRole: string | null;
  organisationId: string | null;
  action: string;
  subjectType: string;
  subjectId: string;
  payloadDigest: string;
  canonical: string | null;
  prevHash: string;
  hash: string;
}

const TIMES = [Date.UTC(2026, 11, 7, 8, 0, 0, 123), Date.UTC(1970, 0, 1), Date.UTC(2000, 0, 1), Date.UTC(2024, 1, 29, 23, 59, 59, 999), Date.UTC(1999, 11, 31, 23, 59, 59, 1), Date.UTC(2100, 2, 1, 12, 0, 0, 7)];

function chain(n: number): Link[] {
  const links: Link[] = [];
  let prev = GENESIS_HASH;
  for (let i = 1; i <= n; i++) {
    const canonical = canonicalJson({ i, amountFen: `${i}00`, note: '出价 ü', nested: { b: [1, null], a: true } });
    const link: Link = {
      seq: i,
      occurredAt: new Date(TIMES[i % TIMES.length] + i),
      actorId: i % 3 === 0 ? null : `0000000${i % 10}-aaaa-4bbb-8ccc-${String(i).padStart(12, 'f')}`,
      actorRole: i % 3 === 0 ? 'system' : i % 4 === 0 ? null : '竞买人',
      organisationId: i % 2 ? null : 'abcdef01-2345-4678-89ab-cdef01234567',
      action: 'test.step',
      subjectType: 'lot',
      subjectId: `s${i}`,
      payloadDigest: sha256Hex(canonical),
      canonical,
      prevHash: prev,
      hash: '',
    };
    link.hash = chainHash(prev, { ...link, seq: String(i) });
    prev = link.hash;
    links.push(link);
  }
  return links;
}

/** The bytes of `COPY (SELECT <the verify columns>) TO STDOUT (FORMAT binary)` for these links. */
function copyBytes(links: Link[]): Buffer {
  const parts: Buffer[] = [Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1'), Buffer.alloc(8)];
  const field = (b: Buffer | null) => {
    const len = Buffer.alloc(4);
    len.writeInt32BE(b ? b.length : -1);
    parts.push(len);
    if (b) parts.push(b);
  };
  const int8 = (v: bigint) => {
    const b = Buffer.alloc(8);
    b.writeBigInt64BE(v);
    return b;
  };
  const uuid = (u: string | null) => (u ? Buffer.from(u.replace(/-/g, ''), 'hex') : null);
  const text = (t: string | null) => (t === null ? null : Buffer.from(t, 'utf8'));
  for (const l of links) {
    const count = Buffer.alloc(2);
    count.writeInt16BE(12);
    parts.push(count);
    field(int8(BigInt(l.seq)));
    field(int8(BigInt(l.occurredAt.getTime() - 946_684_800_000) * 1000n));
    field(uuid(l.actorId));
    field(text(l.actorRole));
    field(uuid(l.organisationId));
    field(text(l.action));
    field(text(l.subjectType));
    field(text(l.subjectId));
    field(text(l.payloadDigest));
    field(text(l.canonical === null ? null : sha256Hex(l.canonical))); // the server's digest of the stored canonical text
    field(text(l.prevHash));
    field(text(l.hash));
  }
  parts.push(Buffer.from([0xff, 0xff]));
  return Buffer.concat(parts);
}

function verifyBytes(bytes: Buffer, chunk = bytes.length): RangeResult {
  const v = new RangeVerifier(false);
  for (let o = 0; o < bytes.length; o += chunk) v.push(bytes.subarray(o, o + chunk));
  return v.result();
}

describe('RangeVerifier (one seq range from a binary COPY stream)', () => {
  it('accepts an intact chain however the stream is cut into chunks', () => {
    const links = chain(30);
    const bytes = copyBytes(links);
    for (const chunk of [1, 2, 7, 64, 1000, bytes.length]) {
      expect(verifyBytes(bytes, chunk)).toEqual({ count: 30, checked: 30, firstSeq: '1', firstPrevHash: GENESIS_HASH, lastSeq: '30', lastHash: links[29].hash, broken: null });
    }
  });

  it.each([
    ['stored canonical text', (l: Link) => ({ ...l, canonical: '{"i":0}' }), 'payload_mismatch'],
    ['missing canonical text', (l: Link) => ({ ...l, canonical: null }), 'payload_mismatch'],
    ['action', (l: Link) => ({ ...l, action: 'test.other' }), 'hash_mismatch'],
    ['time', (l: Link) => ({ ...l, occurredAt: new Date(l.occurredAt.getTime() + 1) }), 'hash_mismatch'],
    ['actor', (l: Link) => ({ ...l, actorId: null }), 'hash_mismatch'],
    ['previous hash', (l: Link) => ({ ...l, prevHash: GENESIS_HASH }), 'prev_hash_mismatch'],
  ])('names the altered %s at exactly that row', (_, alter, reason) => {
    const links = chain(8);
    links[4] = alter(links[4]);
    const r = verifyBytes(copyBytes(links), 5);
    expect(r).toMatchObject({ checked: 4, lastSeq: '4', lastHash: links[3].hash, broken: { seq: '5', reason } });
  });

  it('finds a deleted row as a gap', () => {
    const links = chain(6);
    expect(verifyBytes(copyBytes([...links.slice(0, 2), ...links.slice(3)])).broken).toEqual({ seq: '4', reason: 'sequence_gap' });
  });
});

describe('joinRanges (the threads’ ranges into one chain)', () => {
  const links = chain(40);
  const ranges = (parts: number, list = links) => splitRange(40, parts).map(({ lo, hi }) => verifyBytes(copyBytes(list.filter((l) => l.seq >= lo && l.seq <= hi)), 3));
  const head = { seq: '40', hash: links[39].hash };

  it('gives what one range gives', () => {
    const whole = joinRanges(ranges(1), head, GENESIS_HASH);
    expect(whole).toEqual({ ok: true, checked: 40, lastSeq: '40', firstBroken: null });
    for (const parts of [2, 3, 7]) expect(joinRanges(ranges(parts), head, GENESIS_HASH)).toEqual(whole);
  });

  it('finds breaks at the seam of two ranges and reports the first in chain order', () => {
    expect(splitRange(40, 2)).toEqual([
      { lo: 1, hi: 20 },
      { lo: 21, hi: 40 },
    ]);
    const unlinked = links.map((l) => (l.seq === 21 ? { ...l, prevHash: GENESIS_HASH } : l));
    expect(joinRanges(ranges(2, unlinked), head, GENESIS_HASH)).toEqual({ ok: false, checked: 20, lastSeq: '20', firstBroken: { seq: '21', reason: 'prev_hash_mismatch' } });
    const deleted = links.filter((l) => l.seq !== 21);
    expect(joinRanges(ranges(2, deleted), head, GENESIS_HASH).firstBroken).toEqual({ seq: '22', reason: 'sequence_gap' });
    const twoBreaks = links.map((l) => (l.seq === 12 || l.seq === 30 ? { ...l, action: 'x' } : l));
    expect(joinRanges(ranges(2, twoBreaks), head, GENESIS_HASH)).toEqual({ ok: false, checked: 11, lastSeq: '11', firstBroken: { seq: '12', reason: 'hash_mismatch' } });
  });

  it('compares the last link with the head: a cut tail is found', () => {
    expect(joinRanges(ranges(2, links.slice(0, 39)), head, GENESIS_HASH).firstBroken).toEqual({ seq: '40', reason: 'head_mismatch' });
    expect(joinRanges([], { seq: '0', hash: GENESIS_HASH }, GENESIS_HASH)).toEqual({ ok: true, checked: 0, lastSeq: '0', firstBroken: null });
  });
});

describe('CopyToVerifier (the COPY read from the socket, message by message)', () => {
  const message = (code: string, body: Buffer) => {
    const head = Buffer.alloc(5);
    head.write(code, 0, 'latin1');
    head.writeUInt32BE(body.length + 4, 1);
    return Buffer.concat([head, body]);
  };
  /** What PostgreSQL sends for a binary COPY TO STDOUT: CopyOutResponse, the data in CopyData messages, CopyDone, then what node-postgres reads. */
  function wire(copy: Buffer, pieces: number): { bytes: Buffer; after: Buffer } {
    const parts = [message('H', Buffer.from([1, 0, 0])), message('N', Buffer.from('notice\0', 'latin1'))];
    const step = Math.ceil(copy.length / pieces);
    for (let o = 0; o < copy.length; o += step) parts.push(message('d', copy.subarray(o, o + step)));
    parts.push(message('c', Buffer.alloc(0)));
    const after = Buffer.concat([message('C', Buffer.from('COPY 20\0', 'latin1')), message('Z', Buffer.from('I', 'latin1'))]);
    return { bytes: Buffer.concat([...parts, after]), after };
  }

  async function run(bytes: Buffer, chunk: number) {
    const stream = new EventEmitter() as EventEmitter & { listeners(e: 'data'): ((b: Buffer) => void)[] };
    const handedBack: Buffer[] = [];
    stream.on('data', (b: Buffer) => handedBack.push(b));
    const copy = new CopyToVerifier('COPY …', false);
    let sent = '';
    copy.submit({ stream: stream as never, query: (t: string) => (sent = t) });
    for (let o = 0; o < bytes.length; o += chunk) stream.emit('data', bytes.subarray(o, o + chunk));
    copy.handleCommandComplete();
    copy.handleReadyForQuery();
    return { result: await copy.done, handedBack: Buffer.concat(handedBack), sent };
  }

  it('verifies the rows and gives node-postgres back exactly what follows CopyDone, however the socket cuts it', async () => {
    const links = chain(20);
    for (const pieces of [1, 3, 21]) {
      const { bytes, after } = wire(copyBytes(links), pieces);
      for (const chunk of [1, 4, 5, 6, 333, bytes.length]) {
        const { result, handedBack, sent } = await run(bytes, chunk);
        expect(sent).toBe('COPY …');
        expect(result).toMatchObject({ count: 20, checked: 20, lastSeq: '20', broken: null });
        expect(handedBack.equals(after)).toBe(true);
      }
    }
  });

  it('hands an error to node-postgres and rejects with it', async () => {
    const error = message('E', Buffer.from('SERROR\0Mboom\0\0', 'latin1'));
    const bytes = Buffer.concat([message('H', Buffer.from([1, 0, 0])), error, message('Z', Buffer.from('I', 'latin1'))]);
    for (const chunk of [1, 3, bytes.length]) {
      const stream = new EventEmitter() as EventEmitter & { listeners(e: 'data'): ((b: Buffer) => void)[] };
      const handedBack: Buffer[] = [];
      stream.on('data', (b: Buffer) => handedBack.push(b));
      const copy = new CopyToVerifier('COPY …', false);
      copy.submit({ stream: stream as never, query: () => undefined });
      for (let o = 0; o < bytes.length; o += chunk) stream.emit('data', bytes.subarray(o, o + chunk));
      expect(Buffer.concat(handedBack).equals(bytes.subarray(8))).toBe(true);
      copy.handleError(new Error('boom'));
      copy.handleReadyForQuery();
      await expect(copy.done).rejects.toThrow('boom');
    }
  });
});
