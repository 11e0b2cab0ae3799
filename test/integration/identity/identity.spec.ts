import { JwtService } from '@nestjs/jwt';
import Redis from 'ioredis';
import { Role, TradingDomain } from '@app/platform/auth/roles';
import { startTestApp, TestApp, validUscc } from '../../support/test-app';

const PASSWORD = 'Correct-Horse-9';

function registration(username: string, uscc = validUscc()) {
  return {
    organisation: { name: `${username} 建设有限公司`, uscc, legalRepresentative: '王五', contactName: '赵六', contactPhone: '0591-87654321', region: '350100' },
    account: { username, displayName: `${username} 经办人`, password: PASSWORD },
  };
}

describe('identity: registration, login, roles (一号申请, 行政监督与交易活动相分离)', () => {
  let t: TestApp;
  let centre: string;
  let office: string;

  beforeAll(async () => {
    t = await startTestApp('identity', { LOGIN_ATTEMPTS_PER_MINUTE: '5', JWT_TTL_SECONDS: '60' });
    centre = (await t.account([Role.Centre])).token;
    office = (await t.account([Role.Office])).token;
  });

  afterAll(() => t.close());

  const login = (username: string, password = PASSWORD) => t.http.post('/auth/login', { username, password });

  it('registers an organisation once for the whole platform, its first account a bidder, audited', async () => {
    const res = await t.http.post('/auth/register', registration('reg-one'));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ username: 'reg-one', roles: [{ role: 'bidder', domain: null }] });
    expect(JSON.stringify(res.body)).not.toMatch(/password|argon2/i);
    const [stored] = await t.ds.query(`SELECT password_hash FROM account WHERE username = 'reg-one'`);
    expect(stored.password_hash).toMatch(/^\$argon2id\$/);
    const audit = await t.ds.query(`SELECT action, payload FROM audit_event WHERE subject_type = 'organisation' AND subject_id = $1`, [res.body.organisationId]);
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit[0].payload)).not.toContain(PASSWORD);
  });

  it('refuses a bad code, a taken code or username and invalid fields, changing nothing', async () => {
    const taken = registration('reg-two');
    expect((await t.http.post('/auth/register', taken)).status).toBe(201);
    const before = await t.snapshot();
    const badUscc = registration('reg-three', '91350100M000100Y44');
    const cases: [unknown, number, string][] = [
      [badUscc, 422, 'USCC_INVALID'],
      [registration('reg-four', taken.organisation.uscc), 409, 'ORGANISATION_EXISTS'],
      [registration('reg-two'), 409, 'USERNAME_TAKEN'],
      [{ ...registration('reg-five'), account: { username: 'reg-five', displayName: 'x', password: 'short' } }, 400, 'VALIDATION_FAILED'],
      [{ ...registration('Bad Name') }, 400, 'VALIDATION_FAILED'],
      [{ ...registration('reg-six'), isAdmin: true }, 400, 'VALIDATION_FAILED'],
      [{ organisation: null, account: null }, 400, 'VALIDATION_FAILED'],
    ];
    for (const [body, status, code] of cases) {
      const res = await t.http.post('/auth/register', body);
      expect({ status: res.status, code: res.body.code }).toEqual({ status, code });
      expect(res.body.message.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(res.body.message.en).toMatch(/[a-z]/);
    }
    expect(await t.snapshot()).toEqual(before);
  });

  it('logs in with a short-lived token and reads the account fresh on each request', async () => {
    await t.http.post('/auth/register', registration('login-ok'));
    const res = await login('login-ok');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ expiresIn: 60, account: { username: 'login-ok', roles: [{ role: 'bidder' }] } });
    const me = await t.http.get('/auth/me', res.body.accessToken);
    expect(me.status).toBe(200);
    expect(me.body.username).toBe('login-ok');
  });

  it('answers a wrong password and an unknown user alike, and audits the failure without the password', async () => {
    await t.http.post('/auth/register', registration('login-bad'));
    const wrong = await login('login-bad', 'Wrong-Password-1');
    const unknown = await login('nobody-here', 'Wrong-Password-1');
    expect([wrong.status, unknown.status]).toEqual([401, 401]);
    expect(wrong.body.code).toBe('LOGIN_FAILED');
    expect(unknown.body.code).toBe('LOGIN_FAILED');
    expect(wrong.body.message).toEqual(unknown.body.message);
    const failures = await t.ds.query(`SELECT payload FROM audit_event WHERE action = 'account.login_failed'`);
    expect(failures.length).toBeGreaterThanOrEqual(2);
    expect(JSON.stringify(failures)).not.toContain('Wrong-Password-1');
  });

  it('throttles login attempts per username and address across processes (Redis), then 429', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await login('throttled-user', 'Wrong-Password-1')).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
    const limited = await login('throttled-user', 'Wrong-Password-1');
    expect(limited.body.code).toBe('TOO_MANY_REQUESTS');
    expect(limited.body.message.zh).toContain('频繁');
    await t.http.post('/auth/register', registration('other-user'));
    expect((await login('other-user')).status).toBe(200);
    const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
    const keys = await redis.keys(`${t.redisPrefix}:throttle:*`);
    redis.disconnect();
    expect(keys.length).toBeGreaterThan(0);
  });

  it('refuses a disabled account at once, even with a token still valid', async () => {
    const reg = await t.http.post('/auth/register', registration('soon-disabled'));
    const { accessToken } = (await login('soon-disabled')).body;
    expect((await t.http.get('/auth/me', accessToken)).status).toBe(200);
    const disabled = await t.http.post(`/accounts/${reg.body.id}/disable`, {}, centre);
    expect(disabled.status).toBe(200);
    const refused = await t.http.get('/auth/me', accessToken);
    expect(refused.status).toBe(401);
    expect(refused.body.code).toBe('ACCOUNT_DISABLED');
    expect((await login('soon-disabled')).body.code).toBe('ACCOUNT_DISABLED');
    expect((await t.http.post(`/accounts/${reg.body.id}/enable`, {}, centre)).status).toBe(200);
    expect((await t.http.get('/auth/me', accessToken)).status).toBe(200);
    expect((await t.http.post(`/accounts/${reg.body.id}/disable`, {}, office)).body.code).toBe('ACCOUNT_NOT_MANAGEABLE');
  });

  it('refuses expired, forged and unsigned tokens', async () => {
    const a = await t.account([Role.Bidder]);
    const jwt = t.app.get(JwtService);
    const secret = process.env.JWT_SECRET ?? 'development-only-secret-change-me-0123456789';
    const expired = jwt.sign({ sub: a.id, typ: 'access' }, { secret, expiresIn: -10 });
    const forged = jwt.sign({ sub: a.id, typ: 'access' }, { secret: 'another-secret-of-at-least-32-chars!!' });
    const header = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
    const body = Buffer.from(JSON.stringify({ sub: a.id, typ: 'access' })).toString('base64url');
    for (const token of [expired, forged, `${header}.${body}.`, 'garbage', a.token.slice(0, -3) + 'abc']) {
      const res = await t.http.get('/auth/me', token);
      expect(res.status).toBe(401);
      expect(res.body.code).toBe('TOKEN_INVALID');
    }
    expect((await t.http.get('/auth/me', a.token)).status).toBe(200);
  });

  it('lets the centre administer operating roles and the office supervising ones, never mixed', async () => {
    const org = await t.organisation();
    const created = await t.http.post('/accounts', { username: 'new-owner', displayName: '业主经办', password: PASSWORD, organisationId: org, roles: [{ role: 'owner' }] }, centre);
    expect(created.status).toBe(201);
    const id = created.body.id;
    expect((await t.http.post(`/accounts/${id}/roles`, { role: 'agent' }, centre)).body.roles.map((r: { role: string }) => r.role)).toEqual(['owner', 'agent']);
    const before = await t.snapshot();
    const refusals: [string, unknown, number, string][] = [
      [centre, { role: 'committee' }, 403, 'ROLE_NOT_GRANTABLE'],
      [office, { role: 'office' }, 409, 'ROLE_SEPARATION_CONFLICT'],
      [office, { role: 'regulator' }, 422, 'ROLE_DOMAIN_REQUIRED'],
      [centre, { role: 'owner' }, 409, 'ROLE_ALREADY_HELD'],
      [centre, { role: 'owner', domain: 'land' }, 422, 'ROLE_DOMAIN_REQUIRED'],
      [centre, { role: 'emperor' }, 400, 'VALIDATION_FAILED'],
    ];
    for (const [token, body, status, code] of refusals) {
      const res = await t.http.post(`/accounts/${id}/roles`, body, token);
      expect({ status: res.status, code: res.body.code }).toEqual({ status, code });
    }
    const mixedAtCreation = await t.http.post(
      '/accounts',
      { username: 'mixed-one', displayName: 'x', password: PASSWORD, organisationId: org, roles: [{ role: 'regulator', domain: 'land' }, { role: 'bidder' }] },
      office,
    );
    expect(mixedAtCreation.status).toBe(403);
    expect(await t.snapshot()).toEqual(before);

    const regulator = await t.http.post('/accounts', { username: 'land-regulator', displayName: '自然资源监管', password: PASSWORD, organisationId: org, roles: [{ role: 'regulator', domain: TradingDomain.Land }] }, office);
    expect(regulator.status).toBe(201);
    const conflict = await t.http.post(`/accounts/${regulator.body.id}/roles`, { role: 'bidder' }, centre);
    expect(conflict.status).toBe(409);
    expect(conflict.body.code).toBe('ROLE_SEPARATION_CONFLICT');
    expect((await t.http.delete(`/accounts/${id}/roles/agent`, centre)).body.roles).toEqual([{ role: 'owner', domain: null }]);
    expect((await t.http.delete(`/accounts/${id}/roles/agent`, centre)).body.code).toBe('ROLE_NOT_HELD');
    expect((await t.http.delete(`/accounts/${id}/roles/owner`, office)).body.code).toBe('ROLE_NOT_GRANTABLE');
  });

  it('has the database refuse a mixed account even when the API is bypassed', async () => {
    const a = await t.account([Role.Office]);
    await expect(t.ds.query(`INSERT INTO account_role (account_id, role) VALUES ($1, 'bidder')`, [a.id])).rejects.toThrow(/role separation/);
  });

  it('shows an organisation to its members and administrators, and publicly without personal data', async () => {
    const reg = await t.http.post('/auth/register', registration('org-member'));
    const token = (await login('org-member')).body.accessToken;
    const own = await t.http.get(`/organisations/${reg.body.organisationId}`, token);
    expect(own.status).toBe(200);
    expect(own.body.accounts.map((a: { username: string }) => a.username)).toEqual(['org-member']);
    expect(JSON.stringify(own.body)).not.toMatch(/password/i);
    expect((await t.http.get(`/organisations/${reg.body.organisationId}`, centre)).status).toBe(200);
    const stranger = await t.account([Role.Bidder]);
    expect((await t.http.get(`/organisations/${reg.body.organisationId}`, stranger.token)).status).toBe(404);
    const pub = await t.http.get(`/public/organisations/${own.body.uscc}`);
    expect(pub.status).toBe(200);
    expect(Object.keys(pub.body).sort()).toEqual(['id', 'name', 'region', 'uscc']);
    expect(pub.body.id).toBe(reg.body.organisationId);
  });
});
