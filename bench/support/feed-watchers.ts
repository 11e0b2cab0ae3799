/**
 * Load generator of bench/live-feed.ts, in its own process (forked with IPC): `count` socket.io watchers of one lot,
 * spread round-robin over the given api URLs, each as a browser tab would be (websocket transport, `watch {lotId,
 * after}`). Each watcher records every event's seq and its arrival time (wall clock, sub-millisecond), and checks its
 * order as it goes; on `finish` it waits for the last sequence, then answers with latencies and counters.
 * Usage (by the bench only): node feed-watchers.js <url,url> <count> <lotId> <offset>
 */
import { createHash, Hash } from 'node:crypto';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { io, Socket } from 'socket.io-client';

const [urlList, countArg, lotId, offsetArg] = process.argv.slice(2);
const urls = urlList.split(',');
const count = Number(countArg);
const offset = Number(offsetArg ?? 0);
const wallNow = () => performance.timeOrigin + performance.now();
/** How late this process's own event loop ran: arrival times include it, so the bench prints it beside them. */
const loopDelay = monitorEventLoopDelay({ resolution: 5 });

interface FeedEvent {
  seq: number;
  kind: string;
  payload: { bidSeq?: number; priceFen?: string };
}

/** One watcher: what it received, in arrival order, and what was wrong with that order. */
class Watcher {
  last = 0;
  seqs: number[] = [];
  arrivals: number[] = [];
  seen = new Set<number>();
  gaps = 0;
  outOfOrder = 0;
  duplicates = 0;
  disconnects = 0;
  digest: Hash = createHash('sha256');
  socket!: Socket;

  receive(e: FeedEvent, at: number): void {
    if (this.seen.has(e.seq)) {
      this.duplicates++;
      return;
    }
    if (e.seq < this.last) this.outOfOrder++;
    else if (e.seq > this.last + 1) this.gaps += e.seq - this.last - 1;
    this.seen.add(e.seq);
    this.last = Math.max(this.last, e.seq);
    this.seqs.push(e.seq);
    this.arrivals.push(at);
    this.digest.update(`${e.seq}:${e.kind}:${e.payload?.bidSeq ?? ''}:${e.payload?.priceFen ?? ''}\n`);
  }
}

const watchers: Watcher[] = [];

function connect(w: Watcher, url: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = io(`${url}/live`, { transports: ['websocket'], forceNew: true, reconnectionDelay: 200 });
    w.socket = socket;
    let errors = 0;
    let lastError = '';
    const timer = setTimeout(() => reject(new Error(`watcher on ${url} not watching after 90 s (${errors} connect errors, last: ${lastError})`)), 90000);
    socket.on('connect_error', (err) => {
      errors++;
      lastError = err.message;
    });
    socket.on('event', (e: FeedEvent) => w.receive(e, wallNow()));
    socket.on('disconnect', (reason) => {
      if (reason !== 'io client disconnect') w.disconnects++;
    });
    socket.on('connect', () => {
      // As the web client does: after a reconnect it asks for what it missed.
      socket.emit('watch', { lotId, after: w.last }, (ack: { ok: boolean }) => {
        clearTimeout(timer);
        if (ack?.ok) resolve();
        else reject(new Error(`watch refused on ${url}`));
      });
    });
  });
}

async function start(): Promise<void> {
  for (let i = 0; i < count; i++) watchers.push(new Watcher());
  const batch = 10;
  for (let i = 0; i < count; i += batch) {
    await Promise.all(watchers.slice(i, i + batch).map((w, k) => connect(w, urls[(offset + i + k) % urls.length])));
  }
  loopDelay.enable();
  process.send!({ type: 'ready', watchers: count });
}

interface Finish {
  type: 'finish';
  lastSeq: number;
  /** the measured events' seqs, and for each named reference its time per seq (wall clock ms; NaN when unknown) */
  seqs: Int32Array;
  refs: Record<string, Float64Array>;
}

async function finish(m: Finish): Promise<void> {
  loopDelay.disable();
  const until = Date.now() + 15000;
  while (Date.now() < until && watchers.some((w) => w.last < m.lastSeq)) await new Promise((r) => setTimeout(r, 50));
  const index = new Map<number, number>();
  m.seqs.forEach((s, k) => index.set(s, k));
  const names = Object.keys(m.refs);
  const latencies: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]));
  const digests = new Map<string, number>();
  let delivered = 0;
  let undelivered = 0;
  for (const w of watchers) {
    w.socket.close();
    delivered += w.seqs.length;
    undelivered += Math.max(0, m.lastSeq - w.last);
    w.seqs.forEach((s, k) => {
      const i = index.get(s);
      if (i === undefined) return;
      for (const n of names) {
        const t = m.refs[n][i];
        if (!Number.isNaN(t)) latencies[n].push(w.arrivals[k] - t);
      }
    });
    const d = w.digest.digest('hex');
    digests.set(d, (digests.get(d) ?? 0) + 1);
  }
  const sum = (f: (w: Watcher) => number) => watchers.reduce((n, w) => n + f(w), 0);
  process.send!({
    type: 'result',
    watchers: watchers.length,
    delivered,
    undelivered,
    gaps: sum((w) => w.gaps),
    outOfOrder: sum((w) => w.outOfOrder),
    duplicates: sum((w) => w.duplicates),
    disconnects: sum((w) => w.disconnects),
    digests: [...digests.entries()],
    loopDelayP99: loopDelay.percentile(99) / 1e6,
    loopDelayMax: loopDelay.max / 1e6,
    latencies: Object.fromEntries(names.map((n) => [n, Float64Array.from(latencies[n])])),
  });
}

process.on('message', (m: { type: string }) => {
  if (m.type === 'finish') finish(m as Finish).catch((err) => process.send!({ type: 'error', message: String(err?.stack ?? err) }));
});
start().catch((err) => process.send!({ type: 'error', message: String(err?.stack ?? err) }));
