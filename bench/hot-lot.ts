/**
 * One hot lot (issue 19): accepted bids/s and the latency of every answer through the HTTP API of two api processes
 * (plus a worker) with realistic bidders in their own processes; then the engine's write path without HTTP; both next
 * to the bare transaction 'lock lot row + insert bid + update lot' (bench/hot-lot-bare.sql through pgbench) on the same
 * database, at the same client counts, in the same run. The lot's bid sequence must be 1..n with prices rising.
 * Usage: npm run build && node dist/bench/hot-lot.js [seconds=10] [bidders=50]
 */
import 'reflect-metadata';
import { JwtService } from '@nestjs/jwt';
import { fork } from 'node:child_process';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { AuditService } from '../libs/platform/src/audit/audit.service';
import { Actor, Role } from '../libs/platform/src/auth/roles';
import { TokenService } from '../libs/platform/src/auth/token.service';
import { loadConfig } from '../libs/platform/src/config/app-config';
import { dataSourceOptions } from '../libs/platform/src/database/data-source-options';
import { BidWriter } from '../libs/trading/src/live/bid-writer';
import { LotRepository } from '../libs/trading/src/live/lot.repository';
import { TransactionRunner } from '../libs/platform/src/database/transaction-runner';
import { withFreshDatabase } from './support/fresh-database';
import { BidderOrders, BidderReport } from './support/hot-lot-bidders';
import { PgbenchRun, scriptRun } from './support/pgbench';
import { Child, startApi, startWorker, stopAll } from './support/processes';
import { benchPrefix, deleteKeys } from './support/redis';
import { result, sizeArg } from './support/report';
import { fmt, summarise } from './support/stats';

const BENCH = 'hot-lot';
const seconds = sizeArg(0, 10, 3);
const bidders = sizeArg(1, 50, 10);
/** the load generators: this many processes share the bidders, each bidder on one of the two api processes */
const BIDDER_PROCESSES = 4;
const START_YUAN = 1_000_000;
const INCREMENT_YUAN = 100;
const BARE_SQL = join(__dirname, '..', '..', 'bench', 'hot-lot-bare.sql');

