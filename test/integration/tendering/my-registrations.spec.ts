import { Role, TradingDomain } from '@app/platform/auth/roles';
import { openedSection } from '../../support/evaluation-fixtures';
import { fastTenderingRules, postForm } from '../../support/tender-fixtures';
import { startTestApp, TestAccount, TestApp } from '../../support/test-app';

// GET /tenders/registrations/mine: a bidder's registrations across tenders, per section, with its deposit and the
// receipt of its bid — never a price — through HTTP on a fresh database.
describe('my registrations and deposits (tendering)', () => {
  let t: TestApp;
  let centre: string;
  let office: string;
  let regulator: string;
  let committee: string;
  let agent: TestAccount;
  let owner: TestAccount;
  let bidder: TestAccount;
  let rival: TestAccount;
  let hospital: { id: string; code: string };
  let school: { id: string; code: string };

  const inSeconds = (s: number) => new Date(Date.now() + s * 1000).toISOString();
  const registration = (name: string, sections: { name: string; estimate: string; deposit: string }[]) => ({
    name,
    kind: 'construction',
    region: '350102',
    qualification: '建筑工程施工总承包二级及以上资质',
    evaluationMethod: 'comprehensive',
    sections,
    ownerOrganisationId: owner.organisationId,
    ruleSet: 'sandbox',
  });
  const announced = async (name: string, sections: { name: string; estimate: string; deposit: string }[]) => {
    const reg = await t.http.post('/tenders', registration(name, sections), agent.token);
    expect(reg.status).toBe(201);
    expect((await t.http.post(`/tenders/${reg.body.id}/accept`, {}, centre)).status).toBe(200);
    expect((await postForm(t, `/tenders/${reg.body.id}/documents`, agent.token, {}, { name: '招标文件.pdf', content: Buffer.from('%PDF 招标文件') })).status).toBe(201);
    const a = await t.http.post(`/tenders/${reg.body.id}/announce`, { bidDeadline: inSeconds(3600) }, centre);
    expect(a.status).toBe(200);
    return { id: a.body.id as string, code: a.body.code as string };
  };
  const mine = (token: string | undefined, query = '') => t.http.get(`/tenders/registrations/mine${query}`, token);

  beforeAll(async () => {
    t = await startTestApp('tender-my-registrations');
    centre = (await t.account([Role.Centre])).token;
    office = (await t.account([Role.Office])).token;
    regulator = (await t.account([{ role: Role.Regulator, domain: TradingDomain.Tendering }])).token;
    committee = (await t.account([Role.Committee])).token;
    agent = await t.account([Role.Agent], { organisationId: await t.organisation('华诚招标代理有限公司') });
    owner = await t.account([Role.Owner], { organisationId: await t.organisation('市第一人民医院') });
    bidder = await t.account([Role.Bidder], { organisationId: await t.organisation('福建建工集团有限公司') });
    rival = await t.account([Role.Bidder], { organisationId: await t.organisation('中建海峡建设发展有限公司') });
    await fastTenderingRules(t, committee, { bidPreparation: 12, clarificationBeforeDeadline: 20, openingObjectionWindow: 30, depositRefund: 30 });
    hospital = await announced('市第一人民医院新院区建设工程', [
      { name: '一标段:主体结构', estimate: '10000000.00', deposit: '200000.00' },
      { name: '二标段:机电安装', estimate: '3000000.00', deposit: '60000.00' },
    ]);
    school = await announced('市第二中学教学楼改扩建工程', [{ name: '一标段', estimate: '5000000.00', deposit: '100000.00' }]);
  }, 60000);

  afterAll(() => t?.close());

  it('lists nothing before a registration, then each section of each tender registered for, newest first', async () => {
    expect((await mine(bidder.token)).body).toEqual({ items: [], total: 0, page: 1, pageSize: 20 });
    expect((await t.http.post(`/tenders/${hospital.id}/registrations`, {}, bidder.token)).status).toBe(200);
    expect((await t.http.post(`/tenders/${school.id}/registrations`, {}, bidder.token)).status).toBe(200);
    expect((await t.http.post(`/tenders/${school.id}/registrations`, {}, rival.token)).status).toBe(200);

    const r = await mine(bidder.token);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ total: 3, page: 1, pageSize: 20 });
    expect(r.body.items.map((i: { code: string; sectionNo: number }) => [i.code, i.sectionNo])).toEqual([
      [school.code, 1],
      [hospital.code, 1],
      [hospital.code, 2],
    ]);
    expect(r.body.items[1]).toEqual({
      projectId: hospital.id,
      code: hospital.code,
      name: '市第一人民医院新院区建设工程',
      tenderStatus: 'bidding',
      bidDeadline: expect.any(String),
      openedAt: null,
      registeredAt: expect.any(String),
      sectionNo: 1,
      sectionName: '一标段:主体结构',
      sectionStatus: 'open',
      requiredDeposit: '200000.00',
      deposit: null,
      bid: null,
    });
    // the rival sees its own one registration, none of the bidder's
    const theirs = await mine(rival.token);
    expect(theirs.body).toMatchObject({ total: 1, items: [{ projectId: school.id, sectionNo: 1 }] });
  });

  it('follows the deposit and the bid through the lifecycle, never showing the price', async () => {
    const row = async (who: TestAccount, projectId: string, no: number) =>
      (await mine(who.token)).body.items.find((i: { projectId: string; sectionNo: number }) => i.projectId === projectId && i.sectionNo === no);

    const d = await t.http.post(`/tenders/${hospital.id}/sections/1/deposits`, { method: 'guarantee', reference: 'BH20260001', amount: '200000.00' }, bidder.token);
    expect(d.status).toBe(201);
    expect((await row(bidder, hospital.id, 1)).deposit).toEqual({
      id: d.body.id,
      method: 'guarantee',
      reference: 'BH20260001',
      amount: '200000.00',
      status: 'declared',
      declaredAt: expect.any(String),
      confirmedAt: null,
      refundDue: null,
      refundedAt: null,
      releasedAt: null,
    });
    expect((await row(bidder, hospital.id, 2)).deposit).toBeNull();

    expect((await t.http.post(`/tenders/deposits/${d.body.id}/confirm`, {}, centre)).status).toBe(200);
    expect((await row(bidder, hospital.id, 1)).deposit).toMatchObject({ status: 'confirmed', confirmedAt: expect.any(String) });

    const first = await postForm(t, `/tenders/${hospital.id}/sections/1/bids`, bidder.token, { price: '9650000.00' }, { name: '投标文件.pdf', content: Buffer.from('%PDF 投标文件 第一版') });
    expect(first.status).toBe(201);
    expect((await row(bidder, hospital.id, 1)).bid).toEqual({
      receiptNo: first.body.receiptNo,
      status: 'submitted',
      submittedAt: first.body.receivedAt, // the time that counts: when the server had the whole bid
      bidDigest: first.body.bidDigest,
      documentsSha256: first.body.documentsSha256,
      withdrawnAt: null,
    });
    // a resubmission replaces the receipt shown; a withdrawal shows as withdrawn
    const second = await postForm(t, `/tenders/${hospital.id}/sections/1/bids`, bidder.token, { price: '9640000.00' }, { name: '投标文件.pdf', content: Buffer.from('%PDF 投标文件 第二版') });
    expect(second.status).toBe(201);
    expect((await row(bidder, hospital.id, 1)).bid).toMatchObject({ receiptNo: second.body.receiptNo, status: 'submitted', bidDigest: second.body.bidDigest });
    expect((await t.http.post(`/tenders/${hospital.id}/bids/${second.body.receiptNo}/withdraw`, {}, bidder.token)).status).toBe(200);
    expect((await row(bidder, hospital.id, 1)).bid).toMatchObject({ receiptNo: second.body.receiptNo, status: 'withdrawn', withdrawnAt: expect.any(String) });
    const third = await postForm(t, `/tenders/${hospital.id}/sections/1/bids`, bidder.token, { price: '9630000.00' }, { name: '投标文件.pdf', content: Buffer.from('%PDF 投标文件 第三版') });
    expect((await row(bidder, hospital.id, 1)).bid).toMatchObject({ receiptNo: third.body.receiptNo, status: 'submitted' });

    const body = JSON.stringify((await mine(bidder.token)).body);
    for (const price of ['9650000', '9640000', '9630000', '965000000', '964000000', '963000000']) expect(body).not.toContain(price);
    // the rival's list stays its own
    expect((await row(rival, school.id, 1)).deposit).toBeNull();
    expect((await mine(rival.token)).body.total).toBe(1);

    // withdrawn before the deadline, the e-guarantee falls due and the centre releases it (条例 35)
    expect((await t.http.post(`/tenders/${hospital.id}/bids/${third.body.receiptNo}/withdraw`, {}, bidder.token)).status).toBe(200);
    expect((await t.http.post(`/tenders/deposits/${d.body.id}/release`, {}, centre)).status).toBe(200);
    expect((await row(bidder, hospital.id, 1)).deposit).toMatchObject({ status: 'released', releasedAt: expect.any(String) });
  });

  it('after the opening shows the opened section and still no price', async () => {
    const x = await openedSection(t, owner, ['1000000.00', '980000.00'], { name: '城北水厂扩建工程' });
    const [opened] = x.bidders;
    const r = await mine(opened.token);
    expect(r.body.total).toBe(1);
    expect(r.body.items[0]).toMatchObject({ projectId: x.projectId, tenderStatus: 'opened', openedAt: expect.any(String), sectionStatus: 'opened', deposit: { status: 'confirmed', amount: '20000.00' }, bid: { receiptNo: x.bidIds[0], status: 'submitted' } });
    expect(JSON.stringify(r.body)).not.toMatch(/1000000|100000000/);
    expect(Object.keys(r.body.items[0].bid)).not.toContain('price');
    // the fixture's bidders are not in the first bidder's list
    expect((await mine(bidder.token)).body.items.map((i: { projectId: string }) => i.projectId)).not.toContain(x.projectId);
  });

  it('filters by the tender status and pages', async () => {
    expect((await mine(bidder.token, '?status=bidding')).body.total).toBe(3);
    expect((await mine(bidder.token, '?status=opened')).body).toMatchObject({ items: [], total: 0 });
    const all = (await mine(bidder.token)).body.items;
    const first = await mine(bidder.token, '?page=1&pageSize=2');
    const second = await mine(bidder.token, '?page=2&pageSize=2');
    expect(first.body).toMatchObject({ total: 3, page: 1, pageSize: 2 });
    expect([...first.body.items, ...second.body.items]).toEqual(all);
    expect((await mine(bidder.token, '?page=3&pageSize=2')).body).toMatchObject({ items: [], total: 3 });
  });

  it('refuses other roles, anonymous callers and bad queries, changing nothing', async () => {
    const before = await t.snapshot();
    for (const token of [centre, office, regulator, committee, owner.token, agent.token]) {
      const r = await mine(token);
      expect([r.status, r.body.code]).toEqual([403, 'FORBIDDEN_ROLE']);
    }
    expect((await mine(undefined)).status).toBe(401);
    for (const q of ['?status=draft', '?status=', '?page=0', '?pageSize=101', '?pageSize=x', '?organisationId=' + rival.organisationId]) {
      const r = await mine(bidder.token, q);
      expect([q, r.status, r.body.code]).toEqual([q, 400, 'VALIDATION_FAILED']);
      expect(r.body.message).toEqual({ zh: '请求参数不合法', en: 'The request is not valid' });
    }
    expect(await t.snapshot()).toEqual(before);
  });
});
