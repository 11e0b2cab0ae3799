import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { io, Socket } from 'socket.io-client';
import { Role, SYSTEM_ACTOR } from '@app/platform/auth/roles';
import { TransactionRunner } from '@app/platform/database/transaction-runner';
import { LiveBiddingService } from '@app/trading';
import { createApiApp } from '../../../apps/api/src/create-api-app';
import { HttpClient } from '../../support/http';
import { startTestApp, TestAccount, TestApp } from '../../support/test-app';
import { startWorker, waitFor, WorkerProcess } from '../../support/worker-process';

interface FeedEvent {
  lotId: string;
  seq: number;
  kind: string;
  payload: Record<string, any>;
}

// The live-bidding engine: one atomic write per bid, countdown resets, an ordered feed on two api processes.
describe('live bidding engine', () => {
  let t: TestApp;
  let second: NestFastifyApplication;
  let httpB: HttpClient;
  let worker: WorkerProcess;
  let bidders: TestAccount[];
  let centre: string;
  let office: string;
  const sockets: Socket[] = [];

  beforeAll(async () => {
    t = await startTestApp('live-bidding');
    second = await createApiApp();
    await second.listen(0, '127.0.0.1');
    httpB = new HttpClient(`http://127.0.0.1:${(second.getHttpServer().address() as { port: number }).port}`);
    worker = await startWorker({ DATABASE_URL: t.databaseUrl, REDIS_PREFIX: t.redisPrefix, LOT_RECONCILE_MS: '500' });
    bidders = [];
    for (let i = 0; i < 4; i++) bidders.push(await t.account([Role.Bidder]));
    centre = (await t.account([Role.Centre])).token;
    office = (await t.account([Role.Office])).token;
  }, 60000);

  afterAll(async () => {
    for (const s of sockets) s.disconnect();
    await worker?.stop();
    await second?.close();
    await t.close();
  });

  const txr = () => t.app.get(TransactionRunner);
  const live = () => t.app.get(LiveBiddingService);

  /** A published project with one lot, the first three bidders admitted; returns the lot id and their paddles. */
  const lotWith = async (opts: { startFen: bigint; stepFen?: bigint; reserveFen?: bigint; countdown?: number; phase: 'live' | 'listing'; listingSeconds?: number }) => {
    const owner = await t.account([Role.Owner]);
    const p = await t.http.post('/projects', { domain: 'land', name: '城东地块 2026-08 号', region: '350102', ruleSet: 'sandbox' }, owner.token);
    await t.http.post(`/projects/${p.body.id}/publish`, {}, centre);
    return txr().run(async (tx) => {
      const lot = await live().createLot(tx, { projectId: p.body.id, domain: 'engine-test', title: '城东地块', startPriceFen: opts.startFen, increment: { fixedFen: String(opts.stepFen ?? 100_000n) }, reserveFen: opts.reserveFen ?? null, countdownSeconds: opts.countdown ?? 3 }, SYSTEM_ACTOR);
      const paddles: number[] = [];
      for (const b of bidders.slice(0, 3)) paddles.push(await live().admit(tx, lot.id, b.organisationId!, SYSTEM_ACTOR));
      if (opts.phase === 'live') await live().startLive(tx, lot.id, new Date(), SYSTEM_ACTOR);
      else await live().startListing(tx, lot.id, new Date(Date.now() + (opts.listingSeconds ?? 60) * 1000), SYSTEM_ACTOR);
      return { id: lot.id, paddles };
    });
  };

  const watch = async (baseUrl: string, lotId: string, after = 0) => {
    const socket = io(`${baseUrl}/live`, { transports: ['websocket'], forceNew: true });
    sockets.push(socket);
    const events: FeedEvent[] = [];
    // Joining races the pump: an event replayed on join may also come from the room. A client applies each seq once
    // (live.gateway.ts); any other repeat is a fault of the feed and stays visible.
    let replayedUpTo = Infinity;
    socket.on('event', (e: FeedEvent) => {
      if (e.seq <= replayedUpTo && events.some((x) => x.seq === e.seq)) return;
      events.push(e);
    });
    await new Promise<void>((resolve, reject) => {
      socket.on('connect', () =>
        socket.emit('watch', { lotId, after }, (ack: { replayed: number }) => {
          replayedUpTo = after + ack.replayed;
          resolve();
        }),
      );
      socket.on('connect_error', reject);
    });
    return { socket, events };
  };

  let key = 0;
  const bid = (http: HttpClient, who: TestAccount, lotId: string, price: string, clientKey = `key-${++key}-${Date.now()}`) => http.post(`/lots/${lotId}/bids`, { price, clientKey }, who.token);

  it('resets the countdown with each bid, refuses low, late and unadmitted bids, and both api processes see the same ordered feed', async () => {
    const { id, paddles } = await lotWith({ startFen: 100_000_000n, countdown: 3, phase: 'live', reserveFen: 100_300_000n });
    const a = await watch(t.http.baseUrl, id);
    const b = await watch(httpB.baseUrl, id);

    const first = await bid(t.http, bidders[0], id, '1000000.00');
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ bidSeq: 1, paddle: paddles[0], price: '1000000.00', phase: 'live', replayed: false });
    const low = await bid(httpB, bidders[1], id, '1000500.00');
    expect(low.status).toBe(409);
    expect(low.body).toMatchObject({ code: 'BID_TOO_LOW', details: { nextMinimum: '1001000.00' } });
    expect(low.body.message.zh).toContain('最低有效报价');
    expect((await bid(t.http, bidders[3], id, '2000000.00')).body.code).toBe('NOT_ADMITTED');
    expect((await t.http.post(`/lots/${id}/bids`, { price: '1.001', clientKey: 'abcdefgh' }, bidders[0].token)).status).toBe(422);

    const ends: number[] = [new Date(first.body.endsAt).getTime()];
    for (let i = 1; i <= 4; i++) {
      await new Promise((r) => setTimeout(r, 700));
      const r = await bid(i % 2 ? httpB : t.http, bidders[i % 3], id, (1_000_000 + i * 1_000).toFixed(2), `reset-key-${i}`);
      expect(r.status).toBe(201);
      ends.push(new Date(r.body.endsAt).getTime());
    }
    for (let i = 1; i < ends.length; i++) expect(ends[i]).toBeGreaterThan(ends[i - 1]);

    // Idempotent: the same key again is the first answer, not a second bid.
    const again = await bid(httpB, bidders[0], id, '1003000.00', 'reset-key-3');
    expect(again.body).toMatchObject({ bidSeq: 4, replayed: true });
    expect((await t.http.get(`/public/lots/${id}`)).body).toMatchObject({ bids: 5, currentPrice: '1004000.00', nextMinimum: '1005000.00', phase: 'live' });
    expect((await t.http.get(`/lots/${id}/bidders`, centre)).body.code).toBe('LOT_IDENTITIES_SEALED');
    expect((await t.http.get(`/lots/${id}/bidders`, office)).body).toHaveLength(3);

    // Time runs out: a bid after the end is refused by the database clock; the worker closes the lot.
    await waitFor(async () => Date.now() > ends[ends.length - 1] + 20, 10000, 'the countdown');
    const late = await bid(t.http, bidders[0], id, '2000000.00');
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('LOT_CLOSED');
    const ended = await waitFor(async () => ((await t.http.get(`/public/lots/${id}`)).body.phase === 'ended' ? (await t.http.get(`/public/lots/${id}`)).body : undefined), 10000, 'the close');
    expect(ended).toMatchObject({ outcome: 'sold', winnerPaddle: paddles[1], currentPrice: '1004000.00' });
    expect((await t.http.get(`/lots/${id}/bidders`, centre)).body.map((x: { paddle: number }) => x.paddle).sort()).toEqual([...paddles].sort());

    // Both watchers, on different api processes, saw every event once, in order: phase, 5 bids, result.
    await waitFor(async () => a.events.length >= 7 && b.events.length >= 7, 10000, 'the feeds');
    const seqs = (e: FeedEvent[]) => e.map((x) => x.seq);
    expect(seqs(a.events)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(seqs(b.events)).toEqual(seqs(a.events));
    expect(a.events.map((e) => e.kind)).toEqual(['phase', 'bid', 'bid', 'bid', 'bid', 'bid', 'result']);
    expect(a.events[6].payload).toMatchObject({ outcome: 'sold', winnerPaddle: paddles[1], reserveFen: '100300000' });
    expect(JSON.stringify(a.events)).not.toMatch(/organisation|uscc|accountId/i);

    // A watcher that reconnects after seq 4 gets 5..7 and nothing twice.
    const c = await watch(httpB.baseUrl, id, 4);
    await waitFor(async () => c.events.length >= 3, 5000, 'the replay');
    expect(seqs(c.events)).toEqual([5, 6, 7]);
    expect((await t.http.get(`/public/lots/${id}/events?after=5`)).body.map((e: FeedEvent) => e.seq)).toEqual([6, 7]);
  }, 60000);

  it('keeps 200 bidders bidding at once through two api processes in one strictly increasing, gapless sequence', async () => {
    const { id } = await lotWith({ startFen: 10_000_000n, stepFen: 10_000n, phase: 'listing', listingSeconds: 120 });
    const crowd: TestAccount[] = [];
    for (let i = 0; i < 200; i++) crowd.push(await t.account([Role.Bidder]));
    await txr().run(async (tx) => {
      for (const b of crowd) await live().admit(tx, id, b.organisationId!, SYSTEM_ACTOR);
    });
    const answers = await Promise.all(crowd.map((who, i) => bid(i % 2 ? httpB : t.http, who, id, (100_000 + (i + 1) * 100).toFixed(2), `race-key-${i}`)));
    const accepted = answers.filter((r) => r.status === 201);
    expect(accepted.length).toBeGreaterThan(0);
    for (const r of answers.filter((x) => x.status !== 201)) expect(r.body.code).toBe('BID_TOO_LOW');
    const rows = await t.ds.query(`SELECT seq, price_fen::bigint AS price FROM lot_bid WHERE lot_id = $1 ORDER BY seq`, [id]);
    expect(rows.map((r: { seq: number }) => r.seq)).toEqual(rows.map((_: unknown, i: number) => i + 1));
    for (let i = 1; i < rows.length; i++) expect(BigInt(rows[i].price)).toBeGreaterThanOrEqual(BigInt(rows[i - 1].price) + 10_000n);
    expect(rows).toHaveLength(accepted.length);
    expect(new Set(rows.map((r: { price: string }) => r.price)).size).toBe(rows.length);
    const events = await t.ds.query(`SELECT count(*)::int AS n FROM lot_event WHERE lot_id = $1 AND kind = 'bid'`, [id]);
    expect(events[0].n).toBe(accepted.length);
    // Bids queued together are still audited one by one, each with its own sequence number.
    const audited = await t.ds.query(`SELECT (payload->>'bidSeq')::int AS seq FROM audit_event WHERE subject_id = $1 AND action = 'lot.bid_accepted' ORDER BY 1`, [id]);
    expect(audited.map((r: { seq: number }) => r.seq)).toEqual(rows.map((r: { seq: number }) => r.seq));
  }, 60000);

  it('answers a client key sent many times at once, on both api processes, with one bid', async () => {
    const { id } = await lotWith({ startFen: 10_000_000n, phase: 'listing' });
    const copies = await Promise.all(Array.from({ length: 8 }, (_, i) => bid(i % 2 ? httpB : t.http, bidders[0], id, '100000.00', 'one-key-many-copies')));
    expect(copies.map((r) => r.status)).toEqual(Array(8).fill(201));
    expect(new Set(copies.map((r) => r.body.bidSeq))).toEqual(new Set([1]));
    expect(copies.filter((r) => r.body.replayed === false).length).toBe(1);
    const [{ n }] = await t.ds.query(`SELECT count(*)::int AS n FROM lot_bid WHERE lot_id = $1`, [id]);
    expect(n).toBe(1);
  }, 30000);

  it('ends without a winner when the reserve is not met, and unsold without bids', async () => {
    const reserve = await lotWith({ startFen: 100_000n, countdown: 2, phase: 'live', reserveFen: 500_000n });
    expect((await bid(t.http, bidders[0], reserve.id, '1000.00')).status).toBe(201);
    const none = await lotWith({ startFen: 100_000n, countdown: 2, phase: 'live' });
    const outcome = async (lotId: string) => waitFor(async () => (await t.http.get(`/public/lots/${lotId}`)).body.outcome ?? undefined, 15000, `lot ${lotId} to end`);
    expect(await outcome(reserve.id)).toBe('reserve_not_met');
    expect(await outcome(none.id)).toBe('unsold');
    expect((await t.http.get(`/public/lots/${reserve.id}`)).body.winnerPaddle).toBeNull();
  }, 30000);
});
