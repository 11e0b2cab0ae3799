import { NestFastifyApplication } from '@nestjs/platform-fastify';
import Redis from 'ioredis';
import { io, Socket } from 'socket.io-client';
import { Role, SYSTEM_ACTOR } from '@app/platform/auth/roles';
import { TransactionRunner } from '@app/platform/database/transaction-runner';
import { LiveBiddingService } from '@app/trading';
import { createApiApp } from '../../../apps/api/src/create-api-app';
import { HttpClient } from '../../support/http';
import { startTestApp, TestAccount, TestApp } from '../../support/test-app';
import { waitFor } from '../../support/worker-process';

interface FeedEvent {
  seq: number;
  kind: string;
  payload: { bidSeq?: number; priceFen?: string };
}

// Bids racing through two api processes: each process pumps what it committed, and the watchers on both must still
// see every event once, in sequence order (a local emit that overtook the Redis path, or two pumps sending the same
// events, would show here). A lost "last sent" mark in Redis may repeat events, never leave a hole.
describe('live feed order across two api processes', () => {
  let t: TestApp;
  let second: NestFastifyApplication;
  let httpB: HttpClient;
  let bidders: TestAccount[];
  const sockets: Socket[] = [];

  beforeAll(async () => {
    t = await startTestApp('live-feed-order');
    second = await createApiApp();
    await second.listen(0, '127.0.0.1');
    httpB = new HttpClient(`http://127.0.0.1:${(second.getHttpServer().address() as { port: number }).port}`);
    bidders = [];
    for (let i = 0; i < 4; i++) bidders.push(await t.account([Role.Bidder]));
  }, 60000);

  afterAll(async () => {
    for (const s of sockets) s.disconnect();
    await second?.close();
    await t?.close();
  });

  async function liveLot(): Promise<string> {
    const owner = await t.account([Role.Owner]);
    const centre = await t.account([Role.Centre]);
    const p = await t.http.post('/projects', { domain: 'land', name: '城南地块 2026-12 号', region: '350102', ruleSet: 'sandbox' }, owner.token);
    expect((await t.http.post(`/projects/${p.body.id}/publish`, {}, centre.token)).status).toBe(200);
    const live = t.app.get(LiveBiddingService);
    return t.app.get(TransactionRunner).run(async (tx) => {
      const lot = await live.createLot(tx, { projectId: p.body.id, domain: 'engine-test', title: '城南地块', startPriceFen: 20_000_000n, increment: { fixedFen: '100000' }, reserveFen: null, countdownSeconds: 600 }, SYSTEM_ACTOR);
      for (const b of bidders) await live.admit(tx, lot.id, b.organisationId!, SYSTEM_ACTOR);
      await live.startLive(tx, lot.id, new Date(), SYSTEM_ACTOR);
      return lot.id;
    });
  }

  /** A watcher of the bidding (after the phase event): it records every event as it arrives, repeats included. */
  async function watch(baseUrl: string, lotId: string): Promise<FeedEvent[]> {
    const socket = io(`${baseUrl}/live`, { transports: ['websocket'], forceNew: true });
    sockets.push(socket);
    const events: FeedEvent[] = [];
    socket.on('event', (e: FeedEvent) => {
      if (e.seq > 1) events.push(e); // the phase event may come live or not, depending on when its pump ran
    });
    await new Promise<void>((resolve, reject) => {
      socket.on('connect', () => socket.emit('watch', { lotId, after: 1 }, () => resolve())); // after the phase event
      socket.on('connect_error', reject);
    });
    return events;
  }

  /** Bids sent all at once, alternating api processes, at rising prices: some are overtaken, the rest make events. */
  async function burst(lotId: string, from: number, n: number): Promise<number> {
    const answers = await Promise.all(
      Array.from({ length: n }, (_, i) =>
        (i % 2 ? httpB : t.http).post(`/lots/${lotId}/bids`, { price: (200_000 + (from + i) * 1_000).toFixed(2), clientKey: `feed-order-${from + i}` }, bidders[i % bidders.length].token),
      ),
    );
    for (const a of answers) expect([201, 409]).toContain(a.status);
    return answers.filter((a) => a.status === 201).length;
  }

  const lastSeq = async (lotId: string) => (await t.http.get(`/public/lots/${lotId}`)).body.lastSeq as number;

  it('shows watchers on both processes every event once, in sequence order, while bids race through both', async () => {
    const lotId = await liveLot();
    const [onA, onB] = [await watch(t.http.baseUrl, lotId), await watch(httpB.baseUrl, lotId)];
    let accepted = 0;
    for (let round = 0; round < 3; round++) accepted += await burst(lotId, round * 30, 30);
    expect(accepted).toBeGreaterThan(3);
    const last = await lastSeq(lotId);
    expect(last).toBe(1 + accepted);
    await waitFor(async () => onA.length >= accepted && onB.length >= accepted, 15000, 'both watchers to see every bid');
    const expected = Array.from({ length: accepted }, (_, i) => i + 2);
    expect(onA.map((e) => e.seq)).toEqual(expected);
    expect(onB.map((e) => e.seq)).toEqual(expected);
    // The same content as the database's history, on both.
    const history: FeedEvent[] = (await t.http.get(`/public/lots/${lotId}/events?after=1`)).body;
    expect(onA.map((e) => e.payload.priceFen)).toEqual(history.map((e) => e.payload.priceFen));
    expect(onB.map((e) => e.payload.priceFen)).toEqual(history.map((e) => e.payload.priceFen));
  }, 90000);

  it('repeats rather than skips events when Redis lost the last published sequence', async () => {
    const lotId = await liveLot();
    const onA = await watch(t.http.baseUrl, lotId);
    let accepted = await burst(lotId, 0, 10);
    await waitFor(async () => onA.length >= accepted, 15000, 'the first bids to arrive');
    const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', { maxRetriesPerRequest: 1 });
    try {
      expect(await redis.del(`${t.redisPrefix}:feed:${lotId}:sent`)).toBe(1);
    } finally {
      redis.disconnect();
    }
    accepted += await burst(lotId, 10, 10);
    const last = await lastSeq(lotId);
    await waitFor(async () => onA.some((e) => e.seq === last), 15000, 'the last bid to arrive');
    const firstSeen = [...new Set(onA.map((e) => e.seq))];
    expect(firstSeen).toEqual(Array.from({ length: accepted }, (_, i) => i + 2));
  }, 90000);
});
