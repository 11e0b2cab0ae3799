import { Role } from '@app/platform/auth/roles';
import { TokenService } from '@app/platform/auth/token.service';
import { DEMO_LIVE_DEAL } from '../../../apps/worker/src/demo/demo-live-lot';
import { startTestApp, TestApp } from '../../support/test-app';
import { startWorker, waitFor, WorkerProcess } from '../../support/worker-process';

// 演示循环竞价: a worker started with DEMO_LIVE_LOT=1 keeps one live lot coming through the api, as the demo accounts.
describe('the demo’s recurring live lot', () => {
  const LEAD_S = 6;
  let t: TestApp;
  let worker: WorkerProcess | undefined;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestApp('demo-live-lot');
    // The demo accounts the job acts as, by their demo usernames.
    for (const [username, role] of [
      ['owner', Role.Owner],
      ['centre', Role.Centre],
      ['bidder1', Role.Bidder],
      ['bidder2', Role.Bidder],
      ['bidder3', Role.Bidder],
      ['committee', Role.Committee],
    ] as const) {
      const org = await t.organisation(`演示单位 ${username}`);
      const [a] = await t.ds.query(`INSERT INTO account (username, display_name, password_hash, organisation_id) VALUES ($1, $1, 'not-a-login-account', $2) RETURNING id`, [username, org]);
      await t.ds.query(`INSERT INTO account_role (account_id, role) VALUES ($1, $2)`, [a.id, role]);
      tokens[username] = t.app.get(TokenService).issue(a.id).accessToken;
    }
    // A sandbox version with a shorter listing and countdown than the shipped one, so that a round passes in seconds.
    const changes = { periods: { listing: { value: 3, unit: 's' } }, numbers: { countdownSeconds: 5 } };
    const draft = await t.http.post('/rule-sets', { domain: 'rural', name: '农村产权演示(秒)', sandbox: true, changes }, tokens.committee);
    expect(draft.status).toBe(201);
    expect((await t.http.post(`/rule-sets/${draft.body.id}/publish`, {}, tokens.committee)).status).toBe(200);
  }, 60000);

  afterAll(async () => {
    await worker?.stop();
    await t?.close();
  });

  const deals = () =>
    t.ds.query(
      `SELECT d.project_id AS id, d.status, d.round, (SELECT count(*)::int FROM rural_listing l WHERE l.project_id = d.project_id) AS listings,
              (SELECT count(*)::int FROM lot WHERE lot.project_id = d.project_id) AS lots
       FROM rural_deal d JOIN trading_project p ON p.id = d.project_id WHERE p.name = $1 ORDER BY p.created_at`,
      [DEMO_LIVE_DEAL.name],
    ) as Promise<{ id: string; status: string; round: number; listings: number; lots: number }[]>;
  const listing = async (id: string, round: number) => (await t.ds.query(`SELECT lot_id, ends_at FROM rural_listing WHERE project_id = $1 AND round = $2`, [id, round]))[0];
  const qualified = async (id: string, round: number) => (await t.ds.query(`SELECT count(*)::int AS n FROM rural_application WHERE project_id = $1 AND round = $2 AND status = 'qualified' AND paddle IS NOT NULL`, [id, round]))[0].n;
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

  it('lists a round with the demo bidders admitted, adds nothing while it is pending, relists once it ended unsold and starts a new deal once one sold', async () => {
    worker = await startWorker({
      DATABASE_URL: t.databaseUrl,
      REDIS_PREFIX: t.redisPrefix,
      MILESTONE_RECONCILE_MS: '1000',
      DEMO_LIVE_LOT: '1',
      DEMO_API_URL: t.http.baseUrl,
      DEMO_LIVE_LOT_EVERY_MS: '700',
      DEMO_LIVE_LOT_LEAD_S: String(LEAD_S),
      LOG_LEVEL: 'info',
    });

    // The first turn registers the deal (the collective's resolution and approval), the centre lists it for the lead
    // time and admits the three demo bidders: one lot, starting live within seconds.
    const [first] = await waitFor(async () => {
      const d = await deals();
      return d.length && d[0].status === 'listing' && (await qualified(d[0].id, 1)) === 3 ? d : null;
    }, 20000, 'the first demo round to be listed with three paddles');
    expect(first).toMatchObject({ round: 1, listings: 1, lots: 1 });
    const l1 = await listing(first.id, 1);
    const lead = new Date(l1.ends_at).getTime() - Date.now();
    expect(lead).toBeGreaterThan(1000);
    expect(lead).toBeLessThanOrEqual(LEAD_S * 1000 + 1000);
    const actors = await t.ds.query(
      `SELECT e.action, a.username FROM audit_event e JOIN account a ON a.id = e.actor_id WHERE e.subject_id = $1 AND e.action LIKE 'rural.%' ORDER BY e.id`,
      [first.id],
    );
    expect(actors.map((r: { action: string; username: string }) => `${r.action}:${r.username}`)).toEqual(
      expect.arrayContaining(['rural.deal_registered:owner', 'rural.resolution_uploaded:owner', 'rural.approval_uploaded:owner', 'rural.listed:centre', 'rural.application_confirmed:centre']),
    );

    // Pending: turn after turn adds nothing.
    await sleep(2500);
    expect(await deals()).toEqual([expect.objectContaining({ id: first.id, round: 1, listings: 1, lots: 1 })]);

    // Live at the listing's end; nobody bids, the countdown runs out (流拍), and exactly one next round is listed,
    // the round before refunded by the centre.
    await waitFor(async () => ((await deals())[0].status === 'live' ? true : null), LEAD_S * 1000 + 10000, 'the round to go live');
    const [second] = await waitFor(async () => {
      const d = await deals();
      return d[0].round === 2 && d[0].status === 'listing' && (await qualified(d[0].id, 2)) === 3 ? d : null;
    }, 30000, 'the demo deal to be relisted');
    expect(await deals()).toEqual([expect.objectContaining({ id: first.id, round: 2, listings: 2, lots: 2 })]);
    const refunds = await t.ds.query(`SELECT status, count(*)::int AS n FROM rural_application WHERE project_id = $1 AND round = 1 GROUP BY 1`, [first.id]);
    expect(refunds).toEqual([{ status: 'refunded', n: 3 }]);
    const [outcome] = await t.ds.query(`SELECT phase, outcome FROM lot WHERE id = $1`, [l1.lot_id]);
    expect(outcome).toEqual({ phase: 'ended', outcome: 'unsold' });
    await sleep(2000);
    expect(await deals()).toEqual([expect.objectContaining({ id: second.id, round: 2, listings: 2, lots: 2 })]);

    // A visitor who logs in as a demo bidder bids in the live room and wins: the deal is concluded and the next
    // turn registers one new deal.
    const l2 = await listing(first.id, 2);
    await waitFor(async () => ((await deals())[0].status === 'live' ? true : null), LEAD_S * 1000 + 10000, 'round 2 to go live');
    const bid = await t.http.post(`/lots/${l2.lot_id}/bids`, { price: DEMO_LIVE_DEAL.listingPrice, clientKey: 'visitor-0001' }, tokens.bidder1);
    expect(bid.status).toBe(201);
    const after = await waitFor(async () => {
      const d = await deals();
      return d.length === 2 && d[1].status === 'listing' && (await qualified(d[1].id, 1)) === 3 ? d : null;
    }, 30000, 'a new demo deal after the sale');
    expect(after[0]).toMatchObject({ id: first.id, status: 'concluded', round: 2, lots: 2 });
    expect(after[1]).toMatchObject({ round: 1, listings: 1, lots: 1 });
    await sleep(2000);
    expect((await deals()).map((d) => [d.id, d.round, d.lots])).toEqual([
      [first.id, 2, 2],
      [after[1].id, 1, 1],
    ]);
    expect(worker.output()).toContain('demo live lot');
  }, 150000);
});
