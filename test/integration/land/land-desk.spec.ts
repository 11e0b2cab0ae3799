import { Role, TradingDomain } from '@app/platform/auth/roles';
import { postForm } from '../../support/tender-fixtures';
import { startTestApp, TestAccount, TestApp } from '../../support/test-app';

// GET /land/parcels: the centre's desk over every parcel, by status or by what waits for the centre; supervisors read it.
describe('the centre’s land desk list', () => {
  let t: TestApp;
  let centre: string;
  let office: string;
  let landRegulator: string;
  let owner: TestAccount;
  let buyers: TestAccount[];
  const ids: Record<'registered' | 'announced' | 'sold' | 'confirmed', string> = { registered: '', announced: '', sold: '', confirmed: '' };

  const registration = (name: string) => ({
    name,
    region: '350102',
    location: '鼓楼区东街以南',
    area: '20000.00',
    use: 'residential',
    termYears: 70,
    plotRatio: '2.00',
    mode: 'auction',
    startPrice: '10000000.00',
    increment: { fixed: '100000.00' },
    deposit: '2000000.00',
    ruleSet: 'sandbox',
  });
  const register = async (name: string) => {
    const r = await t.http.post('/land/parcels', registration(name), owner.token);
    expect(r.status).toBe(201);
    return r.body.id as string;
  };
  const announce = async (id: string) => expect((await t.http.post(`/land/parcels/${id}/announce`, { auctionAt: new Date(Date.now() + 3600_000).toISOString() }, centre)).status).toBe(200);
  const apply = async (id: string, who: TestAccount) => {
    const r = await postForm(t, `/land/parcels/${id}/applications`, who.token, { depositMethod: 'transfer', depositReference: `ZZ-${who.username}`, depositAmount: '2000000.00' }, { name: '竞买申请书.pdf', content: Buffer.from('%PDF 竞买申请书') });
    expect(r.status).toBe(201);
    return r.body.id as string;
  };

  beforeAll(async () => {
    t = await startTestApp('land-desk');
    centre = (await t.account([Role.Centre])).token;
    office = (await t.account([Role.Office])).token;
    landRegulator = (await t.account([{ role: Role.Regulator, domain: TradingDomain.Land }])).token;
    owner = await t.account([Role.Owner]);
    buyers = [await t.account([Role.Bidder]), await t.account([Role.Bidder])];
    const committee = (await t.account([Role.Committee])).token;
    const draft = await t.http.post('/rule-sets', { domain: 'land', name: '土地出让测试(秒)', sandbox: true, changes: { periods: { announcementBeforeListing: { value: 2, unit: 's' } } } }, committee);
    expect((await t.http.post(`/rule-sets/${draft.body.id}/publish`, {}, committee)).status).toBe(200);

    ids.confirmed = await register('一号地块(已确认)');
    ids.sold = await register('二号地块(成交待确认)');
    ids.announced = await register('三号地块(公告中)');
    ids.registered = await register('四号地块(待发布)');
    for (const id of [ids.confirmed, ids.sold, ids.announced]) await announce(id);
    // Two applications on the announced parcel: one decided by the centre, one waiting.
    const first = await apply(ids.announced, buyers[0]);
    await apply(ids.announced, buyers[1]);
    expect((await t.http.post(`/land/applications/${first}/qualify`, {}, centre)).status).toBe(200);
    // The ends of the other two as the worker would leave them (an end needs the live engine and a worker, tested in land.spec.ts).
    const loser = await apply(ids.sold, buyers[1]);
    expect((await t.http.post(`/land/applications/${loser}/qualify`, {}, centre)).status).toBe(200);
    await t.ds.query(`UPDATE land_parcel SET status = 'ended', outcome = 'sold', price_fen = 1010000000, ended_at = now() WHERE project_id = $1`, [ids.sold]);
    await t.ds.query(`UPDATE land_application SET deposit_status = 'refund_due', refund_due = now() + interval '5 days' WHERE id = $1`, [loser]);
    await t.ds.query(`UPDATE land_parcel SET status = 'confirmed', outcome = 'sold', confirmation_no = 'CJQR-TEST' WHERE project_id = $1`, [ids.confirmed]);
  }, 60000);

  afterAll(() => t.close());

  const names = (body: { items: { id: string }[] }) => body.items.map((x) => x.id);
  const desk = (token: string, query: object = {}) => t.http.get(`/land/parcels?${new URLSearchParams(Object.entries(query).map(([k, v]): [string, string] => [k, String(v)]))}`, token);

  it('lists every parcel for the centre, newest first, with the counts of what waits', async () => {
    const all = await t.http.get('/land/parcels', centre);
    expect(all.status).toBe(200);
    expect(all.body).toMatchObject({ total: 4, page: 1, pageSize: 20 });
    expect(names(all.body)).toEqual([ids.registered, ids.announced, ids.sold, ids.confirmed]);
    const announced = all.body.items.find((x: { id: string }) => x.id === ids.announced);
    expect(announced).toMatchObject({ status: 'announced', startPrice: '10000000.00', deposit: '2000000.00', submittedApplications: 1, qualifiedApplications: 1, refundsDue: 0 });
    expect(announced).not.toHaveProperty('reserveSealed');
    expect(all.body.items.find((x: { id: string }) => x.id === ids.sold)).toMatchObject({ refundsDue: 1, outcome: 'sold', price: '10100000.00' });
  });

  it('filters by status and by what waits for the centre, and pages', async () => {
    const q = async (query: object) => names((await desk(centre, query)).body);
    expect(await q({ status: 'registered' })).toEqual([ids.registered]);
    expect(await q({ waiting: 'announcement' })).toEqual([ids.registered]);
    expect(await q({ waiting: 'applications' })).toEqual([ids.announced]);
    expect(await q({ waiting: 'confirmation' })).toEqual([ids.sold]);
    expect(await q({ waiting: 'refunds' })).toEqual([ids.sold]);
    expect(await q({ status: 'confirmed', waiting: 'refunds' })).toEqual([]);
    const second = await desk(centre, { page: 2, pageSize: 3 });
    expect(second.body).toMatchObject({ total: 4, page: 2, pageSize: 3 });
    expect(names(second.body)).toEqual([ids.confirmed]);
  });

  it('lets the office and the land regulator read it and refuses everyone else', async () => {
    for (const token of [office, landRegulator]) expect((await t.http.get('/land/parcels', token)).body.total).toBe(4);
    const ruralRegulator = (await t.account([{ role: Role.Regulator, domain: TradingDomain.Rural }])).token;
    const refused = await t.http.get('/land/parcels', ruralRegulator);
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ code: 'NOT_YOUR_DOMAIN', message: { zh: expect.any(String), en: expect.any(String) } });
    for (const roles of [[Role.Owner], [Role.Agent], [Role.Bidder], [Role.Expert], [Role.Committee]]) {
      expect((await t.http.get('/land/parcels', (await t.account(roles)).token)).status).toBe(403);
    }
    expect((await t.http.get('/land/parcels')).status).toBe(401);
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
