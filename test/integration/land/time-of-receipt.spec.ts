import { setTimeout as sleep } from 'node:timers/promises';
import { Role } from '@app/platform/auth/roles';
import { multipartBody, postInTwo } from '../../support/slow-body';
import { postForm } from '../../support/tender-fixtures';
import { startTestApp, TestAccount, TestApp } from '../../support/test-app';
import { startWorker, waitFor, WorkerProcess } from '../../support/worker-process';

// 竞买申请 are judged on when the server fully received them; the listing's end waits (bounded) for applications
// received in time. INTAKE_DELAY_MS makes each application's processing take DELAY_MS after its body completed.
describe('time of receipt (land applications)', () => {
  const DELAY_MS = 4000;
  const WAIT_MS = 8000;
  let t: TestApp;
  let worker: WorkerProcess;
  let centre: string;
  let owner: TestAccount;
  let bidders: TestAccount[];

  beforeAll(async () => {
    t = await startTestApp('land-receipt', { INTAKE_DELAY_MS: String(DELAY_MS), INTAKE_WAIT_MS: String(WAIT_MS) });
    worker = await startWorker({ DATABASE_URL: t.databaseUrl, REDIS_PREFIX: t.redisPrefix, MILESTONE_RECONCILE_MS: '1000', LOT_RECONCILE_MS: '500', INTAKE_WAIT_MS: String(WAIT_MS), INTAKE_DELAY_MS: '0' });
    centre = (await t.account([Role.Centre])).token;
    owner = await t.account([Role.Owner]);
    bidders = [];
    for (let i = 0; i < 2; i++) bidders.push(await t.account([Role.Bidder]));
    const committee = (await t.account([Role.Committee])).token;
    const periods = { announcementBeforeListing: 2, listing: 4, resultPublicity: 30, depositRefund: 20 };
    const draft = await t.http.post('/rule-sets', { domain: 'land', name: '土地回执测试(秒)', sandbox: true, changes: { periods: Object.fromEntries(Object.entries(periods).map(([k, s]) => [k, { value: s, unit: 's' }])), numbers: { countdownSeconds: 5 } } }, committee);
    expect(draft.status).toBe(201);
    expect((await t.http.post(`/rule-sets/${draft.body.id}/publish`, {}, committee)).status).toBe(200);
  }, 60000);

  afterAll(async () => {
    await worker?.stop();
    await t?.close();
  });

  /** A 挂牌 parcel whose listing starts in 3 s and ends `listingSeconds` later. */
  const announced = async (listingSeconds: number): Promise<{ id: string; lotId: string; end: number }> => {
    const reg = await t.http.post(
      '/land/parcels',
      { name: '城南 2026-09 号地块', region: '350102', location: '鼓楼区南街以西', area: '12000.00', use: 'residential', termYears: 70, plotRatio: '2.00', mode: 'listing', startPrice: '8000000.00', increment: { fixed: '100000.00' }, deposit: '1000000.00', ruleSet: 'sandbox' },
      owner.token,
    );
    expect(reg.status).toBe(201);
    const start = Date.now() + 3000;
    const a = await t.http.post(`/land/parcels/${reg.body.id}/announce`, { listingStartsAt: new Date(start).toISOString(), listingEndsAt: new Date(start + listingSeconds * 1000).toISOString() }, centre);
    expect(a.status).toBe(200);
    return { id: reg.body.id, lotId: a.body.lotId, end: new Date(a.body.listingEndsAt).getTime() };
  };
  const fields = (who: TestAccount) => ({ depositMethod: 'transfer', depositReference: `ZZ-${who.username}`, depositAmount: '1000000.00' });
  const documents = (who: TestAccount) => Buffer.from(`%PDF 竞买申请书 营业执照 ${who.organisationId}`);
  const parcel = (id: string) => t.http.get(`/public/land/parcels/${id}`).then((r) => r.body);
  const until = (at: number) => sleep(Math.max(0, at - Date.now()));
  /** What an application could change: the parcel's applications, their audit entries, in-flight intake rows. */
  const applicationState = async (id: string, lotId: string) => ({
    applications: await t.ds.query(`SELECT id, status, deposit_status FROM land_application WHERE project_id = $1 ORDER BY id`, [id]),
    audit: (await t.ds.query(`SELECT count(*)::int AS n FROM audit_event WHERE action = 'land.application_submitted' AND subject_id = $1`, [id]))[0].n,
    intake: (await t.ds.query(`SELECT count(*)::int AS n FROM intake WHERE subject_id = $1`, [lotId]))[0].n,
  });

  it('accepts an application received before the listing end though written after it, shows the received time, and the end counts it', async () => {
    const p = await announced(10);
    await until(p.end - 2500);
    const sent = Date.now();
    const app = await postForm(t, `/land/parcels/${p.id}/applications`, bidders[0].token, fields(bidders[0]), { name: '竞买申请书.pdf', content: documents(bidders[0]) });
    expect(app.status).toBe(201);
    const receivedAt = new Date(app.body.receivedAt).getTime();
    expect(receivedAt).toBeGreaterThanOrEqual(sent - 1000);
    expect(receivedAt).toBeLessThan(p.end);
    // written after the end: judged on the write's own time it would have been refused
    expect(new Date(app.body.appliedAt).getTime()).toBeGreaterThanOrEqual(p.end);
    const [row] = await t.ds.query(`SELECT received_at FROM land_application WHERE id = $1`, [app.body.id]);
    expect(row.received_at.getTime()).toBe(receivedAt);
    const mine = await t.http.get(`/land/parcels/${p.id}/applications/mine`, bidders[0].token);
    expect(new Date(mine.body.receivedAt).getTime()).toBe(receivedAt);

    // The end fired while the application was being processed; it waited, then ended the listing with it on file:
    // unsold (nobody quoted), and its deposit falls due for refund like every other applicant's.
    await waitFor(async () => ((await parcel(p.id)).phase === 'ended' ? true : undefined), 30000, 'the listing to end');
    const after = await t.http.get(`/land/parcels/${p.id}/applications/mine`, bidders[0].token);
    expect(after.body).toMatchObject({ id: app.body.id, depositStatus: 'refund_due' });
    const [ended] = await t.ds.query(`SELECT payload FROM audit_event WHERE action = 'land.ended' AND subject_id = $1`, [p.id]);
    expect(ended.payload.refundsDue.map((r: { applicationId: string }) => r.applicationId)).toEqual([app.body.id]);
    expect((await t.ds.query(`SELECT count(*)::int AS n FROM intake WHERE subject_id = $1`, [p.lotId]))[0].n).toBe(0);
  }, 60000);

  it('refuses an application whose body completed after the listing end, though it started before, and changes nothing', async () => {
    const p = await announced(6);
    const before = await applicationState(p.id, p.lotId);
    const { body, contentType } = multipartBody(fields(bidders[1]), { field: 'documents', name: '竞买申请书.pdf', content: Buffer.from(`%PDF ${'资信证明'.repeat(20000)}`) });
    await until(p.end - 1500);
    const late = await postInTwo(t.http.baseUrl, `/land/parcels/${p.id}/applications`, bidders[1].token, body, contentType, () => until(p.end + 300));
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('APPLICATIONS_CLOSED');
    expect(late.body.message.zh).toContain('截止');
    expect(new Date(late.body.details.receivedAt).getTime()).toBeGreaterThanOrEqual(p.end);
    expect(await applicationState(p.id, p.lotId)).toEqual(before);
  }, 60000);
});
