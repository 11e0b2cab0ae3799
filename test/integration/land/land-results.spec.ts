import { createHash } from 'node:crypto';
import { Role } from '@app/platform/auth/roles';
import { postForm } from '../../support/tender-fixtures';
import { startTestApp, TestAccount, TestApp } from '../../support/test-app';
import { startWorker, waitFor, WorkerProcess } from '../../support/worker-process';

// 规定 22/25 and local online rules: the 成交公示 names the 竞得人; quotes sit on start price + k × increment.
describe('land results name the winner; bids sit on the increment grid', () => {
  let t: TestApp;
  let worker: WorkerProcess;
  let centre: string;
  let owner: TestAccount;
  let bidders: TestAccount[];
  let key = 0;

  beforeAll(async () => {
    t = await startTestApp('land-results');
    worker = await startWorker({ DATABASE_URL: t.databaseUrl, REDIS_PREFIX: t.redisPrefix, MILESTONE_RECONCILE_MS: '1000', LOT_RECONCILE_MS: '500' });
    centre = (await t.account([Role.Centre])).token;
    owner = await t.account([Role.Owner]);
    bidders = [await t.account([Role.Bidder]), await t.account([Role.Bidder])];
    const committee = (await t.account([Role.Committee])).token;
    const changes = { periods: { announcementBeforeListing: { value: 2, unit: 's' }, listing: { value: 4, unit: 's' } }, numbers: { countdownSeconds: 5 } };
    const draft = await t.http.post('/rule-sets', { domain: 'land', name: '土地出让测试(秒)', sandbox: true, changes }, committee);
    expect((await t.http.post(`/rule-sets/${draft.body.id}/publish`, {}, committee)).status).toBe(200);
  }, 60000);

  afterAll(async () => {
    await worker?.stop();
    await t.close();
  });

  const qualify = async (parcelId: string, who: TestAccount) => {
    const docs = Buffer.from(`%PDF 营业执照 ${who.organisationId}`);
    const app = await postForm(t, `/land/parcels/${parcelId}/applications`, who.token, { depositMethod: 'transfer', depositReference: `ZZ-${who.username}`, depositAmount: '100000.00' }, { name: '竞买申请书.pdf', content: docs });
    expect(app.status).toBe(201);
    expect(app.body.sha256).toBe(createHash('sha256').update(docs).digest('hex'));
    expect((await t.http.post(`/land/applications/${app.body.id}/qualify`, {}, centre)).status).toBe(200);
  };
  const bid = (lotId: string, who: TestAccount, price: string) => t.http.post(`/lots/${lotId}/bids`, { price, clientKey: `grid-key-${++key}` }, who.token);
  const lotState = async (lotId: string) => (await t.ds.query(`SELECT current_price_fen::text AS price, bid_seq, version, ends_at FROM lot WHERE id = $1`, [lotId]))[0];

  it('refuses a quote off the grid (1,063,333 on a 10,000 step from 1,000,000) with 422 and changes nothing; on-grid quotes count; the result names the winning organisation', async () => {
    const reg = await t.http.post(
      '/land/parcels',
      { name: '城南 2026-07 号地块', region: '350102', location: '仓山区', area: '12000.00', use: 'industrial', termYears: 50, plotRatio: '1.20', mode: 'listing', startPrice: '1000000.00', increment: { fixed: '10000.00' }, deposit: '100000.00', ruleSet: 'sandbox' },
      owner.token,
    );
    expect(reg.status).toBe(201);
    const start = new Date(Date.now() + 3000);
    const ann = await t.http.post(`/land/parcels/${reg.body.id}/announce`, { listingStartsAt: start.toISOString(), listingEndsAt: new Date(start.getTime() + 8000).toISOString() }, centre);
    expect(ann.status).toBe(200);
    const { id, lotId } = ann.body as { id: string; lotId: string };
    const [winner, other] = bidders;
    await qualify(id, winner);
    await qualify(id, other);
    await waitFor(async () => (await t.http.get(`/public/lots/${lotId}`)).body.phase === 'listing', 20000, 'the listing to open');

    const before = await lotState(lotId);
    const bidsBefore = (await t.ds.query(`SELECT count(*)::int AS n FROM lot_bid WHERE lot_id = $1`, [lotId]))[0].n;
    const off = await bid(lotId, winner, '1063333.00');
    expect(off.status).toBe(422);
    expect(off.body).toMatchObject({ code: 'BID_OFF_GRID', message: { zh: expect.stringContaining('加价幅度'), en: expect.any(String) }, details: { nextOnGrid: '1070000.00', startPrice: '1000000.00' } });
    expect((await bid(lotId, winner, '1000000.01')).body.code).toBe('BID_OFF_GRID');
    expect(await lotState(lotId)).toEqual(before);
    expect((await t.ds.query(`SELECT count(*)::int AS n FROM lot_bid WHERE lot_id = $1`, [lotId]))[0].n).toBe(bidsBefore);

    expect((await bid(lotId, other, '1000000.00')).status).toBe(201);
    expect((await bid(lotId, winner, '1060000.00')).status).toBe(201); // several whole increments at once is on the grid
    expect((await bid(lotId, other, '1075000.00')).body.code).toBe('BID_OFF_GRID'); // above the minimum (1,070,000), off the grid

    // Nobody declared they would go on: the best quote wins at the listing's end.
    const result = await waitFor(async () => {
      const p = (await t.http.get(`/public/land/parcels/${id}`)).body;
      return p.phase === 'ended' ? p : undefined;
    }, 30000, 'the parcel to end');
    const [org] = await t.ds.query(`SELECT name FROM organisation WHERE id = $1`, [winner.organisationId]);
    expect(result).toMatchObject({ result: 'sold', price: '1060000.00', winnerName: org.name, winnerPaddle: expect.any(Number) });
    const mine = (await t.http.get(`/land/parcels/${id}`, owner.token)).body;
    expect(mine).toMatchObject({ outcome: 'sold', winnerName: org.name });
    const desk = (await t.http.get(`/land/parcels?status=ended`, centre)).body.items.find((x: { id: string }) => x.id === id);
    expect(desk.winnerName).toBe(org.name);
    const portal = (await t.http.get(`/public/portal/projects/${id}`)).body;
    expect(portal.land.winnerName).toBe(org.name);
  }, 90000);
});
