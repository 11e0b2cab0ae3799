import { Role, TradingDomain } from '@app/platform/auth/roles';
import { fastTenderingRules, postForm } from '../../support/tender-fixtures';
import { startTestApp, TestAccount, TestApp } from '../../support/test-app';
import { startWorker, waitFor, WorkerProcess } from '../../support/worker-process';

// 法 22: supervisors may read who registered, deposited and bid before the opening, and each such read through the audit
// browser is itself audited as `tender.bidders_viewed` (who read, which tender), once per request and tender — as the
// deposit list already was. After the opening, and for a page that names no bidder, nothing is added.
describe('reading bidders in the audit trail before the opening is audited', () => {
  let t: TestApp;
  let worker: WorkerProcess;
  let centre: string;
  let office: TestAccount;
  let regulator: TestAccount;
  let agent: TestAccount;
  let owner: TestAccount;
  let bidders: TestAccount[];
  let soon: string; // opens during the test
  let later: string; // stays open for bids

  const viewed = (projectId?: string) =>
    t.ds.query(
      `SELECT actor_id AS "actorId", actor_role AS "role", organisation_id AS "organisationId", subject_type AS "subjectType", subject_id AS "subjectId", payload
       FROM audit_event WHERE action = 'tender.bidders_viewed' AND ($1::text IS NULL OR subject_id = $1) ORDER BY id`,
      [projectId ?? null],
    );
  const search = (who: TestAccount, query: Record<string, string | number>) => t.http.get(`/supervision/audit?${new URLSearchParams(Object.entries(query).map(([k, v]): [string, string] => [k, String(v)]))}`, who.token);

  const announced = async (name: string, seconds: number) => {
    const reg = await t.http.post(
      '/tenders',
      { name, kind: 'construction', region: '350102', qualification: '市政公用工程施工总承包二级', evaluationMethod: 'lowest_price', sections: [{ name: '一标段', estimate: '5000000.00', deposit: '100000.00' }], ownerOrganisationId: owner.organisationId, ruleSet: 'sandbox' },
      agent.token,
    );
    expect(reg.status).toBe(201);
    const id = reg.body.id as string;
    expect((await t.http.post(`/tenders/${id}/accept`, {}, centre)).status).toBe(200);
    expect((await postForm(t, `/tenders/${id}/documents`, agent.token, {}, { name: '招标文件.pdf', content: Buffer.from('%PDF 招标文件') })).status).toBe(201);
    expect((await t.http.post(`/tenders/${id}/announce`, { bidDeadline: new Date(Date.now() + seconds * 1000).toISOString() }, centre)).status).toBe(200);
    return id;
  };

  beforeAll(async () => {
    t = await startTestApp('audit-bidders-viewed');
    worker = await startWorker({ DATABASE_URL: t.databaseUrl, REDIS_PREFIX: t.redisPrefix, MILESTONE_RECONCILE_MS: '1000' });
    centre = (await t.account([Role.Centre])).token;
    office = await t.account([Role.Office]);
    regulator = await t.account([{ role: Role.Regulator, domain: TradingDomain.Tendering }]);
    owner = await t.account([Role.Owner]);
    agent = await t.account([Role.Agent]);
    bidders = [];
    for (let i = 0; i < 4; i++) bidders.push(await t.account([Role.Bidder]));
    await fastTenderingRules(t, (await t.account([Role.Committee])).token, { bidPreparation: 15, clarificationBeforeDeadline: 20 });
    soon = await announced('城北再生水厂配套管网工程', 30);
    later = await announced('城北污水处理厂提标改造工程', 3600);
    // On `soon`: three bidders register, deposit (the centre confirms one) and bid. On `later`: one registers.
    for (const [i, b] of bidders.slice(0, 3).entries()) {
      expect((await t.http.post(`/tenders/${soon}/registrations`, {}, b.token)).status).toBe(200);
      const d = await t.http.post(`/tenders/${soon}/sections/1/deposits`, { method: 'transfer', reference: `ZZ-BV-${i}`, amount: '100000.00', payerAccount: `62220202001122334${i}` }, b.token);
      expect(d.status).toBe(201);
      if (i === 0) expect((await t.http.post(`/tenders/deposits/${d.body.id}/confirm`, {}, centre)).status).toBe(200);
      expect((await postForm(t, `/tenders/${soon}/sections/1/bids`, b.token, { price: `${4_800_000 - i * 10_000}.00` }, { name: '投标文件.pdf', content: Buffer.from(`%PDF 投标文件 ${i}`) })).status).toBe(201);
    }
    expect((await t.http.post(`/tenders/${later}/registrations`, {}, bidders[3].token)).status).toBe(200);
  }, 90000);

  afterAll(async () => {
    await worker?.stop();
    await t?.close();
  });

  it('appends one entry for the tender when the office searches its trail before the opening, naming who read', async () => {
    expect((await t.http.get(`/tenders/${soon}`, centre)).body.status).toBe('bidding');
    expect(await viewed()).toEqual([]);
    const r = await search(office, { projectId: soon, pageSize: 100 });
    expect(r.status).toBe(200);
    const actions: string[] = r.body.items.map((e: { action: string }) => e.action);
    for (const a of ['tender.bidder_registered', 'tender.deposit_declared', 'tender.deposit_confirmed', 'tender.bid_submitted']) expect(actions).toContain(a);
    // the page names the bidders (that is why the read is recorded)
    expect(r.body.items.filter((e: { organisation: { id: string } | null }) => bidders.slice(0, 3).some((b) => b.organisationId === e.organisation?.id)).length).toBeGreaterThanOrEqual(9);

    const entries = await viewed();
    expect(entries).toHaveLength(1);
    const revealing = r.body.items.filter((e: { role: string; action: string }) => e.role === 'bidder' || e.action === 'tender.deposit_confirmed').map((e: { id: string }) => e.id);
    expect(revealing).toHaveLength(10); // 3 × (registered, declared, bid) + the confirmation
    expect(entries[0]).toEqual({ actorId: office.id, role: 'office', organisationId: office.organisationId, subjectType: 'tender', subjectId: soon, payload: { view: 'audit_search', status: 'bidding', eventIds: revealing } });
    // the entry is an ordinary link of the chain
    expect((await t.http.get('/audit/verify', office.token)).body.ok).toBe(true);
  });

  it('appends nothing for a search that returns no event naming a bidder', async () => {
    const before = await viewed();
    const announcedOnly = await search(office, { projectId: soon, action: 'tender.announced' });
    expect(announcedOnly.body.items.map((e: { action: string }) => e.action)).toEqual(['tender.announced']);
    // its own trail of reads names the office, not a bidder
    expect((await search(office, { projectId: soon, action: 'tender.bidders_viewed' })).body.items).toHaveLength(1);
    expect((await search(office, { accountId: agent.id })).body.total).toBeGreaterThan(0);
    expect((await search(office, { organisationId: bidders[0].organisationId!, from: '2000-01-01T00:00:00Z', to: '2000-01-02T00:00:00Z' })).body.items).toEqual([]);
    expect(await viewed()).toEqual(before);
  });

  it('appends one entry per tender a page names, for the regulator too, and for one subject’s trail', async () => {
    const before = (await viewed()).length;
    const r = await search(regulator, { pageSize: 100 });
    expect(r.status).toBe(200);
    const added = (await viewed()).slice(before);
    expect(added.map((e: { subjectId: string }) => e.subjectId).sort()).toEqual([soon, later].sort());
    for (const e of added) expect(e).toMatchObject({ actorId: regulator.id, role: 'regulator', payload: { view: 'audit_search', status: 'bidding' } });
    expect(added.find((e: { subjectId: string }) => e.subjectId === later).payload.eventIds).toHaveLength(1);

    const trail = await t.http.get(`/audit/events?subjectType=tender&subjectId=${later}`, office.token);
    expect(trail.status).toBe(200);
    expect(trail.body.items.map((e: { action: string }) => e.action)).toContain('tender.bidder_registered');
    const [last] = (await viewed(later)).slice(-1);
    expect((await viewed()).length).toBe(before + 3);
    expect(last).toMatchObject({ actorId: office.id, role: 'office', payload: { view: 'audit_events', status: 'bidding', eventIds: [expect.any(String)] } });

    const exported = await t.http.get(`/supervision/projects/${later}/audit-export`, office.token);
    expect(exported.status).toBe(200);
    expect((await viewed()).length).toBe(before + 4);
    expect((await viewed(later)).slice(-1)[0]).toMatchObject({ actorId: office.id, payload: { view: 'audit_export', status: 'bidding' } });
  });

  it('appends nothing once the tender is opened', async () => {
    await waitFor(async () => (await t.http.get(`/tenders/${soon}`, centre)).body.status === 'opened', 60000, 'the opening');
    const before = await viewed();
    const r = await search(office, { projectId: soon, pageSize: 100 });
    expect(r.body.items.map((e: { action: string }) => e.action)).toContain('tender.bid_submitted');
    expect((await t.http.get(`/audit/events?subjectType=tender&subjectId=${soon}`, regulator.token)).status).toBe(200);
    expect((await t.http.get(`/supervision/projects/${soon}/audit-export`, office.token)).status).toBe(200);
    expect(await viewed()).toEqual(before);
    // the deposit list after the opening is not recorded either (as before)
    expect((await t.http.get(`/tenders/${soon}/deposits`, office.token)).body).toHaveLength(3);
    expect(await viewed()).toEqual(before);
  }, 90000);
});
