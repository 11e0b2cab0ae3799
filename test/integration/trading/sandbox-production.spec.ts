import { Role } from '@app/platform/auth/roles';
import { startTestApp, TestAccount, TestApp } from '../../support/test-app';

describe('projects with NODE_ENV=production', () => {
  let t: TestApp;
  let owner: TestAccount;
  let centre: string;

  beforeAll(async () => {
    t = await startTestApp('projects-prod', { NODE_ENV: 'production', JWT_SECRET: 'a-production-secret-of-enough-length-123', MASTER_KEY: Buffer.alloc(32, 5).toString('base64') });
    owner = await t.account([Role.Owner]);
    centre = (await t.account([Role.Centre])).token;
  });

  afterAll(() => t.close());

  it('refuses to register or publish a project on the sandbox rules, changing nothing', async () => {
    const before = await t.snapshot();
    const res = await t.http.post('/projects', { domain: 'tendering', name: '沙箱演示项目', region: '350102', ruleSet: 'sandbox' }, owner.token);
    expect([res.status, res.body.code]).toEqual([422, 'SANDBOX_FORBIDDEN_IN_PRODUCTION']);
    expect(await t.snapshot()).toEqual(before);

    // a sandbox draft that reached the database some other way is still refused at publication
    const [row] = await t.ds.query(
      `INSERT INTO trading_project (code, domain, name, region, owner_organisation_id, created_by, rule_kind)
       VALUES ('GC-2026-999999', 'tendering', '遗留沙箱项目', '350102', $1, $2, 'sandbox') RETURNING id`,
      [owner.organisationId, owner.id],
    );
    const beforePublish = await t.snapshot();
    const published = await t.http.post(`/projects/${row.id}/publish`, {}, centre);
    expect([published.status, published.body.code]).toEqual([422, 'SANDBOX_FORBIDDEN_IN_PRODUCTION']);
    expect(await t.snapshot()).toEqual(beforePublish);
    expect((await t.ds.query(`SELECT status, rule_snapshot FROM trading_project WHERE id = $1`, [row.id]))[0]).toEqual({ status: 'draft', rule_snapshot: null });
  });

  it('publishes standard projects as usual', async () => {
    const p = await t.http.post('/projects', { domain: 'procurement', name: '办公设备框架协议采购', region: '350102' }, owner.token);
    const published = await t.http.post(`/projects/${p.body.id}/publish`, {}, centre);
    expect(published.body).toMatchObject({ status: 'published', ruleSnapshot: { sandbox: false, version: 1 } });
  });
});
