import { Role } from '@app/platform/auth/roles';
import { startTestApp, TestApp } from '../../support/test-app';

// The sandbox counts periods in seconds: a production api must refuse to create, publish or change one.
describe('rule sets with NODE_ENV=production', () => {
  let t: TestApp;
  let committee: string;

  beforeAll(async () => {
    t = await startTestApp('rules-prod', { NODE_ENV: 'production', JWT_SECRET: 'a-production-secret-of-enough-length-123', MASTER_KEY: Buffer.alloc(32, 3).toString('base64') });
    committee = (await t.account([Role.Committee])).token;
  });

  afterAll(() => t.close());

  it('refuses to draft, edit or publish a sandbox set, changing nothing', async () => {
    const [sandbox] = await t.ds.query(`SELECT id FROM rule_set WHERE domain = 'tendering' AND is_sandbox AND status = 'active'`);
    // a sandbox draft left in the database (e.g. copied from a test database) is refused too
    const [draft] = await t.ds.query(
      `INSERT INTO rule_set (domain, version, name, status, is_sandbox, params, based_on) SELECT domain, 2, 'leftover', 'draft', true, params, id FROM rule_set WHERE id = $1 RETURNING id`,
      [sandbox.id],
    );
    const before = await t.snapshot();
    const created = await t.http.post('/rule-sets', { domain: 'tendering', name: 'x', sandbox: true }, committee);
    expect(created.status).toBe(422);
    expect(created.body.code).toBe('SANDBOX_FORBIDDEN_IN_PRODUCTION');
    expect(created.body.message.zh).toBe('生产环境不得使用沙箱规则');
    const edited = await t.http.patch(`/rule-sets/${draft.id}`, { name: 'y' }, committee);
    expect(edited.body.code).toBe('SANDBOX_FORBIDDEN_IN_PRODUCTION');
    const published = await t.http.post(`/rule-sets/${draft.id}/publish`, {}, committee);
    expect(published.status).toBe(422);
    expect(published.body.code).toBe('SANDBOX_FORBIDDEN_IN_PRODUCTION');
    expect(await t.snapshot()).toEqual(before);
  });

  it('still lets the committee draft and publish standard rules', async () => {
    const draft = await t.http.post('/rule-sets', { domain: 'tendering', name: '生产环境修订', changes: { periods: { candidatePublicity: { value: 5, unit: 'd' } } } }, committee);
    expect(draft.status).toBe(201);
    expect((await t.http.post(`/rule-sets/${draft.body.id}/publish`, {}, committee)).body.status).toBe('active');
  });
});
