import { chainHash, GENESIS_HASH, payloadDigest } from './audit-hash';
import { canonicalJson } from './canonical-json';
import { AuditRow, ChainVerifier } from './chain-verifier';

function chain(n: number): AuditRow[] {
  const rows: AuditRow[] = [];
  let prev = GENESIS_HASH;
  for (let i = 1; i <= n; i++) {
    const payload = { i, amountFen: '123' };
    const row = {
      seq: String(i),
      occurredAt: new Date(Date.UTC(2026, 10, 24, 8, 0, i)),
      actorId: null,
      actorRole: 'system',
      organisationId: null,
      action: 'test.step',
      subjectType: 'test',
      subjectId: `s${i}`,
      payloadDigest: payloadDigest(payload),
      payload,
      prevHash: prev,
      hash: '',
    };
    row.hash = chainHash(prev, row);
    prev = row.hash;
    rows.push(row);
  }
  return rows;
}

function verify(rows: AuditRow[], head?: { seq: string; hash: string }) {
  const v = new ChainVerifier();
  rows.every((r) => v.push(r));
  if (head) v.checkHead(head.seq, head.hash);
  return v.result();
}

describe('ChainVerifier', () => {
  it('accepts an intact chain', () => {
    const rows = chain(10);
    expect(verify(rows, { seq: '10', hash: rows[9].hash })).toEqual({ ok: true, checked: 10, lastSeq: '10', firstBroken: null });
  });

  it.each([
    ['action', (r: AuditRow) => ({ ...r, action: 'test.other' }), 'hash_mismatch'],
    ['payload', (r: AuditRow) => ({ ...r, payload: { i: 0, amountFen: '999' } }), 'payload_mismatch'],
    ['time', (r: AuditRow) => ({ ...r, occurredAt: new Date(r.occurredAt.getTime() + 1) }), 'hash_mismatch'],
    ['previous hash', (r: AuditRow) => ({ ...r, prevHash: GENESIS_HASH }), 'prev_hash_mismatch'],
  ])('finds the altered %s at exactly that row', (_, alter, reason) => {
    const rows = chain(8);
    rows[4] = alter(rows[4]);
    expect(verify(rows).firstBroken).toEqual({ seq: '5', reason });
  });

  it('finds a deleted row as a gap and a deleted tail against the head', () => {
    const rows = chain(6);
    expect(verify([...rows.slice(0, 2), ...rows.slice(3)]).firstBroken).toEqual({ seq: '4', reason: 'sequence_gap' });
    expect(verify(rows.slice(0, 5), { seq: '6', hash: rows[5].hash }).firstBroken).toEqual({ seq: '6', reason: 'head_mismatch' });
  });
});

describe('canonicalJson', () => {
  it('sorts keys, drops undefined and writes bigint and dates as strings', () => {
    expect(canonicalJson({ b: 1, a: [1, undefined, 'x'], c: undefined, d: 10n, e: new Date(0) })).toBe(
      '{"a":[1,null,"x"],"b":1,"d":"10","e":"1970-01-01T00:00:00.000Z"}',
    );
  });

  it('gives equal bytes for equal data whatever the key order', () => {
    expect(canonicalJson({ x: { b: 2, a: 1 }, y: 1 })).toBe(canonicalJson({ y: 1, x: { a: 1, b: 2 } }));
  });
});
