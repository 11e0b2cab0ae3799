/**
 * One hot lot, many concurrent bidders, through the HTTP API of two api processes (plus a worker): accepted bids/s,
 * p50/p99 accept latency, and a check that the lot's bid sequence has no gap or duplicate; then the engine's write
 * path without HTTP; next to pgbench's single-row UPDATE rate on the same database.
 * Usage: npm run build && node dist/bench/hot-lot.js [seconds=10] [bidders=50]
 */
import 'reflect-metadata';
import { JwtService } from '@nestjs/jwt';
import { DataSource } from 'typeorm';
import { AuditService } from '../libs/platform/src/audit/audit.service';
import { SYSTEM_ACTOR } from '../libs/platform/src/auth/roles';
import { TokenService } from '../libs/platform/src/auth/token.service';
import { loadConfig } from '../libs/platform/src/config/app-config';
import { dataSourceOptions } from '../libs/platform/src/database/data-source-options';
import { LotRepository } from '../libs/trading/src/live/lot.repository';
import { withFreshDatabase } from './support/fresh-database';
import { describePgbench, hotRowUpdate, pgbenchLimit } from './support/pgbench';
import { Child, startApi, startWorker, stopAll } from './support/processes';
import { benchPrefix, deleteKeys } from './support/redis';
import { result, sizeArg } from './support/report';
import { fmt, summarise } from './support/stats';

const BENCH = 'hot-lot';
const seconds = sizeArg(0, 10, 3);
const bidders = sizeArg(1, 50, 10);

interface Bidder {
  token: string;
}

