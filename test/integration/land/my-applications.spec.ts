import { createHash } from 'node:crypto';
import { Role, TradingDomain } from '@app/platform/auth/roles';
import { postForm } from '../../support/tender-fixtures';
import { startTestApp, TestAccount, TestApp } from '../../support/test-app';

// GET /land/applications/mine: a buyer's 竞买申请 across parcels with the qualification, the deposit and its own
// paddle, through HTTP on a fresh database (no worker: the listings start long after the test).
describe('my land applications', () => {
  let t: TestApp;
  let centre: string;
  let office: string;
  let regulator: string;
  let owner: TestAccount;
  let buyer: TestAccount;
  let rival: TestAccount;
  const parcels: { id: string; code: string }[] = [];

  const inSeconds = (s: number) => new Date(Date.now() + s * 1000);
  const registration = (name: string) => ({
    name,
    region: '350102',
    location: '鼓楼区东街以南、八一七路以东',
    area: '35000.50',
    use: 'residential',
    termYears: 70,
    plotRatio: '2.50',
    mode: 'listing',
    startPrice: '10000000.00',
    increment: { fixed: '100000.00' },
    deposit: '2000000.00',
    ruleSet: 'sandbox',
  });
  const apply = (parcelId: string, who: TestAccount, reference: string) =>
    postForm(t, `/land/parcels/${parcelId}/applications`, who.token, { depositMethod: 'transfer', depositReference: reference, depositAmount: '2000000.00' }, { name: '竞买申请书.pdf', content: Buffer.from(`%PDF 竞买申请 ${reference}`) });
  const mine = (token: string | undefined, query = '') => t.http.get(`/land/applications/mine${query}`, token);

  beforeAll(async () => {
    t = await startTestApp('land-my-applications');
    centre = (await t.account([Role.Centre])).token;
    office = (await t.account([Role.Office])).token;
    regulator = (await t.account([{ role: Role.Regulator, domain: TradingDomain.Land }])).token;
    owner = await t.account([Role.Owner]);
    buyer = await t.account([Role.Bidder]);
    rival = await t.account([Role.Bidder]);
    const committee = (await t.account([Role.Committee])).token;
    const changes = { periods: { announcementBeforeListing: { value: 2, unit: 's' }, listing: { value: 4, unit: 's' }, resultPublicity: { value: 30, unit: 's' }, depositRefund: { value: 20, unit: 's' } } };
    const draft = await t.http.post('/rule-sets', { domain: 'land', name: '土地出让测试(秒)', sandbox: true, changes }, committee);
    expect((await t.http.post(`/rule-sets/${draft.body.id}/publish`, {}, committee)).status).toBe(200);
    for (const name of ['城东片区 2026-03 号地块', '城西片区 2026-07 号地块']) {
      const reg = await t.http.post('/land/parcels', registration(name), owner.token);
      expect(reg.status).toBe(201);
      const a = await t.http.post(`/land/parcels/${reg.body.id}/announce`, { listingStartsAt: inSeconds(3600).toISOString(), listingEndsAt: inSeconds(7200).toISOString() }, centre);
      expect(a.status).toBe(200);
      parcels.push({ id: reg.body.id, code: reg.body.code });
    }
  }, 60000);

  afterAll(() => t?.close());

  it('lists the buyer its own applications, newest first, and follows the qualification and the deposit', async () => {
    expect((await mine(buyer.token)).body).toEqual({ items: [], total: 0, page: 1, pageSize: 20 });
    const [east, west] = parcels;
    const a1 = await apply(east.id, buyer, 'ZZ-0001');
    expect(a1.status).toBe(201);
    const a2 = await apply(west.id, buyer, 'ZZ-0002');
    expect(a2.status).toBe(201);
    const r1 = await apply(east.id, rival, 'ZZ-9001');
    expect(r1.status).toBe(201);

    const r = await mine(buyer.token);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ total: 2, page: 1, pageSize: 20 });
    expect(r.body.items.map((i: { id: string }) => i.id)).toEqual([a2.body.id, a1.body.id]);
    expect(r.body.items[1]).toEqual({
      id: a1.body.id,
      parcelId: east.id,
      code: east.code,
      name: '城东片区 2026-03 号地块',
      location: '鼓楼区东街以南、八一七路以东',
      mode: 'listing',
      phase: 'announced',
      lotId: expect.any(String),
      listingStartsAt: expect.any(String),
      listingEndsAt: expect.any(String),
      auctionAt: null,
      outcome: null,
      won: false,
      status: 'submitted',
      rejectReason: null,
      decidedAt: null,
      paddle: null,
      continueDeclaredAt: null,
      fileName: '竞买申请书.pdf',
      sha256: createHash('sha256').update('%PDF 竞买申请 ZZ-0001').digest('hex'),
      deposit: { method: 'transfer', reference: 'ZZ-0001', amount: '2000000.00', status: 'held', refundDue: null, refundedAt: null },
      appliedAt: expect.any(String),
    });
    expect((await mine(rival.token)).body).toMatchObject({ total: 1, items: [{ id: r1.body.id, deposit: { reference: 'ZZ-9001' } }] });

    // qualified: the applicant sees its paddle here (the centre's answer leaves it out); rejected: the reason
    const q = await t.http.post(`/land/applications/${a1.body.id}/qualify`, {}, centre);
    expect(q.body).toMatchObject({ status: 'qualified', paddle: null });
    expect((await t.http.post(`/land/applications/${r1.body.id}/qualify`, {}, centre)).status).toBe(200);
    expect((await t.http.post(`/land/applications/${a2.body.id}/reject`, { reason: '保证金未到账' }, centre)).status).toBe(200);
    const [west1, east1] = (await mine(buyer.token)).body.items;
    const own = (await t.http.get(`/land/parcels/${east.id}/applications/mine`, buyer.token)).body.paddle;
    expect(own).toBeGreaterThanOrEqual(1001);
    expect(east1).toMatchObject({ status: 'qualified', paddle: own, decidedAt: expect.any(String) });
    expect(west1).toMatchObject({ status: 'rejected', rejectReason: '保证金未到账', paddle: null });
    const rivalPaddle = (await mine(rival.token)).body.items[0].paddle;
    expect(rivalPaddle).not.toBe(own);
    expect(JSON.stringify((await mine(buyer.token)).body)).not.toContain(rival.organisationId);

    // the end makes the deposit refundable (set as the closing would), the centre records the refund
    await t.ds.query(`UPDATE land_application SET deposit_status = 'refund_due', refund_due = now() + interval '1 day' WHERE id = $1`, [a1.body.id]);
    expect((await mine(buyer.token)).body.items[1].deposit).toMatchObject({ status: 'refund_due', refundDue: expect.any(String), refundedAt: null });
    expect((await t.http.post(`/land/applications/${a1.body.id}/refund`, { reference: 'TK2026120100001' }, centre)).status).toBe(200);
    expect((await mine(buyer.token)).body.items[1].deposit).toMatchObject({ status: 'refunded', refundedAt: expect.any(String) });
  });

  it('filters by the qualification status and pages', async () => {
    expect((await mine(buyer.token, '?status=qualified')).body).toMatchObject({ total: 1, items: [{ parcelId: parcels[0].id }] });
    expect((await mine(buyer.token, '?status=rejected')).body).toMatchObject({ total: 1, items: [{ parcelId: parcels[1].id }] });
    expect((await mine(buyer.token, '?status=submitted')).body).toMatchObject({ total: 0, items: [] });
    const all = (await mine(buyer.token)).body.items;
    const first = await mine(buyer.token, '?pageSize=1');
    const second = await mine(buyer.token, '?page=2&pageSize=1');
    expect([...first.body.items, ...second.body.items]).toEqual(all);
    expect(second.body).toMatchObject({ total: 2, page: 2, pageSize: 1 });
  });

  it('refuses other roles, anonymous callers and bad queries, changing nothing', async () => {
    const before = await t.snapshot();
    for (const token of [centre, office, regulator, owner.token]) {
      const r = await mine(token);
      expect([r.status, r.body.code]).toEqual([403, 'FORBIDDEN_ROLE']);
    }
    expect((await mine(undefined)).status).toBe(401);
    for (const q of ['?status=held', '?page=0', '?pageSize=101', '?page=1.5', '?parcelId=' + parcels[0].id]) {
      const r = await mine(buyer.token, q);
      expect([q, r.status, r.body.code]).toEqual([q, 400, 'VALIDATION_FAILED']);
    }
    expect(await t.snapshot()).toEqual(before);
  });
});
