import { sha256Hex } from '@app/platform/audit/audit-hash';
import { AuditService } from '@app/platform/audit/audit.service';
import { AuditSequencer } from '@app/platform/audit/audit-sequencer';
import { AuditVerifyService } from '@app/platform/audit/audit-verify.service';
import { Role, SYSTEM_ACTOR } from '@app/platform/auth/roles';
import { AppConfig } from '@app/platform/config/app-config';
import { APP_CONFIG } from '@app/platform/config/config.module';
import { TransactionRunner } from '@app/platform/database/transaction-runner';
import { startTestApp, TestApp } from '../../support/test-app';

/** The chain as stored: every linked seq once, 1 … head without a gap, each prev_hash the previous hash. */
async function expectOneGaplessChain(t: TestApp): Promise<void> {
  const links: { seq: string; prev: string; hash: string }[] = await t.ds.query(`SELECT seq::text AS seq, prev_hash AS prev, hash FROM audit_event WHERE seq IS NOT NULL ORDER BY audit_event.seq`);
  const [head] = await t.ds.query(`SELECT last_seq::text AS seq, last_hash AS hash FROM audit_chain_head`);
  expect(links.map((l) => l.seq)).toEqual(links.map((_, i) => String(i + 1)));
  expect(head).toEqual({ seq: String(links.length), hash: links[links.length - 1]?.hash ?? '0'.repeat(64) });
  for (let i = 1; i < links.length; i++) expect(links[i].prev).toBe(links[i - 1].hash);
}

