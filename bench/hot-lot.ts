/**
 * One hot lot, many concurrent bidders, two api processes, through HTTP: accepted bids/s, accept latency, and a check
 * that the sequence has no gap or duplicate; next to pgbench's single-row UPDATE rate on the same database.
 * Usage: npm run build && node dist/bench/hot-lot.js [seconds=10] [bidders=50]
 */
import 'reflect-metadata';
import { JwtService } from '@nestjs/jwt';
import { execFileSync, spawn } from 'node:child_process';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { loadConfig } from '../libs/platform/src/config/app-config';
import { dataSourceOptions } from '../libs/platform/src/database/data-source-options';
import { TokenService } from '../libs/platform/src/auth/token.service';
import { withFreshDatabase } from './support/fresh-database';
import { AuditService } from '../libs/platform/src/audit/audit.service';
import { SYSTEM_ACTOR } from '../libs/platform/src/auth/roles';
import { LotRepository } from '../libs/trading/src/live/lot.repository';

const seconds = Number(process.argv[2] ?? 10);
const bidders = Number(process.argv[3] ?? 50);
const pct = (s: number[], p: number) => s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];

async function startApi(url: string, port: number, prefix: string) {
  const child = spawn(process.execPath, [...(process.env.BENCH_API_PROF ? ['--cpu-prof', '--cpu-prof-dir=' + process.env.BENCH_API_PROF] : []), join(__dirname, '..', 'apps', 'api', 'src', 'main.js')], {
    env: { ...process.env, NODE_ENV: 'test', DATABASE_URL: url, PORT: String(port), REDIS_PREFIX: prefix, LOG_LEVEL: 'error' },
    stdio: 'ignore',
  });
  for (let i = 0; i < 200; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/health`)).ok) return child;
    } catch {
      /* not yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`api on ${port} did not start`);
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
    const [lot] = await ds.query(
      `INSERT INTO lot (project_id, domain, title, start_price_fen, increment, phase, countdown_seconds, starts_at, ends_at)
       VALUES ($1, 'bench', '热门地块', 100000000, '{"fixedFen":"10000"}', 'listing', 60, now(), now() + interval '1 hour') RETURNING id`,
      [project.id],
    );
    const people: { token: string }[] = [];
    for (let i = 0; i < bidders; i++) {
      const [org] = await ds.query(`INSERT INTO organisation (name, uscc, legal_representative, contact_name, contact_phone) VALUES ($1, $2, '张', '李', '13800000000') RETURNING id`, [`竞买人${i}`, `9135010000${String(i).padStart(7, '0')}X`]);
      const [a] = await ds.query(`INSERT INTO account (username, display_name, password_hash, organisation_id) VALUES ($1, $1, 'x', $2) RETURNING id`, [`bench-bidder-${i}`, org.id]);
      await ds.query(`INSERT INTO account_role (account_id, role) VALUES ($1, 'bidder')`, [a.id]);
      await ds.query(`INSERT INTO lot_bidder (lot_id, paddle, organisation_id) VALUES ($1, $2, $3)`, [lot.id, 1001 + i, org.id]);
      people.push({ token: tokens.issue(a.id).accessToken });
    }
    const prefix = `ygb-${Date.now().toString(36)}`;
    const apis = [await startApi(url, 3901, prefix), await startApi(url, 3902, prefix)];
    try {
      const latencies: number[] = [];
      let refused = 0;
      let errors = 0;
      const stopAt = Date.now() + seconds * 1000;
      const started = Date.now();
      await Promise.all(
        people.map(async (p, i) => {
          const base = `http://127.0.0.1:${3901 + (i % 2)}`;
          let next = 1_000_000 + i; // yuan; corrected by each refusal's nextMinimum
          for (let n = 0; Date.now() < stopAt; n++) {
            const t0 = performance.now();
            const res = await fetch(`${base}/lots/${lot.id}/bids`, {
              method: 'POST',
              headers: { 'content-type': 'application/json', authorization: `Bearer ${p.token}` },
              body: JSON.stringify({ price: next.toFixed(2), clientKey: `bench-${i}-${n}` }),
            });
            const body = (await res.json()) as { price: string; code?: string; details: { nextMinimum: string } };
            if (res.status === 201) {
              latencies.push(performance.now() - t0);
              next = Number(body.price) + 100;
            } else if (body.code === 'BID_TOO_LOW') {
              refused++;
              next = Number(body.details.nextMinimum) + 100 * (i % 3);
            } else errors++;
          }
        }),
      );
      const elapsed = (Date.now() - started) / 1000;
      const rows = await ds.query(`SELECT seq, price_fen::bigint AS price FROM lot_bid WHERE lot_id = $1 ORDER BY seq`, [lot.id]);
      let gaps = 0;
      let notIncreasing = 0;
      rows.forEach((r: { seq: number; price: string }, k: number) => {
        if (r.seq !== k + 1) gaps++;
        if (k > 0 && BigInt(r.price) <= BigInt(rows[k - 1].price)) notIncreasing++;
      });
      latencies.sort((a, b) => a - b);
      console.log(`hot lot: ${latencies.length} bids accepted in ${elapsed.toFixed(1)} s by ${bidders} bidders on 2 api processes = ${(latencies.length / elapsed).toFixed(0)} accepted/s; ${refused} refused as too low (raced), ${errors} other errors`);
      console.log(`accept latency p50 ${pct(latencies, 50).toFixed(1)} ms, p99 ${pct(latencies, 99).toFixed(1)} ms; sequence check: ${rows.length} rows, ${gaps} gaps or duplicates, ${notIncreasing} not increasing`);
    } finally {
      for (const a of apis) a.kill('SIGTERM');
    }

    // The same write path without HTTP: the engine's accepting statement and its audit entry, from as many connections
    // as pgbench uses, prices from one shared counter so that nearly every attempt is valid when it commits.
    const direct = new DataSource(dataSourceOptions(url, { extra: { max: 8 } }));
    await direct.initialize();
    const lots = new LotRepository();
    const audit = new AuditService();
    const [lot2] = await ds.query(
      `INSERT INTO lot (project_id, domain, title, start_price_fen, increment, phase, countdown_seconds, starts_at, ends_at)
       VALUES ($1, 'bench', '直连地块', 100000000, '{"fixedFen":"10000"}', 'listing', 60, now(), now() + interval '1 hour') RETURNING id`,
      [project.id],
    );
    const orgs = await ds.query(`SELECT organisation_id AS id, paddle FROM lot_bidder WHERE lot_id = $1 ORDER BY paddle LIMIT 8`, [lot.id]);
    for (const o of orgs) await ds.query(`INSERT INTO lot_bidder (lot_id, paddle, organisation_id) VALUES ($1, $2, $3)`, [lot2.id, o.paddle, o.id]);
    let price = 100_000_000n;
    let ok = 0;
    let low = 0;
    const directLatency: number[] = [];
    const until = Date.now() + Math.min(seconds, 10) * 1000;
    const t1 = Date.now();
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
    const directSeconds = (Date.now() - t1) / 1000;
    directLatency.sort((a, b) => a - b);
    const [check] = await ds.query(`SELECT count(*)::int AS n, max(seq) AS last FROM lot_bid WHERE lot_id = $1`, [lot2.id]);
    console.log(
      `engine write path without HTTP (accept statement + audit append, 8 connections): ${ok} accepted in ${directSeconds.toFixed(1)} s = ${(ok / directSeconds).toFixed(0)}/s (${low} raced too low); p50 ${pct(directLatency, 50).toFixed(1)} ms, p99 ${pct(directLatency, 99).toFixed(1)} ms; ${check.n} rows, last seq ${check.last}`,
    );
    await direct.destroy();

    await ds.query(`CREATE TABLE bench_hot (id int PRIMARY KEY, v bigint NOT NULL); INSERT INTO bench_hot VALUES (1, 0)`);
    await ds.destroy();
    const script = join(require('node:os').tmpdir(), `hot-${Date.now()}.sql`);
    require('node:fs').writeFileSync(script, 'UPDATE bench_hot SET v = v + 1 WHERE id = 1;\n');
    for (const clients of [8, bidders]) {
      const out = execFileSync('pgbench', ['-n', '-c', String(clients), '-j', '2', '-T', String(Math.min(seconds, 10)), '-f', script, url], { encoding: 'utf8' });
      const tps = /tps = ([\d.]+)/.exec(out)?.[1];
      console.log(`pgbench single-row UPDATE on the same database, ${clients} clients: ${Number(tps).toFixed(0)} tps`);
    }
  });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
