import { setTimeout as sleep } from 'node:timers/promises';
import { Role } from '@app/platform/auth/roles';
import { postInTwo } from '../../support/slow-body';
import { postForm } from '../../support/tender-fixtures';
import { startTestApp, TestAccount, TestApp } from '../../support/test-app';
import { startWorker, waitFor, WorkerProcess } from '../../support/worker-process';

// 受让报名 are judged on when the server fully received them; the listing's closing waits (bounded) for applications
// received in time. INTAKE_DELAY_MS makes each application's processing take DELAY_MS after its body completed.
describe('time of receipt (rural applications)', () => {
  const DELAY_MS = 4000;
  const WAIT_MS = 8000;
  const LISTING_S = 10;
  let t: TestApp;
  let worker: WorkerProcess;
  let centre: string;
  let owner: TestAccount;
  let buyers: TestAccount[];

  beforeAll(async () => {
    t = await startTestApp('rural-receipt', { INTAKE_DELAY_MS: String(DELAY_MS), INTAKE_WAIT_MS: String(WAIT_MS) });
    worker = await startWorker({ DATABASE_URL: t.databaseUrl, REDIS_PREFIX: t.redisPrefix, MILESTONE_RECONCILE_MS: '1000', INTAKE_WAIT_MS: String(WAIT_MS), INTAKE_DELAY_MS: '0' });
    centre = (await t.account([Role.Centre])).token;
    owner = await t.account([Role.Owner]);
    buyers = [];
    for (let i = 0; i < 2; i++) buyers.push(await t.account([Role.Bidder]));
    const committee = (await t.account([Role.Committee])).token;
    const periods = { listing: LISTING_S, resultPublicity: 2, depositRefund: 30 };
    const draft = await t.http.post('/rule-sets', { domain: 'rural', name: '农村产权回执测试(秒)', sandbox: true, changes: { periods: Object.fromEntries(Object.entries(periods).map(([k, s]) => [k, { value: s, unit: 's' }])), numbers: { countdownSeconds: 5 } } }, committee);
    expect(draft.status).toBe(201);
    expect((await t.http.post(`/rule-sets/${draft.body.id}/publish`, {}, committee)).status).toBe(200);
  }, 60000);

  afterAll(async () => {
    await worker?.stop();
    await t?.close();
  });

  /** Registered with a 30/45 resolution and the approval, listed by the centre now: the listing ends LISTING_S later. */
  const listed = async (): Promise<{ id: string; end: number }> => {
    const reg = await t.http.post(
      '/rural/deals',
      { name: '西坑村二组 80 亩林地经营权流转', kind: 'forest_rights', region: '350121', description: '东至山脊,西至溪,南至村道,北至三组林地', quantity: '80', unit: '亩', termMonths: 120, listingPrice: '240000.00', increment: '1000.00', deposit: '10000.00', ruleSet: 'sandbox' },
      owner.token,
    );
    expect(reg.status).toBe(201);
    const id = reg.body.id as string;
    expect((await postForm(t, `/rural/deals/${id}/resolution`, owner.token, { body: 'representatives_meeting', votesFor: '30', votesTotal: '45', date: '2026-01-05' }, { name: '决议.pdf', content: Buffer.from('%PDF 决议 30/45') })).status).toBe(201);
    expect((await postForm(t, `/rural/deals/${id}/approval`, owner.token, { authority: '闽侯县西坑镇人民政府', date: '2026-01-10' }, { name: '审核意见.pdf', content: Buffer.from('%PDF 同意') })).status).toBe(201);
    const l = await t.http.post(`/rural/deals/${id}/list`, {}, centre);
    expect(l.status).toBe(200);
    return { id, end: new Date(l.body.listings[0].endsAt).getTime() };
  };
  const declaration = (who: TestAccount) => ({ method: 'transfer', reference: `NC-${who.username}`, payerAccount: '6222020200112233445', amount: '10000.00' });
  const deal = (id: string) => t.http.get(`/rural/deals/${id}`, centre).then((r) => r.body);
  const until = (at: number) => sleep(Math.max(0, at - Date.now()));
  /** What an application could change: the deal's applications, their audit entries, in-flight intake rows. */
  const applicationState = async (id: string) => ({
    applications: await t.ds.query(`SELECT id, status FROM rural_application WHERE project_id = $1 ORDER BY id`, [id]),
    audit: (await t.ds.query(`SELECT count(*)::int AS n FROM audit_event WHERE action = 'rural.applied' AND subject_id = $1`, [id]))[0].n,
    intake: (await t.ds.query(`SELECT count(*)::int AS n FROM intake WHERE subject_id = $1`, [id]))[0].n,
  });

  it('accepts an application received before the listing end though written after it, shows the received time, and the closing counts it', async () => {
    const d = await listed();
    await until(d.end - 2500);
    const sent = Date.now();
    const app = await t.http.post(`/rural/deals/${d.id}/applications`, declaration(buyers[0]), buyers[0].token);
    expect(app.status).toBe(201);
    const receivedAt = new Date(app.body.receivedAt).getTime();
    expect(receivedAt).toBeGreaterThanOrEqual(sent - 1000);
    expect(receivedAt).toBeLessThan(d.end);
    // written after the end: judged on the write's own time it would have been refused
    expect(new Date(app.body.declaredAt).getTime()).toBeGreaterThanOrEqual(d.end);
    const [row] = await t.ds.query(`SELECT received_at FROM rural_application WHERE id = $1`, [app.body.id]);
    expect(row.received_at.getTime()).toBe(receivedAt);

    // The closing fired while the application was being processed; it waited, then closed the listing with it on file:
    // nobody was confirmed, so the listing fails and the declared deposit falls due for refund.
    const closed = await waitFor(async () => ((await deal(d.id)).status !== 'listing' ? deal(d.id) : null), 30000, 'the listing to close');
    expect(closed.status).toBe('failed');
    const mine = await t.http.get(`/rural/deals/${d.id}/applications`, buyers[0].token);
    expect(mine.body).toHaveLength(1);
    expect(mine.body[0]).toMatchObject({ id: app.body.id, status: 'refund_due' });
    expect(new Date(mine.body[0].receivedAt).getTime()).toBe(receivedAt);
    const [listingClosed] = await t.ds.query(`SELECT payload FROM audit_event WHERE action = 'rural.listing_closed' AND subject_id = $1`, [d.id]);
    expect(listingClosed.payload).toMatchObject({ outcome: 'failed', refundsDue: 1 });
    expect((await t.ds.query(`SELECT count(*)::int AS n FROM intake WHERE subject_id = $1`, [d.id]))[0].n).toBe(0);
  }, 60000);

  it('refuses an application whose body completed after the listing end, though it started before, and changes nothing', async () => {
    const d = await listed();
    const before = await applicationState(d.id);
    await until(d.end - 1500);
    const late = await postInTwo(t.http.baseUrl, `/rural/deals/${d.id}/applications`, buyers[1].token, Buffer.from(JSON.stringify(declaration(buyers[1]))), 'application/json', () => until(d.end + 300), 4);
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('LISTING_CLOSED');
    expect(late.body.message.zh).toContain('挂牌');
    expect(new Date(late.body.details.receivedAt).getTime()).toBeGreaterThanOrEqual(d.end);
    expect(await applicationState(d.id)).toEqual(before);
  }, 60000);
});