describe('audit chain (invariant 4)', () => {
  let t: TestApp;
  let audit: AuditService;
  let verifier: AuditVerifyService;
  let sequencer: AuditSequencer;
  let txr: TransactionRunner;
  let office: string;

  const append = (action: string, id: string, payload: unknown = { n: id }) =>
    txr.run((tx) => audit.append(tx.em, { actor: SYSTEM_ACTOR, action, subject: { type: 'test_subject', id }, payload }));

  beforeAll(async () => {
    // This file links explicitly (t.linkAudit(), or sequencers it starts itself), so that it can hold entries unlinked.
    t = await startTestApp('audit', { AUDIT_SEQUENCER: 'off' });
    audit = t.app.get(AuditService);
    verifier = t.app.get(AuditVerifyService);
    sequencer = t.app.get(AuditSequencer);
    txr = t.app.get(TransactionRunner);
    office = (await t.account([Role.Office])).token;
  });

  afterAll(async () => {
    delete process.env.AUDIT_SEQUENCER;
    await t.close();
  });

  /** A sequencer of its own, as another api or worker process runs one (same database, its own rounds). */
  const anotherSequencer = (overrides: Partial<AppConfig> = {}) => new AuditSequencer(t.ds, { ...t.app.get<AppConfig>(APP_CONFIG), auditSequencer: true, ...overrides });

  it('keeps one unforked chain under 50 concurrent writers; entries are readable at once and linked by the sequencer', async () => {
    const appended = await Promise.all(Array.from({ length: 50 }, (_, i) => append('test.concurrent', `w${i}`, { writer: i, amount: 12345678901234567890n })));
    expect(new Set(appended.map((a) => a.id)).size).toBe(50);
    // committed and readable before any sequencer ran: not part of the chain yet
    const waiting = await t.ds.query(`SELECT seq, prev_hash, hash FROM audit_event WHERE action = 'test.concurrent'`);
    expect(waiting).toHaveLength(50);
    for (const w of waiting) expect(w).toEqual({ seq: null, prev_hash: null, hash: null });
    const unlinkedVerify = await t.http.get('/audit/verify', office);
    expect(unlinkedVerify.body).toMatchObject({ ok: true, firstBroken: null });

    await t.linkAudit();
    const linked = await t.ds.query(`SELECT id::text AS id, seq::text AS seq FROM audit_event WHERE action = 'test.concurrent' ORDER BY audit_event.seq`);
    expect(linked.map((l: { id: string }) => l.id).sort()).toEqual(appended.map((a) => a.id).sort());
    // linked in insertion order (all had committed before the round)
    expect(linked.map((l: { id: string }) => Number(l.id))).toEqual([...linked.map((l: { id: string }) => Number(l.id))].sort((a, b) => a - b));
    await expectOneGaplessChain(t);
    const res = await t.http.get('/audit/verify', office);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ ok: true, firstBroken: null });
    expect(res.body.checked).toBe(res.body.lastSeq === '0' ? 0 : Number(res.body.lastSeq));
    expect(res.body.checked).toBeGreaterThanOrEqual(50);
  });

  it('links entries committed in any order by many transactions exactly once, while two running sequencers take turns', async () => {
    const a = anotherSequencer({ auditLinkPollMs: 5 });
    const b = anotherSequencer({ auditLinkPollMs: 5 });
    a.onApplicationBootstrap();
    b.onApplicationBootstrap();
    try {
      // 120 transactions whose entries are inserted in one order and commit in another (each waits a little after appending)
      const ids = await Promise.all(
        Array.from({ length: 120 }, (_, i) =>
          txr.run(async (tx) => {
            const { id } = await audit.append(tx.em, { actor: SYSTEM_ACTOR, action: 'test.interleaved', subject: { type: 'test_subject', id: `x${i}` }, payload: { i } });
            await tx.em.query(`SELECT pg_sleep($1)`, [((i * 37) % 11) / 200]);
            return id;
          }),
        ),
      );
      await t.linkAudit();
      const rows = await t.ds.query(`SELECT id::text AS id, seq FROM audit_event WHERE action = 'test.interleaved'`);
      expect(rows.map((r: { id: string }) => r.id).sort()).toEqual([...ids].sort());
      expect(rows.every((r: { seq: string | null }) => r.seq !== null)).toBe(true);
      await expectOneGaplessChain(t);
      expect((await verifier.verify()).ok).toBe(true);
    } finally {
      await a.onModuleDestroy();
      await b.onModuleDestroy();
    }
  });

  it('never forks, even with the election bypassed: the second of two rounds on the same head is refused and rolls back', async () => {
    for (let i = 0; i < 30; i++) await append('test.fork', `f${i}`, { i });
    const [{ seq: headBefore }] = await t.ds.query(`SELECT last_seq::text AS seq FROM audit_chain_head`);
    // Hold the head's row so that both rounds read the same head and the same entries before either can move it.
    const holder = t.ds.createQueryRunner();
    await holder.connect();
    await holder.startTransaction();
    await holder.query(`SELECT 1 FROM audit_chain_head WHERE id = 1 FOR UPDATE`);
    const x = anotherSequencer();
    const y = anotherSequencer();
    let settled = 0;
    const rounds = [x.linkRound({ elect: false }), y.linkRound({ elect: false })].map((p) =>
      p.then(
        (r) => (settled++, { r }),
        (e: Error) => (settled++, { e }),
      ),
    );
    // until both rounds wait on a lock (the first on the head, the second on the entries the first has linked), or one
    // has already failed (had both locked some of the entries, PostgreSQL breaks the deadlock by failing one)
    for (let waited = 0; ; waited++) {
      const [{ n }] = await t.ds.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE '%UPDATE audit_event e SET seq%'`);
      if (n === 2 || settled > 0) break;
      if (waited > 400) throw new Error('the two rounds did not both reach their UPDATE');
      await new Promise((r) => setTimeout(r, 25));
    }
    await holder.commitTransaction();
    await holder.release();
    const outcomes = await Promise.all(rounds);
    const done = outcomes.filter((o): o is { r: Awaited<ReturnType<AuditSequencer['linkRound']>> } => 'r' in o);
    const refused = outcomes.filter((o): o is { e: Error } => 'e' in o);
    expect(done).toHaveLength(1);
    expect(refused).toHaveLength(1);
    expect(refused[0].e.message).toMatch(/link round refused|deadlock/);
    expect(done[0].r).toEqual({ linked: 30, lastSeq: String(Number(headBefore) + 30) });
    await expectOneGaplessChain(t);

    // With the election (the default), two rounds at once: one links, the other is not elected or finds nothing left.
    for (let i = 0; i < 10; i++) await append('test.fork', `g${i}`, { i });
    const both = await Promise.all([x.linkRound(), y.linkRound()]);
    expect(both.filter((r) => r !== 'not_elected').reduce((n, r) => n + (r as { linked: number }).linked, 0)).toBe(10);
    await expectOneGaplessChain(t);
  });

  it('writes the entry in the same transaction as the change: a rolled-back change leaves no entry and no link', async () => {
    const before = await t.linkAudit();
    await expect(
      txr.run(async (tx) => {
        await audit.append(tx.em, { actor: SYSTEM_ACTOR, action: 'test.rolled_back', subject: { type: 'test_subject', id: 'rb' } });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await t.linkAudit()).toBe(before);
    expect(await t.ds.query(`SELECT 1 FROM audit_event WHERE action = 'test.rolled_back'`)).toHaveLength(0);
    await expectOneGaplessChain(t);
  });

  it('is refused UPDATE, DELETE and TRUNCATE by the database itself; the one UPDATE allowed is linking an unlinked entry as it is', async () => {
    await append('test.immutable', 'im');
    // unlinked: its content may not change, not even together with a link
    await expect(t.ds.query(`UPDATE audit_event SET action = 'x' WHERE action = 'test.immutable'`)).rejects.toThrow(/append-only/);
    await expect(t.ds.query(`UPDATE audit_event SET payload = '{"n":"x"}', payload_canonical = '{"n":"x"}' WHERE action = 'test.immutable'`)).rejects.toThrow(/append-only/);
    await expect(
      t.ds.query(`UPDATE audit_event SET seq = 999999, prev_hash = repeat('0', 64), hash = repeat('1', 64), linked_at = now(), subject_id = 'other' WHERE action = 'test.immutable'`),
    ).rejects.toThrow(/append-only/);
    // a link must be whole
    await expect(t.ds.query(`UPDATE audit_event SET seq = 999999 WHERE action = 'test.immutable'`)).rejects.toThrow(/audit_event_link_whole/);
    await expect(t.ds.query(`DELETE FROM audit_event WHERE action = 'test.immutable'`)).rejects.toThrow(/append-only/);
    await t.linkAudit();
    // linked: nothing may change, the link included
    await expect(t.ds.query(`UPDATE audit_event SET action = 'x' WHERE action = 'test.immutable'`)).rejects.toThrow(/append-only/);
    await expect(t.ds.query(`UPDATE audit_event SET seq = NULL, prev_hash = NULL, hash = NULL, linked_at = NULL WHERE action = 'test.immutable'`)).rejects.toThrow(/append-only/);
    await expect(t.ds.query(`UPDATE audit_event SET hash = repeat('2', 64) WHERE action = 'test.immutable'`)).rejects.toThrow(/append-only/);
    await expect(t.ds.query(`DELETE FROM audit_event WHERE action = 'test.immutable'`)).rejects.toThrow(/append-only/);
    await expect(t.ds.query(`TRUNCATE audit_event`)).rejects.toThrow(/append-only/);
    expect(await t.ds.query(`SELECT 1 FROM audit_event WHERE action = 'test.immutable'`)).toHaveLength(1);
    await expectOneGaplessChain(t);
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
    const { id } = await append('test.canonical', 'c1', { b: 'é', a: 10n, c: { z: 1, y: [true, null] } });
    await txr.run((tx) => audit.append(tx.em, { actor: SYSTEM_ACTOR, action: 'test.canonical', subject: { type: 'test_subject', id: 'c2' } }));
    const rows = await t.ds.query(`SELECT payload, payload_canonical AS text, payload_digest AS digest FROM audit_event WHERE action = 'test.canonical' ORDER BY id`);
    expect(rows[0].text).toBe('{"a":"10","b":"é","c":{"y":[true,null],"z":1}}');
    expect(rows[0].digest).toBe(sha256Hex(rows[0].text));
    expect(rows[0].payload).toEqual({ a: '10', b: 'é', c: { y: [true, null], z: 1 } });
    expect(rows[1]).toMatchObject({ payload: null, text: 'null', digest: sha256Hex('null') });
    // PostgreSQL itself refuses a payload that is not its stored text, even with the append-only trigger disabled.
    await t.ds.query(`ALTER TABLE audit_event DISABLE TRIGGER audit_event_no_update`);
    try {
      await expect(t.ds.query(`UPDATE audit_event SET payload = '{"a":"11"}' WHERE id = $1`, [id])).rejects.toThrow(/audit_event_payload_canonical/);
      await expect(t.ds.query(`UPDATE audit_event SET payload_canonical = '{"a":"11"}' WHERE id = $1`, [id])).rejects.toThrow(/audit_event_payload_canonical/);
      await expect(t.ds.query(`UPDATE audit_event SET payload_canonical = NULL, payload = NULL WHERE id = $1`, [id])).rejects.toThrow(/audit_event_payload_canonical/);
    } finally {
      await t.ds.query(`ALTER TABLE audit_event ENABLE TRIGGER audit_event_no_update`);
    }
    expect(await verifier.payloadCheckInForce()).toBe(true);
  });

  // Run last in this file: it breaks this database's chain on purpose (and mends it between cases).
  it('names exactly the link altered behind the trigger’s back, in-process and across worker threads', async () => {
    for (let i = 0; i < 6; i++) await append('test.tamper', `t${i}`, { i });
    await t.linkAudit();
    const rows = await t.ds.query(`SELECT seq::text AS seq FROM audit_event WHERE action = 'test.tamper' ORDER BY audit_event.seq`);
    expect(rows).toHaveLength(6);
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
