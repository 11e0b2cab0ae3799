import { DEMO_EXPERT_COUNT, DEMO_EXPERT_USERNAME, seedDemoExperts } from '@app/experts/library/demo-experts';
import { TokenService } from '@app/platform/auth/token.service';
import { Sealer } from '@app/platform/crypto/sealer';
import { startTestApp, TestApp } from '../../support/test-app';

describe('demo experts', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp('experts-demo-seed');
  });

  afterAll(() => t.close());

  it('seeds 3,000 valid experts once, links the demo expert account, and changes nothing the second time', async () => {
    const [account] = await t.ds.query(`INSERT INTO account (username, display_name, password_hash) VALUES ($1, '评标专家 陈工', 'x') RETURNING id`, [DEMO_EXPERT_USERNAME]);
    await t.ds.query(`INSERT INTO account_role (account_id, role) VALUES ($1, 'expert')`, [account.id]);
    const sealer = t.app.get(Sealer);
    expect(await seedDemoExperts(t.ds, sealer)).toEqual({ experts: DEMO_EXPERT_COUNT, linked: true });
    const first = await t.snapshot();
    await t.linkAudit();
    const [head] = await t.ds.query(`SELECT last_seq, last_hash FROM audit_chain_head`);
    expect(await seedDemoExperts(t.ds, sealer)).toEqual({ experts: 0, linked: false });
    expect(await t.snapshot()).toEqual(first);
    await t.linkAudit();
    expect((await t.ds.query(`SELECT last_seq, last_hash FROM audit_chain_head`))[0]).toEqual(head);

    const [stats] = await t.ds.query(
      `SELECT count(*)::int AS total, count(*) FILTER (WHERE status = 'suspended')::int AS suspended, count(*) FILTER (WHERE status = 'retired')::int AS retired,
              count(DISTINCT region)::int AS regions, count(DISTINCT employer_uscc)::int AS employers
       FROM expert`,
    );
    expect(stats.total).toBe(DEMO_EXPERT_COUNT);
    expect(stats.suspended).toBeGreaterThan(50);
    expect(stats.retired).toBeGreaterThan(20);
    expect(stats.regions).toBe(13);
    expect(stats.employers).toBeGreaterThan(30);

    const me = await t.http.get('/experts/me', t.app.get(TokenService).issue(account.id).accessToken);
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ name: '陈志远', status: 'active', hasAccount: true });
    expect(me.body.specialties.map((s: { code: string }) => s.code)).toEqual(['A01.01.01', 'A01.01.02']);
  });
});
