import { Role } from '@app/platform/auth/roles';
import { isWorkingDay, shiftedDue, workingTimeBetween } from '@app/platform/calendar';
import { fictionalYear } from '../../support/fictional-calendar';
import { ocdsProblems } from '../../support/ocds-schema';
import { postForm } from '../../support/tender-fixtures';
import { startTestApp, TestAccount, TestApp } from '../../support/test-app';
import { startWorker, waitFor, WorkerProcess } from '../../support/worker-process';

const DAY_MS = 86_400_000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function sandboxRules(t: TestApp, committee: string, domain: string, periods: Record<string, number>, numbers: Record<string, number> = {}): Promise<void> {
  const changes = { periods: Object.fromEntries(Object.entries(periods).map(([k, s]) => [k, { value: s, unit: 's' }])), numbers };
  const draft = await t.http.post('/rule-sets', { domain, name: `${domain} 中止测试(秒)`, sandbox: true, changes }, committee);
  if (draft.status !== 201) throw new Error(`rule draft refused: ${JSON.stringify(draft.body)}`);
  if ((await t.http.post(`/rule-sets/${draft.body.id}/publish`, {}, committee)).status !== 200) throw new Error('rule publish refused');
}

// Issue 16: a suspended project's periods stand still and resume with what they had left; nothing ends while suspended.
describe('a suspension freezes every running period of a project', () => {
  let t: TestApp;
  let worker: WorkerProcess;
  let centre: string;
  let office: string;
  let owner: TestAccount;
  let agent: TestAccount;
  let bidder: TestAccount;
  let key = 0;

  beforeAll(async () => {
    t = await startTestApp('project-freeze');
    worker = await startWorker({ DATABASE_URL: t.databaseUrl, REDIS_PREFIX: t.redisPrefix, MILESTONE_RECONCILE_MS: '1000', LOT_RECONCILE_MS: '500' });
    centre = (await t.account([Role.Centre])).token;
    office = (await t.account([Role.Office])).token;
    owner = await t.account([Role.Owner]);
    agent = await t.account([Role.Agent]);
    bidder = await t.account([Role.Bidder]);
    const committee = (await t.account([Role.Committee])).token;
    await sandboxRules(t, committee, 'land', { announcementBeforeListing: 2, listing: 4, resultPublicity: 30, depositRefund: 20 }, { countdownSeconds: 12 });
    // a 10-working-day listing a month ahead must stay inside the calendar: the committee enters fictional years past it
    const years = (await t.http.get('/public/calendar/years')).body;
    for (let y = years.lastYear + 1; y <= new Date(Date.now() + 60 * DAY_MS).getUTCFullYear(); y++) {
      const r = await t.http.post('/calendar/years', fictionalYear(y).body, committee);
      if (r.status !== 201) throw new Error(`calendar year refused: ${JSON.stringify(r.body)}`);
    }
  }, 90000);

  afterAll(async () => {
    await worker?.stop();
    await t.close();
  });

  const suspend = async (id: string, reason = '收到投诉,需调查核实') => {
    const r = await t.http.post(`/projects/${id}/suspend`, { reason }, office);
    expect(r.status).toBe(200);
  };
  const resume = async (id: string) => {
    const r = await t.http.post(`/projects/${id}/resume`, { note: '调查结束,恢复交易' }, office);
    expect(r.status).toBe(200);
  };
  const record = async (id: string) => (await t.ds.query(`SELECT suspended_at, resumed_at, frozen, shifted FROM project_suspension WHERE project_id = $1 ORDER BY suspended_at DESC LIMIT 1`, [id]))[0];
  const lot = (lotId: string) => t.http.get(`/public/lots/${lotId}`).then((r) => r.body);
  const lotRow = async (lotId: string) => (await t.ds.query(`SELECT phase, outcome, ends_at, ended_at, suspended_at FROM lot WHERE id = $1`, [lotId]))[0];
  const bid = (lotId: string, price: string) => t.http.post(`/lots/${lotId}/bids`, { price, clientKey: `freeze-${++key}-${Date.now()}` }, bidder.token);

  const parcel = async (mode: 'listing' | 'auction', startIn: number, listingSeconds: number) => {
    const reg = await t.http.post(
      '/land/parcels',
      { name: '城西 2026-12 号地块', region: '350102', location: '仓山区', area: '12000.00', use: 'industrial', termYears: 50, plotRatio: '1.50', mode, startPrice: '5000000.00', increment: { fixed: '100000.00' }, deposit: '1000000.00', ruleSet: 'sandbox' },
      owner.token,
    );
    expect(reg.status).toBe(201);
    const start = new Date(Date.now() + startIn * 1000);
    const body = mode === 'listing' ? { listingStartsAt: start.toISOString(), listingEndsAt: new Date(start.getTime() + listingSeconds * 1000).toISOString() } : { auctionAt: start.toISOString() };
    const a = await t.http.post(`/land/parcels/${reg.body.id}/announce`, body, centre);
    expect(a.status).toBe(200);
    const app = await postForm(t, `/land/parcels/${reg.body.id}/applications`, bidder.token, { depositMethod: 'transfer', depositReference: `ZZ-${++key}`, depositAmount: '1000000.00' }, { name: '竞买申请书.pdf', content: Buffer.from(`%PDF ${key}`) });
    expect(app.status).toBe(201);
    expect((await t.http.post(`/land/applications/${app.body.id}/qualify`, {}, centre)).status).toBe(200);
    return a.body as { id: string; lotId: string };
  };

  it('a lot in 挂牌 suspended before its end neither ends nor sells while suspended, and ends after the resumption with the time it had left', async () => {
    const p = await parcel('listing', 3, 8);
    await waitFor(async () => (await lot(p.lotId)).phase === 'listing', 20000, 'the listing to open');
    expect((await bid(p.lotId, '5000000.00')).status).toBe(201);
    const before = await lotRow(p.lotId);
    await suspend(p.id);
    const frozen = await lot(p.lotId);
    expect(frozen).toMatchObject({ phase: 'listing', suspendedAt: expect.any(String) });
    const left = frozen.remainingMs as number;
    expect(left).toBeGreaterThan(0);
    // a bid on the frozen lot changes nothing
    const refused = await bid(p.lotId, '5100000.00');
    expect(refused.status).toBe(409);
    expect(['LOT_SUSPENDED', 'PROJECT_SUSPENDED']).toContain(refused.body.code);
    // well past the original end: still listing, not sold, no result
    await sleep(Math.max(0, new Date(before.ends_at).getTime() - Date.now()) + 2500);
    expect(await lotRow(p.lotId)).toMatchObject({ phase: 'listing', outcome: null, ended_at: null });
    expect((await t.http.get(`/public/land/parcels/${p.id}`)).body.outcome ?? null).toBeNull();

    await resume(p.id);
    const r = await record(p.id);
    const resumed = await lotRow(p.lotId);
    expect(resumed.suspended_at).toBeNull();
    // the new end is the resumption plus what was left: the lot's row and the parcel's listing end agree
    expect(new Date(resumed.ends_at).getTime()).toBe(shiftedDue(new Date(before.ends_at), new Date(r.suspended_at), new Date(r.resumed_at), 'elapsed').getTime());
    expect(Math.abs(new Date(resumed.ends_at).getTime() - new Date(r.resumed_at).getTime() - left)).toBeLessThan(50);
    const landEnd = (await t.ds.query(`SELECT listing_ends_at FROM land_parcel WHERE project_id = $1`, [p.id]))[0].listing_ends_at;
    expect(new Date(landEnd).getTime()).toBe(new Date(resumed.ends_at).getTime());
    const ended = await waitFor(async () => ((await lotRow(p.lotId)).phase === 'ended' ? lotRow(p.lotId) : undefined), 30000, 'the lot to end');
    expect(ended.outcome).toBe('sold');
    expect(new Date(ended.ended_at).getTime()).toBeGreaterThanOrEqual(new Date(resumed.ends_at).getTime());
    const audit = await t.ds.query(`SELECT action, payload FROM audit_event WHERE subject_id = $1 AND action IN ('project.suspended','project.resumed') ORDER BY id`, [p.id]);
    expect(audit[0].payload.frozen.map((f: { key: string }) => f.key)).toEqual(expect.arrayContaining([`lot:${p.lotId}`, 'land.listing_ends_at']));
    expect(audit[1].payload.shifted).toEqual(expect.arrayContaining([expect.objectContaining({ key: `lot:${p.lotId}`, to: new Date(resumed.ends_at).toISOString() })]));
  });

  it('a suspension before the listing start shifts the listing end with the start, so the listing keeps its length', async () => {
    const p = await parcel('listing', 4, 6);
    const [before] = await t.ds.query(`SELECT listing_starts_at, listing_ends_at FROM land_parcel WHERE project_id = $1`, [p.id]);
    await suspend(p.id, '出让方申请暂缓');
    await sleep(5000); // past the original start
    expect((await lotRow(p.lotId)).phase).toBe('pending');
    await resume(p.id);
    const r = await record(p.id);
    const stood = new Date(r.resumed_at).getTime() - new Date(r.suspended_at).getTime();
    const [after] = await t.ds.query(`SELECT listing_starts_at, listing_ends_at, start_milestone_id FROM land_parcel WHERE project_id = $1`, [p.id]);
    expect(new Date(after.listing_starts_at).getTime() - new Date(before.listing_starts_at).getTime()).toBe(stood);
    expect(new Date(after.listing_ends_at).getTime() - new Date(before.listing_ends_at).getTime()).toBe(stood);
    const [m] = await t.ds.query(`SELECT due_at, status FROM milestone WHERE id = $1`, [after.start_milestone_id]);
    expect(new Date(m.due_at).getTime()).toBe(new Date(after.listing_starts_at).getTime());
    // the listing opens at the new start, runs to the new end (not closed at once as 流拍), and only then fails unsold
    const open = await waitFor(async () => ((await lotRow(p.lotId)).phase === 'listing' ? lotRow(p.lotId) : undefined), 20000, 'the listing to open');
    expect(new Date(open.ends_at).getTime()).toBe(new Date(after.listing_ends_at).getTime());
    const ended = await waitFor(async () => ((await lotRow(p.lotId)).phase === 'ended' ? lotRow(p.lotId) : undefined), 30000, 'the lot to end');
    expect(ended.outcome).toBe('unsold');
    expect(new Date(ended.ended_at).getTime()).toBeGreaterThanOrEqual(new Date(after.listing_ends_at).getTime());
  });

  it('a live countdown freezes on suspension and resumes with the seconds it had left', async () => {
    const p = await parcel('auction', 3, 0);
    await waitFor(async () => (await lot(p.lotId)).phase === 'live', 20000, 'live bidding to start');
    await sleep(1000);
    await suspend(p.id);
    const frozen = await lot(p.lotId);
    expect(frozen.phase).toBe('live');
    expect(frozen.remainingMs).toBeGreaterThan(0);
    expect(frozen.remainingMs).toBeLessThanOrEqual(12000);
    const events = (await t.http.get(`/public/lots/${p.lotId}/events?after=0`)).body;
    expect(events[events.length - 1]).toMatchObject({ kind: 'phase', payload: { phase: 'live', suspended: true } });
    await sleep(13000); // longer than the whole countdown
    expect((await lotRow(p.lotId)).phase).toBe('live');
    await resume(p.id);
    const r = await record(p.id);
    const resumed = await lot(p.lotId);
    expect(resumed.suspendedAt).toBeNull();
    expect(Math.abs(new Date(resumed.endsAt).getTime() - new Date(r.resumed_at).getTime() - frozen.remainingMs)).toBeLessThan(50);
    const ended = await waitFor(async () => ((await lotRow(p.lotId)).phase === 'ended' ? lotRow(p.lotId) : undefined), 30000, 'the countdown to end');
    expect(new Date(ended.ended_at).getTime()).toBeGreaterThanOrEqual(new Date(resumed.endsAt).getTime());
  });

  it("a tender's deadline column and milestone shift together; the portal and OCDS publish a 中止公告 and a 恢复公告", async () => {
    const reg = await t.http.post(
      '/tenders',
      { name: '城南污水处理厂提标改造工程', kind: 'construction', region: '350102', qualification: '市政公用工程施工总承包二级', evaluationMethod: 'comprehensive', sections: [{ name: '一标段', estimate: '8000000.00', deposit: '100000.00' }], ownerOrganisationId: owner.organisationId, ruleSet: 'sandbox' },
      agent.token,
    );
    expect(reg.status).toBe(201);
    const id = reg.body.id as string;
    expect((await t.http.post(`/tenders/${id}/accept`, {}, centre)).status).toBe(200);
    expect((await postForm(t, `/tenders/${id}/documents`, agent.token, {}, { name: '招标文件.pdf', content: Buffer.from('%PDF 招标文件') })).status).toBe(201);
    const announced = await t.http.post(`/tenders/${id}/announce`, { bidDeadline: new Date(Date.now() + 600_000).toISOString() }, centre);
    expect(announced.status).toBe(200);
    const deadline = new Date(announced.body.bidDeadline);

    await suspend(id, '收到潜在投标人投诉,暂停招标');
    const suspendedPage = (await t.http.get(`/public/portal/projects/${id}`)).body;
    expect(suspendedPage.project.status).toBe('suspended');
    expect(suspendedPage.suspensions).toEqual([expect.objectContaining({ reason: '收到潜在投标人投诉,暂停招标', resumedAt: null })]);
    await sleep(1500);
    await resume(id);
    const r = await record(id);
    const stood = new Date(r.resumed_at).getTime() - new Date(r.suspended_at).getTime();
    expect(stood).toBeGreaterThanOrEqual(1400);
    const t2 = (await t.http.get(`/tenders/${id}`, centre)).body;
    expect(new Date(t2.bidDeadline).getTime() - deadline.getTime()).toBe(stood);
    const [m] = await t.ds.query(`SELECT m.due_at, m.status FROM milestone m JOIN tender t ON t.deadline_milestone_id = m.id WHERE t.project_id = $1`, [id]);
    expect(m.status).toBe('pending');
    expect(new Date(m.due_at).getTime()).toBe(new Date(t2.bidDeadline).getTime());

    const page = (await t.http.get(`/public/portal/projects/${id}`)).body;
    expect(page.project.status).toBe('published');
    const kinds = page.notices.map((n: { kind: string }) => n.kind);
    expect(kinds).toEqual(expect.arrayContaining(['suspension', 'resumption']));
    const stop = page.notices.find((n: { kind: string }) => n.kind === 'suspension');
    expect(stop).toMatchObject({ title: expect.stringContaining('中止公告'), detail: { reason: '收到潜在投标人投诉,暂停招标' } });
    expect(new Date(stop.publishedAt).getTime()).toBe(new Date(r.suspended_at).getTime());
    const go = page.notices.find((n: { kind: string }) => n.kind === 'resumption');
    expect(go.title).toContain('恢复公告');
    expect(go.detail.times).toContainEqual({ label: '投标截止时间', from: deadline.toISOString(), to: new Date(t2.bidDeadline).toISOString() });
    expect(page.suspensions[0].times).toContainEqual({ label: '投标截止时间', from: deadline.toISOString(), to: new Date(t2.bidDeadline).toISOString() });
    const feed = (await t.http.get('/public/portal/announcements?kind=suspension,resumption&pageSize=100')).body;
    expect(feed.items.filter((n: { projectId: string }) => n.projectId === id).map((n: { kind: string }) => n.kind).sort()).toEqual(['resumption', 'suspension']);

    const ocds = (await t.http.get(`/public/ocds/projects/${id}`)).body;
    expect(ocdsProblems(ocds)).toEqual([]);
    const updates = ocds.releases.filter((x: { tag: string[] }) => x.tag.includes('tenderUpdate'));
    expect(updates.map((x: { date: string }) => x.date)).toEqual(expect.arrayContaining([new Date(r.suspended_at).toISOString(), new Date(r.resumed_at).toISOString()]));
    const atStop = updates.find((x: { date: string }) => x.date === new Date(r.suspended_at).toISOString());
    expect(atStop.tender.statusDetails).toContain('已中止');
    const atGo = updates.find((x: { date: string }) => x.date === new Date(r.resumed_at).toISOString());
    expect(atGo.tender.statusDetails).toContain('已恢复');
  });

  it('a listing counted in working days keeps its working days across a suspension over a rest day', async () => {
    const reg = await t.http.post(
      '/rural/deals',
      { name: '西岭村 80 亩林地经营权流转', kind: 'forest_rights', region: '350121', description: '西岭村后山林地', quantity: '80', unit: '亩', termMonths: 120, listingPrice: '200000.00', increment: '1000.00', deposit: '10000.00' },
      owner.token,
    );
    expect(reg.status).toBe(201);
    const id = reg.body.id as string;
    expect((await postForm(t, `/rural/deals/${id}/resolution`, owner.token, { body: 'representatives_meeting', votesFor: '40', votesTotal: '45', date: '2026-11-05' }, { name: '决议.pdf', content: Buffer.from('%PDF 决议') })).status).toBe(201);
    expect((await postForm(t, `/rural/deals/${id}/approval`, owner.token, { authority: '闽侯县西岭镇人民政府', date: '2026-11-10' }, { name: '审核意见.pdf', content: Buffer.from('%PDF 同意') })).status).toBe(201);
    expect((await t.http.post(`/rural/deals/${id}/list`, {}, centre)).status).toBe(200);
    const [listing] = await t.ds.query(`SELECT ends_at, milestone_id FROM rural_listing WHERE project_id = $1`, [id]);
    const due = new Date(listing.ends_at);
    const [ms] = await t.ds.query(`SELECT counting FROM milestone WHERE id = $1`, [listing.milestone_id]);
    expect(ms.counting).toBe('working'); // the standard rural listing is 10 working days

    await suspend(id);
    expect((await record(id)).frozen).toEqual([expect.objectContaining({ key: 'rural_listing:1.ends_at', counting: 'working' })]);
    // A fixed calendar window: the suspension is dated back to the start of the last rest day (as if it had lasted
    // over it), the one fact the kernel reads at the resumption.
    let restDay = new Date(Math.floor((Date.now() + 8 * 3_600_000) / DAY_MS) * DAY_MS - 8 * 3_600_000 - DAY_MS);
    while (isWorkingDay(restDay)) restDay = new Date(restDay.getTime() - DAY_MS);
    await t.ds.query(`UPDATE project_suspension SET suspended_at = $2 WHERE project_id = $1 AND resumed_at IS NULL`, [id, restDay]);
    await t.ds.query(`UPDATE trading_project SET suspended_at = $2 WHERE id = $1`, [id, restDay]);
    await resume(id);
    const r = await record(id);
    const [after] = await t.ds.query(`SELECT l.ends_at, m.due_at, m.status FROM rural_listing l JOIN milestone m ON m.id = l.milestone_id WHERE l.project_id = $1`, [id]);
    const to = new Date(after.ends_at);
    expect(new Date(after.due_at).getTime()).toBe(to.getTime()); // column and milestone agree
    // the working time left at the suspension is the working time from the resumption to the new end
    expect(workingTimeBetween(new Date(r.resumed_at), to)).toBe(workingTimeBetween(restDay, due));
    // the rest day the project stood still over is not taken from the listing: the end moves less than a plain shift
    const plain = due.getTime() + (new Date(r.resumed_at).getTime() - restDay.getTime());
    expect(to.getTime()).toBeLessThan(plain);
    expect(to.getTime()).toBe(shiftedDue(due, restDay, new Date(r.resumed_at), 'working').getTime());
    const go = (await t.http.get(`/public/portal/projects/${id}`)).body.suspensions[0];
    expect(go.times).toEqual([{ label: '第 1 轮挂牌截止时间', from: due.toISOString(), to: to.toISOString() }]);
  });
});
