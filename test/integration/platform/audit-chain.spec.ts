import { AuditService } from '@app/platform/audit/audit.service';
import { Role, SYSTEM_ACTOR } from '@app/platform/auth/roles';
import { TransactionRunner } from '@app/platform/database/transaction-runner';
import { startTestApp, TestApp } from '../../support/test-app';

describe('audit chain (invariant 4)', () => {
  let t: TestApp;
  let audit: AuditService;
  let txr: TransactionRunner;
  let office: string;

  const append = (action: string, id: string, payload: unknown = { n: id }) =>
    txr.run((tx) => audit.append(tx.em, { actor: SYSTEM_ACTOR, action, subject: { type: 'test_subject', id }, payload }));

  beforeAll(async () => {
    t = await startTestApp('audit');
    audit = t.app.get(AuditService);
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

  // Run last in this file: it breaks this database's chain on purpose.
  it('finds exactly the row that was altered behind the trigger’s back', async () => {
    for (let i = 0; i < 5; i++) await append('test.tamper', `t${i}`, { i });
    const rows = await t.ds.query(`SELECT seq::text AS seq FROM audit_event WHERE action = 'test.tamper' ORDER BY seq`);
    const target = rows[2].seq;
    await t.ds.query(`ALTER TABLE audit_event DISABLE TRIGGER audit_event_no_update`);
    await t.ds.query(`UPDATE audit_event SET payload = '{"i": 99}' WHERE seq = $1`, [target]);
    await t.ds.query(`ALTER TABLE audit_event ENABLE TRIGGER audit_event_no_update`);
    const res = await t.http.get('/audit/verify', office);
    expect(res.status).toBe(200);
    expect(res.body.ok).toBe(false);
    expect(res.body.firstBroken).toEqual({ seq: target, reason: 'payload_mismatch' });

    await t.ds.query(`ALTER TABLE audit_event DISABLE TRIGGER audit_event_no_update`);
    await t.ds.query(`UPDATE audit_event SET payload = '{"i": 2}', occurred_at = occurred_at + interval '1 second' WHERE seq = $1`, [target]);
    await t.ds.query(`ALTER TABLE audit_event ENABLE TRIGGER audit_event_no_update`);
    const again = await t.http.get('/audit/verify', office);
    expect(again.body.firstBroken).toEqual({ seq: target, reason: 'hash_mismatch' });
  });
});
