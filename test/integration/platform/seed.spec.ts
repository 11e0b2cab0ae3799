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
    await t.linkAudit();
    const [head] = await t.ds.query(`SELECT last_seq, last_hash FROM audit_chain_head`);
    expect(run()).toContain('nothing changed');
    expect(await t.snapshot()).toEqual(first);
    await t.linkAudit();
    expect((await t.ds.query(`SELECT last_seq, last_hash FROM audit_chain_head`))[0]).toEqual(head);

    for (const a of DEMO_ACCOUNTS) {
      const res = await t.http.post('/auth/login', { username: a.username, password: DEMO_PASSWORD });
      expect(res.status).toBe(200);
      expect(res.body.account.roles).toEqual([{ role: a.role, domain: a.domain ?? null }]);
    }
    const roles = new Set(DEMO_ACCOUNTS.map((a) => a.role));
    expect(roles.size).toBe(8);
  }, 300000);

  it('leaves a living platform: something open to act on in every domain for at least seven days, nothing written around the rules', async () => {
    const office = await login('office');
    expect((await t.http.get('/audit/verify', office)).body).toMatchObject({ ok: true, firstBroken: null });
    const seeded = await t.ds.query(`SELECT action, count(*)::int AS n FROM audit_event WHERE action LIKE '%.seeded' OR action LIKE 'demo.%' GROUP BY 1 ORDER BY 1`);
    expect(seeded.map((r: { action: string }) => r.action)).toEqual(expect.arrayContaining(['land_parcel.seeded', 'procurement_order.seeded', 'rural_deal.seeded', 'tender.seeded']));
    // Nothing is moved in time any more.
    expect(seeded.map((r: { action: string }) => r.action)).not.toContain('demo.backdated');
    expect(await count(`SELECT count(*)::int AS n FROM audit_event WHERE action = 'milestone.rescheduled'`)).toBe(0);

    const week = Date.now() + 7 * 86400000;
    const owner = (await t.ds.query(`SELECT organisation_id FROM account WHERE username = 'owner'`))[0].organisation_id;
    const project = async (name: string) => (await t.ds.query(`SELECT id FROM trading_project WHERE name = $1 AND owner_organisation_id = $2`, [name, owner]))[0]?.id as string;

    // 建设工程: one tender open for bids for more than a week; bidder1 may still register.
    const announcedId = await project(DEMO_PROJECTS.tenderAnnounced);
    const announced = await t.http.get(`/public/tenders/${announcedId}`);
    expect(announced.body).toMatchObject({ status: 'bidding' });
    expect(new Date(announced.body.bidDeadline).getTime()).toBeGreaterThan(week);
    const bidder1 = await login('bidder1');
    expect((await t.http.post(`/tenders/${announcedId}/registrations`, {}, bidder1)).status).toBe(200);

    // One in evaluation: opened at its deadline with three bids received before it, a committee of five drawn (the
    // draw replays), all accepted and seated; expert1 sits on it and has not scored yet, the four others have.
    const evaluatingId = await project(DEMO_PROJECTS.tenderEvaluating);
    expect((await t.http.get(`/public/tenders/${evaluatingId}`)).body).toMatchObject({ status: 'evaluating' });
    const opened = await t.http.get(`/public/tenders/${evaluatingId}/opening`);
    expect(opened.body).toMatchObject({ sealed: false, sections: [{ no: 1, bidCount: 3 }] });
    expect(opened.body.sections[0].bids.every((b: { documentsVerified: boolean }) => b.documentsVerified)).toBe(true);
    const expert1 = await login('expert1');
    const sheet = await t.http.get(`/tenders/${evaluatingId}/sections/1/evaluation/bids`, expert1);
    expect(sheet.status).toBe(200);
    expect(sheet.body.bids).toHaveLength(3);
    expect(sheet.body.bids.every((b: { myScore: unknown }) => b.myScore === null)).toBe(true);
    const [draw] = await t.ds.query(`SELECT d.id, d.status, (SELECT count(*)::int FROM expert_draw_member m WHERE m.draw_id = d.id AND m.status = 'accepted') AS accepted FROM expert_draw d WHERE d.project_id = $1`, [evaluatingId]);
    expect(draw).toMatchObject({ status: 'opened', accepted: 5 });
    const centre = await login('centre');
    expect((await t.http.get(`/expert-draws/${draw.id}/replay`, centre)).body.agrees).toBe(true);
    expect(await count(`SELECT count(DISTINCT s.expert_account_id)::int AS n FROM tender_score s JOIN tender_bid b ON b.id = s.bid_id JOIN tender_section x ON x.id = b.section_id WHERE x.project_id = $1`, [evaluatingId])).toBe(4);

    // No sealed bid, quote or application of the current projects was received after its deadline.
    expect(await count(`SELECT count(*)::int AS n FROM tender_bid b JOIN tender_section s ON s.id = b.section_id JOIN tender t ON t.project_id = s.project_id WHERE b.received_at >= t.bid_deadline`)).toBe(0);
    expect(await count(`SELECT count(*)::int AS n FROM tender_bid b JOIN tender_section s ON s.id = b.section_id JOIN tender t ON t.project_id = s.project_id WHERE b.submitted_at >= t.bid_deadline`)).toBe(0);
    expect(await count(`SELECT count(*)::int AS n FROM lot_bid b JOIN lot l ON l.id = b.lot_id WHERE l.project_id = ANY($1) AND (b.accepted_at < l.starts_at OR b.accepted_at >= l.ends_at)`, [[await project(DEMO_PROJECTS.parcelListing)]])).toBe(0);

    // 国有建设用地: the listing runs (or, under the standard rules, is announced) and ends more than a week from now.
    const parcelId = await project(DEMO_PROJECTS.parcelListing);
    const parcel = (await t.http.get(`/public/land/parcels/${parcelId}`)).body;
    expect(['listing', 'announced']).toContain(parcel.phase);
    expect(new Date(parcel.listingEndsAt).getTime()).toBeGreaterThan(week);

    // 农村产权: listed, open to applications for more than a week.
    const rural = (await t.http.get(`/public/rural/deals/${await project(DEMO_PROJECTS.ruralListed)}`)).body;
    expect(rural.status).toBe('listing');
    expect(new Date(rural.listings[0].endsAt).getTime()).toBeGreaterThan(week);

    // 电子卖场: an online quote open for more than a week, a paid and rated direct order.
    expect(await count(`SELECT count(*)::int AS n FROM procurement_product WHERE status = 'on_sale'`)).toBe(5);
    expect(await count(`SELECT count(*)::int AS n FROM budget_line WHERE code = $1`, [DEMO_BUDGET_CODE])).toBe(1);
    const [requirement] = await t.ds.query(`SELECT status, quote_deadline FROM procurement_requirement WHERE title = $1`, [DEMO_REQUIREMENT_TITLE]);
    expect(requirement.status).toBe('quoting');
    expect(new Date(requirement.quote_deadline).getTime()).toBeGreaterThan(week);
    expect(await count(`SELECT count(*)::int AS n FROM procurement_order o JOIN procurement_rating r ON r.order_id = o.id WHERE o.status = 'paid'`)).toBe(1);

    // 投诉: one under review (accepted, not decided).
    const complaints = (await t.http.get('/supervision/complaints?status=accepted', office)).body;
    expect(complaints.items).toEqual([expect.objectContaining({ project: expect.objectContaining({ id: parcelId }), status: 'accepted' })]);

    // 场地: the centre's calendar has sessions this week and next (Beijing weeks).
    const monday = (offsetDays: number) => {
      const d = new Date(Date.now() + 8 * 3600000 + offsetDays * 86400000);
      d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
      return d.toISOString().slice(0, 10);
    };
    const thisWeek = (await t.http.get(`/scheduling/calendar?week=${monday(0)}`, centre)).body;
    const nextWeek = (await t.http.get(`/scheduling/calendar?week=${monday(7)}`, centre)).body;
    expect(thisWeek.sessions.length).toBeGreaterThan(0);
    expect(nextWeek.sessions.length).toBeGreaterThan(0);

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
