import { Role } from '@app/platform/auth/roles';
import { fillPath, routesOf } from '../../support/routes';
import { fastTenderingRules, postForm } from '../../support/tender-fixtures';
import { startTestApp, TestAccount, TestApp, validUscc } from '../../support/test-app';

interface Bidder {
  account: TestAccount;
  name: string;
  uscc: string;
  reference: string;
}

// 法 22: before the opening nobody learns who or how many registered, deposited or bid. Every GET route under /tenders
// and /public, read from the controllers' metadata, is walked as the owner, the agent, another bidder and anonymous
// while bids are taken; then one more bidder registers, deposits and bids and the walk is repeated: no answer may name
// a bidder, and none may change (a count would).
describe('bidders stay secret until the opening (法 22)', () => {
  let t: TestApp;
  let centre: string;
  let office: TestAccount;
  let owner: TestAccount;
  let agent: TestAccount;
  let observer: TestAccount;
  let tenderId: string;
  const secret: Bidder[] = [];

  const bidder = async (label: string): Promise<Bidder> => {
    const uscc = validUscc();
    const name = `${label}建设集团有限公司-${uscc.slice(-6)}`;
    const [org] = await t.ds.query(
      `INSERT INTO organisation (name, uscc, legal_representative, contact_name, contact_phone) VALUES ($1, $2, '王五', '赵六', '13900000000') RETURNING id`,
      [name, uscc],
    );
    return { account: await t.account([Role.Bidder], { organisationId: org.id }), name, uscc, reference: `BH-SECRET-${uscc.slice(-8)}` };
  };

  /** Registers, declares a deposit (an e-guarantee), and submits a sealed bid. */
  const takePart = async (b: Bidder, price: string) => {
    expect((await t.http.post(`/tenders/${tenderId}/registrations`, {}, b.account.token)).status).toBe(200);
    const d = await t.http.post(`/tenders/${tenderId}/sections/1/deposits`, { method: 'guarantee', reference: b.reference, amount: '160000.00' }, b.account.token);
    expect(d.status).toBe(201);
    expect((await t.http.post(`/tenders/deposits/${d.body.id}/confirm`, {}, centre)).status).toBe(200);
    expect((await postForm(t, `/tenders/${tenderId}/sections/1/bids`, b.account.token, { price }, { name: '投标文件.pdf', content: Buffer.from(`%PDF ${b.name}`) })).status).toBe(201);
    return d.body.id as string;
  };

  beforeAll(async () => {
    t = await startTestApp('bidder-secrecy');
    centre = (await t.account([Role.Centre])).token;
    office = await t.account([Role.Office]);
    owner = await t.account([Role.Owner]);
    agent = await t.account([Role.Agent]);
    const committee = (await t.account([Role.Committee])).token;
    await fastTenderingRules(t, committee, { bidPreparation: 8, clarificationBeforeDeadline: 20 });
    const reg = await t.http.post(
      '/tenders',
      { name: '鼓楼区老旧小区改造工程', kind: 'construction', region: '350102', qualification: '建筑工程施工总承包三级', evaluationMethod: 'lowest_price', sections: [{ name: '一标段', estimate: '8000000.00', deposit: '160000.00' }], ownerOrganisationId: owner.organisationId, ruleSet: 'sandbox' },
      agent.token,
    );
    expect(reg.status).toBe(201);
    tenderId = reg.body.id;
    expect((await t.http.post(`/tenders/${tenderId}/accept`, {}, centre)).status).toBe(200);
    expect((await postForm(t, `/tenders/${tenderId}/documents`, agent.token, {}, { name: '招标文件.pdf', content: Buffer.from('%PDF 招标文件') })).status).toBe(201);
    expect((await t.http.post(`/tenders/${tenderId}/announce`, { bidDeadline: new Date(Date.now() + 3_600_000).toISOString() }, centre)).status).toBe(200);

    const me = await bidder('观察');
    observer = me.account;
    await takePart(me, '7650000.00');
    for (const label of ['闽江', '榕城']) {
      const b = await bidder(label);
      secret.push(b);
      await takePart(b, label === '闽江' ? '7610000.00' : '7720000.00');
    }
    const q = await t.http.post(`/tenders/${tenderId}/questions`, { question: '工期是否可以调整?' }, secret[0].account.token);
    expect(q.status).toBe(201);
    expect((await t.http.post(`/tenders/${tenderId}/questions/${q.body.id}/answer`, { answer: '工期不变。' }, agent.token)).status).toBe(200);
  }, 90000);

  afterAll(() => t?.close());

  /** Every GET under /tenders and /public, as each viewer: status and body text. */
  const walk = async () => {
    const viewers: [string, string | undefined][] = [['owner', owner.token], ['agent', agent.token], ['another bidder', observer.token], ['anonymous', undefined]];
    const routes = routesOf(t).filter((r) => r.method === 'GET' && /^\/(tenders|public)(\/|$)/.test(r.path) && !r.path.endsWith('.xlsx'));
    const seen = new Map<string, { status: number; text: string }>();
    for (const route of routes) {
      const path = fillPath(route.path, (name) => (name === 'id' ? tenderId : name === 'no' ? '1' : '00000000-0000-4000-8000-000000000000'));
      for (const [who, token] of viewers) {
        const res = await t.http.request('GET', path, { token });
        seen.set(`${route.path} as ${who}`, { status: res.status, text: (typeof res.body === 'string' ? res.body : JSON.stringify(res.body)).replace(/"requestId":"[^"]*"/g, '') });
      }
    }
    return seen;
  };

  it('names no bidder and counts none for the owner, the agent, another bidder or the public while bids are taken', async () => {
    const before = await walk();
    // The walk reads what is there: the tender itself, and the observer's own deposit and registration.
    expect(before.get('/tenders/:id as owner')!.text).toContain('鼓楼区老旧小区改造工程');
    expect(before.get('/public/tenders/:id as anonymous')!.text).toContain('工期不变');
    expect(before.get('/tenders/registrations/mine as another bidder')!.text).toContain(tenderId);
    expect(before.get('/tenders/:id/deposits as another bidder')!.text).toContain('BH-SECRET-');

    const leaks: string[] = [];
    const search = (seen: Map<string, { text: string }>, bidders: Bidder[]) => {
      for (const [key, { text }] of seen)
        for (const b of bidders) for (const s of [b.name, b.uscc, b.reference, b.account.username, b.account.organisationId!]) if (text.includes(s)) leaks.push(`${key} shows ${s}`);
    };
    search(before, secret);

    // One more bidder takes part: nothing anyone of them reads may change.
    const late = await bidder('晋安');
    await takePart(late, '7690000.00');
    const after = await walk();
    search(after, [...secret, late]);
    // the server's clock (a page's countdown reads it) is the one field that moves with time, not with the bidders
    const timeless = (text: string) => text.replace(/"serverTime":"[^"]*"/g, '"serverTime":"…"');
    for (const [key, b] of before) {
      const a = after.get(key)!;
      if (a.status !== b.status || timeless(a.text) !== timeless(b.text)) leaks.push(`${key} changed when one more bidder took part: ${b.text.slice(0, 300)} → ${a.text.slice(0, 300)}`);
    }
    expect(leaks).toEqual([]);

    // Nor what the outbox sends the parties and the other bidders.
    const sent: { params: unknown }[] = await t.ds.query(`SELECT params FROM notification_outbox WHERE recipient_id = ANY($1)`, [[owner.organisationId, agent.organisationId, observer.organisationId, owner.id, agent.id, observer.id]]);
    const text = JSON.stringify(sent);
    for (const b of [...secret, late]) for (const s of [b.name, b.uscc, b.reference]) expect(text).not.toContain(s);
  }, 180000);

  it('shows the centre every deposit it confirms, and the office every depositor with an audit entry per read', async () => {
    const all = (await t.http.get(`/tenders/${tenderId}/deposits`, centre)).body as { organisationName: string; reference: string }[];
    for (const b of secret) expect(all).toContainEqual(expect.objectContaining({ organisationName: b.name, reference: b.reference }));

    const reads = async () => (await t.ds.query(`SELECT count(*)::int AS n FROM audit_event WHERE action = 'tender.bidders_viewed' AND actor_id = $1`, [office.id]))[0].n;
    const before = await reads();
    const seen = (await t.http.get(`/tenders/${tenderId}/deposits`, office.token)).body as { organisationName: string }[];
    for (const b of secret) expect(seen).toContainEqual(expect.objectContaining({ organisationName: b.name }));
    expect(await reads()).toBe(before + 1);
    await t.http.get(`/tenders/${tenderId}/deposits`, office.token);
    expect(await reads()).toBe(before + 2);
    const [event] = await t.ds.query(`SELECT payload, subject_id FROM audit_event WHERE action = 'tender.bidders_viewed' ORDER BY id DESC LIMIT 1`);
    expect(event.subject_id).toBe(tenderId);
  });

  it('shows the owner the depositors once the bids are opened', async () => {
    await t.ds.query(`UPDATE tender SET status = 'opened', opened_at = now() WHERE project_id = $1`, [tenderId]);
    const seen = (await t.http.get(`/tenders/${tenderId}/deposits`, owner.token)).body as { organisationName: string }[];
    for (const b of secret) expect(seen).toContainEqual(expect.objectContaining({ organisationName: b.name }));
  });
});
