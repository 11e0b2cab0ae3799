import { Role } from '@app/platform/auth/roles';
import { postForm } from '../../support/tender-fixtures';
import { startTestApp, TestAccount, TestApp } from '../../support/test-app';

const LIMIT = 25;

// 信用查询 by name for the public (no login): only organisations the platform has already published, the score alone,
// rate-limited per client address. docs/credit.md.
describe('the public credit search by organisation name', () => {
  let t: TestApp;
  let office: TestAccount;
  const orgs: Record<string, { id: string; uscc: string }> = {};
  let client = 0;
  /** Each test speaks from its own address (the api trusts the loopback proxy), so their counts stay apart. */
  let address = '';
  const search = (query: string, from = address) => t.http.request('GET', `/public/credit?${query}`, { headers: { 'x-forwarded-for': from } });
  const names = (res: { body: { items: { name: string }[] } }) => res.body.items.map((o) => o.name);
  const org = async (key: string, name: string) => {
    const id = await t.organisation(name);
    const [{ uscc }] = await t.ds.query(`SELECT trim(uscc) AS uscc FROM organisation WHERE id = $1`, [id]);
    orgs[key] = { id, uscc };
    return id;
  };

  beforeEach(() => {
    address = `203.0.113.${++client}`;
  });

  beforeAll(async () => {
    t = await startTestApp('public-credit-search', { TRUSTED_PROXIES: '127.0.0.1', PUBLIC_SEARCH_PER_MINUTE: String(LIMIT) });
    office = await t.account([Role.Office]);
    const centre = (await t.account([Role.Centre])).token;
    const owner = await t.account([Role.Owner], { organisationId: await org('owner', '闽江公示水务集团有限公司') });
    const agent = await t.account([Role.Agent], { organisationId: await org('agent', '闽江公示招标代理有限公司') });
    const hiddenOwner = await t.account([Role.Owner], { organisationId: await org('hiddenOwner', '闽江公示未发布建设有限公司') });
    const bidder = await t.account([Role.Bidder], { organisationId: await org('bidder', '闽江公示投标建设有限公司') });
    await org('penalised', '闽江公示处罚建设有限公司');
    await org('stranger', '闽江公示无关商贸有限公司');
    await org('wildcard', '闽江百分之百_公示%有限公司');

    // A published tender (owner and agent on its public page) with a sealed bid not yet opened.
    const registration = (name: string, ownerOrganisationId: string | null) => ({
      name,
      kind: 'construction',
      region: '350102',
      qualification: '市政公用工程施工总承包二级及以上',
      evaluationMethod: 'comprehensive',
      sections: [{ name: '一标段', estimate: '1000000.00', deposit: '0.00' }],
      ownerOrganisationId,
      ruleSet: 'sandbox',
    });
    const reg = await t.http.post('/tenders', registration('闽江公示道路工程', owner.organisationId), agent.token);
    expect(reg.status).toBe(201);
    expect((await t.http.post(`/tenders/${reg.body.id}/accept`, {}, centre)).status).toBe(200);
    expect((await postForm(t, `/tenders/${reg.body.id}/documents`, agent.token, {}, { name: '招标文件.pdf', content: Buffer.from('%PDF 招标文件') })).status).toBe(201);
    expect((await t.http.post(`/tenders/${reg.body.id}/announce`, { bidDeadline: new Date(Date.now() + 3_600_000).toISOString() }, centre)).status).toBe(200);
    expect((await t.http.post(`/tenders/${reg.body.id}/registrations`, {}, bidder.token)).status).toBe(200);
    expect((await postForm(t, `/tenders/${reg.body.id}/sections/1/bids`, bidder.token, { price: '990000.00' }, { name: '投标文件.pdf', content: Buffer.from('%PDF 投标') })).status).toBe(201);
    // A tender registered by an owner but never published.
    expect((await t.http.post('/tenders', registration('闽江公示未受理工程', hiddenOwner.organisationId), hiddenOwner.token)).status).toBe(201);
    // A published penalty decision (行政处罚).
    expect((await t.http.post(`/supervision/credit/organisations/${orgs.penalised.id}/penalties`, { points: 6, decisionNo: '榕公管罚〔2026〕21号', note: '围标' }, office.token)).status).toBe(201);
  }, 120000);

  afterAll(() => t?.close());

  it('finds only organisations already public, by name, with the score and nothing more', async () => {
    const res = await search(`q=${encodeURIComponent('闽江公示')}`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      items: [
        { name: '闽江公示处罚建设有限公司', uscc: orgs.penalised.uscc, score: 94 },
        { name: '闽江公示招标代理有限公司', uscc: orgs.agent.uscc, score: 100 },
        { name: '闽江公示水务集团有限公司', uscc: orgs.owner.uscc, score: 100 },
      ],
      total: 3,
      page: 1,
      pageSize: 10,
    });
    // A bidder whose bid is still sealed, an owner whose project was never published and an organisation that only
    // registered are not found, even by their full name, though each exists.
    for (const key of ['bidder', 'hiddenOwner', 'stranger']) {
      const [{ name }] = await t.ds.query(`SELECT name FROM organisation WHERE id = $1`, [orgs[key].id]);
      const hidden = await search(`q=${encodeURIComponent(name)}`);
      expect([key, hidden.status, hidden.body.total]).toEqual([key, 200, 0]);
    }
    // The part of a name in the middle matches; paging follows the name order.
    expect(names(await search(`q=${encodeURIComponent('水务')}`))).toEqual(['闽江公示水务集团有限公司']);
    const second = await search(`q=${encodeURIComponent('闽江公示')}&page=2&pageSize=2`);
    expect(second.body).toMatchObject({ items: [{ name: '闽江公示水务集团有限公司' }], total: 3, page: 2, pageSize: 2 });
  });

  it('takes % and _ literally, and finds nobody for a USCC prefix (codes are looked up whole at /public/credit/:uscc)', async () => {
    expect((await search(`q=${encodeURIComponent('%')}${encodeURIComponent('%')}`)).body.total).toBe(0);
    expect((await search(`q=${encodeURIComponent('百分之百_公示%')}`)).body.total).toBe(0); // exists, but never published
    expect((await search(`q=${orgs.owner.uscc.slice(0, 10)}`)).body.total).toBe(0);
    const whole = await t.http.get(`/public/credit/${orgs.owner.uscc}`);
    expect(whole.body).toEqual({ uscc: orgs.owner.uscc, name: '闽江公示水务集团有限公司', score: 100 });
  });

  it('refuses a bad query with 400 and changes nothing', async () => {
    const before = await t.snapshot();
    for (const q of ['', 'q=', 'q=%20%20', 'q=a', `q=${'长'.repeat(51)}`, 'q=%E9%97%BD%E6%B1%9F&pageSize=21', 'q=%E9%97%BD%E6%B1%9F&page=0', 'q=%E9%97%BD%E6%B1%9F&page=51', 'q=%E9%97%BD%E6%B1%9F&surprise=1']) {
      const res = await search(q);
      expect([q, res.status, res.body.code]).toEqual([q, 400, 'VALIDATION_FAILED']);
      expect(res.body.message.zh).toEqual(expect.any(String));
    }
    expect(await t.snapshot()).toEqual(before);
  });

  it(`answers ${LIMIT} searches a minute from one address, then 429 in Chinese; other addresses and the code lookup go on`, async () => {
    const statuses: number[] = [];
    for (let i = 0; i < LIMIT + 2; i++) statuses.push((await search(`q=${encodeURIComponent('水务集团')}`)).status);
    expect(statuses.slice(0, LIMIT)).toEqual(Array(LIMIT).fill(200));
    expect(statuses.slice(LIMIT)).toEqual([429, 429]);
    const refused = await search(`q=${encodeURIComponent('水务集团')}`);
    expect([refused.status, refused.body.code, refused.body.message.zh]).toEqual([429, 'TOO_MANY_REQUESTS', '请求过于频繁,请稍后再试']);
    expect((await search(`q=${encodeURIComponent('水务集团')}`, '198.51.100.7')).status).toBe(200);
    expect((await t.http.request('GET', `/public/credit/${orgs.owner.uscc}`, { headers: { 'x-forwarded-for': address } })).status).toBe(200);
  });
});
