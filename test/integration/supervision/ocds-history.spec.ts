import { Role } from '@app/platform/auth/roles';
import { fictionalYear } from '../../support/fictional-calendar';
import { postForm } from '../../support/tender-fixtures';
import { startTestApp, TestAccount, TestApp } from '../../support/test-app';
import { startWorker, waitFor, WorkerProcess } from '../../support/worker-process';

const DAY_MS = 86_400_000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// Issue 17 (历史版本): a land parcel, a rural deal and an e-mall requirement read as they were at any past moment, and as
// the list of their versions, rebuilt from the audited public events (docs/open-data-ocds.md "History").
describe('public history of land, rural and e-mall projects', () => {
  let t: TestApp;
  let worker: WorkerProcess;
  let centre: string;
  let office: string;
  let committee: string;
  let owner: TestAccount;

  beforeAll(async () => {
    t = await startTestApp('ocds-history');
    worker = await startWorker({ DATABASE_URL: t.databaseUrl, REDIS_PREFIX: t.redisPrefix, MILESTONE_RECONCILE_MS: '1000', LOT_RECONCILE_MS: '500' });
    centre = (await t.account([Role.Centre])).token;
    office = (await t.account([Role.Office])).token;
    committee = (await t.account([Role.Committee])).token;
    owner = await t.account([Role.Owner], { organisationId: await t.organisation('市机关事务管理局') });
    await sandboxRules('land', '土地出让历史测试(秒)', { announcementBeforeListing: 2, listing: 4, resultPublicity: 30, depositRefund: 20 }, { countdownSeconds: 5 });
    await sandboxRules('procurement', '电子卖场历史测试(秒)', { quoteWindow: 3600 });
    // a 10-working-day rural listing must stay inside the calendar: fictional years past it
    const years = (await t.http.get('/public/calendar/years')).body;
    for (let y = years.lastYear + 1; y <= new Date(Date.now() + 60 * DAY_MS).getUTCFullYear(); y++) {
      const r = await t.http.post('/calendar/years', fictionalYear(y).body, committee);
      if (r.status !== 201) throw new Error(`calendar year refused: ${JSON.stringify(r.body)}`);
    }
  }, 90000);

  afterAll(async () => {
    await worker?.stop();
    await t?.close();
  });

  async function sandboxRules(domain: string, name: string, periods: Record<string, number>, numbers?: Record<string, number>) {
    const changes = { periods: Object.fromEntries(Object.entries(periods).map(([k, s]) => [k, { value: s, unit: 's' }])), ...(numbers ? { numbers } : {}) };
    const draft = await t.http.post('/rule-sets', { domain, name, sandbox: true, changes }, committee);
    expect(draft.status).toBe(201);
    expect((await t.http.post(`/rule-sets/${draft.body.id}/publish`, {}, committee)).status).toBe(200);
  }

  const suspendAndResume = async (id: string, standMs: number) => {
    expect((await t.http.post(`/projects/${id}/suspend`, { reason: '收到投诉,需调查核实' }, office)).status).toBe(200);
    await sleep(standMs);
    expect((await t.http.post(`/projects/${id}/resume`, { note: '调查结束,恢复交易' }, office)).status).toBe(200);
  };
  const history = async (id: string) => {
    const r = await t.http.get(`/public/projects/${id}/history`);
    expect(r.status).toBe(200);
    return r.body as { versions: { version: number; at: string; action: string; changes: { field: string; from: unknown; to: unknown }[] }[] };
  };
  const stateAt = async (id: string, at: Date | string) => {
    const r = await t.http.get(`/public/projects/${id}/history?at=${encodeURIComponent(new Date(at).toISOString())}`);
    expect(r.status).toBe(200);
    return r.body.state;
  };
  const before = (iso: string) => new Date(new Date(iso).getTime() - 1);

  it('a land listing suspended and resumed: its versions, the original end before the resumption and the shifted end after, then the result', async () => {
    const bidder = await t.account([Role.Bidder], { organisationId: await t.organisation('闽江置业有限公司') });
    const reg = await t.http.post(
      '/land/parcels',
      { name: '城南 2026-09 号地块', region: '350102', location: '仓山区', area: '12000.00', use: 'industrial', termYears: 50, plotRatio: '1.50', mode: 'listing', startPrice: '5000000.00', increment: { fixed: '100000.00' }, deposit: '1000000.00', reserve: '5050000.00', ruleSet: 'sandbox' },
      owner.token,
    );
    expect(reg.status).toBe(201);
    const id = reg.body.id as string;
    const startsAt = new Date(Date.now() + 4000);
    const endsAt = new Date(startsAt.getTime() + 7000);
    const a = await t.http.post(`/land/parcels/${id}/announce`, { listingStartsAt: startsAt.toISOString(), listingEndsAt: endsAt.toISOString() }, centre);
    expect(a.status).toBe(200);
    const app = await postForm(t, `/land/parcels/${id}/applications`, bidder.token, { depositMethod: 'transfer', depositReference: 'ZZ-HISTORY-1', depositAmount: '1000000.00' }, { name: '竞买申请书.pdf', content: Buffer.from('%PDF history') });
    expect(app.status).toBe(201);
    expect((await t.http.post(`/land/applications/${app.body.id}/qualify`, {}, centre)).status).toBe(200);

    await suspendAndResume(id, 1500);
    const [row] = await t.ds.query(`SELECT listing_starts_at, listing_ends_at FROM land_parcel WHERE project_id = $1`, [id]);
    expect(new Date(row.listing_ends_at).getTime()).toBeGreaterThan(endsAt.getTime());

    const h = await history(id);
    const actions = h.versions.map((v) => v.action);
    expect(actions).toEqual(expect.arrayContaining(['land.announced', 'project.suspended', 'project.resumed']));
    expect(actions.indexOf('land.announced')).toBeLessThan(actions.indexOf('project.suspended'));
    expect(actions.indexOf('project.suspended')).toBeLessThan(actions.indexOf('project.resumed'));
    const resumed = h.versions.find((v) => v.action === 'project.resumed')!;
    expect(resumed.changes).toEqual(expect.arrayContaining([
      { field: 'parcel.listingEndsAt', from: endsAt.toISOString(), to: new Date(row.listing_ends_at).toISOString() },
      { field: 'parcel.listingStartsAt', from: startsAt.toISOString(), to: new Date(row.listing_starts_at).toISOString() },
    ]));
    // nothing sealed: no application, deposit or reserve
    expect(JSON.stringify(h)).not.toMatch(/ZZ-HISTORY|5050000|闽江置业/);

    const suspendedAt = h.versions.find((v) => v.action === 'project.suspended')!.at;
    expect(await stateAt(id, suspendedAt)).toMatchObject({ projectStatus: 'suspended', parcel: { status: 'announced', mode: 'listing', listingStartsAt: startsAt.toISOString(), listingEndsAt: endsAt.toISOString(), result: null } });
    expect((await stateAt(id, before(resumed.at))).parcel.listingEndsAt).toBe(endsAt.toISOString());
    expect((await stateAt(id, resumed.at)).parcel).toMatchObject({ listingStartsAt: new Date(row.listing_starts_at).toISOString(), listingEndsAt: new Date(row.listing_ends_at).toISOString() });

    // the listing runs to its shifted end and sells; the result is public from the end, with the winner's name
    await waitFor(async () => (await t.http.get(`/public/lots/${a.body.lotId}`)).body.phase === 'listing', 20000, 'the listing');
    expect((await t.http.post(`/lots/${a.body.lotId}/bids`, { price: '5100000.00', clientKey: 'history-land-bid-0001' }, bidder.token)).status).toBe(201);
    const ended = await waitFor(async () => ((await history(id)).versions.find((v) => v.action === 'land.ended') ?? null), 40000, 'the end of the listing');
    expect(ended.changes).toEqual(expect.arrayContaining([{ field: 'parcel.status', from: 'announced', to: 'ended' }]));
    expect((await stateAt(id, before(ended.at))).parcel.result).toBeNull();
    expect((await stateAt(id, ended.at)).parcel).toMatchObject({ status: 'ended', result: { outcome: 'sold', winnerName: '闽江置业有限公司', price: '5100000.00', endedAt: ended.at, publicityUntil: expect.any(String) } });
    // the lot is versioned too: the listing's start, the bid by paddle only, the end with the winning paddle
    const lotVersions = (await history(id)).versions.filter((v) => v.action.startsWith('lot.'));
    expect(lotVersions.map((v) => v.action)).toEqual(expect.arrayContaining(['lot.created', 'lot.listing_started', 'lot.bid_accepted', 'lot.ended']));
    const bid = lotVersions.find((v) => v.action === 'lot.bid_accepted')!;
    expect(bid.changes).toEqual(expect.arrayContaining([{ field: 'lots[0].highest', from: null, to: '5100000.00' }, { field: 'lots[0].leaderPaddle', from: null, to: expect.any(Number) }]));
    expect((await stateAt(id, bid.at)).lots[0]).toMatchObject({ phase: 'listing', bids: 1, highest: '5100000.00', result: null });
    expect((await stateAt(id, ended.at)).notices.map((n: { kind: string }) => n.kind)).toEqual(expect.arrayContaining(['announcement', 'suspension', 'resumption', 'result']));
    expect(JSON.stringify(await history(id))).not.toMatch(/ZZ-HISTORY|5050000/);
  }, 120000);

  it('a rural listing suspended and resumed: the original round end before the resumption, the shifted one after', async () => {
    const reg = await t.http.post(
      '/rural/deals',
      { name: '西岭村 30 亩林地经营权流转', kind: 'forest_rights', region: '350121', description: '西岭村后山林地', quantity: '30', unit: '亩', termMonths: 120, listingPrice: '100000.00', increment: '1000.00', deposit: '5000.00' },
      owner.token,
    );
    expect(reg.status).toBe(201);
    const id = reg.body.id as string;
    expect((await postForm(t, `/rural/deals/${id}/resolution`, owner.token, { body: 'representatives_meeting', votesFor: '40', votesTotal: '45', date: '2026-11-05' }, { name: '决议.pdf', content: Buffer.from('%PDF 决议') })).status).toBe(201);
    expect((await postForm(t, `/rural/deals/${id}/approval`, owner.token, { authority: '闽侯县西岭镇人民政府', date: '2026-11-10' }, { name: '审核意见.pdf', content: Buffer.from('%PDF 同意') })).status).toBe(201);
    expect((await t.http.post(`/rural/deals/${id}/list`, {}, centre)).status).toBe(200);
    const [listing] = await t.ds.query(`SELECT ends_at FROM rural_listing WHERE project_id = $1 AND round = 1`, [id]);
    const due = new Date(listing.ends_at).toISOString();

    await suspendAndResume(id, 1500);
    const [after] = await t.ds.query(`SELECT ends_at FROM rural_listing WHERE project_id = $1 AND round = 1`, [id]);
    const shifted = new Date(after.ends_at).toISOString();
    expect(shifted).not.toBe(due);

    const h = await history(id);
    const listed = h.versions.find((v) => v.action === 'rural.listed')!;
    expect(listed.changes).toEqual(expect.arrayContaining([{ field: 'deal.status', from: null, to: 'listing' }, { field: 'deal.round', from: null, to: 1 }, { field: 'deal.listingEndsAt', from: null, to: due }]));
    const resumed = h.versions.find((v) => v.action === 'project.resumed')!;
    expect(resumed.changes).toContainEqual({ field: 'deal.listingEndsAt', from: due, to: shifted });
    expect(await stateAt(id, before(resumed.at))).toMatchObject({ projectStatus: 'suspended', deal: { status: 'listing', round: 1, listingEndsAt: due, result: null } });
    expect((await stateAt(id, resumed.at)).deal).toMatchObject({ status: 'listing', round: 1, listingEndsAt: shifted });
  }, 60000);

  it('an e-mall round suspended and resumed: the original quote deadline before the resumption, the shifted one after', async () => {
    const [line] = await t.ds.query(`INSERT INTO budget_line (organisation_id, code, name, year, amount_fen, created_by) VALUES ($1, 'ZB-2026-H01', '办公设备购置', 2026, 1000000000, $2) RETURNING id`, [owner.organisationId, owner.id]);
    const pub = await t.http.post(
      '/procurement/requirements',
      { title: '办公打印机采购', categoryCode: 'A02.01.02', items: [{ description: '激光打印机', quantity: 20, unit: '台' }], deliveryRegion: '350102', deliveryDate: '2099-12-31', maxPrice: '1500000.00', budgetLineId: line.id, ruleSet: 'sandbox' },
      owner.token,
    );
    expect(pub.status).toBe(201);
    const [req] = await t.ds.query(`SELECT project_id, quote_deadline FROM procurement_requirement WHERE id = $1`, [pub.body.id]);
    const id = req.project_id as string;
    const deadline = new Date(req.quote_deadline).toISOString();

    await suspendAndResume(id, 1500);
    const [after] = await t.ds.query(`SELECT quote_deadline FROM procurement_requirement WHERE id = $1`, [pub.body.id]);
    const shifted = new Date(after.quote_deadline).toISOString();
    expect(shifted).not.toBe(deadline);

    const h = await history(id);
    expect(h.versions.find((v) => v.action === 'procurement.requirement_published')!.changes).toEqual(
      expect.arrayContaining([{ field: 'requirement.status', from: null, to: 'quoting' }, { field: 'requirement.quoteDeadline', from: null, to: deadline }]),
    );
    const resumed = h.versions.find((v) => v.action === 'project.resumed')!;
    expect(resumed.changes).toContainEqual({ field: 'requirement.quoteDeadline', from: deadline, to: shifted });
    expect((await stateAt(id, before(resumed.at))).requirement).toEqual({ status: 'quoting', round: 1, quoteDeadline: deadline, award: null });
    expect((await stateAt(id, resumed.at)).requirement).toEqual({ status: 'quoting', round: 1, quoteDeadline: shifted, award: null });
  }, 60000);
});
