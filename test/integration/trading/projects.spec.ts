import { Role, TradingDomain } from '@app/platform/auth/roles';
import { TransactionRunner } from '@app/platform/database/transaction-runner';
import { MilestoneService } from '@app/platform/milestones/milestone.service';
import { startTestApp, TestAccount, TestApp } from '../../support/test-app';

describe('trading projects: registration, rule snapshots, suspension', () => {
  let t: TestApp;
  let owner: TestAccount;
  let centre: string;
  let office: string;
  let committee: string;

  beforeAll(async () => {
    t = await startTestApp('projects');
    owner = await t.account([Role.Owner]);
    centre = (await t.account([Role.Centre])).token;
    office = (await t.account([Role.Office])).token;
    committee = (await t.account([Role.Committee])).token;
  });

  afterAll(() => t.close());

  const register = async (domain = 'tendering', extra: Record<string, unknown> = {}) => {
    const res = await t.http.post('/projects', { domain, name: '城东安置房一期施工总承包', region: '350102', ...extra }, owner.token);
    expect(res.status).toBe(201);
    return res.body as { id: string; code: string; status: string };
  };

  it('registers a draft with a readable code, visible to its parties but not the public', async () => {
    const p = await register();
    expect(p.code).toMatch(/^GC-\d{4}-\d{6}$/);
    expect(p.status).toBe('draft');
    expect((await t.http.get(`/projects/${p.id}`, owner.token)).status).toBe(200);
    const stranger = await t.account([Role.Owner]);
    expect((await t.http.get(`/projects/${p.id}`, stranger.token)).status).toBe(404);
    const pub = await t.http.get('/public/projects');
    expect(pub.body.items.map((i: { id: string }) => i.id)).not.toContain(p.id);
  });

  it('lets an agent register for its client and refuses others, changing nothing', async () => {
    const agent = await t.account([Role.Agent]);
    const ok = await t.http.post('/projects', { domain: 'procurement', name: '医用耗材集中采购', ownerOrganisationId: owner.organisationId }, agent.token);
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({ ownerOrganisationId: owner.organisationId, agentOrganisationId: agent.organisationId });
    const before = await t.snapshot();
    expect((await t.http.post('/projects', { domain: 'tendering', name: '别人的项目', ownerOrganisationId: agent.organisationId }, owner.token)).body.code).toBe('PROJECT_NOT_YOURS');
    expect((await t.http.post('/projects', { domain: 'ocean', name: 'x' }, owner.token)).status).toBe(400);
    expect((await t.http.post('/projects', { domain: 'land', name: 'x', extra: true }, owner.token)).status).toBe(400);
    for (const role of [Role.Bidder, Role.Centre, Role.Office, Role.Expert, Role.Committee]) {
      const a = await t.account([role]);
      expect((await t.http.post('/projects', { domain: 'land', name: '地块' }, a.token)).status).toBe(403);
    }
    const after = await t.snapshot();
    expect({ ...after, account: 0, account_role: 0, organisation: 0 }).toEqual({ ...before, account: 0, account_role: 0, organisation: 0 });
  });

  it('snapshots the rules in force at publication; a later version never changes it', async () => {
    const first = await register('rural');
    const published = await t.http.post(`/projects/${first.id}/publish`, {}, centre);
    expect(published.status).toBe(200);
    expect(published.body.ruleSnapshot).toMatchObject({ domain: 'rural', version: 1, sandbox: false });
    expect(published.body.ruleSnapshot.params.periods.listing).toEqual({ value: 10, unit: 'wd' });
    const draft = await t.http.post('/rule-sets', { domain: 'rural', name: 'v2', changes: { periods: { listing: { value: 15, unit: 'wd' } } } }, committee);
    await t.http.post(`/rule-sets/${draft.body.id}/publish`, {}, committee);
    const again = await t.http.get(`/projects/${first.id}`, owner.token);
    expect(again.body.ruleSnapshot.params.periods.listing).toEqual({ value: 10, unit: 'wd' });
    const second = await register('rural');
    const p2 = await t.http.post(`/projects/${second.id}/publish`, {}, centre);
    expect(p2.body.ruleSnapshot).toMatchObject({ version: 2, params: { periods: { listing: { value: 15, unit: 'wd' } } } });
    const sandboxed = await register('tendering', { ruleSet: 'sandbox' });
    const p3 = await t.http.post(`/projects/${sandboxed.id}/publish`, {}, centre);
    expect(p3.body.ruleSnapshot.sandbox).toBe(true);
    expect(p3.body.ruleSnapshot.params.periods.bidPreparation.unit).toBe('s');
    const again2 = await t.http.post(`/projects/${first.id}/publish`, {}, centre);
    expect(again2.status).toBe(409);
    expect(again2.body.code).toBe('PROJECT_STATE_CONFLICT');
    const listed = await t.http.get('/public/projects?domain=rural');
    expect(listed.status).toBe(200);
    expect(listed.body.items.map((i: { id: string }) => i.id)).toEqual(expect.arrayContaining([first.id, second.id]));
    expect(JSON.stringify(listed.body)).not.toMatch(/contact|phone|legal|username|ruleSnapshot/i);
  });

  it('suspends and resumes by the office or the regulator of the domain, pausing and shifting milestones', async () => {
    const p = await register('tendering');
    await t.http.post(`/projects/${p.id}/publish`, {}, centre);
    const milestones = t.app.get(MilestoneService);
    const m = await t.app.get(TransactionRunner).run((tx) =>
      milestones.schedule(tx, { kind: 'diagnostic.probe', subjectType: 'trading_project', subjectId: p.id, dueAt: new Date(Date.now() + 3_600_000) }),
    );
    const landRegulator = await t.account([{ role: Role.Regulator, domain: TradingDomain.Land }]);
    const refused = await t.http.post(`/projects/${p.id}/suspend`, {}, landRegulator.token);
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('PROJECT_NOT_IN_SCOPE');
    expect((await t.http.post(`/projects/${p.id}/suspend`, {}, centre)).status).toBe(403);
    expect((await t.http.post(`/projects/${p.id}/suspend`, {}, owner.token)).status).toBe(403);

    const suspended = await t.http.post(`/projects/${p.id}/suspend`, {}, office);
    expect(suspended.body.status).toBe('suspended');
    expect((await t.ds.query(`SELECT status FROM milestone WHERE id = $1`, [m.id]))[0].status).toBe('paused');
    expect((await t.http.post(`/projects/${p.id}/suspend`, {}, office)).body.code).toBe('PROJECT_STATE_CONFLICT');
    await new Promise((r) => setTimeout(r, 1500));
    const tenderingRegulator = await t.account([{ role: Role.Regulator, domain: TradingDomain.Tendering }]);
    const resumed = await t.http.post(`/projects/${p.id}/resume`, {}, tenderingRegulator.token);
    expect(resumed.body.status).toBe('published');
    const [after] = await t.ds.query(`SELECT status, due_at FROM milestone WHERE id = $1`, [m.id]);
    expect(after.status).toBe('pending');
    expect(new Date(after.due_at).getTime() - m.dueAt.getTime()).toBeGreaterThanOrEqual(1400);
    const trail = await t.ds.query(`SELECT action, actor_role FROM audit_event WHERE subject_type = 'trading_project' AND subject_id = $1 ORDER BY seq`, [p.id]);
    expect(trail.map((e: { action: string }) => e.action)).toEqual(['project.registered', 'project.published', 'project.suspended', 'project.resumed']);
  });
});
