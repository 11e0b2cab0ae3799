import { Emitter } from '@socket.io/redis-emitter';
import Redis from 'ioredis';
import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import { forkLoad, LoadProcess } from './load-process';
import { Child, startProcess, stopAll } from './processes';
import { benchPrefix, deleteKeys, redisUrl } from './redis';
import { Summary, summarise } from './stats';

/**
 * When each feed event left Redis for the socket.io servers: a subscriber on the adapter's channels (the same PUBLISH
 * the servers receive), to split commit → watcher into the pump's part and the fan-out's part.
 */
export async function listenForPublishes(prefix: string): Promise<{ seen: Map<number, number>; end: () => void }> {
  const msgpack = createRequire(require.resolve('@socket.io/redis-emitter'))('notepack.io') as { decode(b: Buffer): [string, { data?: [string, { seq?: number }] }] };
  const sub = new Redis(redisUrl(), { maxRetriesPerRequest: 1 });
  const seen = new Map<number, number>();
  sub.on('pmessageBuffer', (_pattern: Buffer, _channel: Buffer, message: Buffer) => {
    const at = performance.timeOrigin + performance.now();
    const seq = msgpack.decode(message)[1]?.data?.[1]?.seq;
    if (typeof seq === 'number' && !seen.has(seq)) seen.set(seq, at);
  });
  await sub.psubscribe(`${prefix}:socket.io#/live#*`);
  return { seen, end: () => sub.disconnect() };
}

export interface BareResult {
  fromPublish: Summary;
  delivered: number;
  expected: number;
  faults: number;
}

/**
 * The fan-out alone, as the machine does it now: two bare socket.io servers with the Redis adapter
 * (bench/support/bare-socketio.ts), the same watcher processes and count, and `events` events of the api's shape
 * published into one room at `rate`/s with the Redis emitter. Publish (as the subscriber saw it) → watcher.
 */
export async function bareFanOut(watcherCount: number, watcherProcesses: number, events: number, rate: number): Promise<BareResult> {
  const prefix = benchPrefix('livefeed-bare');
  const key = `${prefix}:socket.io`;
  const lotId = randomUUID();
  const servers: Child[] = [];
  const loads: LoadProcess[] = [];
  const published = await listenForPublishes(prefix);
  const redis = new Redis(redisUrl(), { maxRetriesPerRequest: 3 });
  try {
    for (let i = 0; i < 2; i++) servers.push(await startProcess('bench/support/bare-socketio.js', [], { BARE_KEY: key, REDIS_URL: redisUrl() }, 'bare socket.io', 'PORT'));
    const urls = servers.map((s) => `http://127.0.0.1:${s.port}`);
    const per = Math.ceil(watcherCount / watcherProcesses);
    const watchers = Array.from({ length: watcherProcesses }, (_, p) => forkLoad('bench/support/feed-watchers.js', [urls.join(','), String(Math.min(per, watcherCount - p * per)), lotId, String(p * per)], `bare watchers ${p}`));
    loads.push(...watchers);
    await Promise.all(watchers.map((w) => w.next('ready')));
    const room = new Emitter(redis, { key }).of('/live').to(`lot:${lotId}`);
    const t0 = performance.now() + 20;
    for (let seq = 1; seq <= events; seq++) {
      const wait = t0 + ((seq - 1) * 1000) / rate - performance.now();
      if (wait > 1) await new Promise((r) => setTimeout(r, wait));
      const endsAt = new Date(Date.now() + 3600_000);
      room.emit('event', { lotId, seq, kind: 'bid', payload: { bidSeq: seq, paddle: 1001 + (seq % 20), priceFen: String(100_000_000 + seq * 10_000), endsAt, phase: 'live' }, at: new Date() });
    }
    const until = Date.now() + 5000;
    while (Date.now() < until && published.seen.size < events) await new Promise((r) => setTimeout(r, 20));
    const seqs = Int32Array.from({ length: events }, (_, k) => k + 1);
    const refs = { published: Float64Array.from(seqs, (s) => published.seen.get(s) ?? NaN) };
    const outs = await Promise.all(watchers.map((w) => w.next<{ delivered: number; gaps: number; outOfOrder: number; duplicates: number; undelivered: number; latencies: { published: Float64Array } }>('result', { type: 'finish', lastSeq: events, seqs, refs })));
    return {
      fromPublish: summarise(outs.flatMap((o) => Array.from(o.latencies.published))),
      delivered: outs.reduce((n, o) => n + o.delivered, 0),
      expected: watcherCount * events,
      faults: outs.reduce((n, o) => n + o.gaps + o.outOfOrder + o.duplicates + o.undelivered, 0),
    };
  } finally {
    await Promise.all(loads.map((l) => l.stop()));
    await stopAll(servers);
    published.end();
    redis.disconnect();
    await deleteKeys(prefix);
  }
}
