import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../../../apps/api/src/seed/demo-data';
import { startTestApp, TestApp } from '../../support/test-app';

const SEED = join(process.cwd(), 'dist', 'apps', 'api', 'src', 'seed', 'main.js');

describe('demo seed', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp('seed', { LOGIN_ATTEMPTS_PER_MINUTE: '100' });
  });

  afterAll(() => t.close());

  it('loads once, changes nothing the second time, and every demo role can log in', async () => {
    const run = () => execFileSync(process.execPath, [SEED], { env: { ...process.env, DATABASE_URL: t.databaseUrl }, encoding: 'utf8' });
    expect(run()).toContain('created');
    const first = await t.snapshot();
    const [head] = await t.ds.query(`SELECT last_seq, last_hash FROM audit_chain_head`);
    expect(run()).toContain('nothing changed');
    expect(await t.snapshot()).toEqual(first);
    expect((await t.ds.query(`SELECT last_seq, last_hash FROM audit_chain_head`))[0]).toEqual(head);

    for (const a of DEMO_ACCOUNTS) {
      const login = await t.http.post('/auth/login', { username: a.username, password: DEMO_PASSWORD });
      expect(login.status).toBe(200);
      expect(login.body.account.roles).toEqual([{ role: a.role, domain: a.domain ?? null }]);
    }
    const roles = new Set(DEMO_ACCOUNTS.map((a) => a.role));
    expect(roles.size).toBe(8);
  });
});
