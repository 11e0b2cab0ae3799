import { Role, TradingDomain } from '@app/platform/auth/roles';
import { openedSection } from '../../support/evaluation-fixtures';
import { startTestApp, TestAccount, TestApp } from '../../support/test-app';

// GET /tenders (the centre's desk, supervisors, the parties' own) and GET /tenders/evaluations/mine (an expert's way
// from a draw invitation to the evaluation form), through HTTP on a fresh database.
describe('tender lists', () => {
  let t: TestApp;
  let centre: string;
  let office: string;
  let regulator: string;
  let landRegulator: string;
  let committee: string;
  let bidder: string;
  let lonelyExpert: TestAccount;
  let ownerA: TestAccount;
  let ownerB: TestAccount;
  let agent: TestAccount;
  const ids: Record<'byAgent' | 'byOwnerA' | 'byOwnerB', string> = { byAgent: '', byOwnerA: '', byOwnerB: '' };

  const registration = (name: string, ownerOrganisationId?: string) => ({
    name,
    kind: 'construction',
    region: '350102',
    qualification: '建筑工程施工总承包二级及以上资质',
    evaluationMethod: 'comprehensive',
    sections: [
      { name: '一标段', estimate: '5000000.00', deposit: '100000.00' },
      { name: '二标段', estimate: '3000000.00', deposit: '60000.00' },
    ],
    ...(ownerOrganisationId ? { ownerOrganisationId } : {}),
  });

  beforeAll(async () => {
    t = await startTestApp('tender-lists');
    centre = (await t.account([Role.Centre])).token;
    office = (await t.account([Role.Office])).token;
    regulator = (await t.account([{ role: Role.Regulator, domain: TradingDomain.Tendering }])).token;
    landRegulator = (await t.account([{ role: Role.Regulator, domain: TradingDomain.Land }])).token;
    committee = (await t.account([Role.Committee])).token;
    bidder = (await t.account([Role.Bidder])).token;
    lonelyExpert = await t.account([Role.Expert], { organisationId: null });
    ownerA = await t.account([Role.Owner], { organisationId: await t.organisation('市教育局') });
    ownerB = await t.account([Role.Owner], { organisationId: await t.organisation('市水利局') });
    agent = await t.account([Role.Agent], { organisationId: await t.organisation('华诚招标代理有限公司') });
    // Registered in this order (newest first in the lists): the agent's for owner A, owner A's own, owner B's.
    for (const [key, body, token] of [
      ['byAgent', registration('市第二中学教学楼改扩建工程', ownerA.organisationId!), agent.token],
      ['byOwnerA', registration('市实验小学操场改造工程'), ownerA.token],
      ['byOwnerB', registration('城北水厂扩建工程'), ownerB.token],
    ] as const) {
      const r = await t.http.post('/tenders', body, token);
      expect(r.status).toBe(201);
      ids[key] = r.body.id;
    }
    expect((await t.http.post(`/tenders/${ids.byOwnerA}/accept`, {}, centre)).status).toBe(200);
    expect((await t.http.post(`/tenders/${ids.byOwnerB}/return`, { reasons: ['缺少资金来源证明'] }, centre)).status).toBe(200);
  }, 60000);

  afterAll(() => t?.close());

  const list = (token: string | undefined, query = '') => t.http.get(`/tenders${query}`, token);
  const idsOf = (body: { items: { id: string }[] }) => body.items.map((i) => i.id);

  it('shows the centre the registrations waiting for it, which the public list hides', async () => {
    const waiting = await list(centre, '?status=submitted');
    expect(waiting.status).toBe(200);
    expect(waiting.body).toMatchObject({ total: 1, page: 1, pageSize: 20 });
    expect(waiting.body.items).toEqual([
      expect.objectContaining({
        id: ids.byAgent,
        name: '市第二中学教学楼改扩建工程',
        status: 'submitted',
        ownerName: '市教育局',
        agentName: '华诚招标代理有限公司',
        estimate: '8000000.00',
        sectionCount: 2,
        documentCount: 0,
        bidDeadline: null,
        returnReasons: null,
      }),
    ]);
    expect(waiting.body.items[0].code).toMatch(/^GC-\d{4}-\d{6}$/);
    expect(new Date(waiting.body.items[0].registeredAt).getTime()).toBeLessThanOrEqual(Date.now() + 1000);
    expect(idsOf((await list(centre, '?status=accepted')).body)).toEqual([ids.byOwnerA]);
    expect((await list(centre, '?status=returned')).body.items).toEqual([expect.objectContaining({ id: ids.byOwnerB, returnReasons: ['缺少资金来源证明'] })]);
    expect((await list(centre, '?status=bidding')).body).toMatchObject({ items: [], total: 0 });
    const published = (await t.http.get('/public/tenders')).body.map((x: { id: string }) => x.id);
    for (const id of Object.values(ids)) expect(published).not.toContain(id);
  });

  it('pages newest registration first, with the total', async () => {
    const all = await list(centre);
    expect(all.body.total).toBe(3);
    expect(idsOf(all.body)).toEqual([ids.byOwnerB, ids.byOwnerA, ids.byAgent]);
    const first = await list(centre, '?page=1&pageSize=2');
    const second = await list(centre, '?page=2&pageSize=2');
    expect(first.body).toMatchObject({ total: 3, page: 1, pageSize: 2 });
    expect(second.body).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect([...idsOf(first.body), ...idsOf(second.body)]).toEqual(idsOf(all.body));
    expect((await list(centre, '?page=3&pageSize=2')).body).toMatchObject({ items: [], total: 3 });
  });

  it('lets the office and the tendering regulator read every tender; owners and agents only their own', async () => {
    for (const token of [office, regulator]) expect(idsOf((await list(token)).body)).toEqual([ids.byOwnerB, ids.byOwnerA, ids.byAgent]);
    expect(idsOf((await list(ownerA.token)).body)).toEqual([ids.byOwnerA, ids.byAgent]);
    expect(idsOf((await list(agent.token)).body)).toEqual([ids.byAgent]);
    expect((await list(ownerB.token)).body).toMatchObject({ total: 1, items: [{ id: ids.byOwnerB, status: 'returned' }] });
    expect((await list(ownerA.token, '?status=submitted')).body).toMatchObject({ total: 1, items: [{ id: ids.byAgent }] });
  });

  it('refuses other roles, a regulator of another domain and bad queries, changing nothing', async () => {
    const before = await t.snapshot();
    const outOfScope = await list(landRegulator);
    expect([outOfScope.status, outOfScope.body.code]).toEqual([403, 'PROJECT_NOT_IN_SCOPE']);
    expect(outOfScope.body.message.zh).toContain('监管领域');
    for (const token of [committee, bidder, lonelyExpert.token]) {
      const r = await list(token);
      expect([r.status, r.body.code]).toEqual([403, 'FORBIDDEN_ROLE']);
    }
    expect((await list(undefined)).status).toBe(401);
    for (const q of ['?status=draft', '?page=0', '?pageSize=101', '?pageSize=x', '?owner=me']) {
      const r = await list(centre, q);
      expect([q, r.status, r.body.code]).toEqual([q, 400, 'VALIDATION_FAILED']);
      expect(r.body.message).toEqual({ zh: '请求参数不合法', en: 'The request is not valid' });
    }
    expect(await t.snapshot()).toEqual(before);
  });

  it('shows an expert the sections it evaluates once the centre has started them, with its own progress', async () => {
    const x = await openedSection(t, ownerA, ['1000000.00', '980000.00', '990000.00']);
    const [expert] = x.experts;
    expect((await t.http.get('/tenders/evaluations/mine', expert.token)).body).toEqual([]);
    expect((await t.http.post(`${x.section}/evaluation`, { drawId: x.drawId }, centre)).status).toBe(200);

    const mine = await t.http.get('/tenders/evaluations/mine', expert.token);
    expect(mine.status).toBe(200);
    expect(mine.body).toEqual([
      { projectId: x.projectId, code: x.code, name: '市第二中学教学楼改扩建工程', evaluationMethod: 'comprehensive', sectionNo: 1, sectionName: '一标段:教学楼主体', sectionStatus: 'evaluating', drawId: x.drawId, bidCount: 3, scoredByMe: 0, reportedAt: null },
    ]);
    const sheet = (await t.http.get(`${x.section}/evaluation/bids`, expert.token)).body;
    const full = (c: { max: number }[]) => c.map((k) => Math.round(k.max * 0.8));
    expect((await t.http.put(`${x.section}/evaluation/bids/${x.bidIds[1]}/score`, { technical: full(sheet.criteria.technical), business: full(sheet.criteria.business) }, expert.token)).status).toBe(200);
    expect((await t.http.get('/tenders/evaluations/mine', expert.token)).body[0].scoredByMe).toBe(1);
    expect((await t.http.get('/tenders/evaluations/mine', x.experts[1].token)).body[0].scoredByMe).toBe(0);

    // An expert on no committee sees nothing; nobody else may ask.
    expect((await t.http.get('/tenders/evaluations/mine', lonelyExpert.token)).body).toEqual([]);
    for (const token of [centre, office, ownerA.token, bidder, committee]) {
      const r = await t.http.get('/tenders/evaluations/mine', token);
      expect([r.status, r.body.code]).toEqual([403, 'FORBIDDEN_ROLE']);
    }
    expect((await t.http.get('/tenders/evaluations/mine')).status).toBe(401);
    // The new tender does not leak into another owner's list.
    expect(idsOf((await list(ownerB.token)).body)).toEqual([ids.byOwnerB]);
  });
});
