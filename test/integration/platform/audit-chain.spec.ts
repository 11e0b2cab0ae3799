import { sha256Hex } from '@app/platform/audit/audit-hash';
import { AuditService } from '@app/platform/audit/audit.service';
import { AuditVerifyService } from '@app/platform/audit/audit-verify.service';
import { Role, SYSTEM_ACTOR } from '@app/platform/auth/roles';
import { TransactionRunner } from '@app/platform/database/transaction-runner';
import { startTestApp, TestApp } from '../../support/test-app';

describe('audit chain (invariant 4)', () => {
  let t: TestApp;
  let audit: AuditService;
  let verifier: AuditVerifyService;
  let txr: TransactionRunner;
  let office: string;

  const append = (action: string, id: string, payload: unknown = { n: id }) =>
    txr.run((tx) => audit.append(tx.em, { actor: SYSTEM_ACTOR, action, subject: { type: 'test_subject', id }, payload }));

  beforeAll(async () => {
    t = await startTestApp('audit');
    audit = t.app.get(AuditService);
    verifier = t.app.get(AuditVerifyService);
    txr = t.app.get(TransactionRunner);
    office = (await t.account([Role.Office])).token;
  });

  afterAll(() => t.close());

  it('keeps one unforked chain under 50 concurrent writers', async () => {
    const before = Number((await t.ds.query(`SELECT last_seq FROM audit_chain_head`))[0].last_seq);
    const appended = await Promise.all(Array.from({ length: 50 }, (_, i) => append('test.concurrent', `w${i}`, { writer: i, amount: 12345678901234567890n })));
    const seqs = appended.map((a) => Number(a.seq)).sort((a, b) => a - b);
    expect(seqs).toEqual(Array.from({ length: 50 }, (_, i) => before + i + 1));
    const links = await t.ds.query(`SELECT seq, prev_hash, hash FROM audit_event WHERE seq > $1 ORDER BY seq`, [before]);
    for (let i = 1; i < links.length; i++) expect(links[i].prev_hash).toBe(links[i - 1].hash);
    const res = await t.http.get('/audit/verify', office);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ ok: true, firstBroken: null });
    expect(res.body.checked).toBeGreaterThanOrEqual(50);
  });

  it('writes the entry in the same transaction as the change: a rolled-back change leaves no link', async () => {
    const [{ last_seq: before }] = await t.ds.query(`SELECT last_seq::text FROM audit_chain_head`);
    await expect(
      txr.run(async (tx) => {
        await audit.append(tx.em, { actor: SYSTEM_ACTOR, action: 'test.rolled_back', subject: { type: 'test_subject', id: 'rb' } });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    const [{ last_seq: after }] = await t.ds.query(`SELECT last_seq::text FROM audit_chain_head`);
    expect(after).toBe(before);
    expect(await t.ds.query(`SELECT 1 FROM audit_event WHERE action = 'test.rolled_back'`)).toHaveLength(0);
  });

  it('is refused UPDATE, DELETE and TRUNCATE by the database itself', async () => {
    await append('test.immutable', 'im');
    await expect(t.ds.query(`UPDATE audit_event SET action = 'x' WHERE action = 'test.immutable'`)).rejects.toThrow(/append-only/);
    await expect(t.ds.query(`DELETE FROM audit_event WHERE action = 'test.immutable'`)).rejects.toThrow(/append-only/);
    await expect(t.ds.query(`TRUNCATE audit_event`)).rejects.toThrow(/append-only/);
    expect(await t.ds.query(`SELECT 1 FROM audit_event WHERE action = 'test.immutable'`)).toHaveLength(1);
  });

  it('lets the office and regulators read one subject’s trail; nobody else', async () => {
    await append('test.trail', 'trail-1', { step: 1 });
    await append('test.trail', 'trail-1', { step: 2 });
    const path = '/audit/events?subjectType=test_subject&subjectId=trail-1';
    const res = await t.http.get(path, office);
    expect(res.status).toBe(200);
    expect(res.body.items.map((e: { payload: { step: number } }) => e.payload.step)).toEqual([1, 2]);
    const regulator = await t.account([Role.Regulator]);
    expect((await t.http.get(path, regulator.token)).status).toBe(200);
    for (const role of [Role.Committee, Role.Centre, Role.Owner, Role.Agent, Role.Bidder, Role.Expert]) {
      const a = await t.account([role]);
      expect((await t.http.get(path, a.token)).status).toBe(403);
      expect((await t.http.get('/audit/verify', a.token)).status).toBe(403);
    }
    expect((await t.http.get(path)).status).toBe(401);
    const bad = await t.http.get('/audit/events?subjectType=&subjectId=x', office);
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('VALIDATION_FAILED');
  });

  it('stores the exact bytes each payload digest covers, next to the payload they must parse to', async () => {
    const { seq } = await append('test.canonical', 'c1', { b: 'é', a: 10n, c: { z: 1, y: [true, null] } });
    await txr.run((tx) => audit.append(tx.em, { actor: SYSTEM_ACTOR, action: 'test.canonical', subject: { type: 'test_subject', id: 'c2' } }));
    const rows = await t.ds.query(`SELECT payload, payload_canonical AS text, payload_digest AS digest FROM audit_event WHERE action = 'test.canonical' ORDER BY seq`);
    expect(rows[0].text).toBe('{"a":"10","b":"é","c":{"y":[true,null],"z":1}}');
    expect(rows[0].digest).toBe(sha256Hex(rows[0].text));
    expect(rows[0].payload).toEqual({ a: '10', b: 'é', c: { y: [true, null], z: 1 } });
    expect(rows[1]).toMatchObject({ payload: null, text: 'null', digest: sha256Hex('null') });
    // PostgreSQL itself refuses a payload that is not its stored text, even with the append-only trigger disabled.
    await t.ds.query(`ALTER TABLE audit_event DISABLE TRIGGER audit_event_no_update`);
    try {
      await expect(t.ds.query(`UPDATE audit_event SET payload = '{"a":"11"}' WHERE seq = $1`, [seq])).rejects.toThrow(/audit_event_payload_canonical/);
      await expect(t.ds.query(`UPDATE audit_event SET payload_canonical = '{"a":"11"}' WHERE seq = $1`, [seq])).rejects.toThrow(/audit_event_payload_canonical/);
      await expect(t.ds.query(`UPDATE audit_event SET payload_canonical = NULL, payload = NULL WHERE seq = $1`, [seq])).rejects.toThrow(/audit_event_payload_canonical/);
    } finally {
      await t.ds.query(`ALTER TABLE audit_event ENABLE TRIGGER audit_event_no_update`);
    }
    expect(await verifier.payloadCheckInForce()).toBe(true);
  });

  // Run last in this file: it breaks this database's chain on purpose (and mends it between cases).
  it('names exactly the link altered behind the trigger’s back, in-process and across worker threads', async () => {
    for (let i = 0; i < 6; i++) await append('test.tamper', `t${i}`, { i });
    const rows = await t.ds.query(`SELECT seq::text AS seq FROM audit_event WHERE action = 'test.tamper' ORDER BY seq`);
    const target = rows[2].seq;
    const behindTheTrigger = async (sql: string, params: unknown[] = []) => {
      await t.ds.query(`ALTER TABLE audit_event DISABLE TRIGGER audit_event_no_update`);
      try {
        await t.ds.query(sql, params);
      } finally {
        await t.ds.query(`ALTER TABLE audit_event ENABLE TRIGGER audit_event_no_update`);
      }
    };
    /** GET /audit/verify (one range, in-process here) and the service with two worker threads must agree. */
    const expectBroken = async (broken: { seq: string; reason: string } | null) => {
      const res = await t.http.get('/audit/verify', office);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ ok: broken === null, firstBroken: broken });
      const threaded = await verifier.verify({ threads: 2 });
      expect(threaded).toMatchObject({ ok: broken === null, firstBroken: broken, checked: res.body.checked, lastSeq: res.body.lastSeq });
    };
    await expectBroken(null);

    // Payload and its text changed together (the CHECK holds): the text no longer hashes to the digest.
    await behindTheTrigger(`UPDATE audit_event SET payload = '{"i": 99}', payload_canonical = '{"i":99}' WHERE seq = $1`, [target]);
    await expectBroken({ seq: target, reason: 'payload_mismatch' });
    await behindTheTrigger(`UPDATE audit_event SET payload = '{"i": 2}', payload_canonical = '{"i":2}' WHERE seq = $1`, [target]);
    await expectBroken(null);

    // The CHECK dropped so that the jsonb payload alone can change: verify sees it is not in force and re-canonicalises.
    await t.ds.query(`ALTER TABLE audit_event DROP CONSTRAINT audit_event_payload_canonical`);
    expect(await verifier.payloadCheckInForce()).toBe(false);
    await behindTheTrigger(`UPDATE audit_event SET payload = '{"i": 99}' WHERE seq = $1`, [target]);
    await expectBroken({ seq: target, reason: 'canonical_payload_mismatch' });
    // … or the stored text alone
    await behindTheTrigger(`UPDATE audit_event SET payload = '{"i": 2}', payload_canonical = '{"i":99}' WHERE seq = $1`, [target]);
    await expectBroken({ seq: target, reason: 'payload_mismatch' });
    await behindTheTrigger(`UPDATE audit_event SET payload_canonical = '{"i":2}' WHERE seq = $1`, [target]);
    // Put back NOT VALID, it does not count: nothing says the rows were checked.
    await t.ds.query(`ALTER TABLE audit_event ADD CONSTRAINT audit_event_payload_canonical CHECK (payload_canonical IS NOT NULL AND payload_canonical::jsonb = COALESCE(payload, 'null'::jsonb)) NOT VALID`);
    expect(await verifier.payloadCheckInForce()).toBe(false);
    await expectBroken(null);
    await t.ds.query(`ALTER TABLE audit_event VALIDATE CONSTRAINT audit_event_payload_canonical`);
    expect(await verifier.payloadCheckInForce()).toBe(true);

    // A chained field: the time.
    await behindTheTrigger(`UPDATE audit_event SET occurred_at = occurred_at + interval '1 second' WHERE seq = $1`, [target]);
    await expectBroken({ seq: target, reason: 'hash_mismatch' });
    await behindTheTrigger(`UPDATE audit_event SET occurred_at = occurred_at - interval '1 second' WHERE seq = $1`, [target]);
    await expectBroken(null);

    // A broken link and a deleted row, inside a range and where the two threads' ranges meet.
    const [{ last }] = await t.ds.query(`SELECT last_seq::int AS last FROM audit_chain_head`);
    const boundary = String(Math.floor(last / 2) + 1); // the first seq of the second range (chain-range.ts splitRange)
    for (const seq of [target, boundary]) {
      const [saved] = await t.ds.query(`SELECT * FROM audit_event WHERE seq = $1`, [seq]);
      await behindTheTrigger(`UPDATE audit_event SET prev_hash = repeat('a', 64) WHERE seq = $1`, [seq]);
      await expectBroken({ seq, reason: 'prev_hash_mismatch' });
      await behindTheTrigger(`DELETE FROM audit_event WHERE seq = $1`, [seq]);
      await expectBroken({ seq: String(Number(seq) + 1), reason: 'sequence_gap' });
      const columns = Object.keys(saved);
      await t.ds.query(`INSERT INTO audit_event (${columns.join(', ')}) VALUES (${columns.map((_, i) => `$${i + 1}`).join(', ')})`, Object.values(saved));
      await expectBroken(null);
    }

    // The tail cut: the head names a later link than the last one found.
    const [tail] = await t.ds.query(`SELECT * FROM audit_event WHERE seq = $1`, [last]);
    await behindTheTrigger(`DELETE FROM audit_event WHERE seq = $1`, [last]);
    await expectBroken({ seq: String(last), reason: 'head_mismatch' });
    const columns = Object.keys(tail);
    await t.ds.query(`INSERT INTO audit_event (${columns.join(', ')}) VALUES (${columns.map((_, i) => `$${i + 1}`).join(', ')})`, Object.values(tail));
    await expectBroken(null);
  });
});
