/**
 * The live bidding room's feed: 1,000 socket.io watchers of one live lot, spread over two api processes, while a
 * bidder places bids through HTTP at a fixed rate. For every watcher × event: commit → arrival (ms), and whether each
 * watcher saw every event once, in sequence order, with the same content as the database holds.
 * Load generators run in their own processes: the watchers (bench/support/feed-watchers.ts, two processes) and the
 * bidder (bench/support/feed-bidder.ts). Usage: npm run build && node dist/bench/live-feed.js [watchers=1000] [bids/s sent=50] [seconds=15]
 */
import 'reflect-metadata';
import { JwtService } from '@nestjs/jwt';
import { createHash } from 'node:crypto';
import os from 'node:os';
import { Client } from 'pg';
import { TokenService } from '../libs/platform/src/auth/token.service';
import { loadConfig } from '../libs/platform/src/config/app-config';
import { withFreshDatabase } from './support/fresh-database';
import { forkLoad, LoadProcess } from './support/load-process';
import { Child, startApi, startProcess, stopAll } from './support/processes';
import { BareResult, bareFanOut, listenForPublishes } from './support/bare-fan-out';
import { benchPrefix, deleteKeys } from './support/redis';
import { result, sizeArg } from './support/report';
import { fmt, summarise } from './support/stats';

const BENCH = 'live-feed';
const watcherCount = sizeArg(0, 1000, 100);
const rate = sizeArg(1, 50, 50);
const seconds = sizeArg(2, 15, 4);
const BIDDERS = 20;
const WATCHER_PROCESSES = 4; // 250 clients each: fewer queue behind one another in one event loop (1,000 browsers would have 1,000)
const START_FEN = 100_000_000n;
const STEP_FEN = 10_000n;

interface Done {
  accepted: { bidSeq: number; answeredAt: number; latency: number }[];
  refused: number;
  errors: number;
  lastError: string;
  elapsed: number;
}

interface WatcherResult {
  watchers: number;
  delivered: number;
  undelivered: number;
  gaps: number;
  outOfOrder: number;
  duplicates: number;
  disconnects: number;
  loopDelayP99: number;
  loopDelayMax: number;
  digests: [string, number][];
  latencies: Record<'commit' | 'statement' | 'answer' | 'published', Float64Array>;
}

async function seed(pg: Client) {
  const config = loadConfig({ ...process.env, NODE_ENV: 'test' });
  const tokens = new TokenService(new JwtService(), config);
  const { rows: [owner] } = await pg.query(`INSERT INTO organisation (name, uscc, legal_representative, contact_name, contact_phone) VALUES ('出让人', '91350199999999998X', '张', '李', '13800000000') RETURNING id`);
  const { rows: [acct] } = await pg.query(`INSERT INTO account (username, display_name, password_hash, organisation_id) VALUES ('bench-owner', 'o', 'x', $1) RETURNING id`, [owner.id]);
  const { rows: [project] } = await pg.query(`INSERT INTO trading_project (code, domain, name, region, owner_organisation_id, created_by) VALUES ('TD-FEED', 'land', '直播地块', '350102', $1, $2) RETURNING id`, [owner.id, acct.id]);
  // A 限时竞价 lot already live, with a countdown long enough that it cannot end during the run.
  const { rows: [lot] } = await pg.query(
    `INSERT INTO lot (project_id, domain, title, start_price_fen, increment, phase, countdown_seconds, starts_at, ends_at)
     VALUES ($1, 'bench', '直播地块', $2, $3, 'live', 3600, now(), now() + interval '2 hours') RETURNING id`,
    [project.id, START_FEN.toString(), JSON.stringify({ fixedFen: STEP_FEN.toString() })],
  );
  const people: string[] = [];
  for (let i = 0; i < BIDDERS; i++) {
    const { rows: [org] } = await pg.query(`INSERT INTO organisation (name, uscc, legal_representative, contact_name, contact_phone) VALUES ($1, $2, '张', '李', '13800000000') RETURNING id`, [`竞买人${i}`, `9135010000${String(i).padStart(7, '0')}X`]);
    const { rows: [a] } = await pg.query(`INSERT INTO account (username, display_name, password_hash, organisation_id) VALUES ($1, $1, 'x', $2) RETURNING id`, [`bench-bidder-${i}`, org.id]);
    await pg.query(`INSERT INTO account_role (account_id, role) VALUES ($1, 'bidder')`, [a.id]);
    await pg.query(`INSERT INTO lot_bidder (lot_id, paddle, organisation_id) VALUES ($1, $2, $3)`, [lot.id, 1001 + i, org.id]);
    people.push(tokens.issue(a.id).accessToken);
  }
  return { lotId: lot.id as string, tokens: people };
}

