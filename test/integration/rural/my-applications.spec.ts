import { Role, TradingDomain } from '@app/platform/auth/roles';
import { postForm } from '../../support/tender-fixtures';
import { startTestApp, TestAccount, TestApp } from '../../support/test-app';

// GET /rural/applications/mine: a transferee's 受让报名 across deals, with the deposit, its confirmation and its own
// paddle, through HTTP on a fresh database (no worker: the listings outlast the test).
describe('my rural applications', () => {
  let t: TestApp;
  let centre: string;
  let office: string;
  let regulator: string;
  let owner: TestAccount;
  let buyer: TestAccount;
  let rival: TestAccount;
  const deals: { id: string; code: string }[] = [];

  const registration = (name: string) => ({
    name,
    kind: 'land_management',
    region: '350121',
    description: '东至水渠,西至村道,南至山脚,北至二组田;现状水田,限农业用途',
    quantity: '120.5',
    unit: '亩',
    termMonths: 120,
    listingPrice: '360000.00',
    increment: '1000.00',
    deposit: '20000.00',
    ruleSet: 'sandbox',
  });
  const apply = (id: string, who: TestAccount, reference: string) => t.http.post(`/rural/deals/${id}/applications`, { method: 'transfer', reference, payerAccount: '6222020200112233445', amount: '20000.00' }, who.token);
  const mine = (token: string | undefined, query = '') => t.http.get(`/rural/applications/mine${query}`, token);

  beforeAll(async () => {
    t = await startTestApp('rural-my-applications');
    centre = (await t.account([Role.Centre])).token;
    office = (await t.account([Role.Office])).token;
    regulator = (await t.account([{ role: Role.Regulator, domain: TradingDomain.Rural }])).token;
    owner = await t.account([Role.Owner]);
    buyer = await t.account([Role.Bidder]);
    rival = await t.account([Role.Bidder]);
    const committee = (await t.account([Role.Committee])).token;
    const changes = { periods: { listing: { value: 3600, unit: 's' }, resultPublicity: { value: 2, unit: 's' }, depositRefund: { value: 30, unit: 's' } } };
    const draft = await t.http.post('/rule-sets', { domain: 'rural', name: '农村产权测试(秒)', sandbox: true, changes }, committee);
    expect((await t.http.post(`/rule-sets/${draft.body.id}/publish`, {}, committee)).status).toBe(200);
    for (const name of ['东山村一组 120.5 亩耕地经营权流转', '西山村集体林地经营权流转']) {
      const reg = await t.http.post('/rural/deals', registration(name), owner.token);
      expect(reg.status).toBe(201);
      const res = await postForm(t, `/rural/deals/${reg.body.id}/resolution`, owner.token, { body: 'representatives_meeting', votesFor: '30', votesTotal: '45', date: '2026-01-05' }, { name: '决议.pdf', content: Buffer.from('%PDF 决议') });
      expect(res.status).toBe(201);
      expect((await postForm(t, `/rural/deals/${reg.body.id}/approval`, owner.token, { authority: '闽侯县东山镇人民政府', date: '2026-01-10' }, { name: '审核意见.pdf', content: Buffer.from('%PDF 同意') })).status).toBe(201);
      expect((await t.http.post(`/rural/deals/${reg.body.id}/list`, {}, centre)).status).toBe(200);
      deals.push({ id: reg.body.id, code: reg.body.code });
    }
  }, 60000);

  afterAll(() => t?.close());

  it('lists the applicant its own applications, newest first, and follows the deposit to qualification and refund', async () => {
    expect((await mine(buyer.token)).body).toEqual({ items: [], total: 0, page: 1, pageSize: 20 });
    const [east, west] = deals;
    const a1 = await apply(east.id, buyer, 'NC-0001');
    expect(a1.status).toBe(201);
    const a2 = await apply(west.id, buyer, 'NC-0002');
    expect(a2.status).toBe(201);
    const r1 = await apply(east.id, rival, 'NC-9001');
    expect(r1.status).toBe(201);

    const r = await mine(buyer.token);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ total: 2, page: 1, pageSize: 20 });
    expect(r.body.items.map((i: { id: string }) => i.id)).toEqual([a2.body.id, a1.body.id]);
    expect(r.body.items[1]).toEqual({
      id: a1.body.id,
      dealId: east.id,
      code: east.code,
      name: '东山村一组 120.5 亩耕地经营权流转',
      kind: 'land_management',
      kindName: expect.any(String),
      dealStatus: 'listing',
      round: 1,
      dealRound: 1,
      lotId: expect.any(String),
      listingStartsAt: expect.any(String),
      listingEndsAt: expect.any(String),
      listingOutcome: null,
      won: false,
      method: 'transfer',
      reference: 'NC-0001',
      amount: '20000.00',
      status: 'declared',
      paddle: null,
      declaredAt: expect.any(String),
      confirmedAt: null,
      refundDue: null,
      refundedAt: null,
    });
    expect((await mine(rival.token)).body).toMatchObject({ total: 1, items: [{ id: r1.body.id, reference: 'NC-9001' }] });

    expect((await t.http.post(`/rural/applications/${a1.body.id}/confirm`, {}, centre)).status).toBe(200);
    expect((await t.http.post(`/rural/applications/${r1.body.id}/confirm`, {}, centre)).status).toBe(200);
    const own = (await mine(buyer.token)).body.items[1];
    const theirs = (await mine(rival.token)).body.items[0];
    expect(own).toMatchObject({ status: 'qualified', paddle: expect.any(Number), confirmedAt: expect.any(String) });
    expect(theirs.paddle).not.toBe(own.paddle);
    expect(JSON.stringify((await mine(buyer.token)).body)).not.toContain(rival.organisationId);

    // the closing makes a deposit refundable (set as it would), the centre records the refund
    await t.ds.query(`UPDATE rural_application SET status = 'refund_due', refund_due = now() + interval '1 day' WHERE id = $1`, [a2.body.id]);
    expect((await mine(buyer.token)).body.items[0]).toMatchObject({ status: 'refund_due', refundDue: expect.any(String) });
    expect((await t.http.post(`/rural/applications/${a2.body.id}/refund`, { reference: 'TK2026120100002' }, centre)).status).toBe(200);
    expect((await mine(buyer.token)).body.items[0]).toMatchObject({ status: 'refunded', refundedAt: expect.any(String) });
  });

  it('filters by status and pages', async () => {
    expect((await mine(buyer.token, '?status=qualified')).body).toMatchObject({ total: 1, items: [{ dealId: deals[0].id }] });
    expect((await mine(buyer.token, '?status=refunded')).body).toMatchObject({ total: 1, items: [{ dealId: deals[1].id }] });
    expect((await mine(buyer.token, '?status=declared')).body).toMatchObject({ total: 0, items: [] });
    const all = (await mine(buyer.token)).body.items;
    const first = await mine(buyer.token, '?pageSize=1');
    const second = await mine(buyer.token, '?page=2&pageSize=1');
    expect([...first.body.items, ...second.body.items]).toEqual(all);
  });

  it('refuses other roles, anonymous callers and bad queries, changing nothing', async () => {
    const before = await t.snapshot();
    for (const token of [centre, office, regulator, owner.token]) {
      const r = await mine(token);
      expect([r.status, r.body.code]).toEqual([403, 'FORBIDDEN_ROLE']);
    }
    expect((await mine(undefined)).status).toBe(401);
    for (const q of ['?status=rejected', '?page=-1', '?pageSize=0', '?dealId=' + deals[0].id]) {
      const r = await mine(buyer.token, q);
      expect([q, r.status, r.body.code]).toEqual([q, 400, 'VALIDATION_FAILED']);
    }
    expect(await t.snapshot()).toEqual(before);
  });
});
