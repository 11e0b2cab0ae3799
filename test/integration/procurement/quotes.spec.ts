import { Role, TradingDomain } from '@app/platform/auth/roles';
import { startTestApp, TestAccount, TestApp } from '../../support/test-app';
import { startWorker, waitFor, WorkerProcess } from '../../support/worker-process';

// 网上竞价 through HTTP with a sandbox procurement rule set whose quote window is counted in seconds, and a real worker.
describe('online quotes (网上竞价)', () => {
  const WINDOW_S = 6;
  let t: TestApp;
  let worker: WorkerProcess;
  let centre: string;
  let office: string;
  let regulator: string;
  let purchaser: TestAccount;
  let otherPurchaser: TestAccount;
  let suppliers: TestAccount[];
  let unqualified: TestAccount;
  let expired: TestAccount;
  let budgetLineId: string;

  beforeAll(async () => {
    t = await startTestApp('procurement-quotes');
    worker = await startWorker({ DATABASE_URL: t.databaseUrl, REDIS_PREFIX: t.redisPrefix, MILESTONE_RECONCILE_MS: '1000' });
    centre = (await t.account([Role.Centre])).token;
    office = (await t.account([Role.Office])).token;
    regulator = (await t.account([{ role: Role.Regulator, domain: TradingDomain.Procurement }])).token;
    purchaser = await t.account([Role.Owner], { organisationId: await t.organisation('市财政局') });
    otherPurchaser = await t.account([Role.Owner]);
    suppliers = [];
    for (const name of ['甲科技有限公司', '乙电脑有限公司', '丙信息有限公司', '丁数码有限公司', '戊办公设备有限公司']) suppliers.push(await t.account([Role.Bidder], { organisationId: await t.organisation(name) }));
    unqualified = await t.account([Role.Bidder]);
    expired = await t.account([Role.Bidder]);
    // The catalogue's agreements: a branch (A02.01) covers its leaves; one supplier's agreement has lapsed.
    for (const [i, s] of suppliers.entries()) {
      await t.ds.query(`INSERT INTO procurement_agreement (agreement_no, organisation_id, category_code, kind, valid_from, valid_until) VALUES ($1, $2, 'A02.01', 'framework', '2020-01-01', '2099-12-31')`, [`XY-2026-${i}`, s.organisationId]);
    }
    await t.ds.query(`INSERT INTO procurement_agreement (agreement_no, organisation_id, category_code, kind, valid_from, valid_until) VALUES ('XY-2020-OLD', $1, 'A02.01', 'framework', '2020-01-01', '2021-12-31')`, [expired.organisationId]);
    await t.ds.query(`INSERT INTO procurement_agreement (agreement_no, organisation_id, category_code, kind, valid_from, valid_until) VALUES ('XY-2026-FURN', $1, 'A05.01', 'framework', '2020-01-01', '2099-12-31')`, [unqualified.organisationId]);
    const [line] = await t.ds.query(`INSERT INTO budget_line (organisation_id, code, name, year, amount_fen, created_by) VALUES ($1, 'ZB-2026-001', '办公设备购置', 2026, 1000000000, $2) RETURNING id`, [purchaser.organisationId, purchaser.id]);
    budgetLineId = line.id;
    // A committee-published sandbox version of the procurement rules: a quote window of a few seconds.
    const committee = (await t.account([Role.Committee])).token;
    const draft = await t.http.post('/rule-sets', { domain: 'procurement', name: '电子卖场测试(秒)', sandbox: true, changes: { periods: { quoteWindow: { value: WINDOW_S, unit: 's' } } } }, committee);
    expect(draft.status).toBe(201);
    expect((await t.http.post(`/rule-sets/${draft.body.id}/publish`, {}, committee)).status).toBe(200);
  }, 60000);

  afterAll(async () => {
    await worker?.stop();
    await t?.close();
  });

  const requirement = (over: Record<string, unknown> = {}) => ({
    title: '市财政局办公计算机采购',
    categoryCode: 'A02.01.02',
    items: [{ description: '台式计算机', quantity: 100, unit: '台', specs: 'i7 / 16G / 512G SSD / 23.8 英寸' }],
    deliveryRegion: '350102',
    deliveryDate: '2099-12-31',
    maxPrice: '1500000.00',
    budgetLineId,
    ruleSet: 'sandbox',
    ...over,
  });
  const quote = (id: string, who: TestAccount, total: string, unitPrices?: string[]) => t.http.post(`/procurement/requirements/${id}/quotes`, unitPrices ? { total, unitPrices } : { total }, who.token);
  const publicView = (id: string) => t.http.get(`/public/procurement/requirements/${id}`).then((r) => r.body);
  const closed = (id: string) => waitFor(async () => ((await publicView(id)).status !== 'quoting' ? publicView(id) : null), WINDOW_S * 1000 + 20000, `requirement ${id} to close`);

  it('takes sealed quotes from four suppliers (one resubmits, one above the maximum), opens them at the deadline and awards the lowest, a tie going to the earlier', async () => {
    // Refusals first, each changing nothing.
    const before = await t.snapshot();
    const below = await t.http.post('/procurement/requirements', requirement({ maxPrice: '1000000.00' }), purchaser.token);
    expect(below.status).toBe(422);
    expect(below.body.code).toBe('BELOW_QUOTE_THRESHOLD');
    expect(below.body.message.zh).toContain('直购');
    expect((await t.http.post('/procurement/requirements', requirement({ categoryCode: 'A09.99' }), purchaser.token)).body.code).toBe('CATEGORY_NOT_FOUND');
    expect((await t.http.post('/procurement/requirements', requirement(), otherPurchaser.token)).body.code).toBe('BUDGET_LINE_NOT_USABLE');
    expect((await t.http.post('/procurement/requirements', requirement({ maxPrice: '1500000.001' }), purchaser.token)).body.code).toBe('MONEY_INVALID');
    expect((await t.http.post('/procurement/requirements', { ...requirement(), surprise: 1 }, purchaser.token)).status).toBe(400);
    for (const token of [suppliers[0].token, centre, office, regulator]) expect((await t.http.post('/procurement/requirements', requirement(), token)).status).toBe(403);
    expect((await t.http.post('/procurement/requirements', requirement())).status).toBe(401);
    expect(await t.snapshot()).toEqual(before);

    const pub = await t.http.post('/procurement/requirements', requirement(), purchaser.token);
    expect(pub.status).toBe(201);
    const id = pub.body.id;
    expect(pub.body).toMatchObject({ status: 'quoting', round: 1, maxPrice: '1500000.00', ruleSet: { sandbox: true, minQuotes: 3, quoteWindow: { value: WINDOW_S, unit: 's' } }, rounds: [], winner: null });
    const deadline = new Date(pub.body.quoteDeadline).getTime();
    expect(Math.abs(deadline - Date.now() - WINDOW_S * 1000)).toBeLessThan(3000);
    // An online quote is a kernel project, published by the purchaser with the same rule version; its deadline is the project's milestone.
    expect(pub.body).toMatchObject({ projectId: expect.any(String), projectStatus: 'published' });
    const project = (await t.http.get(`/projects/${pub.body.projectId}`, purchaser.token)).body;
    expect(project).toMatchObject({ domain: 'procurement', name: pub.body.title, status: 'published', ruleSnapshot: { version: pub.body.ruleSet.version, sandbox: true } });
    const [m] = await t.ds.query(`SELECT kind, subject_type, due_at, status, payload FROM milestone WHERE subject_id = $1`, [pub.body.projectId]);
    expect(m).toMatchObject({ kind: 'procurement.quote_deadline', subject_type: 'trading_project', status: 'pending', payload: { requirementId: id, round: 1 } });

    // Wrong roles and unqualified suppliers are refused and change nothing.
    const before2 = await t.snapshot();
    expect((await quote(id, purchaser, '1200000.00')).status).toBe(403);
    expect((await quote(id, centre as unknown as TestAccount, '1200000.00')).status).toBe(401);
    for (const who of [unqualified, expired]) {
      const r = await quote(id, who, '1100000.00');
      expect(r.status).toBe(403);
      expect(r.body.code).toBe('SUPPLIER_NOT_QUALIFIED');
    }
    expect((await t.http.post(`/procurement/requirements/${id}/quotes`, { total: '-5.00' }, suppliers[0].token)).body.code).toBe('MONEY_INVALID');
    expect((await t.http.post(`/procurement/requirements/${id}/quotes`, { total: '0' }, suppliers[0].token)).body.code).toBe('QUOTE_PRICE_INVALID');
    expect((await quote(id, suppliers[0], '1200000.00', ['11000.00'])).body.code).toBe('QUOTE_ITEMS_MISMATCH');
    expect(await t.snapshot()).toEqual(before2);

    const a1 = await quote(id, suppliers[0], '1300000.00');
    expect(a1.status).toBe(201);
    expect(a1.body).toMatchObject({ round: 1, status: 'submitted', replaces: null });
    expect(a1.body.quoteDigest).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(a1.body)).not.toContain('1300000');
    const b = await quote(id, suppliers[1], '1150000.00', ['11500.00']);
    expect(b.status).toBe(201);
    const c = await quote(id, suppliers[2], '1150000.00');
    expect(c.status).toBe(201);
    const d = await quote(id, suppliers[3], '1600000.00');
    expect(d.status).toBe(201);
    const a2 = await quote(id, suppliers[0], '1200000.00');
    expect(a2.status).toBe(201);
    expect(a2.body.replaces).toBe(a1.body.receiptNo);
    const mine = await t.http.get(`/procurement/requirements/${id}/quotes/mine`, suppliers[0].token);
    expect(mine.body.map((q: { status: string }) => q.status)).toEqual(['replaced', 'submitted']);
    expect(JSON.stringify(mine.body)).not.toMatch(/1[23]00000/);

    // Sealed: no endpoint, column or audit entry shows a price before the deadline.
    for (const token of [purchaser.token, centre, office, regulator]) {
      const r = await t.http.get(`/procurement/requirements/${id}/quotes`, token);
      expect(r.status).toBe(403);
      expect(r.body.code).toBe('QUOTES_SEALED');
    }
    expect((await t.http.get(`/procurement/requirements/${id}/quotes`, otherPurchaser.token)).status).toBe(404);
    expect((await t.http.get(`/procurement/requirements/${id}/quotes`, suppliers[1].token)).status).toBe(403);
    const early = await publicView(id);
    expect(early.rounds).toEqual([]);
    expect(JSON.stringify(early)).not.toMatch(/1150000|1200000|1600000/);
    const rows = await t.ds.query(`SELECT total_fen, item_prices, valid, opened_at, sealed FROM procurement_quote WHERE requirement_id = $1`, [id]);
    expect(rows).toHaveLength(5);
    for (const r of rows) {
      expect(r).toMatchObject({ total_fen: null, item_prices: null, valid: null, opened_at: null });
      expect(r.sealed.toString('latin1')).not.toMatch(/115000000|120000000|130000000|160000000/);
    }
    const audit = await t.ds.query(`SELECT payload::text AS p FROM audit_event WHERE subject_id = $1`, [id]);
    expect(audit.map((a: { p: string }) => a.p).join('\n')).not.toMatch(/115000000|120000000|130000000|160000000/);

    const done = await closed(id);
    expect(done.status).toBe('awarded');
    expect(done.winner).toMatchObject({ quoteId: b.body.receiptNo, supplierName: '乙电脑有限公司', price: '1150000.00' });
    expect(done.rounds).toHaveLength(1);
    const byName = Object.fromEntries(done.rounds[0].quotes.map((q: { supplierName: string }) => [q.supplierName, q]));
    expect(Object.keys(byName).sort()).toEqual(['丁数码有限公司', '丙信息有限公司', '乙电脑有限公司', '甲科技有限公司'].sort());
    expect(byName['甲科技有限公司']).toMatchObject({ price: '1200000.00', valid: true });
    expect(byName['乙电脑有限公司']).toMatchObject({ price: '1150000.00', valid: true, unitPrices: ['11500.00'] });
    expect(byName['丙信息有限公司']).toMatchObject({ price: '1150000.00', valid: true });
    expect(byName['丁数码有限公司']).toMatchObject({ price: '1600000.00', valid: false, invalidReason: 'above_maximum' });
    // The award became an order in the same transaction, the budget taken.
    expect(done.orderId).toEqual(expect.any(String));
    const [order] = await t.ds.query(`SELECT source, source_id, supplier_organisation_id, total_fen::text AS total FROM procurement_order WHERE id = $1`, [done.orderId]);
    expect(order).toEqual({ source: 'quote', source_id: id, supplier_organisation_id: suppliers[1].organisationId, total: '115000000' });
    const list = await t.http.get('/public/procurement/requirements');
    expect(list.body.find((r: { id: string }) => r.id === id)).toMatchObject({ status: 'awarded', winner: { supplierName: '乙电脑有限公司', price: '1150000.00' } });
    for (const token of [purchaser.token, centre, office, regulator]) expect((await t.http.get(`/procurement/requirements/${id}/quotes`, token)).body).toHaveLength(4);
    const [event] = await t.ds.query(`SELECT payload FROM audit_event WHERE subject_id = $1 AND action = 'procurement.quote_awarded'`, [id]);
    expect(event.payload.quotes.every((q: { verified: boolean }) => q.verified)).toBe(true);

    // A late quote is refused by the server's clock and changes nothing.
    const before3 = await t.snapshot();
    const late = await quote(id, suppliers[4], '1000000.00');
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('QUOTE_AFTER_DEADLINE');
    expect(late.body.message.en).toContain('deadline');
    expect((await t.http.post(`/procurement/requirements/${id}/reopen`, {}, purchaser.token)).body.code).toBe('REQUIREMENT_STATE_CONFLICT');
    expect(await t.snapshot()).toEqual(before3);
  }, 60000);

  it('fails a round with two quotes, reopens it once, fails again and then can only switch method', async () => {
    const pub = await t.http.post('/procurement/requirements', requirement({ title: '市财政局笔记本电脑采购', categoryCode: 'A02.01.03', maxPrice: '1200000.00' }), purchaser.token);
    expect(pub.status).toBe(201);
    const id = pub.body.id;
    expect((await quote(id, suppliers[0], '1100000.00')).status).toBe(201);
    expect((await quote(id, suppliers[1], '1050000.00')).status).toBe(201);
    // reopening or switching while quoting is refused
    expect((await t.http.post(`/procurement/requirements/${id}/reopen`, {}, purchaser.token)).status).toBe(409);
    const failed = await closed(id);
    expect(failed).toMatchObject({ status: 'failed', round: 1, winner: null, orderId: null });
    expect(failed.rounds[0].quotes).toHaveLength(2);

    const before = await t.snapshot();
    expect((await t.http.post(`/procurement/requirements/${id}/reopen`, {}, otherPurchaser.token)).body.code).toBe('REQUIREMENT_NOT_YOURS');
    for (const token of [suppliers[0].token, centre, office, regulator]) expect((await t.http.post(`/procurement/requirements/${id}/reopen`, {}, token)).status).toBe(403);
    expect((await t.http.post(`/procurement/requirements/${id}/switch`, { reason: '转为竞争性磋商' }, suppliers[0].token)).status).toBe(403);
    expect((await t.http.post(`/procurement/requirements/${id}/switch`, {}, purchaser.token)).status).toBe(400);
    expect(await t.snapshot()).toEqual(before);

    const reopened = await t.http.post(`/procurement/requirements/${id}/reopen`, {}, purchaser.token);
    expect(reopened.status).toBe(200);
    expect(reopened.body).toMatchObject({ status: 'quoting', round: 2 });
    expect(new Date(reopened.body.quoteDeadline).getTime()).toBeGreaterThan(new Date(pub.body.quoteDeadline).getTime());
    // round 1's opened quotes stay public; round 2 starts sealed and empty
    expect(reopened.body.rounds.map((r: { round: number }) => r.round)).toEqual([1]);
    expect((await quote(id, suppliers[2], '1000000.00')).body.round).toBe(2);
    const again = await closed(id);
    expect(again).toMatchObject({ status: 'failed', round: 2 });
    expect(again.rounds.map((r: { round: number; quotes: unknown[] }) => [r.round, r.quotes.length])).toEqual([
      [1, 2],
      [2, 1],
    ]);

    const before2 = await t.snapshot();
    const second = await t.http.post(`/procurement/requirements/${id}/reopen`, {}, purchaser.token);
    expect(second.status).toBe(409);
    expect(second.body.code).toBe('REOPEN_USED');
    expect(await t.snapshot()).toEqual(before2);
    const switched = await t.http.post(`/procurement/requirements/${id}/switch`, { reason: '两轮有效报价均不足三家,转为竞争性磋商' }, purchaser.token);
    expect(switched.status).toBe(200);
    expect(switched.body).toMatchObject({ status: 'switched', switchReason: '两轮有效报价均不足三家,转为竞争性磋商' });
    expect((await t.http.post(`/procurement/requirements/${id}/switch`, { reason: '再次变更' }, purchaser.token)).status).toBe(409);
    const actions = (await t.ds.query(`SELECT action FROM audit_event WHERE subject_id = $1 ORDER BY id`, [id])).map((a: { action: string }) => a.action);
    expect(actions).toEqual([
      'procurement.requirement_published',
      'procurement.quote_submitted',
      'procurement.quote_submitted',
      'procurement.quote_round_failed',
      'procurement.requirement_reopened',
      'procurement.quote_submitted',
      'procurement.quote_round_failed',
      'procurement.requirement_switched',
    ]);
  }, 60000);
  it('stands still while its project is suspended: quotes refused, the round deadline frozen and shifted with its milestone at the resumption', async () => {
    const pub = await t.http.post('/procurement/requirements', requirement({ title: '市财政局打印机采购', maxPrice: '1300000.00' }), purchaser.token);
    expect(pub.status).toBe(201);
    const { id, projectId } = pub.body;
    const deadline = new Date(pub.body.quoteDeadline).getTime();
    const suspended = await t.http.post(`/projects/${projectId}/suspend`, { reason: '供应商投诉采购需求带有倾向性' }, office);
    expect(suspended.status).toBe(200);
    expect((await publicView(id)).projectStatus).toBe('suspended');

    const before = await t.snapshot();
    const refused = await quote(id, suppliers[0], '1200000.00');
    expect([refused.status, refused.body.code]).toEqual([409, 'PROJECT_SUSPENDED']);
    expect((await t.http.post(`/procurement/requirements/${id}/switch`, { reason: '暂停期间变更' }, purchaser.token)).body.code).toBe('PROJECT_SUSPENDED');
    expect(await t.snapshot()).toEqual(before);

    // past the original deadline the round is still open: its milestone is paused, nothing closed it
    await new Promise((r) => setTimeout(r, Math.max(0, deadline - Date.now()) + 1500));
    expect((await publicView(id)).status).toBe('quoting');
    const resumed = await t.http.post(`/projects/${projectId}/resume`, { note: '投诉不成立' }, office);
    expect(resumed.status).toBe(200);
    const view = await publicView(id);
    const shifted = new Date(view.quoteDeadline).getTime();
    expect(shifted).toBeGreaterThan(Date.now());
    expect(shifted - deadline).toBeGreaterThanOrEqual(1500);
    const [m] = await t.ds.query(`SELECT status, due_at FROM milestone WHERE subject_id = $1 AND kind = 'procurement.quote_deadline'`, [projectId]);
    expect([m.status, new Date(m.due_at).getTime()]).toEqual(['pending', shifted]);
    expect((await quote(id, suppliers[0], '1200000.00')).status).toBe(201);
    const notices = (await t.http.get(`/public/portal/projects/${projectId}`)).body.notices.map((n: { kind: string }) => n.kind);
    expect(notices).toEqual(expect.arrayContaining(['suspension', 'resumption']));
    const closedView = await closed(id);
    expect(closedView).toMatchObject({ status: 'failed', round: 1 });
    expect(closedView.rounds[0].quotes).toHaveLength(1);
  }, 90000);
  it('takes quotes until a later deadline the purchaser publishes, and refuses one before the shortest quote window without changing anything', async () => {
    const before = await t.snapshot();
    const early = await t.http.post('/procurement/requirements', requirement({ title: '市财政局服务器采购', quoteDeadline: new Date(Date.now() + 1000).toISOString() }), purchaser.token);
    expect([early.status, early.body.code]).toEqual([422, 'QUOTE_DEADLINE_TOO_EARLY']);
    expect(early.body.message).toEqual({ zh: expect.stringContaining('最短报价期'), en: expect.stringContaining('shortest quote window') });
    expect(early.body.details.quoteWindow).toEqual({ value: WINDOW_S, unit: 's' });
    expect(new Date(early.body.details.earliest).getTime()).toBeGreaterThan(new Date(early.body.details.quoteDeadline).getTime());
    expect((await t.http.post('/procurement/requirements', requirement({ quoteDeadline: 'next week' }), purchaser.token)).status).toBe(400);
    // A deadline after the delivery date is refused as before.
    expect((await t.http.post('/procurement/requirements', requirement({ quoteDeadline: '2100-01-01T00:00:00+08:00' }), purchaser.token)).body.code).toBe('DELIVERY_DATE_INVALID');
    expect(await t.snapshot()).toEqual(before);

    const deadline = new Date(Math.ceil((Date.now() + 8 * 86400000) / 1000) * 1000);
    const pub = await t.http.post('/procurement/requirements', requirement({ title: '市财政局服务器采购', quoteDeadline: deadline.toISOString() }), purchaser.token);
    expect(pub.status).toBe(201);
    expect(new Date(pub.body.quoteDeadline).getTime()).toBe(deadline.getTime());
    const [m] = await t.ds.query(`SELECT due_at FROM milestone WHERE subject_id = $1 AND kind = 'procurement.quote_deadline' AND status = 'pending'`, [pub.body.projectId]);
    expect(new Date(m.due_at).getTime()).toBe(deadline.getTime());
    // Past the rule's shortest window the round is still open and takes quotes.
    await new Promise((r) => setTimeout(r, (WINDOW_S + 2) * 1000));
    expect((await publicView(pub.body.id)).status).toBe('quoting');
    expect((await quote(pub.body.id, suppliers[4], '1400000.00')).status).toBe(201);
  }, 60000);
});
