import { setTimeout as sleep } from 'node:timers/promises';
import { Role } from '@app/platform/auth/roles';
import { multipartBody, postInTwo } from '../../support/slow-body';
import { fastTenderingRules, postForm } from '../../support/tender-fixtures';
import { startTestApp, TestAccount, TestApp } from '../../support/test-app';
import { startWorker, waitFor, WorkerProcess } from '../../support/worker-process';

// 电子招标投标办法: a bid counts when its transmission completed before the deadline. INTAKE_DELAY_MS makes every
// submission's processing take DELAY_MS after its body completed, so "received in time, written after" is deterministic.
describe('time of receipt (tender bids)', () => {
  const DELAY_MS = 4000;
  const WAIT_MS = 8000;
  let t: TestApp;
  let worker: WorkerProcess;
  let centre: string;
  let agent: TestAccount;
  let owner: TestAccount;
  let bidders: TestAccount[];

  beforeAll(async () => {
    t = await startTestApp('tender-receipt', { INTAKE_DELAY_MS: String(DELAY_MS), INTAKE_WAIT_MS: String(WAIT_MS) });
    worker = await startWorker({ DATABASE_URL: t.databaseUrl, REDIS_PREFIX: t.redisPrefix, MILESTONE_RECONCILE_MS: '1000', INTAKE_WAIT_MS: String(WAIT_MS), INTAKE_DELAY_MS: '0' });
    centre = (await t.account([Role.Centre])).token;
    owner = await t.account([Role.Owner]);
    agent = await t.account([Role.Agent]);
    bidders = [];
    for (let i = 0; i < 4; i++) bidders.push(await t.account([Role.Bidder]));
    await fastTenderingRules(t, (await t.account([Role.Committee])).token, { bidPreparation: 2, clarificationBeforeDeadline: 1, openingObjectionWindow: 30, depositRefund: 30 });
  }, 60000);

  afterAll(async () => {
    await worker?.stop();
    await t?.close();
  });

  /** A tender in bidding whose deadline is `seconds` away, with every test bidder registered. */
  const announced = async (seconds: number): Promise<{ id: string; deadline: number }> => {
    const reg = await t.http.post(
      '/tenders',
      { name: '回执时间测试工程', kind: 'construction', region: '350102', qualification: '施工总承包', evaluationMethod: 'lowest_price', sections: [{ name: '一标段', estimate: '1000000.00', deposit: '20000.00' }], ownerOrganisationId: owner.organisationId, ruleSet: 'sandbox' },
      agent.token,
    );
    expect(reg.status).toBe(201);
    expect((await t.http.post(`/tenders/${reg.body.id}/accept`, {}, centre)).status).toBe(200);
    expect((await postForm(t, `/tenders/${reg.body.id}/documents`, agent.token, {}, { name: '招标文件.pdf', content: Buffer.from('%PDF 招标文件') })).status).toBe(201);
    const a = await t.http.post(`/tenders/${reg.body.id}/announce`, { bidDeadline: new Date(Date.now() + seconds * 1000).toISOString() }, centre);
    expect(a.status).toBe(200);
    for (const b of bidders) expect((await t.http.post(`/tenders/${reg.body.id}/registrations`, {}, b.token)).status).toBe(200);
    return { id: reg.body.id, deadline: new Date(a.body.bidDeadline).getTime() };
  };
  const bid = (id: string, who: TestAccount, price: string) => postForm(t, `/tenders/${id}/sections/1/bids`, who.token, { price }, { name: 'bid.pdf', content: Buffer.from(`%PDF 投标文件 ${price}`) });
  const status = async (id: string) => (await t.http.get(`/tenders/${id}`, centre)).body.status as string;
  const until = (at: number) => sleep(Math.max(0, at - Date.now()));
  /** What a bid request could change: the tender's bids and its bid audit entries. */
  const bidState = async (id: string) => ({
    bids: await t.ds.query(`SELECT b.id, b.status FROM tender_bid b JOIN tender_section s ON s.id = b.section_id WHERE s.project_id = $1 ORDER BY b.id`, [id]),
    audit: (await t.ds.query(`SELECT count(*)::int AS n FROM audit_event WHERE action = 'tender.bid_submitted' AND subject_id = $1`, [id]))[0].n,
    intake: (await t.ds.query(`SELECT count(*)::int AS n FROM intake WHERE subject_id = $1`, [id]))[0].n,
  });

  it('accepts a bid whose body completed before the deadline though its sealing ends after it, shows the received time on the receipt, and the opening waits for it', async () => {
    const { id, deadline } = await announced(16);
    const early = await Promise.all([bid(id, bidders[0], '900000.00'), bid(id, bidders[1], '910000.00')]);
    expect(early.map((r) => r.status)).toEqual([201, 201]);

    await until(deadline - 2500);
    const sent = Date.now();
    const inTime = await bid(id, bidders[2], '890000.00');
    expect(inTime.status).toBe(201);
    const receivedAt = new Date(inTime.body.receivedAt).getTime();
    const submittedAt = new Date(inTime.body.submittedAt).getTime();
    expect(receivedAt).toBeGreaterThanOrEqual(sent - 1000);
    expect(receivedAt).toBeLessThan(deadline);
    // stored after the deadline: the old judgement (the write's own time) would have refused it
    expect(submittedAt).toBeGreaterThanOrEqual(deadline);
    const [row] = await t.ds.query(`SELECT received_at FROM tender_bid WHERE id = $1`, [inTime.body.receiptNo]);
    expect(row.received_at.getTime()).toBe(receivedAt);
    const mine = await t.http.get(`/tenders/${id}/bids/mine`, bidders[2].token);
    expect(new Date(mine.body[0].receivedAt).getTime()).toBe(receivedAt);

    // The opening fired while the bid was still being sealed; it waited and counted it.
    await waitFor(async () => (await status(id)) !== 'bidding', 30000, 'the opening');
    const record = (await t.http.get(`/public/tenders/${id}/opening`)).body;
    expect(record.sections[0].bidCount).toBe(3);
    expect(record.sections[0].bids.map((b: { bidId: string }) => b.bidId)).toContain(inTime.body.receiptNo);
    expect(record.sections[0].bids.map((b: { price: string }) => b.price)).toContain('890000.00');
    expect((await t.ds.query(`SELECT count(*)::int AS n FROM intake WHERE subject_id = $1`, [id]))[0].n).toBe(0);
  }, 60000);

  it('refuses a bid whose body completed after the deadline, though it started before, and changes nothing', async () => {
    const { id, deadline } = await announced(6);
    const before = await bidState(id);
    const { body, contentType } = multipartBody({ price: '880000.00' }, { field: 'documents', name: 'late.pdf', content: Buffer.from(`%PDF 投标文件 ${'技术标'.repeat(20000)}`) });
    await until(deadline - 1500);
    const late = await postInTwo(t.http.baseUrl, `/tenders/${id}/sections/1/bids`, bidders[3].token, body, contentType, () => until(deadline + 300));
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('BID_AFTER_DEADLINE');
    expect(late.body.message.zh).toContain('截止');
    expect(new Date(late.body.details.receivedAt).getTime()).toBeGreaterThanOrEqual(deadline);
    expect(await bidState(id)).toEqual(before);
  }, 60000);

  it('does not let a stuck submission hold the opening beyond the bound', async () => {
    const { id, deadline } = await announced(5);
    // What a crashed api process leaves: its intake row, received in time, never removed.
    await t.ds.query(`INSERT INTO intake (subject_type, subject_id, received_at, expires_at) VALUES ('tender', $1, $2::timestamptz, $2::timestamptz + $3::int * interval '1 millisecond')`, [id, new Date(deadline - 500), WAIT_MS]);
    await waitFor(async () => (await status(id)) !== 'bidding', 40000, 'the opening');
    const closedAt = Date.now();
    expect(await status(id)).toBe('failed');
    // held while the row was within its bound (received − 0.5 s + WAIT_MS), released once it passed
    expect(closedAt).toBeGreaterThanOrEqual(deadline + WAIT_MS - 500 - 300);
    expect(closedAt).toBeLessThan(deadline + WAIT_MS + 15000);
  }, 60000);
});
