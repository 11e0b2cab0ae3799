import { Role, TradingDomain } from '@app/platform/auth/roles';
import { ProjectService } from '@app/trading';
import { startTestApp, TestAccount, TestApp } from '../../support/test-app';

// Registering, reading, publishing and listing projects, for every role.
describe('trading projects: register, read, publish, public list', () => {
  let t: TestApp;
  let owner: TestAccount;
  let agent: TestAccount;
  let centre: string;
  let office: string;
  let tenderingRegulator: string;
  let landRegulator: string;
  let committee: string;
  let bidder: string;
  let expert: string;
  let strangerOwner: string;

  beforeAll(async () => {
    t = await startTestApp('projects');
    owner = await t.account([Role.Owner]);
    agent = await t.account([Role.Agent]);
    centre = (await t.account([Role.Centre])).token;
    office = (await t.account([Role.Office])).token;
    tenderingRegulator = (await t.account([{ role: Role.Regulator, domain: TradingDomain.Tendering }])).token;
    landRegulator = (await t.account([{ role: Role.Regulator, domain: TradingDomain.Land }])).token;
    committee = (await t.account([Role.Committee])).token;
    bidder = (await t.account([Role.Bidder], { organisationId: owner.organisationId })).token;
    expert = (await t.account([Role.Expert])).token;
    strangerOwner = (await t.account([Role.Owner])).token;
  });

  afterAll(() => t.close());

  const register = async (domain = 'tendering', extra: Record<string, unknown> = {}, token = owner.token) => {
    const res = await t.http.post('/projects', { domain, name: '城东安置房一期施工总承包', region: '350102', ...extra }, token);
    expect(res.status).toBe(201);
    return res.body;
  };

  it('registers a draft for the owner, with a readable code, audited', async () => {
    const p = await register();
    expect(p).toMatchObject({ domain: 'tendering', status: 'draft', region: '350102', ruleKind: 'standard', ruleSnapshot: null, publishedAt: null, version: 1, agent: null });
    expect(p.code).toMatch(/^GC-\d{4}-\d{6}$/);
    expect(p.owner).toEqual({ id: owner.organisationId, name: expect.stringMatching(/^测试单位/) });
    const land = await register('land');
    expect(land.code).toMatch(/^TD-\d{4}-\d{6}$/);
    const trail = await t.ds.query(`SELECT action, actor_role, actor_id FROM audit_event WHERE subject_id = $1`, [p.id]);
    expect(trail).toEqual([{ action: 'project.registered', actor_role: 'owner', actor_id: owner.id }]);
  });

  it('registers for a client when an agent asks, and refuses what is not theirs, changing nothing', async () => {
    const p = await register('procurement', { name: '医用耗材集中采购', ownerOrganisationId: owner.organisationId }, agent.token);
    expect(p.owner.id).toBe(owner.organisationId);
    expect(p.agent.id).toBe(agent.organisationId);
    expect((await t.ds.query(`SELECT actor_role FROM audit_event WHERE subject_id = $1`, [p.id]))[0].actor_role).toBe('agent');

    const before = await t.snapshot();
    const body = { domain: 'tendering', name: '某项目', region: '350102' };
    const refusals: [Record<string, unknown>, string, number, string | undefined][] = [
      [{ ...body, ownerOrganisationId: agent.organisationId }, owner.token, 403, 'PROJECT_NOT_YOURS'],
      [body, agent.token, 422, 'PROJECT_OWNER_REQUIRED'],
      [{ ...body, ownerOrganisationId: '00000000-0000-4000-8000-000000000000' }, agent.token, 422, 'PROJECT_OWNER_UNKNOWN'],
      [{ ...body, domain: 'ocean' }, owner.token, 400, 'VALIDATION_FAILED'],
      [{ ...body, region: '35' }, owner.token, 400, 'VALIDATION_FAILED'],
      [{ ...body, name: 'x' }, owner.token, 400, 'VALIDATION_FAILED'],
      [{ ...body, ruleSet: 'lenient' }, owner.token, 400, 'VALIDATION_FAILED'],
      [{ ...body, extra: true }, owner.token, 400, 'VALIDATION_FAILED'],
    ];
    for (const [b, token, status, code] of refusals) {
      const res = await t.http.post('/projects', b, token);
      expect([res.status, res.body.code]).toEqual([status, code]);
    }
    for (const token of [centre, office, tenderingRegulator, committee, bidder, expert]) {
      const res = await t.http.post('/projects', body, token);
      expect([res.status, res.body.code]).toEqual([403, 'FORBIDDEN_ROLE']);
    }
    expect((await t.http.post('/projects', body)).status).toBe(401);
    expect(await t.snapshot()).toEqual(before);
  });

  it('shows a project to its parties, the centre, the office and its regulator only', async () => {
    const p = await register('tendering', { ownerOrganisationId: owner.organisationId }, agent.token);
    for (const token of [owner.token, agent.token, centre, office, tenderingRegulator]) {
      const res = await t.http.get(`/projects/${p.id}`, token);
      expect(res.status).toBe(200);
      expect(res.body).toEqual(p);
    }
    const outOfScope = await t.http.get(`/projects/${p.id}`, landRegulator);
    expect([outOfScope.status, outOfScope.body.code]).toEqual([403, 'PROJECT_NOT_IN_SCOPE']);
    expect((await t.http.get(`/projects/${p.id}`, strangerOwner)).body.code).toBe('PROJECT_NOT_FOUND');
    for (const token of [committee, bidder, expert]) expect((await t.http.get(`/projects/${p.id}`, token)).body.code).toBe('FORBIDDEN_ROLE');
    expect((await t.http.get(`/projects/${p.id}`)).status).toBe(401);
    expect((await t.http.get('/projects/00000000-0000-4000-8000-000000000000', centre)).status).toBe(404);
    expect((await t.http.get('/projects/nope', centre)).status).toBe(400);
  });

  it('lets only the centre publish, freezing the rules in force; a second publication is a 409', async () => {
    const p = await register('land');
    const before = await t.snapshot();
    for (const token of [owner.token, agent.token, office, tenderingRegulator, landRegulator, committee, bidder, expert]) {
      expect((await t.http.post(`/projects/${p.id}/publish`, {}, token)).body.code).toBe('FORBIDDEN_ROLE');
    }
    expect((await t.http.post(`/projects/${p.id}/publish`, {})).status).toBe(401);
    expect((await t.http.post('/projects/00000000-0000-4000-8000-000000000000/publish', {}, centre)).status).toBe(404);
    expect(await t.snapshot()).toEqual(before);

    const published = await t.http.post(`/projects/${p.id}/publish`, {}, centre);
    expect(published.status).toBe(200);
    expect(published.body).toMatchObject({ status: 'published', version: 2 });
    expect(published.body.ruleSnapshot).toMatchObject({ domain: 'land', version: 1, sandbox: false, name: expect.stringContaining('法定默认规则') });
    expect(published.body.ruleSnapshot.params.periods.listing).toEqual({ value: 10, unit: 'd' });
    expect(published.body.ruleSnapshot.params.amounts.minIncrement).toBe('10000.00');

    const afterPublish = await t.snapshot();
    const again = await t.http.post(`/projects/${p.id}/publish`, {}, centre);
    expect([again.status, again.body.code]).toEqual([409, 'PROJECT_STATE_CONFLICT']);
    expect(again.body.details).toMatchObject({ status: 'published', event: 'publish' });
    expect(await t.snapshot()).toEqual(afterPublish);
    const trail = await t.ds.query(`SELECT action, actor_role FROM audit_event WHERE subject_id = $1 ORDER BY id`, [p.id]);
    expect(trail.map((e: { action: string; actor_role: string }) => `${e.action}/${e.actor_role}`)).toEqual(['project.registered/owner', 'project.published/centre']);
  });

  it('gives other domains the typed rules of a published project', async () => {
    const service = t.app.get(ProjectService);
    const draft = await register('tendering');
    await expect(service.rulesOf(draft.id)).rejects.toMatchObject({ code: 'PROJECT_STATE_CONFLICT' });
    await t.http.post(`/projects/${draft.id}/publish`, {}, centre);
    const rules = await service.rulesOf(draft.id, TradingDomain.Tendering);
    expect(rules.params.periods.bidPreparation).toEqual({ value: 20, unit: 'd' });
    expect(rules.params.numbers.minBidders).toBe(3);
    await expect(service.rulesOf(draft.id, TradingDomain.Land)).rejects.toMatchObject({ code: 'PROJECT_WRONG_DOMAIN' });
  });

  it('lists published projects publicly, paged, newest first, with no personal data', async () => {
    const draft = await register('rural');
    const a = await register('rural', { name: '村集体鱼塘承包经营权流转' }, owner.token);
    const b = await register('rural', { name: '村集体厂房租赁', ownerOrganisationId: owner.organisationId }, agent.token);
    await t.http.post(`/projects/${a.id}/publish`, {}, centre);
    await t.http.post(`/projects/${b.id}/publish`, {}, centre);
    const page1 = await t.http.get('/public/projects?domain=rural&pageSize=1');
    expect(page1.status).toBe(200);
    expect(page1.body).toMatchObject({ total: 2, totalCapped: false, page: 1, pageSize: 1 });
    expect(page1.body.items.map((i: { id: string }) => i.id)).toEqual([b.id]);
    const page2 = await t.http.get('/public/projects?domain=rural&pageSize=1&page=2', bidder);
    expect(page2.body.items.map((i: { id: string }) => i.id)).toEqual([a.id]);
    expect(page1.body.items[0]).toEqual({
      id: b.id,
      code: b.code,
      domain: 'rural',
      name: '村集体厂房租赁',
      region: '350102',
      status: 'published',
      publishedAt: expect.any(String),
      owner: { name: b.owner.name },
      agent: { name: b.agent.name },
      ruleSetVersion: 1,
      sandbox: false,
    });
    const everything = await t.http.get('/public/projects?pageSize=100');
    expect(everything.body.items.map((i: { id: string }) => i.id)).not.toContain(draft.id);
    const text = JSON.stringify(everything.body);
    expect(text).not.toMatch(/13800000000|张三|李四|contact|phone|legal|username|ruleSnapshot|Organisation/i);
    expect((await t.http.get('/public/projects?pageSize=1000')).status).toBe(400);
    expect((await t.http.get('/public/projects?domain=sea')).status).toBe(400);
  });
});
