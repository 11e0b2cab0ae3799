import { Role } from '@app/platform/auth/roles';
import { startTestApp, TestAccount, TestApp, validUscc } from '../../support/test-app';

const PASSWORD = 'Correct-Horse-9';

// 利益冲突: the centre operates every transaction and sees every bidder's deposits, so an organisation that bids never
// holds the centre role, and the centre's organisation never bids. The side an organisation takes first is kept for good.
describe('identity: the centre and the bidders are different organisations', () => {
  let t: TestApp;
  let centre: TestAccount;

  beforeAll(async () => {
    t = await startTestApp('organisation-conflict');
    centre = await t.account([Role.Centre]);
  });

  afterAll(() => t.close());

  const register = async (username: string, uscc = validUscc()) =>
    t.http.post('/auth/register', {
      organisation: { name: `${username} 建设有限公司`, uscc, legalRepresentative: '王五', contactName: '赵六', contactPhone: '0591-87654321' },
      account: { username, displayName: `${username} 经办人`, password: PASSWORD },
    });

  /** What a refused grant could have changed: the organisation's accounts, their roles and its side. */
  const stateOf = async (organisationId: string | null) => ({
    accounts: await t.ds.query(`SELECT id FROM account WHERE organisation_id = $1 ORDER BY id`, [organisationId]),
    roles: await t.ds.query(`SELECT r.account_id, r.role FROM account_role r JOIN account a ON a.id = r.account_id WHERE a.organisation_id = $1 ORDER BY 1, 2`, [organisationId]),
    side: (await t.ds.query(`SELECT trading_side FROM organisation WHERE id = $1`, [organisationId]))[0]?.trading_side ?? null,
    events: (await t.ds.query(`SELECT count(*)::int AS n FROM audit_event WHERE action IN ('account.created', 'account.role_granted')`))[0].n,
  });

  const expectConflict = (res: { status: number; body: { code: string; message: { zh: string; en: string } } }) => {
    expect([res.status, res.body.code]).toEqual([409, 'ROLE_ORGANISATION_CONFLICT']);
    expect(res.body.message.zh).toContain('交易中心');
    expect(res.body.message.en).toMatch(/bids cannot hold the centre role/);
  };

  it('refuses the centre role to an account of a bidding organisation, changing nothing, even after its bidder role is revoked', async () => {
    const bidder = await register('conflict-bidder');
    expect(bidder.status).toBe(201);
    const org = bidder.body.organisationId as string;
    const colleague = await t.http.post('/accounts', { username: 'conflict-colleague', displayName: '同单位 经办人', password: PASSWORD, organisationId: org, roles: [{ role: 'owner' }] }, centre.token);
    expect(colleague.status).toBe(201);

    const before = await stateOf(org);
    expect(before.side).toBe('bidder');
    expectConflict(await t.http.post(`/accounts/${colleague.body.id}/roles`, { role: 'centre' }, centre.token));
    expectConflict(await t.http.post(`/accounts/${bidder.body.id}/roles`, { role: 'centre' }, centre.token));
    expectConflict(
      await t.http.post('/accounts', { username: 'conflict-operator', displayName: '想当中心的人', password: PASSWORD, organisationId: org, roles: [{ role: 'centre' }] }, centre.token),
    );
    expect(await stateOf(org)).toEqual(before);
    expect((await t.http.post('/auth/login', { username: 'conflict-operator', password: PASSWORD })).status).toBe(401);

    // The organisation has bid; revoking its bidder role does not make it neutral.
    expect((await t.http.delete(`/accounts/${bidder.body.id}/roles/bidder`, centre.token)).status).toBe(200);
    const revoked = await stateOf(org);
    expectConflict(await t.http.post(`/accounts/${colleague.body.id}/roles`, { role: 'centre' }, centre.token));
    expect(await stateOf(org)).toEqual(revoked);
    const me = await t.http.post('/auth/login', { username: 'conflict-colleague', password: PASSWORD });
    expect(me.body.account.roles).toEqual([{ role: 'owner', domain: null }]);
  });

  it("refuses the bidder role inside the centre's organisation, and the centre's code registering as a bidder", async () => {
    const clerk = await t.http.post('/accounts', { username: 'centre-clerk', displayName: '中心 业务员', password: PASSWORD, organisationId: centre.organisationId, roles: [{ role: 'expert' }] }, centre.token);
    expect(clerk.status).toBe(201);
    const before = await stateOf(centre.organisationId);
    expect(before.side).toBe('centre');
    expectConflict(await t.http.post(`/accounts/${clerk.body.id}/roles`, { role: 'bidder' }, centre.token));
    expectConflict(
      await t.http.post('/accounts', { username: 'centre-bidder', displayName: '中心 投标员', password: PASSWORD, organisationId: centre.organisationId, roles: [{ role: 'bidder' }] }, centre.token),
    );
    expect(await stateOf(centre.organisationId)).toEqual(before);

    const [{ uscc }] = await t.ds.query(`SELECT uscc FROM organisation WHERE id = $1`, [centre.organisationId]);
    const snapshot = await t.snapshot();
    const again = await register('centre-as-bidder', uscc);
    expect([again.status, again.body.code]).toEqual([409, 'ORGANISATION_EXISTS']);
    expect(await t.snapshot()).toEqual(snapshot);
  });

  it('keeps one account without an organisation on one side too', async () => {
    const loner = await t.account([Role.Bidder], { organisationId: null });
    const before = await t.ds.query(`SELECT role FROM account_role WHERE account_id = $1`, [loner.id]);
    expectConflict(await t.http.post(`/accounts/${loner.id}/roles`, { role: 'centre' }, centre.token));
    expect(await t.ds.query(`SELECT role FROM account_role WHERE account_id = $1`, [loner.id])).toEqual(before);
  });

  it('still lets the centre staff its own organisation and a neutral one, which then takes the centre side', async () => {
    const own = await t.http.post('/accounts', { username: 'centre-second', displayName: '中心 业务员二', password: PASSWORD, organisationId: centre.organisationId, roles: [{ role: 'centre' }] }, centre.token);
    expect(own.status).toBe(201);
    const neutral = await t.organisation('市公共资源交易中心分中心');
    const branch = await t.http.post('/accounts', { username: 'branch-clerk', displayName: '分中心 业务员', password: PASSWORD, organisationId: neutral, roles: [{ role: 'owner' }] }, centre.token);
    expect((await t.http.post(`/accounts/${branch.body.id}/roles`, { role: 'centre' }, centre.token)).status).toBe(201);
    expect((await stateOf(neutral)).side).toBe('centre');
    expectConflict(await t.http.post('/accounts', { username: 'branch-bidder', displayName: 'x', password: PASSWORD, organisationId: neutral, roles: [{ role: 'bidder' }] }, centre.token));
  });

  it('has the database refuse the other side even when the API is bypassed', async () => {
    const bidding = await t.account([Role.Bidder]);
    const other = await t.account([Role.Owner], { organisationId: bidding.organisationId });
    await expect(t.ds.query(`INSERT INTO account_role (account_id, role) VALUES ($1, 'centre')`, [other.id])).rejects.toThrow(/cannot take the centre role/);
    const moved = await t.account([Role.Centre], { organisationId: null });
    await expect(t.ds.query(`UPDATE account SET organisation_id = $2 WHERE id = $1`, [moved.id, bidding.organisationId])).rejects.toThrow(/cannot take the centre role/);
    expect(await t.ds.query(`SELECT role FROM account_role WHERE account_id = $1`, [other.id])).toEqual([{ role: 'owner' }]);
  });
});