/**
 * When each event committed, as the database tells it: a bench-only trigger NOTIFYs each lot_event row, and PostgreSQL
 * delivers a notification only once its transaction has committed. The bench's main process (idle meanwhile) notes
 * the wall-clock time each one arrives: at or just after the commit, never before it.
 */
async function listenForCommits(pg: Client, url: string): Promise<{ seen: Map<number, number>; end: () => Promise<void> }> {
  await pg.query(`CREATE FUNCTION bench_notify_lot_event() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN PERFORM pg_notify('bench_lot_event', NEW.seq::text); RETURN NULL; END $$`);
  await pg.query(`CREATE TRIGGER bench_notify_lot_event AFTER INSERT ON lot_event FOR EACH ROW EXECUTE FUNCTION bench_notify_lot_event()`);
  const listener = new Client({ connectionString: url });
  await listener.connect();
  const seen = new Map<number, number>();
  listener.on('notification', (n) => {
    const at = performance.timeOrigin + performance.now();
    const seq = Number(n.payload);
    if (!seen.has(seq)) seen.set(seq, at);
  });
  await listener.query('LISTEN bench_lot_event');
  return { seen, end: () => listener.end() };
}

async function main(): Promise<void> {
  const loadBefore = os.loadavg()[0];
  await withFreshDatabase('livefeed', async (url) => {
    const pg = new Client({ connectionString: url });
    await pg.connect();
    const { lotId, tokens } = await seed(pg);
    const committedAt = await listenForCommits(pg, url);
    const prefix = benchPrefix('livefeed');
    const publishedAt = await listenForPublishes(prefix);
    const apis: Child[] = [];
    const loads: LoadProcess[] = [];
    let report: ((bare: BareResult) => void) | undefined;
    let measuredEvents = 0;
    let eventRate = 0;
    try {
      // Production's log level (info), as a deployed api runs; NODE_ENV=test only for the development secrets.
      const api = () =>
        process.env.BENCH_PROFILE_DIR // by hand: CPU profiles of both api processes
          ? startProcess('bench/support/profiled.js', ['apps/api/src/main.js'], { DATABASE_URL: url, REDIS_PREFIX: prefix, METRICS_PORT: '0', LOG_LEVEL: 'info' }, 'api', 'PORT')
          : startApi(url, prefix, { LOG_LEVEL: 'info' });
      apis.push(await api(), await api());
      const urls = apis.map((a) => `http://127.0.0.1:${a.port}`);
      const per = Math.ceil(watcherCount / WATCHER_PROCESSES);
      const watchers = Array.from({ length: WATCHER_PROCESSES }, (_, p) => forkLoad('bench/support/feed-watchers.js', [urls.join(','), String(Math.min(per, watcherCount - p * per)), lotId, String(p * per)], `watchers ${p}`));
      loads.push(...watchers);
      const t0 = Date.now();
      await Promise.all(watchers.map((w) => w.next('ready')));
      console.log(`${watcherCount} watchers in ${WATCHER_PROCESSES} processes watching, half on each api process, in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
      const bidder = forkLoad('bench/support/feed-bidder.js', [], 'bidder');
      loads.push(bidder);
      await bidder.next('ready', { type: 'prices', startFen: START_FEN.toString(), stepFen: STEP_FEN.toString() });
      const run = (label: string, secs: number) => bidder.next<Done>('done', { type: 'run', urls, tokens, lotId, rate, seconds: secs, label });
      const warm = await run('warm-up', Math.min(2, seconds)); // JIT, pools, plan caches
      const { rows: [{ s: warmLast }] } = await pg.query(`SELECT coalesce(max(seq), 0)::int AS s FROM lot_event WHERE lot_id = $1`, [lotId]);
      const bids = await run('bench', seconds);
      const loadDuring = os.loadavg()[0];

      // The commit: the earlier of the NOTIFY's arrival and the 201 answer's (both come after it). Beside it two bounds:
      // clock_timestamp() of the accepting statement (lot_event.at, before the audit append and the commit: later
      // figures overstate) and the 201 answer time as the bidder saw it (after the commit: figures understate).
      const until = Date.now() + 5000;
      const { rows: events } = await pg.query(`SELECT seq, kind, payload, (extract(epoch FROM at) * 1000)::float8 AS at FROM lot_event WHERE lot_id = $1 ORDER BY seq`, [lotId]);
      while (Date.now() < until && events.some((e) => !committedAt.seen.has(e.seq))) await new Promise((r) => setTimeout(r, 50));
      const lastSeq = events.length ? events[events.length - 1].seq : 0;
      const expected = createHash('sha256');
      for (const e of events) expected.update(`${e.seq}:${e.kind}:${e.payload?.bidSeq ?? ''}:${e.payload?.priceFen ?? ''}\n`);
      const expectedDigest = expected.digest('hex');
      const answeredBySeq = new Map(bids.accepted.map((a) => [a.bidSeq, a.answeredAt]));
      const measured = events.filter((e) => e.seq > warmLast && e.kind === 'bid');
      const answered = measured.map((e) => answeredBySeq.get(e.payload.bidSeq) ?? NaN);
      const notified = measured.map((e) => committedAt.seen.get(e.seq) ?? NaN);
      const finish = {
        type: 'finish',
        lastSeq,
        seqs: Int32Array.from(measured.map((e) => e.seq)),
        refs: {
          commit: Float64Array.from(measured.map((_, k) => Math.min(notified[k], answered[k]))),
          statement: Float64Array.from(measured.map((e) => e.at)),
          answer: Float64Array.from(answered),
          published: Float64Array.from(measured.map((e) => publishedAt.seen.get(e.seq) ?? NaN)),
        },
      };
      const outs = await Promise.all(watchers.map((w) => w.next<WatcherResult>('result', finish)));
      const notifyLead = summarise(measured.map((_, k) => answered[k] - notified[k]).filter((x) => !Number.isNaN(x)));

      const sumOf = (f: (r: WatcherResult) => number) => outs.reduce((n, r) => n + f(r), 0);
      const from = (n: keyof WatcherResult['latencies']) => summarise(outs.flatMap((r) => Array.from(r.latencies[n])));
      const fromCommit = from('commit');
      const fromStatement = from('statement');
      const fromAnswer = from('answer');
      const fromPublish = from('published');
      const commitToPublish = summarise(measured.map((e, k) => (publishedAt.seen.get(e.seq) ?? NaN) - Math.min(notified[k], answered[k])).filter((x) => !Number.isNaN(x)));
      const delivered = sumOf((r) => r.delivered);
      const gaps = sumOf((r) => r.gaps);
      const outOfOrder = sumOf((r) => r.outOfOrder);
      const duplicates = sumOf((r) => r.duplicates);
      const undelivered = sumOf((r) => r.undelivered);
      const disconnects = sumOf((r) => r.disconnects);
      const differing = outs.flatMap((r) => r.digests).filter(([d]) => d !== expectedDigest).reduce((n, [, c]) => n + c, 0);
      const bad = gaps + outOfOrder + duplicates + undelivered + differing;
      const acceptedRate = bids.accepted.length / bids.elapsed;
      const answer = summarise(bids.accepted.map((a) => a.latency));
      const loadAfter = os.loadavg()[0];

      console.log(`bidder: ${bids.accepted.length} accepted (${acceptedRate.toFixed(0)}/s of ${rate}/s sent), ${bids.refused} overtaken (too low), ${bids.errors} errors${bids.lastError ? ` (last: ${bids.lastError})` : ''} in ${bids.elapsed.toFixed(1)} s after a ${warm.accepted.length}-bid warm-up; bid answer ${fmt(answer)}`);
      console.log(`feed: ${lastSeq} events in the lot, ${measured.length} measured; ${delivered} watcher × event deliveries of ${watcherCount * lastSeq} expected`);
      console.log(`commit → watcher: ${fmt(fromCommit)}  (n ${fromCommit.n}; commit = the NOTIFY's arrival, or the 201's when earlier)`);
      console.log(`  bounds: from the accepting statement's clock_timestamp() ${fmt(fromStatement)}; from the 201 answer ${fmt(fromAnswer)}; the NOTIFY came before the 201 by ${fmt(notifyLead)}`);
      console.log(`  split: commit → published by the pump ${fmt(commitToPublish)}; published → watcher (Redis, the api's fan-out, the watcher process) ${fmt(fromPublish)}`);
      console.log(`  the watcher processes' own event-loop delay: ${outs.map((r) => `p99 ${r.loopDelayP99.toFixed(1)} ms, max ${r.loopDelayMax.toFixed(1)} ms`).join('; ')}`);
      console.log(`order: ${gaps} gaps, ${outOfOrder} out of order, ${duplicates} duplicates, ${undelivered} never delivered, ${differing} watchers whose sequence differs from the database's; ${disconnects} disconnects`);
      console.log(`1-min load average: ${loadBefore.toFixed(2)} before, ${loadDuring.toFixed(2)} after bidding, ${loadAfter.toFixed(2)} at the end`);

      measuredEvents = measured.length;
      eventRate = acceptedRate;
      report = (bare) => {
      const met = fromCommit.p99 <= 100 && bad === 0 && bids.errors === 0;
      const shape = `${watcherCount} watchers (${WATCHER_PROCESSES} processes) on 2 api processes, ${acceptedRate.toFixed(0)} bids/s through HTTP`;
      result({
        bench: BENCH,
        metric: `commit → watcher p99, ${shape}`,
        value: fromCommit.p99,
        unit: 'ms',
        limit: { what: `bare socket.io + Redis adapter, 2 servers, same watchers and events/s: publish → watcher p99`, value: bare.fromPublish.p99, unit: 'ms' },
        note: `${fmt(fromCommit)}; commit = arrival of the transaction's NOTIFY (or of the 201, when earlier); from the accepting statement's clock_timestamp() ${fmt(fromStatement)}; load ${loadDuring.toFixed(1)}`,
        target: { text: 'p99 ≤ 100 ms; same order, no gap', achieved: `p99 ${fromCommit.p99.toFixed(0)} ms; ${gaps} gaps, ${outOfOrder} out of order, ${duplicates} duplicates, ${undelivered} undelivered`, met },
      });
      result({ bench: BENCH, metric: 'commit → watcher p50', value: fromCommit.p50, unit: 'ms', limit: { what: 'bare publish → watcher p50', value: bare.fromPublish.p50, unit: 'ms' }, note: `max ${fromCommit.max.toFixed(0)} ms; split: commit → published p99 ${commitToPublish.p99.toFixed(0)} ms, published → watcher p99 ${fromPublish.p99.toFixed(0)} ms` });
      result({ bench: BENCH, metric: 'watcher × events delivered', value: delivered, unit: 'count', limit: null, note: `of ${watcherCount} × ${lastSeq} = ${watcherCount * lastSeq} (warm-up included)` });
      result({
        bench: BENCH,
        metric: 'gaps, out of order, duplicates, undelivered, sequences unlike the database',
        value: bad,
        unit: 'count',
        limit: null,
        note: `must be 0: ${gaps} gaps, ${outOfOrder} out of order, ${duplicates} duplicates, ${undelivered} undelivered, ${differing} differing; ${disconnects} disconnects; bidder errors ${bids.errors}`,
      });
      };
    } finally {
      await Promise.all(loads.map((l) => l.stop()));
      await stopAll(apis);
      await deleteKeys(prefix);
      await committedAt.end();
      publishedAt.end();
      await pg.end();
    }
    // The bare comparator after the platform's processes have stopped: the same watchers, events and rate.
    const bare = await bareFanOut(watcherCount, WATCHER_PROCESSES, Math.max(1, measuredEvents), Math.max(1, eventRate));
    console.log(`bare socket.io + Redis adapter (2 servers, ${watcherCount} watchers, ${measuredEvents} events at ${eventRate.toFixed(0)}/s): publish → watcher ${fmt(bare.fromPublish)}; ${bare.delivered} of ${bare.expected} delivered, ${bare.faults} gaps/out of order/duplicates; load ${os.loadavg()[0].toFixed(2)}`);
    report!(bare);
  });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
