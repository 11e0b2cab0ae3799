import { Role, TradingDomain } from '@app/platform/auth/roles';
import { startTestApp, TestAccount, TestApp } from '../../support/test-app';
import { startWorker, waitFor, WorkerProcess } from '../../support/worker-process';

// GET /procurement/requirements/mine: a purchaser's own online-quote requirements, the quote counts once the deadline
// has opened them, the winner and the order — through HTTP, with a worker closing the rounds.
describe('my requirements (online quotes)', () => {
  const WINDOW_S = 6;
  let t: TestApp;
  let worker: WorkerProcess;
  let centre: string;
  let office: string;
  let regulator: string;
  let purchaser: TestAccount;
  let otherPurchaser: TestAccount;
  let suppliers: TestAccount[];
  const lines: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestApp('procurement-my-requirements');
    worker = await startWorker({ DATABASE_URL: t.databaseUrl, REDIS_PREFIX: t.redisPrefix, MILESTONE_RECONCILE_MS: '1000' });
    centre = (await t.account([Role.Centre])).token;
    office = (await t.account([Role.Office])).token;
    regulator = (await t.account([{ role: Role.Regulator, domain: TradingDomain.Procurement }])).token;
    purchaser = await t.account([Role.Owner], { organisationId: await t.organisation('市财政局') });
    otherPurchaser = await t.account([Role.Owner], { organisationId: await t.organisation('市教育局') });
    suppliers = [];
    for (const name of ['甲科技有限公司', '乙电脑有限公司', '丙信息有限公司']) suppliers.push(await t.account([Role.Bidder], { organisationId: await t.organisation(name) }));
    for (const [i, s] of suppliers.entries()) {
      await t.ds.query(`INSERT INTO procurement_agreement (agreement_no, organisation_id, category_code, kind, valid_from, valid_until) VALUES ($1, $2, 'A02.01', 'framework', '2020-01-01', '2099-12-31')`, [`XY-2026-${i}`, s.organisationId]);
    }
    for (const p of [purchaser, otherPurchaser]) {
      const [line] = await t.ds.query(`INSERT INTO budget_line (organisation_id, code, name, year, amount_fen, created_by) VALUES ($1, 'ZB-2026-001', '办公设备购置', 2026, 1000000000, $2) RETURNING id`, [p.organisationId, p.id]);
      lines[p.organisationId!] = line.id;
    }
    const committee = (await t.account([Role.Committee])).token;
    const draft = await t.http.post('/rule-sets', { domain: 'procurement', name: '电子卖场测试(秒)', sandbox: true, changes: { periods: { quoteWindow: { value: WINDOW_S, unit: 's' } } } }, committee);
    expect((await t.http.post(`/rule-sets/${draft.body.id}/publish`, {}, committee)).status).toBe(200);
  }, 60000);

  afterAll(async () => {
    await worker?.stop();
    await t?.close();
  });

  const publish = async (who: TestAccount, title: string) => {
    const body = { title, categoryCode: 'A02.01.02', items: [{ description: '台式计算机', quantity: 100, unit: '台' }], deliveryRegion: '350102', deliveryDate: '2099-12-31', maxPrice: '1500000.00', budgetLineId: lines[who.organisationId!], ruleSet: 'sandbox' };
    const r = await t.http.post('/procurement/requirements', body, who.token);
    expect(r.status).toBe(201);
    return r.body.id as string;
  };
  const mine = (token: string | undefined, query = '') => t.http.get(`/procurement/requirements/mine${query}`, token);
  const closed = (id: string) => waitFor(async () => ((await t.http.get(`/public/procurement/requirements/${id}`)).body.status !== 'quoting' ? true : null), WINDOW_S * 1000 + 20000, `requirement ${id} to close`);
  let computers: string;
  let printers: string;
  let theirs: string;

  it('lists the purchaser its own requirements, newest first, with no count while the quotes are sealed', async () => {
    expect((await mine(purchaser.token)).body).toEqual({ items: [], total: 0, page: 1, pageSize: 20 });
    computers = await publish(purchaser, '市财政局办公计算机采购');
    printers = await publish(purchaser, '市财政局打印机采购');
    theirs = await publish(otherPurchaser, '市教育局计算机采购');
    for (const [i, s] of suppliers.entries()) expect((await t.http.post(`/procurement/requirements/${computers}/quotes`, { total: ['1200000.00', '1150000.00', '1300000.00'][i] }, s.token)).status).toBe(201);

    const r = await mine(purchaser.token);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ total: 2, page: 1, pageSize: 20 });
    expect(r.body.items.map((i: { id: string }) => i.id)).toEqual([printers, computers]);
    expect(r.body.items[1]).toEqual({
      id: computers,
      title: '市财政局办公计算机采购',
      categoryCode: 'A02.01.02',
      maxPrice: '1500000.00',
      round: 1,
      status: 'quoting',
      quoteDeadline: expect.any(String),
      closedAt: null,
      switchReason: null,
      createdAt: expect.any(String),
      quoteCount: null,
      validQuoteCount: null,
      winner: null,
      order: null,
    });
    expect(JSON.stringify(r.body)).not.toMatch(/1[123][05]0000/);
    expect((await mine(otherPurchaser.token)).body).toMatchObject({ total: 1, items: [{ id: theirs }] });
  });

  it('after the deadline shows the counts, the winner and the order; a round without quotes failed', async () => {
    await closed(computers);
    await closed(printers);
    await closed(theirs); // its closing is the worker's own work: it must not land inside the next test's snapshots
    const [p, c] = (await mine(purchaser.token)).body.items;
    const pub = (await t.http.get(`/public/procurement/requirements/${computers}`)).body;
    expect(c).toMatchObject({ id: computers, status: 'awarded', closedAt: expect.any(String), quoteCount: 3, validQuoteCount: 3, winner: { supplierName: '乙电脑有限公司', price: '1150000.00' } });
    expect(c.order).toEqual({ id: pub.orderId, no: expect.any(String), status: 'placed' });
    expect(pub.rounds[0].quotes).toHaveLength(c.quoteCount);
    expect(p).toMatchObject({ id: printers, status: 'failed', quoteCount: 0, validQuoteCount: 0, winner: null, order: null });

    expect((await mine(purchaser.token, '?status=awarded')).body).toMatchObject({ total: 1, items: [{ id: computers }] });
    expect((await mine(purchaser.token, '?status=quoting')).body).toMatchObject({ total: 0, items: [] });
    const all = (await mine(purchaser.token)).body.items;
    const first = await mine(purchaser.token, '?pageSize=1');
    const second = await mine(purchaser.token, '?page=2&pageSize=1');
    expect([...first.body.items, ...second.body.items]).toEqual(all);
    expect((await mine(otherPurchaser.token)).body.items.map((i: { id: string }) => i.id)).toEqual([theirs]);
  }, 60000);

  it('refuses other roles, anonymous callers and bad queries, changing nothing', async () => {
    const before = await t.snapshot();
    for (const token of [suppliers[0].token, centre, office, regulator]) {
      const r = await mine(token);
      expect([r.status, r.body.code]).toEqual([403, 'FORBIDDEN_ROLE']);
    }
    expect((await mine(undefined)).status).toBe(401);
    for (const q of ['?status=placed', '?page=0', '?pageSize=500', '?pageSize=', '?purchaser=' + otherPurchaser.organisationId]) {
      const r = await mine(purchaser.token, q);
      expect([q, r.status, r.body.code]).toEqual([q, 400, 'VALIDATION_FAILED']);
    }
    expect(await t.snapshot()).toEqual(before);
  });
});
