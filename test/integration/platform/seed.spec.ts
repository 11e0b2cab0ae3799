import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../../../apps/api/src/seed/demo-data';
import { DEMO_BUDGET_CODE, DEMO_PROJECTS, DEMO_REQUIREMENT_TITLE } from '../../../apps/api/src/seed/seeders/demo-trading.seeder';
import { startTestApp, TestApp } from '../../support/test-app';

const SEED = join(process.cwd(), 'dist', 'apps', 'api', 'src', 'seed', 'main.js');

describe('demo seed', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp('seed', { LOGIN_ATTEMPTS_PER_MINUTE: '100' });
  });

  afterAll(() => t.close());

  const run = () => execFileSync(process.execPath, [SEED], { env: { ...process.env, DATABASE_URL: t.databaseUrl }, encoding: 'utf8' });
  const login = async (username: string) => (await t.http.post('/auth/login', { username, password: DEMO_PASSWORD })).body.accessToken as string;
  const count = async (sql: string, params: unknown[] = []) => (await t.ds.query(sql, params))[0].n as number;

  it('loads once, changes nothing the second time, and every demo role can log in', async () => {
    expect(run()).toContain('created');
    const first = await t.snapshot();
    const [head] = await t.ds.query(`SELECT last_seq, last_hash FROM audit_chain_head`);
    expect(run()).toContain('nothing changed');
    expect(await t.snapshot()).toEqual(first);
    expect((await t.ds.query(`SELECT last_seq, last_hash FROM audit_chain_head`))[0]).toEqual(head);

    for (const a of DEMO_ACCOUNTS) {
      const res = await t.http.post('/auth/login', { username: a.username, password: DEMO_PASSWORD });
      expect(res.status).toBe(200);
      expect(res.body.account.roles).toEqual([{ role: a.role, domain: a.domain ?? null }]);
    }
    const roles = new Set(DEMO_ACCOUNTS.map((a) => a.role));
    expect(roles.size).toBe(8);
  }, 120000);

  it('leaves a living platform: current projects in their states, twelve months of deals, an audit chain that verifies', async () => {
    const office = await login('office');
    expect((await t.http.get('/audit/verify', office)).body).toMatchObject({ ok: true, firstBroken: null });
    const seeded = await t.ds.query(`SELECT action, count(*)::int AS n FROM audit_event WHERE action LIKE '%.seeded' OR action = 'demo.backdated' GROUP BY 1 ORDER BY 1`);
    expect(seeded.map((r: { action: string }) => r.action)).toEqual(expect.arrayContaining(['demo.backdated', 'land_parcel.seeded', 'procurement_order.seeded', 'rural_deal.seeded', 'tender.seeded']));

    // The current projects, owned by the demo owner, each in the state the demo promises.
    const owner = (await t.ds.query(`SELECT organisation_id FROM account WHERE username = 'owner'`))[0].organisation_id;
    const project = async (name: string) => (await t.ds.query(`SELECT id FROM trading_project WHERE name = $1 AND owner_organisation_id = $2`, [name, owner]))[0]?.id as string;
    const announced = await t.http.get(`/public/tenders/${await project(DEMO_PROJECTS.tenderAnnounced)}`);
    expect(announced.body).toMatchObject({ status: 'bidding' });
    expect(new Date(announced.body.bidDeadline).getTime()).toBeGreaterThan(Date.now() + 20 * 86400000);
    const opened = await t.http.get(`/public/tenders/${await project(DEMO_PROJECTS.tenderOpened)}/opening`);
    expect(opened.body).toMatchObject({ sealed: false, sections: [{ no: 1, bidCount: 3 }] });
    expect(opened.body.sections[0].bids.every((b: { documentsVerified: boolean }) => b.documentsVerified)).toBe(true);
    const bidder1 = await login('bidder1');
    expect((await t.http.post(`/tenders/${await project(DEMO_PROJECTS.tenderAnnounced)}/registrations`, {}, bidder1)).status).toBe(200);
    const parcel = await t.http.get(`/public/land/parcels/${await project(DEMO_PROJECTS.parcelListing)}`);
    expect(parcel.body.phase).toBe('listing');
    expect((await t.http.get(`/public/rural/deals/${await project(DEMO_PROJECTS.ruralListed)}`)).body.status).toBe('listing');
    expect(await count(`SELECT count(*)::int AS n FROM procurement_product WHERE status = 'on_sale'`)).toBe(5);
    expect(await count(`SELECT count(*)::int AS n FROM budget_line WHERE code = $1`, [DEMO_BUDGET_CODE])).toBe(1);
    expect(await count(`SELECT count(*)::int AS n FROM procurement_requirement WHERE title = $1 AND status = 'quoting'`, [DEMO_REQUIREMENT_TITLE])).toBe(1);
    expect(await count(`SELECT count(*)::int AS n FROM procurement_order o JOIN procurement_rating r ON r.order_id = o.id WHERE o.status = 'paid'`)).toBe(1);

    // Statistics: twelve past months and this one, all four domains, several regions.
    const stats = (await t.http.get('/public/statistics')).body;
    expect(stats.cumulative.length).toBeGreaterThanOrEqual(13);
    expect(stats.totals.byDomain.map((d: { domain: string }) => d.domain).sort()).toEqual(['land', 'procurement', 'rural', 'tendering']);
    expect(new Set(stats.rows.map((r: { region: string }) => r.region)).size).toBeGreaterThanOrEqual(4);
    expect(stats.totals.all.sessions).toBeGreaterThanOrEqual(60);
    expect(stats.totals.all.failed).toBeGreaterThan(0);
    // Every concluded session counts, the failed tenders (流标) included.
    const byDomain = Object.fromEntries(stats.totals.byDomain.map((d: { domain: string; sessions: number; failed: number }) => [d.domain, d]));
    expect(byDomain.tendering.failed).toBeGreaterThan(0);
    const portal = (await t.http.get('/public/portal/announcements')).body;
    expect((portal.items ?? portal).length).toBeGreaterThanOrEqual(10);
    // A historical opened bid is a real sealed box: its documents open after the opening.
    const [old] = await t.ds.query(`SELECT b.id, s.project_id FROM tender_bid b JOIN tender_section s ON s.id = b.section_id WHERE b.opened_at < now() - interval '20 days' LIMIT 1`);
    const docs = await fetch(`${t.http.baseUrl}/tenders/${old.project_id}/bids/${old.id}/documents`, { headers: { authorization: `Bearer ${office}` } });
    expect(docs.status).toBe(200);
    expect(Buffer.from(await docs.arrayBuffer()).toString()).toContain('投标文件');
  }, 60000);
});
