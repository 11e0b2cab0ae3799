import { Role } from '@app/platform/auth/roles';
import { fastTenderingRules } from '../../support/tender-fixtures';
import { startTestApp, TestAccount, TestApp, validUscc } from '../../support/test-app';

const PASSWORD = 'Correct-Horse-9';

/** A tender section open for bids (deadline an hour away), and registered bidders, each in an organisation of its own. */
async function openTender(t: TestApp, bidders: number): Promise<{ id: string; bidders: TestAccount[] }> {
  const centre = (await t.account([Role.Centre])).token;
  const owner = await t.account([Role.Owner]);
  const agent = await t.account([Role.Agent]);
  const committee = (await t.account([Role.Committee])).token;
  await fastTenderingRules(t, committee, { bidPreparation: 8, clarificationBeforeDeadline: 20 });
  const reg = await t.http.post(
    '/tenders',
    {
      name: '城东污水管网改造工程',
      kind: 'construction',
      region: '350102',
      qualification: '市政公用工程施工总承包三级及以上资质',
      evaluationMethod: 'lowest_price',
      sections: [{ name: '一标段', estimate: '3000000.00', deposit: '60000.00' }],
      ownerOrganisationId: owner.organisationId,
      ruleSet: 'sandbox',
    },
    agent.token,
  );
  expect(reg.status).toBe(201);
  const id = reg.body.id as string;
  expect((await t.http.post(`/tenders/${id}/accept`, {}, centre)).status).toBe(200);
  const form = new FormData();
  form.append('documents', new Blob([Buffer.from('%PDF 招标文件')]), '招标文件.pdf');
  expect((await fetch(`${t.http.baseUrl}/tenders/${id}/documents`, { method: 'POST', body: form, headers: { authorization: `Bearer ${agent.token}` } })).status).toBe(201);
  expect((await t.http.post(`/tenders/${id}/announce`, { bidDeadline: new Date(Date.now() + 3600_000).toISOString() }, centre)).status).toBe(200);
  const accounts: TestAccount[] = [];
  for (let i = 0; i < bidders; i++) {
    const b = await t.account([Role.Bidder], { organisationId: await t.organisation(`第${i + 1}市政工程有限公司`) });
    expect((await t.http.post(`/tenders/${id}/registrations`, {}, b.token)).status).toBe(200);
    accounts.push(b);
  }
  return { id, bidders: accounts };
}

/** A sealed bid sent with an X-Forwarded-For header; answers the stored client address of the bid. */
async function bidFrom(t: TestApp, tenderId: string, bidder: TestAccount, forwardedFor: string): Promise<string | null> {
  const form = new FormData();
  form.append('price', '2850000.00');
  form.append('documents', new Blob([Buffer.from('%PDF 投标文件 技术标')]), '投标文件.pdf');
  const res = await fetch(`${t.http.baseUrl}/tenders/${tenderId}/sections/1/bids`, {
    method: 'POST',
    body: form,
    headers: { authorization: `Bearer ${bidder.token}`, 'x-forwarded-for': forwardedFor },
  });
  expect(res.status).toBe(201);
  const { receiptNo } = (await res.json()) as { receiptNo: string };
  const [row] = await t.ds.query(`SELECT client_ip FROM tender_bid WHERE id = $1`, [receiptNo]);
  return row.client_ip;
}

async function registerLogin(t: TestApp, username: string): Promise<void> {
  const res = await t.http.post('/auth/register', {
    organisation: { name: `${username} 建设有限公司`, uscc: validUscc(), legalRepresentative: '王五', contactName: '赵六', contactPhone: '0591-87654321' },
    account: { username, displayName: `${username} 经办人`, password: PASSWORD },
  });
  expect(res.status).toBe(201);
}

const wrongLogin = (t: TestApp, username: string, forwardedFor: string) =>
  t.http.request('POST', '/auth/login', { body: { username, password: 'Wrong-Password-1' }, headers: { 'x-forwarded-for': forwardedFor } });

const failuresOf = async (t: TestApp, username: string): Promise<string[]> =>
  (
    await t.ds.query(
      `SELECT e.payload->>'ip' AS ip FROM audit_event e JOIN account a ON a.id::text = e.subject_id WHERE e.action = 'account.login_failed' AND a.username = $1 ORDER BY e.id`,
      [username],
    )
  ).map((r: { ip: string }) => r.ip);

// The client address is the TCP peer's unless that peer is a configured proxy (TRUSTED_PROXIES): a header anyone can
// write neither escapes the login throttle nor lands in tender_bid.client_ip, which the collusion signals read.
describe('the client address with no trusted proxy (the default)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp('client-address', { LOGIN_ATTEMPTS_PER_MINUTE: '3' });
  }, 60000);

  afterAll(() => t?.close());

  it('keeps throttling a login whatever X-Forwarded-For each attempt claims, and audits the real address', async () => {
    await registerLogin(t, 'spoofer-one');
    const first = [];
    for (let i = 0; i < 4; i++) first.push((await wrongLogin(t, 'spoofer-one', '203.0.113.1')).status);
    expect(first).toEqual([401, 401, 401, 429]);
    const spoofed = [];
    for (let i = 0; i < 12; i++) spoofed.push((await wrongLogin(t, 'spoofer-one', `198.51.100.${i + 10}, 10.0.0.${i + 1}`)).status);
    expect(spoofed).toEqual(Array(12).fill(429));
    // Only the three attempts before the 429 had their password checked, each recorded with the peer's address.
    expect(await failuresOf(t, 'spoofer-one')).toEqual(['127.0.0.1', '127.0.0.1', '127.0.0.1']);
  });

  it('stores the peer address with a sealed bid, not the one the header makes up', async () => {
    const tender = await openTender(t, 1);
    expect(await bidFrom(t, tender.id, tender.bidders[0], '198.51.100.77')).toBe('127.0.0.1');
  });
});

describe('the client address behind a trusted proxy (TRUSTED_PROXIES=127.0.0.1)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp('client-address-proxied', { LOGIN_ATTEMPTS_PER_MINUTE: '3', TRUSTED_PROXIES: '127.0.0.1' });
    // The configuration is read once at start; later apps of this process go back to trusting nobody.
    delete process.env.TRUSTED_PROXIES;
  }, 60000);

  afterAll(() => t?.close());

  it('throttles per forwarded client: another client behind the same proxy may still try', async () => {
    await registerLogin(t, 'behind-proxy');
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await wrongLogin(t, 'behind-proxy', '198.51.100.7')).status);
    expect(statuses).toEqual([401, 401, 401, 429]);
    expect((await wrongLogin(t, 'behind-proxy', '198.51.100.8')).status).toBe(401);
    expect(await failuresOf(t, 'behind-proxy')).toEqual(['198.51.100.7', '198.51.100.7', '198.51.100.7', '198.51.100.8']);
  });

  it('stores the forwarded address with a sealed bid, and only the hop the proxy saw when a client prepends its own', async () => {
    const tender = await openTender(t, 2);
    expect(await bidFrom(t, tender.id, tender.bidders[0], '198.51.100.9')).toBe('198.51.100.9');
    expect(await bidFrom(t, tender.id, tender.bidders[1], '10.66.66.66, 198.51.100.10')).toBe('198.51.100.10');
  });
});