/** Realistic bidders in BIDDER_PROCESSES processes of their own, for `seconds`; every answer's latency comes back. */
async function bidThroughHttp(lotId: string, tokens: string[], apis: Child[], seconds: number, round: string, startYuan: number) {
  const groups = Math.min(BIDDER_PROCESSES, tokens.length);
  const startAt = Date.now() + 500;
  const reports = await Promise.all(
    Array.from({ length: groups }, (_, g) => {
      const mine = tokens.map((t, i) => ({ t, i })).filter(({ i }) => i % groups === g);
      const orders: BidderOrders = {
        lotId,
        tokens: mine.map((m) => m.t),
        bases: mine.map((m) => `http://127.0.0.1:${apis[m.i % apis.length].port}`),
        first: mine[0].i * 1000,
        seconds,
        round,
        startYuan,
        incrementYuan: INCREMENT_YUAN,
        startAt,
      };
      return new Promise<BidderReport>((resolve, reject) => {
        const child = fork(join(__dirname, 'support', 'hot-lot-bidders.js'), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
        child.once('message', (r) => resolve(r as BidderReport));
        child.once('exit', (code) => (code ? reject(new Error(`bidder process exited with ${code}`)) : undefined));
        child.send(orders);
      });
    }),
  );
  const all = (k: 'accepted' | 'refused' | 'errors') => reports.flatMap((r) => r[k]);
  return { accepted: all('accepted'), refused: all('refused'), errors: all('errors'), errorSamples: reports.flatMap((r) => r.errorSamples), elapsed: Math.max(...reports.map((r) => r.elapsed)) };
}

/** Gaps or duplicates in the lot's bid sequence (it must be 1..n), and prices that do not rise. */
async function sequenceCheck(ds: DataSource, lotId: string) {
  const rows: { seq: number; price: string }[] = await ds.query(`SELECT seq, price_fen::text AS price FROM lot_bid WHERE lot_id = $1 ORDER BY seq`, [lotId]);
  let gapsOrDuplicates = 0;
  let notIncreasing = 0;
  rows.forEach((r, k) => {
    if (Number(r.seq) !== k + 1) gapsOrDuplicates++;
    if (k > 0 && BigInt(r.price) <= BigInt(rows[k - 1].price)) notIncreasing++;
  });
  return { rows: rows.length, gapsOrDuplicates, notIncreasing };
}

async function main(): Promise<void> {
  await withFreshDatabase('hotlot', async (url) => {
    const ds = new DataSource(dataSourceOptions(url));
    await ds.initialize();
    const config = loadConfig({ ...process.env, NODE_ENV: 'test' });
    const tokens = new TokenService(new JwtService(), config);
    const [owner] = await ds.query(`INSERT INTO organisation (name, uscc, legal_representative, contact_name, contact_phone) VALUES ('出让人', '91350199999999998X', '张', '李', '13800000000') RETURNING id`);
    const [acct] = await ds.query(`INSERT INTO account (username, display_name, password_hash, organisation_id) VALUES ('bench-owner', 'o', 'x', $1) RETURNING id`, [owner.id]);
    const [project] = await ds.query(`INSERT INTO trading_project (code, domain, name, region, owner_organisation_id, created_by) VALUES ('TD-BENCH', 'land', '热门地块', '350102', $1, $2) RETURNING id`, [owner.id, acct.id]);
    const newLot = async (title: string) =>
      (
        await ds.query(
          `INSERT INTO lot (project_id, domain, title, start_price_fen, increment, phase, countdown_seconds, starts_at, ends_at)
           VALUES ($1, 'bench', $2, $3, $4, 'listing', 60, now(), now() + interval '1 hour') RETURNING id`,
          [project.id, title, String(START_YUAN * 100), JSON.stringify({ fixedFen: String(INCREMENT_YUAN * 100) })],
        )
      )[0] as { id: string };
    const lot = await newLot('热门地块');
    const people: string[] = [];
    for (let i = 0; i < bidders; i++) {
      const [org] = await ds.query(`INSERT INTO organisation (name, uscc, legal_representative, contact_name, contact_phone) VALUES ($1, $2, '张', '李', '13800000000') RETURNING id`, [`竞买人${i}`, `9135010000${String(i).padStart(7, '0')}X`]);
      const [a] = await ds.query(`INSERT INTO account (username, display_name, password_hash, organisation_id) VALUES ($1, $1, 'x', $2) RETURNING id`, [`bench-bidder-${i}`, org.id]);
      await ds.query(`INSERT INTO account_role (account_id, role) VALUES ($1, 'bidder')`, [a.id]);
      await ds.query(`INSERT INTO lot_bidder (lot_id, paddle, organisation_id) VALUES ($1, $2, $3)`, [lot.id, 1001 + i, org.id]);
      people.push(tokens.issue(a.id).accessToken);
    }

    const prefix = benchPrefix('hotlot');
    const children: Child[] = [];
    let http: Awaited<ReturnType<typeof bidThroughHttp>>;
    let warm: Awaited<ReturnType<typeof bidThroughHttp>>;
    try {
      // production log level: every request is logged at info, as in production
      const env = { LOG_LEVEL: process.env.HOT_LOT_LOG_LEVEL ?? 'info' };
      children.push(await startApi(url, prefix, env), await startApi(url, prefix, env), await startWorker(url, prefix, env));
      const apis = children.slice(0, 2);
      // One bidder alone, 20 bids one after another: the unloaded latency of an accepted bid, for reading the rest.
      const alone: number[] = [];
      for (let n = 0; n < 20; n++) {
        const t0 = performance.now();
        const res = await fetch(`http://127.0.0.1:${apis[0].port}/lots/${lot.id}/bids`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${people[0]}` },
          body: JSON.stringify({ price: (START_YUAN + n * INCREMENT_YUAN).toFixed(2), clientKey: `alone-bid-${n}` }),
        });
        await res.json();
        alone.push(performance.now() - t0);
        if (res.status !== 201) throw new Error(`a lone bid was answered ${res.status}`);
      }
      console.log(`one bidder alone, 20 bids in a row: ${fmt(summarise(alone))}`);
      warm = await bidThroughHttp(lot.id, people, apis, Math.min(2, seconds), 'warm-up', START_YUAN + 20 * INCREMENT_YUAN); // JIT, pools, plan caches
      const [now] = await ds.query(`SELECT (current_price_fen / 100 + $2)::float8 AS next FROM lot WHERE id = $1`, [lot.id, INCREMENT_YUAN]);
      http = await bidThroughHttp(lot.id, people, apis, seconds, 'bench', Number(now.next));
    } finally {
      await stopAll(children);
      await deleteKeys(prefix);
    }
    const seq = await sequenceCheck(ds, lot.id);
    // Every 201 is one row and every row was a 201: no bid lost, none written twice.
    const answered201 = 20 + warm.accepted.length + http.accepted.length;
    const every = summarise([...http.accepted, ...http.refused, ...http.errors]);
    const acc = summarise(http.accepted);
    const ref = summarise(http.refused);
    const httpRate = http.accepted.length / http.elapsed;
    const answers = http.accepted.length + http.refused.length + http.errors.length;
    console.log(
      `hot lot: ${http.accepted.length} bids accepted in ${http.elapsed.toFixed(1)} s by ${bidders} realistic bidders (${BIDDER_PROCESSES} processes) on 2 api processes = ${httpRate.toFixed(0)} accepted/s; ${http.refused.length} refused as too low, ${http.errors.length} other answers${http.errorSamples.length ? ` (${[...new Set(http.errorSamples)].join(', ')})` : ''}; ${(answers / http.elapsed).toFixed(0)} answers/s in all (after a warm-up)`,
    );
    console.log(`latency of every answer ${fmt(every)}; accepted ${fmt(acc)}; refused ${fmt(ref)}`);
    console.log(`sequence check: ${seq.rows} rows for ${answered201} answers 201 (warm-up included), ${seq.gapsOrDuplicates} gaps or duplicates, ${seq.notIncreasing} not increasing`);

    // The engine's write path without HTTP: BidWriter (bids queued on the lot go together: one accepting statement for
    // the batch, an audit entry for each accepted bid, one commit), 8 concurrent bidders on a pool of 8 connections,
    // prices from one shared counter so that nearly every bid is valid when it is written.
    const direct = new DataSource(dataSourceOptions(url, { extra: { max: 8 } }));
    await direct.initialize();
    const writer = new BidWriter(new TransactionRunner(direct), new LotRepository(), new AuditService(), async () => undefined);
    const lot2 = await newLot('直连地块');
    const bidderRows = await ds.query(
      `SELECT b.organisation_id AS id, b.paddle, a.id AS "accountId", a.username FROM lot_bidder b JOIN account a ON a.organisation_id = b.organisation_id WHERE b.lot_id = $1 ORDER BY b.paddle LIMIT 8`,
      [lot.id],
    );
    for (const o of bidderRows) await ds.query(`INSERT INTO lot_bidder (lot_id, paddle, organisation_id) VALUES ($1, $2, $3)`, [lot2.id, o.paddle, o.id]);
    let price = BigInt(START_YUAN * 100);
    let ok = 0;
    let low = 0;
    const directLatency: number[] = [];
    const until = Date.now() + seconds * 1000;
    const t1 = performance.now();
    await Promise.all(
      bidderRows.map(async (o: { id: string; paddle: number; accountId: string; username: string }, w: number) => {
        const actor: Actor = { kind: 'account', accountId: o.accountId, username: o.username, organisationId: o.id, roles: [{ role: Role.Bidder, domain: null }] };
        for (let n = 0; Date.now() < until; n++) {
          price += BigInt(INCREMENT_YUAN * 100);
          const t0 = performance.now();
          const out = await writer.submit(lot2.id, { priceFen: price, paddle: o.paddle, clientKey: `direct-${w}-${n}`, organisationId: o.id, accountId: o.accountId, actor });
          if (out.outcome === 'accepted') {
            ok++;
            directLatency.push(performance.now() - t0);
          } else low++;
        }
      }),
    );
    const directSeconds = (performance.now() - t1) / 1000;
    await direct.destroy();
    const seq2 = await sequenceCheck(ds, lot2.id);
    const dlat = summarise(directLatency);
    const directRate = ok / directSeconds;
    console.log(
      `engine write path without HTTP (BidWriter: batched accepting statement + audit entries, 8 bidders, 8 connections): ${ok} accepted in ${directSeconds.toFixed(1)} s = ${directRate.toFixed(0)}/s (${low} raced too low); ${fmt(dlat)}; ${seq2.rows} rows, ${seq2.gapsOrDuplicates} gaps or duplicates`,
    );

    // The bare transaction on a lot of its own: lock the lot row, insert the bid, update the lot (bench/hot-lot-bare.sql).
    const bareAt = async (clients: number) => {
      const l = await newLot(`裸事务 ${clients}`);
      const [b] = bidderRows;
      await ds.query(`INSERT INTO lot_bidder (lot_id, paddle, organisation_id) VALUES ($1, 1001, $2)`, [l.id, b.id]);
      return scriptRun(url, BARE_SQL, { lot: l.id, org: b.id, acct: b.accountId }, clients, seconds);
    };
    const bare8 = await bareAt(8);
    const bareN = bidders === 8 ? bare8 : await bareAt(bidders);
    await ds.destroy();
    for (const r of bidders === 8 ? [bare8] : [bare8, bareN]) console.log(describeBare(r));

    const ratio = (x: number, r: PgbenchRun | null) => (r && Number.isFinite(r.tps) && r.tps > 0 ? x / r.tps : NaN);
    const r1 = ratio(directRate, bare8);
    const r2 = ratio(httpRate, bareN);
    const seqBad = seq.gapsOrDuplicates + seq2.gapsOrDuplicates + Math.abs(seq.rows - answered201) + Math.abs(seq2.rows - ok) + seq.notIncreasing + seq2.notIncreasing;
    result({
      bench: BENCH,
      metric: 'hot lot, engine without HTTP (BidWriter: accept + audit), 8 bidders: accepted bids/s',
      value: directRate,
      unit: 'bids/s',
      limit: bareLimit(bare8),
      note: `${fmt(dlat)}; ${low} raced too low`,
      target: { text: '≥ 0.5 × the bare transaction at the same clients', achieved: `${r1.toFixed(2)}×`, met: r1 >= 0.5 },
    });
    result({
      bench: BENCH,
      metric: `hot lot over HTTP, 2 api processes, ${bidders} realistic bidders: accepted bids/s`,
      value: httpRate,
      unit: 'bids/s',
      limit: bareLimit(bareN),
      note: `${http.accepted.length} accepted, ${http.refused.length} too low, ${http.errors.length} other answers in ${http.elapsed.toFixed(1)} s; ${(answers / http.elapsed).toFixed(0)} answers/s; vs the bare transaction at 8 clients ${ratio(httpRate, bare8).toFixed(2)}×`,
      target: { text: '≥ 0.3 × the bare transaction', achieved: `${r2.toFixed(2)}×`, met: r2 >= 0.3 },
    });
    result({
      bench: BENCH,
      metric: 'hot lot over HTTP: latency p99 of every answer (accepted and refused)',
      value: every.p99,
      unit: 'ms',
      limit: null,
      note: `p50 ${every.p50.toFixed(1)} ms, max ${every.max.toFixed(1)} ms; accepted p50/p99 ${acc.p50.toFixed(1)}/${acc.p99.toFixed(1)} ms, refused p50/p99 ${ref.p50.toFixed(1)}/${ref.p99.toFixed(1)} ms`,
      target: { text: 'p99 ≤ 100 ms', achieved: `p99 ${every.p99.toFixed(0)} ms`, met: every.p99 <= 100 },
    });
    result({
      bench: BENCH,
      metric: 'bid sequence gaps, duplicates, rows ≠ accepted answers, prices not rising',
      value: seqBad,
      unit: 'count',
      limit: null,
      note: `must be 0; ${seq.rows} rows for ${answered201} answers 201 (HTTP), ${seq2.rows} rows for ${ok} accepted (direct)`,
    });
  });
}

function bareLimit(r: PgbenchRun | null) {
  if (!r) return { what: 'pgbench not installed', value: null, unit: 'tps' };
  if (r.error) return { what: `bare bid transaction (pgbench), ${r.clients} clients: ${r.error}`, value: null, unit: 'tps' };
  return { what: `bare transaction lock lot + insert bid + update lot (pgbench bench/hot-lot-bare.sql), ${r.clients} clients`, value: r.tps, unit: 'tps' };
}

const describeBare = (r: PgbenchRun | null) =>
  !r ? 'pgbench: not installed: no bare transaction measured'
  : r.error ? `bare bid transaction, ${r.clients} clients: ${r.error}`
  : `bare transaction 'lock lot row + insert bid + update lot' (pgbench, bench/hot-lot-bare.sql), ${r.clients} clients: ${r.tps.toFixed(0)} tps, latency average ${r.latencyMs.toFixed(2)} ms`;

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
