import { setTimeout as sleep } from 'node:timers/promises';
import { Role } from '@app/platform/auth/roles';
import { postInTwo } from '../../support/slow-body';
import { startTestApp, TestAccount, TestApp } from '../../support/test-app';
import { startWorker, waitFor, WorkerProcess } from '../../support/worker-process';

// 网上竞价 quotes are judged on when the server fully received them; the round's closing waits (bounded) for quotes
// received in time. INTAKE_DELAY_MS makes each quote's processing take DELAY_MS after its body completed.
describe('time of receipt (e-mall quotes)', () => {
  const DELAY_MS = 4000;
  const WAIT_MS = 8000;
  let t: TestApp;
  let worker: WorkerProcess;
  let purchaser: TestAccount;
  let suppliers: TestAccount[];
  let budgetLineId: string;
  const windowS = 12;

  beforeAll(async () => {
    t = await startTestApp('quote-receipt', { INTAKE_DELAY_MS: String(DELAY_MS), INTAKE_WAIT_MS: String(WAIT_MS) });
    worker = await startWorker({ DATABASE_URL: t.databaseUrl, REDIS_PREFIX: t.redisPrefix, MILESTONE_RECONCILE_MS: '1000', INTAKE_WAIT_MS: String(WAIT_MS), INTAKE_DELAY_MS: '0' });
    purchaser = await t.account([Role.Owner]);
    suppliers = [];
    for (let i = 0; i < 4; i++) {
      const s = await t.account([Role.Bidder]);
      await t.ds.query(`INSERT INTO procurement_agreement (agreement_no, organisation_id, category_code, kind, valid_from, valid_until) VALUES ($1, $2, 'A02.01', 'framework', '2020-01-01', '2099-12-31')`, [`XY-R-${i}`, s.organisationId]);
      suppliers.push(s);
    }
    const [line] = await t.ds.query(`INSERT INTO budget_line (organisation_id, code, name, year, amount_fen, created_by) VALUES ($1, 'ZB-R-001', '办公设备购置', 2026, 1000000000, $2) RETURNING id`, [purchaser.organisationId, purchaser.id]);
    budgetLineId = line.id;
    const committee = (await t.account([Role.Committee])).token;
    const draft = await t.http.post('/rule-sets', { domain: 'procurement', name: '电子卖场回执测试(秒)', sandbox: true, changes: { periods: { quoteWindow: { value: windowS, unit: 's' } } } }, committee);
    expect(draft.status).toBe(201);
    expect((await t.http.post(`/rule-sets/${draft.body.id}/publish`, {}, committee)).status).toBe(200);
  }, 60000);

  afterAll(async () => {
    await worker?.stop();
    await t?.close();
  });

  const publish = async (): Promise<{ id: string; deadline: number }> => {
    const pub = await t.http.post(
      '/procurement/requirements',
      { title: '办公计算机采购', categoryCode: 'A02.01.02', items: [{ description: '台式计算机', quantity: 100, unit: '台', specs: 'i7' }], deliveryRegion: '350102', deliveryDate: '2099-12-31', maxPrice: '1500000.00', budgetLineId, ruleSet: 'sandbox' },
      purchaser.token,
    );
    expect(pub.status).toBe(201);
    return { id: pub.body.id, deadline: new Date(pub.body.quoteDeadline).getTime() };
  };
  const quote = (id: string, who: TestAccount, total: string) => t.http.post(`/procurement/requirements/${id}/quotes`, { total }, who.token);
  const status = async (id: string) => (await t.http.get(`/public/procurement/requirements/${id}`)).body;
  const until = (at: number) => sleep(Math.max(0, at - Date.now()));
  const quoteState = async (id: string) => ({
    quotes: await t.ds.query(`SELECT id, status FROM procurement_quote WHERE requirement_id = $1 ORDER BY id`, [id]),
    audit: (await t.ds.query(`SELECT count(*)::int AS n FROM audit_event WHERE action = 'procurement.quote_submitted' AND subject_id = $1`, [id]))[0].n,
    intake: (await t.ds.query(`SELECT count(*)::int AS n FROM intake WHERE subject_id = $1`, [id]))[0].n,
  });

  it('accepts a quote received before the deadline and written after it, shows the received time, and the round closes with it (it wins)', async () => {
    const { id, deadline } = await publish();
    const early = await Promise.all([quote(id, suppliers[0], '1200000.00'), quote(id, suppliers[1], '1250000.00')]);
    expect(early.map((r) => r.status)).toEqual([201, 201]);
    await until(deadline - 2500);
    const inTime = await quote(id, suppliers[2], '1100000.00');
    expect(inTime.status).toBe(201);
    const receivedAt = new Date(inTime.body.receivedAt).getTime();
    expect(receivedAt).toBeLessThan(deadline);
    expect(new Date(inTime.body.submittedAt).getTime()).toBeGreaterThanOrEqual(deadline);
    const [row] = await t.ds.query(`SELECT received_at FROM procurement_quote WHERE id = $1`, [inTime.body.receiptNo]);
    expect(row.received_at.getTime()).toBe(receivedAt);
    const closed = await waitFor(async () => ((await status(id)).status !== 'quoting' ? status(id) : null), 30000, 'the round to close');
    expect(closed.status).toBe('awarded');
    expect(closed.winner).toMatchObject({ quoteId: inTime.body.receiptNo, price: '1100000.00' });
  }, 60000);

  it('refuses a quote whose body completed after the deadline, though it started before, and changes nothing', async () => {
    const { id, deadline } = await publish();
    const before = await quoteState(id);
    await until(deadline - 1500);
    const late = await postInTwo(t.http.baseUrl, `/procurement/requirements/${id}/quotes`, suppliers[3].token, Buffer.from(JSON.stringify({ total: '1000000.00' })), 'application/json', () => until(deadline + 300), 4);
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('QUOTE_AFTER_DEADLINE');
    expect(new Date(late.body.details.receivedAt).getTime()).toBeGreaterThanOrEqual(deadline);
    expect(await quoteState(id)).toEqual(before);
  }, 60000);

  it('does not let a stuck quote hold the round beyond the bound', async () => {
    const { id, deadline } = await publish();
    await t.ds.query(`INSERT INTO intake (subject_type, subject_id, received_at, expires_at) VALUES ('procurement_requirement', $1, $2::timestamptz, $2::timestamptz + $3::int * interval '1 millisecond')`, [id, new Date(deadline - 500), WAIT_MS]);
    await waitFor(async () => (await status(id)).status !== 'quoting', 40000, 'the round to close');
    const closedAt = Date.now();
    expect((await status(id)).status).toBe('failed');
    expect(closedAt).toBeGreaterThanOrEqual(deadline + WAIT_MS - 500 - 300);
    expect(closedAt).toBeLessThan(deadline + WAIT_MS + 15000);
  }, 60000);
});
