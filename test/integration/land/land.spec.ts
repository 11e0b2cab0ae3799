import { createHash } from 'node:crypto';
import { Role, TradingDomain } from '@app/platform/auth/roles';
import { Money } from '@app/platform/money/money';
import { postForm } from '../../support/tender-fixtures';
import { startTestApp, TestAccount, TestApp } from '../../support/test-app';
import { startWorker, waitFor, WorkerProcess } from '../../support/worker-process';

/** A committee-published sandbox version of the land rules: periods in seconds and a short countdown. */
async function fastLandRules(t: TestApp, committee: string, periods: Record<string, number>, numbers: Record<string, number>): Promise<void> {
  const changes = { periods: Object.fromEntries(Object.entries(periods).map(([k, s]) => [k, { value: s, unit: 's' }])), numbers };
  const draft = await t.http.post('/rule-sets', { domain: 'land', name: '土地出让测试(秒)', sandbox: true, changes }, committee);
  if (draft.status !== 201) throw new Error(`rule draft refused: ${JSON.stringify(draft.body)}`);
  const published = await t.http.post(`/rule-sets/${draft.body.id}/publish`, {}, committee);
  if (published.status !== 200) throw new Error(`rule publish refused: ${JSON.stringify(published.body)}`);
}

const plus = (yuan: string, step: string) => Money.fromYuan(yuan).plus(Money.fromYuan(step)).toYuan();