/** Every bidder posts its next bid as soon as the previous answer came back; a refusal's nextMinimum corrects it. */
async function bidThroughHttp(lotId: string, people: Bidder[], apis: Child[], seconds: number, round: string) {
  const latencies: number[] = [];
  let refused = 0;
  let errors = 0;
  const stopAt = Date.now() + seconds * 1000;
  const started = performance.now();
  await Promise.all(
    people.map(async (p, i) => {
      const base = `http://127.0.0.1:${apis[i % apis.length].port}`;
      let next = 1_000_000 + i; // yuan
      for (let n = 0; Date.now() < stopAt; n++) {
        const t0 = performance.now();
        const res = await fetch(`${base}/lots/${lotId}/bids`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${p.token}` },
          body: JSON.stringify({ price: next.toFixed(2), clientKey: `${round}-${i}-${n}` }),
        });
        const body = (await res.json()) as { price: string; code?: string; details?: { nextMinimum?: string } };
        if (res.status === 201) {
          latencies.push(performance.now() - t0);
          next = Number(body.price) + 100;
        } else if (body.code === 'BID_TOO_LOW' && body.details?.nextMinimum) {
          refused++;
          next = Number(body.details.nextMinimum) + 100 * (i % 3);
        } else errors++;
      }
    }),
  );
  return { latencies, refused, errors, elapsed: (performance.now() - started) / 1000 };
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
           VALUES ($1, 'bench', $2, 100000000, '{"fixedFen":"10000"}', 'listing', 60, now(), now() + interval '1 hour') RETURNING id`,
          [project.id, title],
        )
      )[0] as { id: string };
    const lot = await newLot('热门地块');
    const people: Bidder[] = [];
    for (let i = 0; i < bidders; i++) {
      const [org] = await ds.query(`INSERT INTO organisation (name, uscc, legal_representative, contact_name, contact_phone) VALUES ($1, $2, '张', '李', '13800000000') RETURNING id`, [`竞买人${i}`, `9135010000${String(i).padStart(7, '0')}X`]);
      const [a] = await ds.query(`INSERT INTO account (username, display_name, password_hash, organisation_id) VALUES ($1, $1, 'x', $2) RETURNING id`, [`bench-bidder-${i}`, org.id]);
      await ds.query(`INSERT INTO account_role (account_id, role) VALUES ($1, 'bidder')`, [a.id]);
      await ds.query(`INSERT INTO lot_bidder (lot_id, paddle, organisation_id) VALUES ($1, $2, $3)`, [lot.id, 1001 + i, org.id]);
      people.push({ token: tokens.issue(a.id).accessToken });
    }

    const prefix = benchPrefix('hotlot');
    const children: Child[] = [];
    let http: Awaited<ReturnType<typeof bidThroughHttp>>;
    let warm: Awaited<ReturnType<typeof bidThroughHttp>>;
    try {
      children.push(await startApi(url, prefix), await startApi(url, prefix), await startWorker(url, prefix));
      warm = await bidThroughHttp(lot.id, people, children.slice(0, 2), Math.min(2, seconds), 'warm-up'); // JIT, pools, plan caches
      http = await bidThroughHttp(lot.id, people, children.slice(0, 2), seconds, 'bench');
    } finally {
      await stopAll(children);
      await deleteKeys(prefix);
    }
    const seq = await sequenceCheck(ds, lot.id);
    // Every 201 is one row and every row was a 201: no bid lost, none written twice.
    const answered201 = warm.latencies.length + http.latencies.length;
    const lat = summarise(http.latencies);
    const httpRate = http.latencies.length / http.elapsed;
    const attempts = (http.latencies.length + http.refused + http.errors) / http.elapsed;
    console.log(`hot lot: ${http.latencies.length} bids accepted in ${http.elapsed.toFixed(1)} s by ${bidders} bidders on 2 api processes = ${httpRate.toFixed(0)} accepted/s; ${http.refused} refused as too low (raced), ${http.errors} other errors; ${attempts.toFixed(0)} bids answered/s in all (after a warm-up)`);
    console.log(`accept latency ${fmt(lat)}; sequence check: ${seq.rows} rows for ${answered201} answers 201 (warm-up included), ${seq.gapsOrDuplicates} gaps or duplicates, ${seq.notIncreasing} not increasing`);

    // The same write path without HTTP: the engine's accepting statement and its audit entry, from as many connections
    // as pgbench's first run uses, prices from one shared counter so that nearly every attempt is valid when it commits.
    const direct = new DataSource(dataSourceOptions(url, { extra: { max: 8 } }));
    await direct.initialize();
    const lots = new LotRepository();
    const audit = new AuditService();
    const lot2 = await newLot('直连地块');
    const orgs = await ds.query(`SELECT organisation_id AS id, paddle FROM lot_bidder WHERE lot_id = $1 ORDER BY paddle LIMIT 8`, [lot.id]);
    for (const o of orgs) await ds.query(`INSERT INTO lot_bidder (lot_id, paddle, organisation_id) VALUES ($1, $2, $3)`, [lot2.id, o.paddle, o.id]);
    let price = 100_000_000n;
    let ok = 0;
    let low = 0;
    const directLatency: number[] = [];
    const until = Date.now() + seconds * 1000;
    const t1 = performance.now();
    await Promise.all(
      orgs.map(async (o: { id: string; paddle: number }, w: number) => {
        for (let n = 0; Date.now() < until; n++) {
          price += 10_000n;
          const mine = price;
          const t0 = performance.now();
          const accepted = await direct.transaction(async (em) => {
            const a = await lots.accept(em, { lotId: lot2.id, priceFen: mine, paddle: o.paddle, clientKey: `direct-${w}-${n}`, organisationId: o.id, accountId: acct.id });
            if (a) await audit.append(em, { actor: SYSTEM_ACTOR, action: 'lot.bid_accepted', subject: { type: 'lot', id: lot2.id }, payload: { bidSeq: a.bidSeq, paddle: o.paddle, priceFen: mine.toString() } });
            return a;
          });
          if (accepted) {
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
    console.log(
      `engine write path without HTTP (accept statement + audit append, 8 connections): ${ok} accepted in ${directSeconds.toFixed(1)} s = ${(ok / directSeconds).toFixed(0)}/s (${low} raced too low); ${fmt(dlat)}; ${seq2.rows} rows, ${seq2.gapsOrDuplicates} gaps or duplicates`,
    );
    await ds.destroy();

    const pg8 = await hotRowUpdate(url, 8, seconds);
    const pgN = bidders === 8 ? pg8 : await hotRowUpdate(url, bidders, seconds);
    for (const r of pgN === pg8 ? [pg8] : [pg8, pgN]) console.log(describePgbench(r));
    const pgLimit = pgbenchLimit;
    result({ bench: BENCH, metric: `accepted bids/s, HTTP, 2 api processes, ${bidders} bidders`, value: httpRate, unit: 'bids/s', limit: pgLimit(pgN), note: `${http.latencies.length} accepted, ${http.refused} raced too low, ${http.errors} other errors in ${http.elapsed.toFixed(1)} s` });
    result({ bench: BENCH, metric: 'bids answered/s (accepted + refused), HTTP', value: attempts, unit: 'req/s', limit: pgLimit(pgN), note: 'refusals are answers too: the nextMinimum comes from the lot row' });
    result({ bench: BENCH, metric: 'accept latency p50 (HTTP)', value: lat.p50, unit: 'ms', limit: pgLimit(pgN, 'latency'), note: '' });
    result({ bench: BENCH, metric: 'accept latency p99 (HTTP)', value: lat.p99, unit: 'ms', limit: null, note: `max ${lat.max.toFixed(1)} ms` });
    result({ bench: BENCH, metric: 'bid sequence gaps, duplicates or rows ≠ accepted answers', value: seq.gapsOrDuplicates + seq2.gapsOrDuplicates + Math.abs(seq.rows - answered201) + Math.abs(seq2.rows - ok), unit: 'count', limit: null, note: `must be 0; ${seq.rows} rows for ${answered201} answers 201 (HTTP), ${seq2.rows} rows for ${ok} accepted (direct); ${seq.notIncreasing + seq2.notIncreasing} prices not increasing` });
    result({ bench: BENCH, metric: 'engine write path without HTTP (accept + audit), 8 connections', value: ok / directSeconds, unit: 'bids/s', limit: pgLimit(pg8), note: `${fmt(dlat)}` });
  });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
