import { Role, TradingDomain } from '@app/platform/auth/roles';
import { postForm } from '../../support/tender-fixtures';
import { startTestApp, TestAccount, TestApp } from '../../support/test-app';

// GET /rural/deals: the centre's desk over every deal, by status or by what waits for the centre; supervisors read it.
describe('the centre’s rural desk list', () => {
  let t: TestApp;
  let centre: string;
  let office: string;
  let ruralRegulator: string;
  let owner: TestAccount;
  let buyers: TestAccount[];
  const ids = { draft: '', listing: '', refunds: '' };

  const register = async (name: string) => {
    const r = await t.http.post(
      '/rural/deals',
      { name, kind: 'land_management', region: '350121', description: '现状水田,限农业用途', quantity: '50', unit: '亩', termMonths: 60, listingPrice: '150000.00', increment: '1000.00', deposit: '10000.00', ruleSet: 'sandbox' },
      owner.token,
    );
    expect(r.status).toBe(201);
    return r.body.id as string;
  };
  const listed = async (name: string) => {
    const id = await register(name);
    const doc = (n: string) => ({ name: n, content: Buffer.from(`%PDF ${n}`) });
    expect((await postForm(t, `/rural/deals/${id}/resolution`, owner.token, { body: 'representatives_meeting', votesFor: '30', votesTotal: '45', date: '2026-01-05' }, doc('决议.pdf'))).status).toBe(201);
    expect((await postForm(t, `/rural/deals/${id}/approval`, owner.token, { authority: '东山镇人民政府', date: '2026-01-10' }, doc('审批.pdf'))).status).toBe(201);
    expect((await t.http.post(`/rural/deals/${id}/list`, {}, centre)).status).toBe(200);
    return id;
  };
  const apply = async (id: string, who: TestAccount) => {
    const r = await t.http.post(`/rural/deals/${id}/applications`, { method: 'transfer', reference: `NC-${who.username}`, amount: '10000.00' }, who.token);
    expect(r.status).toBe(201);
    return r.body.id as string;
  };
  const desk = (token: string, query: object = {}) => t.http.get(`/rural/deals?${new URLSearchParams(Object.entries(query).map(([k, v]): [string, string] => [k, String(v)]))}`, token);
  const ids_ = (body: { items: { id: string }[] }) => body.items.map((x) => x.id);

  beforeAll(async () => {
    t = await startTestApp('rural-desk');
    centre = (await t.account([Role.Centre])).token;
    office = (await t.account([Role.Office])).token;
    ruralRegulator = (await t.account([{ role: Role.Regulator, domain: TradingDomain.Rural }])).token;
    owner = await t.account([Role.Owner]);
    buyers = [await t.account([Role.Bidder]), await t.account([Role.Bidder])];
    const committee = (await t.account([Role.Committee])).token;
    const draft = await t.http.post('/rule-sets', { domain: 'rural', name: '农村产权测试(秒)', sandbox: true, changes: { periods: { listing: { value: 3600, unit: 's' } } } }, committee);
    expect((await t.http.post(`/rule-sets/${draft.body.id}/publish`, {}, committee)).status).toBe(200);

    ids.refunds = await listed('三组鱼塘承包经营权(待退保证金)');
    ids.listing = await listed('二组林地经营权(挂牌中)');
    ids.draft = await register('一组耕地经营权(待挂牌)');
    const confirmed = await apply(ids.listing, buyers[0]);
    await apply(ids.listing, buyers[1]);
    expect((await t.http.post(`/rural/applications/${confirmed}/confirm`, {}, centre)).status).toBe(200);
    // A deposit falling due as the listing's end would leave it (the end needs a worker, tested in rural.spec.ts).
    const due = await apply(ids.refunds, buyers[0]);
    await t.ds.query(`UPDATE rural_application SET status = 'refund_due', refund_due = now() + interval '5 days' WHERE id = $1`, [due]);
    await t.ds.query(`UPDATE rural_deal SET updated_at = now() - interval '1 hour' WHERE project_id = $1`, [ids.refunds]);
  }, 60000);

  afterAll(() => t.close());

  it('lists every deal for the centre, latest change first, with the counts of what waits', async () => {
    const all = await desk(centre);
    expect(all.status).toBe(200);
    expect(all.body).toMatchObject({ total: 3, page: 1, pageSize: 20 });
    expect(ids_(all.body)).toEqual([ids.draft, ids.listing, ids.refunds]);
    expect(all.body.items[1]).toMatchObject({ status: 'listing', listingPrice: '150000.00', deposit: '10000.00', declaredApplications: 1, qualifiedApplications: 1, refundsDue: 0, kindName: { zh: expect.any(String) } });
    expect(all.body.items[1].listings[0]).toMatchObject({ round: 1, endsAt: expect.any(String) });
    expect(all.body.items[0]).toMatchObject({ status: 'draft', resolution: null, approval: null, declaredApplications: 0 });
    expect(all.body.items[2]).toMatchObject({ refundsDue: 1 });
  });

  it('filters by status and by what waits for the centre, and pages', async () => {
    const q = async (query: object) => ids_((await desk(centre, query)).body);
    expect(await q({ status: 'draft' })).toEqual([ids.draft]);
    expect(await q({ waiting: 'listing' })).toEqual([ids.draft]);
    expect(await q({ waiting: 'deposits' })).toEqual([ids.listing]);
    expect(await q({ waiting: 'refunds' })).toEqual([ids.refunds]);
    expect(await q({ status: 'contracted' })).toEqual([]);
    const second = await desk(centre, { page: 2, pageSize: 2 });
    expect(second.body).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect(ids_(second.body)).toEqual([ids.refunds]);
  });

  it('lets the office and the rural regulator read it and refuses everyone else', async () => {
    for (const token of [office, ruralRegulator]) expect((await desk(token)).body.total).toBe(3);
    const landRegulator = (await t.account([{ role: Role.Regulator, domain: TradingDomain.Land }])).token;
    const refused = await desk(landRegulator);
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ code: 'NOT_YOUR_DOMAIN', message: { zh: expect.any(String), en: expect.any(String) } });
    for (const roles of [[Role.Owner], [Role.Agent], [Role.Bidder], [Role.Expert], [Role.Committee]]) expect((await desk((await t.account(roles)).token)).status).toBe(403);
    expect((await t.http.get('/rural/deals')).status).toBe(401);
  });

  it('refuses a bad query with 400 and changes nothing', async () => {
    const before = await t.snapshot();
    for (const query of [{ status: 'sold' }, { waiting: 'everything' }, { page: 0 }, { pageSize: 101 }, { page: 'x' }, { extra: '1' }]) {
      const r = await desk(centre, query);
      expect(r.status).toBe(400);
      expect(r.body.message.zh).toEqual(expect.any(String));
    }
    expect(await t.snapshot()).toEqual(before);
  });
});