// 国有建设用地使用权 挂牌/拍卖 through HTTP on the live engine, with a real worker closing phases.
describe('land listings on the live-bidding engine', () => {
  let t: TestApp;
  let worker: WorkerProcess;
  let centre: string;
  let office: string;
  let regulator: string;
  let owner: TestAccount;
  let bidders: TestAccount[];
  let key = 0;

  beforeAll(async () => {
    t = await startTestApp('land');
    worker = await startWorker({ DATABASE_URL: t.databaseUrl, REDIS_PREFIX: t.redisPrefix, MILESTONE_RECONCILE_MS: '1000', LOT_RECONCILE_MS: '500' });
    centre = (await t.account([Role.Centre])).token;
    office = (await t.account([Role.Office])).token;
    regulator = (await t.account([{ role: Role.Regulator, domain: TradingDomain.Land }])).token;
    owner = await t.account([Role.Owner]);
    bidders = [];
    for (let i = 0; i < 6; i++) bidders.push(await t.account([Role.Bidder]));
    const committee = (await t.account([Role.Committee])).token;
    await fastLandRules(t, committee, { announcementBeforeListing: 2, listing: 4, resultPublicity: 30, depositRefund: 20 }, { countdownSeconds: 5 });
  }, 60000);

  afterAll(async () => {
    await worker?.stop();
    await t.close();
  });

  const registration = (over: Record<string, unknown> = {}) => ({
    name: '城东片区 2026-03 号地块',
    region: '350102',
    location: '鼓楼区东街以南、八一七路以东',
    area: '35000.50',
    use: 'residential',
    termYears: 70,
    plotRatio: '2.50',
    mode: 'listing',
    startPrice: '10000000.00',
    increment: { fixed: '100000.00' },
    deposit: '2000000.00',
    reserve: '10300000.00',
    ruleSet: 'sandbox',
    ...over,
  });
  const inSeconds = (s: number) => new Date(Date.now() + s * 1000);

  const registerAndAnnounce = async (over: Record<string, unknown>, startIn: number, listingSeconds: number) => {
    const reg = await t.http.post('/land/parcels', registration(over), owner.token);
    expect(reg.status).toBe(201);
    const start = inSeconds(startIn);
    const a = await t.http.post(`/land/parcels/${reg.body.id}/announce`, { listingStartsAt: start.toISOString(), listingEndsAt: new Date(start.getTime() + listingSeconds * 1000).toISOString() }, centre);
    expect(a.status).toBe(200);
    return a.body as { id: string; lotId: string; listingEndsAt: string };
  };

  /** Applies with documents and the deposit; the centre confirms; the bidder reads its paddle. */
  const qualified = async (parcelId: string, who: TestAccount) => {
    const docs = Buffer.from(`%PDF 营业执照 资信证明 ${who.organisationId}`);
    const app = await postForm(t, `/land/parcels/${parcelId}/applications`, who.token, { depositMethod: 'transfer', depositReference: `ZZ-${who.username}`, depositAmount: '2000000.00' }, { name: '竞买申请书.pdf', content: docs });
    expect(app.status).toBe(201);
    expect(app.body.sha256).toBe(createHash('sha256').update(docs).digest('hex'));
    const q = await t.http.post(`/land/applications/${app.body.id}/qualify`, {}, centre);
    expect(q.status).toBe(200);
    expect(q.body).toMatchObject({ status: 'qualified', paddle: null }); // the centre never sees who holds which number
    const mine = await t.http.get(`/land/parcels/${parcelId}/applications/mine`, who.token);
    expect(mine.body.paddle).toBeGreaterThanOrEqual(1001);
    return { applicationId: app.body.id as string, paddle: mine.body.paddle as number };
  };

  const lot = (lotId: string) => t.http.get(`/public/lots/${lotId}`).then((r) => r.body);
  const parcel = (id: string) => t.http.get(`/public/land/parcels/${id}`).then((r) => r.body);
  const bid = (lotId: string, who: TestAccount, price: string, clientKey = `k-${who.username}-${++key}`) => t.http.post(`/lots/${lotId}/bids`, { price, clientKey }, who.token);
  const phase = (lotId: string, want: string, ms = 20000) => waitFor(async () => ((await lot(lotId)).phase === want ? lot(lotId) : undefined), ms, `lot phase ${want}`);
  const ended = (id: string, ms = 30000) => waitFor(async () => ((await parcel(id)).phase === 'ended' ? parcel(id) : undefined), ms, 'the parcel to end');

  it('refuses bad registrations and early announcements, changing nothing', async () => {
    const before = await t.snapshot();
    const long = await t.http.post('/land/parcels', registration({ use: 'commercial', termYears: 50 }), owner.token);
    expect(long.status).toBe(422);
    expect(long.body.code).toBe('TERM_TOO_LONG');
    expect(long.body.message.zh).toContain('年限');
    expect((await t.http.post('/land/parcels', registration({ increment: { fixed: '99.99' } }), owner.token)).body.code).toBe('INCREMENT_INVALID');
    expect((await t.http.post('/land/parcels', registration({ increment: { fixed: '100000.00', ladder: [{ from: '0', step: '100000.00' }] } }), owner.token)).body.code).toBe('INCREMENT_INVALID');
    expect((await t.http.post('/land/parcels', registration({ reserve: '9999999.99' }), owner.token)).body.code).toBe('RESERVE_INVALID');
    expect((await t.http.post('/land/parcels', registration({ area: '12.345' }), owner.token)).status).toBe(400);
    for (const token of [centre, office, bidders[0].token]) expect((await t.http.post('/land/parcels', registration(), token)).status).toBe(403);
    expect(await t.snapshot()).toEqual(before);

    const reg = await t.http.post('/land/parcels', registration(), owner.token);
    expect(reg.status).toBe(201);
    expect(reg.body).toMatchObject({ status: 'registered', hasReserve: true, startPrice: '10000000.00', increment: { fixed: '100000.00' } });
    expect(JSON.stringify(reg.body)).not.toContain('10300000');
    const unchanged = await t.snapshot();
    const early = await t.http.post(`/land/parcels/${reg.body.id}/announce`, { listingStartsAt: inSeconds(1).toISOString(), listingEndsAt: inSeconds(10).toISOString() }, centre);
    expect(early.status).toBe(422);
    expect(early.body.code).toBe('SCHEDULE_TOO_EARLY');
    const short = await t.http.post(`/land/parcels/${reg.body.id}/announce`, { listingStartsAt: inSeconds(3).toISOString(), listingEndsAt: inSeconds(5).toISOString() }, centre);
    expect(short.body.code).toBe('SCHEDULE_TOO_EARLY');
    expect((await t.http.post(`/land/parcels/${reg.body.id}/announce`, { auctionAt: inSeconds(10).toISOString() }, centre)).body.code).toBe('SCHEDULE_MODE_MISMATCH');
    expect((await t.http.post(`/land/parcels/${reg.body.id}/announce`, { listingStartsAt: inSeconds(3).toISOString(), listingEndsAt: inSeconds(10).toISOString() }, owner.token)).status).toBe(403);
    expect(await t.snapshot()).toEqual(unchanged);
    expect((await t.http.get(`/public/land/parcels/${reg.body.id}`)).status).toBe(404);
  });

  it('a listing that goes to 限时竞价 with countdown resets and a winner; late and repeated bids; confirmation, publicity and deposits', async () => {
    const p = await registerAndAnnounce({}, 3, 10);
    const [b0, b1, b2, outsider] = bidders;
    const q0 = await qualified(p.id, b0);
    const q1 = await qualified(p.id, b1);
    const q2 = await qualified(p.id, b2);
    expect(new Set([q0.paddle, q1.paddle, q2.paddle]).size).toBe(3);
    expect((await t.http.post(`/land/parcels/${p.id}/continue`, {}, b0.token)).body.code).toBe('CONTINUE_CLOSED'); // not listing yet
    expect((await bid(p.lotId, b0, '10000000.00')).body.code).toBe('LOT_NOT_OPEN');

    // The listing opens by the worker at its start; quotes at or above current + increment.
    await phase(p.lotId, 'listing');
    expect((await parcel(p.id)).phase).toBe('listing');
    expect((await bid(p.lotId, b0, '10000000.00')).status).toBe(201);
    const low = await bid(p.lotId, b1, '10050000.00');
    expect(low.status).toBe(409);
    expect(low.body.code).toBe('BID_TOO_LOW');
    expect((await bid(p.lotId, b1, '10100000.00')).status).toBe(201);
    expect((await bid(p.lotId, outsider, '10200000.00')).body.code).toBe('NOT_ADMITTED');
    for (const b of [b0, b1, b2]) expect((await t.http.post(`/land/parcels/${p.id}/continue`, {}, b.token)).status).toBe(200);
    expect((await t.http.post(`/land/parcels/${p.id}/continue`, {}, outsider.token)).body.code).toBe('NOT_QUALIFIED_BUYER');

    // Before the end nobody reads the reserve, and the centre sees no paddles.
    const views = JSON.stringify([(await t.http.get(`/land/parcels/${p.id}`, centre)).body, (await t.http.get(`/land/parcels/${p.id}`, owner.token)).body, await parcel(p.id), await lot(p.lotId)]);
    expect(views).not.toContain('10300000');
    expect((await t.http.get(`/land/parcels/${p.id}/applications`, centre)).body.every((a: { paddle: number | null }) => a.paddle === null)).toBe(true);
    expect((await t.http.get(`/land/parcels/${p.id}/applications`, regulator)).body.map((a: { paddle: number }) => a.paddle).sort()).toEqual([q0.paddle, q1.paddle, q2.paddle].sort());

    // Two buyers who quoted said they go on (the third never quoted): the listing's end starts 限时竞价.
    const live = await phase(p.lotId, 'live', 20000);
    expect(live.currentPrice).toBe('10100000.00');
    expect(live.nextMinimum).toBe('10200000.00');
    // Only the buyers who carried the listing into 限时竞价 bid in it: b2 declared but never quoted.
    expect((await bid(p.lotId, b2, '10500000.00')).body.code).toBe('NOT_ADMITTED');
    let price = '10100000.00';
    let lastEnd = new Date(live.endsAt).getTime();
    const order = [b0, b1, b0, b1];
    for (const who of order) {
      price = plus(price, '100000.00');
      const r = await bid(p.lotId, who, price);
      expect(r.status).toBe(201);
      expect(r.body.phase).toBe('live');
      const end = new Date(r.body.endsAt).getTime();
      expect(end).toBeGreaterThan(lastEnd); // each accepted bid restarts the countdown
      expect(end - new Date(r.body.acceptedAt).getTime()).toBeGreaterThanOrEqual(4900);
      lastEnd = end;
    }
    // Idempotent: the same client key twice is one bid with one answer.
    const keyed = `same-key-${Date.now()}`;
    const next = plus(price, '100000.00');
    const once = await bid(p.lotId, b0, next, keyed);
    const twice = await bid(p.lotId, b0, next, keyed);
    expect(once.status).toBe(201);
    expect(twice.body).toMatchObject({ bidSeq: once.body.bidSeq, price: next, replayed: true });
    expect((await t.ds.query(`SELECT count(*)::int AS n FROM lot_bid WHERE lot_id = $1 AND client_key = $2`, [p.lotId, keyed]))[0].n).toBe(1);
    price = next;

    // Nobody bids in the countdown: the best price wins (it passes the reserve); a late bid is refused.
    const result = await ended(p.id);
    const late = await bid(p.lotId, b1, plus(price, '100000.00'));
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('LOT_CLOSED');
    expect(result).toMatchObject({ phase: 'ended', result: 'sold', winnerPaddle: q0.paddle, price });
    expect(new Date(result.publicityUntil).getTime()).toBeGreaterThan(new Date(result.endedAt).getTime());
    expect((await t.http.get('/public/land/parcels')).body.map((x: { id: string }) => x.id)).toContain(p.id);
    expect(JSON.stringify(result)).not.toContain(b0.organisationId!);

    // After the end the centre sees who held which paddle; the others' deposits fall due, the winner's stays held.
    const apps = (await t.http.get(`/land/parcels/${p.id}/applications`, centre)).body as { id: string; organisationId: string; paddle: number; depositStatus: string; refundDue: string | null }[];
    expect(apps.find((a) => a.organisationId === b0.organisationId)).toMatchObject({ paddle: q0.paddle, depositStatus: 'held' });
    for (const b of [b1, b2]) expect(apps.find((a) => a.organisationId === b.organisationId)).toMatchObject({ depositStatus: 'refund_due', refundDue: expect.any(String) });

    // 成交确认书: issued by the centre; the winner and the owner read it; the winner's deposit becomes part payment.
    expect((await t.http.post(`/land/parcels/${p.id}/confirmation`, {}, owner.token)).status).toBe(403);
    const conf = await t.http.post(`/land/parcels/${p.id}/confirmation`, {}, centre);
    expect(conf.status).toBe(201);
    expect(conf.body).toMatchObject({ winnerPaddle: q0.paddle, price, depositConverted: '2000000.00', balance: Money.fromYuan(price).minus(Money.fromYuan('2000000.00')).toYuan() });
    expect((await t.http.post(`/land/parcels/${p.id}/confirmation`, {}, centre)).body.code).toBe('PARCEL_STATE_CONFLICT');
    for (const token of [b0.token, owner.token, office]) expect((await t.http.get(`/land/parcels/${p.id}/confirmation`, token)).body.confirmationNo).toBe(conf.body.confirmationNo);
    expect((await t.http.get(`/land/parcels/${p.id}/confirmation`, b1.token)).body.code).toBe('CONFIRMATION_NOT_VISIBLE');
    expect((await t.http.get(`/land/parcels/${p.id}/applications/mine`, b0.token)).body.depositStatus).toBe('converted');
    const a1 = apps.find((a) => a.organisationId === b1.organisationId)!;
    expect((await t.http.post(`/land/applications/${a1.id}/refund`, { reference: 'TK2026120100001' }, centre)).body).toMatchObject({ depositStatus: 'refunded' });
    expect((await t.http.post(`/land/applications/${a1.id}/refund`, { reference: 'TK2026120100001' }, centre)).body.code).toBe('DEPOSIT_STATE_CONFLICT');

    // The audit trail holds each step of the parcel.
    const actions = (await t.ds.query(`SELECT action FROM audit_event WHERE subject_type = 'land_parcel' AND subject_id = $1 ORDER BY id`, [p.id])).map((r: { action: string }) => r.action);
    expect(actions).toEqual(expect.arrayContaining(['land.registered', 'land.announced', 'land.application_submitted', 'land.application_qualified', 'land.continue_declared', 'land.live_started', 'land.ended', 'land.confirmation_issued', 'land.deposit_refunded']));
  });

  it('ends listings with one bidder (the quote wins), with no quote (流拍) and below the reserve', async () => {
    const ladder = { ladder: [{ from: '0', step: '50000.00' }, { from: '10100000.00', step: '100000.00' }] };
    const one = await registerAndAnnounce({ name: '单人竞买地块', increment: ladder, reserve: undefined }, 3, 6);
    const none = await registerAndAnnounce({ name: '流拍地块' }, 3, 6);
    const under = await registerAndAnnounce({ name: '未达保留价地块' }, 3, 6);
    const [, , , b3, b4, b5] = bidders;
    const q3 = await qualified(one.id, b3);
    await qualified(none.id, b4);
    const q5 = await qualified(under.id, b5);
    await qualified(under.id, b4);

    await Promise.all([one, none, under].map((p) => phase(p.lotId, 'listing')));
    expect((await bid(one.lotId, b3, '10000000.00')).status).toBe(201);
    expect((await bid(one.lotId, b3, '10050000.00')).status).toBe(201); // the ladder's first band
    expect((await bid(one.lotId, b3, '10100000.00')).status).toBe(201);
    expect((await bid(one.lotId, b3, '10150000.00')).body.code).toBe('BID_TOO_LOW'); // from 10,100,000 the step is 100,000
    expect((await t.http.post(`/land/parcels/${one.id}/continue`, {}, b3.token)).status).toBe(200); // one buyer is not enough to go live
    expect((await bid(under.lotId, b5, '10100000.00')).status).toBe(201);
    for (const b of [b4, b5]) expect((await t.http.post(`/land/parcels/${under.id}/continue`, {}, b.token)).status).toBe(200); // b4 never quoted

    const [r1, r2, r3] = await Promise.all([ended(one.id), ended(none.id), ended(under.id)]);
    expect(r1).toMatchObject({ result: 'sold', winnerPaddle: q3.paddle, price: '10100000.00' });
    expect(r2).toMatchObject({ result: 'unsold', winnerPaddle: null, price: null });
    expect(r3).toMatchObject({ result: 'reserve_not_met', winnerPaddle: null, price: null });
    expect(q5.paddle).toBeGreaterThan(0);
    for (const p of [one, none, under]) expect((await lot(p.lotId)).phase).toBe('ended');
    expect((await lot(under.lotId)).outcome).toBe('reserve_not_met');
    expect((await t.http.post(`/land/parcels/${none.id}/confirmation`, {}, centre)).body.code).toBe('NO_WINNER');
    const dues = await t.ds.query(`SELECT deposit_status AS s FROM land_application WHERE project_id = ANY($1) ORDER BY 1`, [[none.id, under.id]]);
    expect(dues.map((d: { s: string }) => d.s)).toEqual(['refund_due', 'refund_due', 'refund_due']);
    expect((await bid(none.lotId, b4, '10000000.00')).body.code).toBe('LOT_CLOSED');
  });
});
