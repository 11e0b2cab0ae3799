import { Role } from '@app/platform/auth/roles';
import { startTestApp, TestApp } from '../../support/test-app';

describe('rule sets (交易规则统一化, invariant 8)', () => {
  let t: TestApp;
  let committee: string;

  beforeAll(async () => {
    t = await startTestApp('rules');
    committee = (await t.account([Role.Committee])).token;
  });

  afterAll(() => t.close());

  it('starts with the legal defaults and a sandbox per domain, readable by the public', async () => {
    const res = await t.http.get('/rule-sets?domain=tendering');
    expect(res.status).toBe(200);
    const [standard] = res.body.items.filter((r: { isSandbox: boolean }) => !r.isSandbox);
    expect(standard).toMatchObject({ version: 1, status: 'active' });
    expect(standard.params.periods.bidPreparation).toEqual({ value: 20, unit: 'd' });
    expect(standard.params.numbers.minBidders).toBe(3);
    const sandbox = res.body.items.find((r: { isSandbox: boolean }) => r.isSandbox);
    expect(sandbox.params.periods.bidPreparation.unit).toBe('s');
    expect((await t.http.get('/rule-sets')).body.items).toHaveLength(8);
  });

  it('drafts, edits and publishes a new version; the old one retires and published ones never change', async () => {
    const draft = await t.http.post('/rule-sets', { domain: 'land', name: '2027 年第 1 版', changes: { periods: { listing: { value: 10, unit: 'wd' } } } }, committee);
    expect(draft.status).toBe(201);
    expect(draft.body).toMatchObject({ version: 2, status: 'draft' });
    const edited = await t.http.patch(`/rule-sets/${draft.body.id}`, { changes: { numbers: { countdownSeconds: 240 } } }, committee);
    expect(edited.status).toBe(200);
    expect(edited.body.params.numbers.countdownSeconds).toBe(240);
    const published = await t.http.post(`/rule-sets/${draft.body.id}/publish`, {}, committee);
    expect(published.body.status).toBe('active');
    const versions = (await t.http.get('/rule-sets?domain=land')).body.items.filter((r: { isSandbox: boolean }) => !r.isSandbox);
    expect(versions.map((r: { version: number; status: string }) => `${r.version}:${r.status}`)).toEqual(['2:active', '1:retired']);
    const diff = await t.http.get(`/rule-sets/${versions[1].id}/diff/${versions[0].id}`);
    expect(diff.body.changes).toEqual([
      { path: 'numbers.countdownSeconds', from: '300', to: '240' },
      { path: 'periods.listing', from: '10d', to: '10wd' },
    ]);
    const before = await t.snapshot();
    for (const id of [versions[0].id, versions[1].id]) {
      const res = await t.http.patch(`/rule-sets/${id}`, { name: 'changed' }, committee);
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('RULE_SET_IMMUTABLE');
      expect((await t.http.post(`/rule-sets/${id}/publish`, {}, committee)).body.code).toBe('RULE_SET_IMMUTABLE');
    }
    expect(await t.snapshot()).toEqual(before);
    const audit = await t.ds.query(`SELECT action FROM audit_event WHERE subject_type = 'rule_set' AND subject_id = $1 ORDER BY seq`, [draft.body.id]);
    expect(audit.map((a: { action: string }) => a.action)).toEqual(['rule_set.drafted', 'rule_set.updated', 'rule_set.published']);
  });

  it('refuses invalid parameters with per-field reasons, changing nothing', async () => {
    const before = await t.snapshot();
    const cases = [
      { periods: { bidPreparation: { value: 20, unit: 's' } } },
      { numbers: { minBidders: 0 } },
      { numbers: { committeeMinSize: 6 } },
      { numbers: { depositCapBp: 500 } },
      { numbers: { invented: 1 } },
      { periods: { bidPreparation: { value: -1, unit: 'd' } } },
    ];
    for (const changes of cases) {
      const res = await t.http.post('/rule-sets', { domain: 'tendering', name: 'bad', changes }, committee);
      expect(res.status).toBe(422);
      expect(res.body.code).toBe('RULE_SET_INVALID');
      expect(res.body.details.problems[0]).toMatchObject({ field: expect.any(String), zh: expect.any(String), en: expect.any(String) });
    }
    expect((await t.http.post('/rule-sets', { domain: 'sea', name: 'x' }, committee)).status).toBe(400);
    expect(await t.snapshot()).toEqual(before);
  });

  it('lets only the committee write rules', async () => {
    const before = await t.snapshot();
    for (const role of [Role.Office, Role.Regulator, Role.Centre, Role.Owner, Role.Agent, Role.Bidder, Role.Expert]) {
      const a = await t.account([role]);
      expect((await t.http.post('/rule-sets', { domain: 'rural', name: 'x' }, a.token)).status).toBe(403);
    }
    expect((await t.http.post('/rule-sets', { domain: 'rural', name: 'x' })).status).toBe(401);
    const after = await t.snapshot();
    expect({ ...after, account: 0, account_role: 0, organisation: 0 }).toEqual({ ...before, account: 0, account_role: 0, organisation: 0 });
  });
});

describe('rule sets in production', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp('rules-prod', { NODE_ENV: 'production', JWT_SECRET: 'a-production-secret-of-enough-length-123', MASTER_KEY: Buffer.alloc(32, 3).toString('base64') });
  });

  afterAll(async () => {
    await t.close();
    process.env.NODE_ENV = 'test';
  });

  it('refuses sandbox rules and diagnostics when NODE_ENV=production', async () => {
    const committee = await t.account([Role.Committee]);
    const res = await t.http.post('/rule-sets', { domain: 'tendering', name: 'x', sandbox: true }, committee.token);
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('SANDBOX_FORBIDDEN_IN_PRODUCTION');
    const owner = await t.account([Role.Owner]);
    const centre = await t.account([Role.Centre]);
    const project = await t.http.post('/projects', { domain: 'tendering', name: '沙箱项目', ruleSet: 'sandbox' }, owner.token);
    expect(project.status).toBe(201);
    const publish = await t.http.post(`/projects/${project.body.id}/publish`, {}, centre.token);
    expect(publish.status).toBe(422);
    expect(publish.body.code).toBe('SANDBOX_FORBIDDEN_IN_PRODUCTION');
    expect((await t.http.post('/milestones/probe', { inMs: 10 }, centre.token)).status).toBe(404);
  });
});
