import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { Client } from 'pg';
import { Role, SYSTEM_ACTOR } from '@app/platform/auth/roles';
import { TransactionRunner } from '@app/platform/database/transaction-runner';
import { LiveBiddingService } from '@app/trading';
import { PrivatePostgres } from '../../support/embedded-pg';
import { startTestApp, TestAccount, TestApp } from '../../support/test-app';
import { waitFor } from '../../support/worker-process';

const STEP_FEN = 100_000n;
const START_FEN = 50_000_000n;
const yuan = (fen: bigint) => `${fen / 100n}.${String(fen % 100n).padStart(2, '0')}`;

// PostgreSQL crashes while live bids arrive: the bids in flight get a clear 503, the client retries with the same
// key once it is back, and every bid ends up written exactly once — none lost, none doubled, none half-written.
describe('PostgreSQL restarted while bids arrive', () => {
  let pg: PrivatePostgres;
  let t: TestApp;
  let bidders: TestAccount[];
  let office: TestAccount;
  let lotId: string;

  beforeAll(async () => {
    pg = await PrivatePostgres.create();
    const admin = new Client({ connectionString: pg.url() });
    await admin.connect();
    await admin.query('CREATE DATABASE yg');
    await admin.end();
    const migrate = spawnSync(process.execPath, [join(process.cwd(), 'dist/libs/platform/src/database/migrate.js')], { env: { ...process.env, DATABASE_URL: pg.url('yg') }, encoding: 'utf8' });
    expect(migrate.status).toBe(0);
    t = await startTestApp('pg-restart', { DATABASE_URL: pg.url('yg') });
    bidders = [];
    for (let i = 0; i < 3; i++) bidders.push(await t.account([Role.Bidder]));
    office = await t.account([Role.Office]);
    const owner = await t.account([Role.Owner]);
    const centre = await t.account([Role.Centre]);
    const p = await t.http.post('/projects', { domain: 'land', name: '城北地块 2026-11 号', region: '350102', ruleSet: 'sandbox' }, owner.token);
    expect((await t.http.post(`/projects/${p.body.id}/publish`, {}, centre.token)).status).toBe(200);
    const live = t.app.get(LiveBiddingService);
    lotId = await t.app.get(TransactionRunner).run(async (tx) => {
      const lot = await live.createLot(tx, { projectId: p.body.id, domain: 'engine-test', title: '城北地块', startPriceFen: START_FEN, increment: { fixedFen: String(STEP_FEN) }, reserveFen: null, countdownSeconds: 600 }, SYSTEM_ACTOR);
      for (const b of bidders) await live.admit(tx, lot.id, b.organisationId!, SYSTEM_ACTOR);
      await live.startLive(tx, lot.id, new Date(), SYSTEM_ACTOR);
      return lot.id;
    });
  }, 120000);

  afterAll(async () => {
    await t?.close();
    await pg?.destroy();
  });

  /** Bid n: bidder n mod 3 offers start + (n+1) steps, under key k-n. */
  const bid = (n: number) => t.http.post(`/lots/${lotId}/bids`, { price: yuan(START_FEN + BigInt(n + 1) * STEP_FEN), clientKey: `restart-key-${n}` }, bidders[n % 3].token);

  it('answers 503 while the database is down, and retried bids are written once each', async () => {
    for (let n = 0; n < 6; n++) expect((await bid(n)).status).toBe(201);

    // Bids 6..11 are sent one after another while the server crashes under them.
    const outcomes = new Map<number, number>();
    const sending = (async () => {
      for (let n = 6; n < 12; n++) {
        const r = await bid(n);
        outcomes.set(n, r.status);
        if (r.status >= 500) {
          expect(r.body.code).toBe('SERVICE_UNAVAILABLE');
          expect(r.body.message.zh).toBeTruthy();
          expect(JSON.stringify(r.body)).not.toMatch(/ECONNREFUSED|at \w+ \(|postgres/i);
        }
        await new Promise((res) => setTimeout(res, 150));
      }
    })();
    await new Promise((res) => setTimeout(res, 300));
    pg.stop('immediate');
    await sending;
    const failed = [...outcomes.entries()].filter(([, s]) => s !== 201).map(([n]) => n);
    expect(failed.length).toBeGreaterThan(0);
    expect([...outcomes.values()].every((s) => s === 201 || s === 503)).toBe(true);

    await pg.start();
    // The pool drops its dead connections and reconnects on the next request.
    await waitFor(async () => (await t.http.get(`/public/lots/${lotId}`)).status === 200, 30000, 'the api to reach the database again');

    // The client retries every bid from the first one that failed, with the same key: each written once.
    const firstFailed = Math.min(...failed);
    for (let n = firstFailed; n < 12; n++) {
      const r = await bid(n);
      expect([n, r.status]).toEqual([n, 201]);
    }
    // Retrying a bid that was accepted before the crash answers with its first result and writes nothing.
    const again = await bid(3);
    expect(again.body).toMatchObject({ bidSeq: 4, replayed: true });

    const rows: { seq: number; price: string; key: string }[] = await t.ds.query(`SELECT seq, price_fen::text AS price, client_key AS key FROM lot_bid WHERE lot_id = $1 ORDER BY seq`, [lotId]);
    expect(rows.map((r) => r.seq)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    expect(rows.map((r) => r.key)).toEqual(Array.from({ length: 12 }, (_, n) => `restart-key-${n}`));
    expect(rows.map((r) => r.price)).toEqual(Array.from({ length: 12 }, (_, n) => String(START_FEN + BigInt(n + 1) * STEP_FEN)));
    const [lot] = await t.ds.query(`SELECT current_price_fen::text AS current, bid_seq AS n FROM lot WHERE id = $1`, [lotId]);
    expect(lot).toEqual({ current: String(START_FEN + 12n * STEP_FEN), n: 12 });
    const audited = await t.ds.query(`SELECT count(*)::int AS n FROM audit_event WHERE action = 'lot.bid_accepted' AND subject_id = $1`, [lotId]);
    expect(audited[0].n).toBe(12);
    const verify = await t.http.get('/audit/verify', office.token);
    expect(verify.body.ok).toBe(true);
  }, 120000);
});
