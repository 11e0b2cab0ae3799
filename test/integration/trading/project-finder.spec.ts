import { Role, TradingDomain } from '@app/platform/auth/roles';
import { startTestApp, TestAccount, TestApp } from '../../support/test-app';

// GET /projects: the operators pick projects from a list (the calendar's booking, the draw request) instead of typing ids.
describe('the operators’ project finder', () => {
  let t: TestApp;
  let owner: TestAccount;
  let centre: string;
  let office: string;
  let tenderingRegulator: string;
  let landRegulator: string;
  const others = new Map<string, string>();
  const ids: Record<string, string> = {};
  const codes: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestApp('project-finder');
    owner = await t.account([Role.Owner]);
    centre = (await t.account([Role.Centre])).token;
    office = (await t.account([Role.Office])).token;
    tenderingRegulator = (await t.account([{ role: Role.Regulator, domain: TradingDomain.Tendering }])).token;
    landRegulator = (await t.account([{ role: Role.Regulator, domain: TradingDomain.Land }])).token;
    others.set('owner', owner.token);
    for (const role of [Role.Agent, Role.Bidder, Role.Expert, Role.Committee]) others.set(role, (await t.account([role])).token);
    // registered in this order: the list shows the newest first
    for (const [key, domain, name] of [
      ['water', 'tendering', '城北水厂扩建工程'],
      ['school', 'tendering', '市第二中学教学楼改扩建工程'],
      ['parcel', 'land', '滨江 2030-01 号地块'],
      ['farm', 'rural', '东山村一组耕地经营权流转'],
      ['odd', 'tendering', '100%_达标改造工程'],
    ] as const) {
      const p = await t.http.post('/projects', { domain, name, region: '350105' }, owner.token);
      expect(p.status).toBe(201);
      ids[key] = p.body.id;
      codes[key] = p.body.code;
    }
    for (const key of ['school', 'parcel', 'farm']) expect((await t.http.post(`/projects/${ids[key]}/publish`, {}, centre)).status).toBe(200);
    expect((await t.http.post(`/projects/${ids.farm}/suspend`, { reason: '收到投诉,需调查核实' }, office)).status).toBe(200);
  });

  afterAll(() => t.close());

  const names = (body: { items: { name: string }[] }) => body.items.map((p) => p.name);
  const find = (query: string, token = centre) => t.http.get(`/projects${query}`, token);

  it('lists every registered project to the centre, drafts included, newest registration first, paged', async () => {
    const all = await find('');
    expect(all.status).toBe(200);
    expect(all.body).toMatchObject({ total: 5, totalCapped: false, page: 1, pageSize: 20 });
    expect(names(all.body)).toEqual(['100%_达标改造工程', '东山村一组耕地经营权流转', '滨江 2030-01 号地块', '市第二中学教学楼改扩建工程', '城北水厂扩建工程']);
    const farm = all.body.items.find((p: { id: string }) => p.id === ids.farm);
    expect(farm).toEqual({ id: ids.farm, code: codes.farm, domain: 'rural', name: '东山村一组耕地经营权流转', region: '350105', status: 'suspended', ownerName: expect.any(String), agentName: null, publishedAt: expect.any(String), createdAt: expect.any(String) });
    expect(Object.keys(farm)).not.toContain('ruleSnapshot');
    const second = await find('?page=2&pageSize=2');
    expect(second.body).toMatchObject({ total: 5, page: 2, pageSize: 2 });
    expect(names(second.body)).toEqual(['滨江 2030-01 号地块', '市第二中学教学楼改扩建工程']);
  });

  it('finds by a fragment of the name or the start of the code; % and _ are plain characters', async () => {
    expect(names((await find(`?q=${encodeURIComponent('教学楼')}`)).body)).toEqual(['市第二中学教学楼改扩建工程']);
    expect(names((await find(`?q=${encodeURIComponent(codes.parcel.toLowerCase())}`)).body)).toEqual(['滨江 2030-01 号地块']);
    expect(names((await find('?q=TD-')).body)).toEqual(['滨江 2030-01 号地块']);
    expect(names((await find(`?q=${encodeURIComponent('100%_')}`)).body)).toEqual(['100%_达标改造工程']);
    expect(names((await find(`?q=${encodeURIComponent('%')}`)).body)).toEqual(['100%_达标改造工程']);
    expect((await find(`?q=${encodeURIComponent('没有这个项目')}`)).body).toMatchObject({ items: [], total: 0 });
  });

  it('filters by domain and by one or several statuses', async () => {
    expect(names((await find('?domain=tendering')).body)).toEqual(['100%_达标改造工程', '市第二中学教学楼改扩建工程', '城北水厂扩建工程']);
    expect(names((await find('?status=published')).body)).toEqual(['滨江 2030-01 号地块', '市第二中学教学楼改扩建工程']);
    expect(names((await find('?status=draft,published&domain=tendering')).body)).toEqual(['100%_达标改造工程', '市第二中学教学楼改扩建工程', '城北水厂扩建工程']);
    expect(names((await find('?status=suspended&status=draft')).body)).toEqual(['100%_达标改造工程', '东山村一组耕地经营权流转', '城北水厂扩建工程']);
  });

  it('shows the office every domain and a regulator its own; another domain is out of a regulator’s scope', async () => {
    expect((await find('', office)).body.total).toBe(5);
    expect(names((await find('', tenderingRegulator)).body)).toEqual(['100%_达标改造工程', '市第二中学教学楼改扩建工程', '城北水厂扩建工程']);
    expect(names((await find('?domain=land', landRegulator)).body)).toEqual(['滨江 2030-01 号地块']);
    const outside = await find('?domain=land', tenderingRegulator);
    expect([outside.status, outside.body.code]).toEqual([403, 'PROJECT_NOT_IN_SCOPE']);
    expect(outside.body.message).toEqual({ zh: expect.any(String), en: expect.any(String) });
  });

  it('refuses the parties, experts and the committee, and anonymous callers', async () => {
    for (const [role, token] of others) {
      const r = await find('', token);
      expect([role, r.status, r.body.code]).toEqual([role, 403, 'FORBIDDEN_ROLE']);
    }
    expect((await t.http.get('/projects')).status).toBe(401);
  });

  it('answers bad queries with 400 and changes nothing', async () => {
    const before = await t.snapshot();
    for (const q of ['?status=open', '?status=published,closing', '?domain=space', '?pageSize=101', '?page=0', `?q=${'项'.repeat(51)}`, '?q=', '?projectId=1', '?status=a,b,c,d,e,f']) {
      const r = await find(q);
      expect([q, r.status, r.body.code]).toEqual([q, 400, 'VALIDATION_FAILED']);
    }
    expect(await t.snapshot()).toEqual(before);
  });
});
