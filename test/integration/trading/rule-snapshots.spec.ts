import { Role } from '@app/platform/auth/roles';
import { startTestApp, TestAccount, TestApp } from '../../support/test-app';

// Invariant 8: a project runs by the rules in force when it was published, whatever the committee does later.
describe('rule snapshots of published projects', () => {
  let t: TestApp;
  let owner: TestAccount;
  let centre: string;
  let committee: string;

  beforeAll(async () => {
    t = await startTestApp('project-rules');
    owner = await t.account([Role.Owner]);
    centre = (await t.account([Role.Centre])).token;
    committee = (await t.account([Role.Committee])).token;
  });

  afterAll(() => t.close());

  const publishNew = async (domain: string, ruleSet?: 'standard' | 'sandbox') => {
    const p = await t.http.post('/projects', { domain, name: '快速路二期施工', region: '350104', ...(ruleSet && { ruleSet }) }, owner.token);
    expect(p.status).toBe(201);
    const published = await t.http.post(`/projects/${p.body.id}/publish`, {}, centre);
    expect(published.status).toBe(200);
    return published.body;
  };

  it('keeps a project on its version when the committee publishes a new one; a new project gets the new one', async () => {
    const first = await publishNew('tendering');
    expect(first.ruleSnapshot).toMatchObject({ version: 1, params: { periods: { bidPreparation: { value: 20, unit: 'd' } }, numbers: { minBidders: 3 } } });

    const draft = await t.http.post('/rule-sets', { domain: 'tendering', name: '2027 年修订', changes: { periods: { bidPreparation: { value: 25, unit: 'd' } }, numbers: { minBidders: 5 } } }, committee);
    expect((await t.http.post(`/rule-sets/${draft.body.id}/publish`, {}, committee)).status).toBe(200);

    const again = await t.http.get(`/projects/${first.id}`, owner.token);
    expect(again.body.ruleSnapshot).toEqual(first.ruleSnapshot);
    const second = await publishNew('tendering');
    expect(second.ruleSnapshot).toMatchObject({ ruleSetId: draft.body.id, version: 2, params: { periods: { bidPreparation: { value: 25, unit: 'd' } }, numbers: { minBidders: 5 } } });
    // the first project still says which version it runs by, now retired
    expect((await t.http.get(`/rule-sets/${first.ruleSnapshot.ruleSetId}`)).body.status).toBe('retired');
  });

  it('keeps the snapshot even against a direct UPDATE (trigger)', async () => {
    const p = await publishNew('land');
    await expect(t.ds.query(`UPDATE trading_project SET rule_snapshot = '{}' WHERE id = $1`, [p.id])).rejects.toThrow(/keeps its rule snapshot/);
    await expect(t.ds.query(`DELETE FROM trading_project WHERE id = $1`, [p.id])).rejects.toThrow(/keeps its rule snapshot/);
    expect((await t.http.get(`/projects/${p.id}`, owner.token)).body.ruleSnapshot).toEqual(p.ruleSnapshot);
  });

  it('runs a sandbox project on the sandbox set (seconds) outside production', async () => {
    const p = await publishNew('tendering', 'sandbox');
    expect(p.ruleKind).toBe('sandbox');
    expect(p.ruleSnapshot).toMatchObject({ sandbox: true, params: { periods: { bidPreparation: { value: 60, unit: 's' } } } });
    const listed = await t.http.get('/public/projects?domain=tendering&pageSize=100');
    expect(listed.body.items.find((i: { id: string }) => i.id === p.id)).toMatchObject({ sandbox: true });
  });
});
