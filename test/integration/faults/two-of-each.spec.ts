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
  seq: number;
  kind: string;
}

// The deployment shape: two api processes and two workers on one PostgreSQL and one Redis. Closings and lot ends fire
// once, on either worker; bids through either api reach watchers on both, in one order.
describe('two api and two worker processes together', () => {
  let t: TestApp;
  let second: NestFastifyApplication;
  let httpB: HttpClient;
  let workers: WorkerProcess[];
  let env: Record<string, string>;
  let centre: TestAccount;
  let bidders: TestAccount[];
  const sockets: Socket[] = [];

  beforeAll(async () => {
    t = await startTestApp('two-of-each');
    second = await createApiApp();
    await second.listen(0, '127.0.0.1');
    httpB = new HttpClient(`http://127.0.0.1:${(second.getHttpServer().address() as { port: number }).port}`);
    env = { DATABASE_URL: t.databaseUrl, REDIS_PREFIX: t.redisPrefix, MILESTONE_RECONCILE_MS: '1000', LOT_RECONCILE_MS: '500', JOB_LOCK_MS: '2000' };
    workers = [await startWorker(env), await startWorker(env)];
    centre = await t.account([Role.Centre]);
    bidders = [];
    for (let i = 0; i < 2; i++) bidders.push(await t.account([Role.Bidder]));
  }, 60000);

  afterAll(async () => {
    for (const s of sockets) s.disconnect();
    await Promise.all(workers.map((w) => w.stop()));
    await second?.close();
    await t?.close();
  });

  it('fires 120 milestones scheduled through both apis exactly once, on the two workers', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 120; i++) {
      const http = i % 2 ? httpB : t.http;
      const r = await http.post('/milestones/probe', { inMs: 1500 + (i % 10) * 50 }, centre.token);
      expect(r.status).toBe(201);
      ids.push(r.body.id);
    }
    await waitFor(async () => (await t.ds.query(`SELECT count(*)::int AS n FROM milestone WHERE id = ANY($1::uuid[]) AND status = 'fired'`, [ids]))[0].n === 120, 30000, 'all 120 to fire');
    const effects: { id: string; n: number }[] = await t.ds.query(`SELECT milestone_id AS id, count(*)::int AS n FROM milestone_probe WHERE milestone_id = ANY($1::uuid[]) GROUP BY 1`, [ids]);
    expect(effects).toHaveLength(120);
    expect(effects.every((e) => e.n === 1)).toBe(true);
    const pids: { pid: number }[] = await t.ds.query(`SELECT DISTINCT worker_pid AS pid FROM milestone_probe WHERE milestone_id = ANY($1::uuid[])`, [ids]);
    expect(pids.map((p) => p.pid).every((pid) => workers.some((w) => w.pid === pid))).toBe(true);
  });

  it('takes bids through both apis, shows both watchers one feed, and ends the lot once', async () => {
    const owner = await t.account([Role.Owner]);
    const p = await t.http.post('/projects', { domain: 'land', name: '城西地块 2026-12 号', region: '350102', ruleSet: 'sandbox' }, owner.token);
    expect((await httpB.post(`/projects/${p.body.id}/publish`, {}, centre.token)).status).toBe(200);
    const live = t.app.get(LiveBiddingService);
    const lotId = await t.app.get(TransactionRunner).run(async (tx) => {
      const lot = await live.createLot(tx, { projectId: p.body.id, domain: 'engine-test', title: '城西地块', startPriceFen: 20_000_000n, increment: { fixedFen: '100000' }, reserveFen: null, countdownSeconds: 2 }, SYSTEM_ACTOR);
      for (const b of bidders) await live.admit(tx, lot.id, b.organisationId!, SYSTEM_ACTOR);
      await live.startLive(tx, lot.id, new Date(), SYSTEM_ACTOR);
      return lot.id;
    });
    const watch = async (baseUrl: string) => {
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
          socket.emit('watch', { lotId, after: 0 }, (ack: { replayed: number }) => {
            replayedUpTo = ack.replayed;
            resolve();
          }),
        );
        socket.on('connect_error', reject);
      });
      return events;
    };
    const [onA, onB] = [await watch(t.http.baseUrl), await watch(httpB.baseUrl)];
    for (let i = 0; i < 6; i++) {
      const r = await (i % 2 ? httpB : t.http).post(`/lots/${lotId}/bids`, { price: (200_000 + (i + 1) * 1_000).toFixed(2), clientKey: `two-of-each-${i}` }, bidders[i % 2].token);
      expect(r.status).toBe(201);
    }
    await waitFor(async () => (await t.http.get(`/public/lots/${lotId}`)).body.phase === 'ended', 20000, 'the lot to end');
    await waitFor(async () => onA.some((e) => e.kind === 'result') && onB.some((e) => e.kind === 'result'), 10000, 'both watchers to see the result');
    expect(onA.map((e) => e.seq)).toEqual(onB.map((e) => e.seq));
    expect(onA.map((e) => e.seq)).toEqual(Array.from({ length: onA.length }, (_, i) => i + 1));
    expect(onA.filter((e) => e.kind === 'bid')).toHaveLength(6);
    expect(onA.filter((e) => e.kind === 'result')).toHaveLength(1);
    const ended = await t.ds.query(`SELECT count(*)::int AS n FROM audit_event WHERE action = 'lot.ended' AND subject_id = $1`, [lotId]);
    expect(ended[0].n).toBe(1);
    expect((await t.http.get(`/public/lots/${lotId}`)).body).toMatchObject({ phase: 'ended', bids: 6, currentPrice: '206000.00' });
  }, 60000);

  it('loses nothing and fires nothing twice when a worker is killed -9 in the middle of 300 closings', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 300; i++) {
      const r = await (i % 2 ? httpB : t.http).post('/milestones/probe', { inMs: 2500, holdMs: 20 }, centre.token);
      ids.push(r.body.id);
    }
    const firedCount = async () => (await t.ds.query(`SELECT count(*)::int AS n FROM milestone WHERE id = ANY($1::uuid[]) AND status = 'fired'`, [ids]))[0].n as number;
    await waitFor(async () => (await firedCount()) >= 20, 20000, 'the closings to be under way');
    const victim = workers[0];
    await victim.stop('SIGKILL');
    const firedAtKill = await firedCount();
    expect(firedAtKill).toBeLessThan(300);
    workers[0] = await startWorker(env);
    await waitFor(async () => (await firedCount()) === 300, 60000, 'all 300 to fire');
    const effects: { n: number }[] = await t.ds.query(`SELECT count(*)::int AS n FROM milestone_probe WHERE milestone_id = ANY($1::uuid[]) GROUP BY milestone_id`, [ids]);
    expect(effects).toHaveLength(300);
    expect(effects.every((e) => e.n === 1)).toBe(true);
    const byVictim = await t.ds.query(`SELECT count(*)::int AS n FROM milestone_probe WHERE milestone_id = ANY($1::uuid[]) AND worker_pid = $2`, [ids, victim.pid]);
    // The killed worker did part of the work, and what it had not committed was done once by the others.
    expect(byVictim[0].n).toBeLessThan(300);
  }, 90000);
});
