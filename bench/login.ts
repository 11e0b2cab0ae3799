/**
 * Issue 19's login row: POST /auth/login (throttle, account read, argon2 verify, audit entry, token) on two api
 * processes, driven at the most they sustain by a load generator in its own process (bench/support/http-load.ts), each
 * request a different account with the right password; against the comparator measured in the same run: a bare loop of
 * argon2 verify with the same parameters and hash in two processes with the same threadpool size
 * (bench/support/bare-argon2.ts). Target: logins/s ≥ 0.8 × verifies/s.
 * Usage: npm run build && node dist/bench/login.js [seconds=10] [inflight=32]
 */
import 'reflect-metadata';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../libs/platform/src/database/data-source-options';
import { hashPassword } from '../libs/platform/src/identity/password';
import { withFreshDatabase } from './support/fresh-database';
import { alternate, LoadRun, mergeRuns, runLoad } from './support/http-load';
import { Child, startApi, stopAll } from './support/processes';
import { benchPrefix, deleteKeys } from './support/redis';
import { QUICK, result, sizeArg } from './support/report';
import { fmt, summarise } from './support/stats';

const BENCH = 'login';
const seconds = sizeArg(0, 10, 3);
const inflight = sizeArg(1, 32, 32);
const ROUNDS = 2;
/** Seconds of load before each round's window: a closed loop's first answers come one latency late. */
const RAMP = QUICK ? 1 : 2;
const ACCOUNTS = QUICK ? 3000 : 8000;
const PASSWORD = 'Bench@2026!sunshine';
/** The threadpool both sides run with: the api's production setting if the environment gives one, else libuv's 4. */
const POOL = process.env.UV_THREADPOOL_SIZE ?? '4';

interface BareRun {
  verified: number;
  wrong: number;
  seconds: number;
}

function bareVerify(hash: string, seconds: number): Promise<BareRun> {
  const pending = String(Math.max(Number(POOL), 1) * 2);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(__dirname, 'support', 'bare-argon2.js'), hash, PASSWORD, String(seconds), pending, String(RAMP)], {
      env: { ...process.env, UV_THREADPOOL_SIZE: POOL },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out.trim().split('\n').pop()!)) : reject(new Error(`bare argon2 exited ${code}`))));
  });
}

const describe = (label: string, run: LoadRun) =>
  `${label}: ${run.sent} requests, ${run.ok} ok (${run.okRate.toFixed(1)}/s), ${run.errors} errors${Object.keys(run.statuses).length ? ` ${JSON.stringify(run.statuses)}` : ''}; latency ${fmt(summarise(run.latencies))}`;

async function main(): Promise<void> {
  await withFreshDatabase('login', async (url) => {
    const hash = await hashPassword(PASSWORD);
    const ds = new DataSource(dataSourceOptions(url, { entities: [] }));
    await ds.initialize();
    const [org] = await ds.query(`INSERT INTO organisation (name, uscc, legal_representative, contact_name, contact_phone) VALUES ('福州市登录测试有限公司', '913501000000000001', '张三', '李四', '13800000000') RETURNING id`);
    await ds.query(
      `INSERT INTO account (username, display_name, password_hash, organisation_id) SELECT 'bench-' || i, '竞买人' || i, $1, $2 FROM generate_series(0, $3::int - 1) i`,
      [hash, org.id, ACCOUNTS],
    );
    await ds.query(`INSERT INTO account_role (account_id, role) SELECT id, 'bidder' FROM account`);
    await ds.destroy();
    console.log(`${ACCOUNTS} accounts (bidders), one argon2id hash of @node-rs/argon2's defaults as hashPassword stores it: ${hash.split('$').slice(1, 4).join('$')}`);

    const prefix = benchPrefix('login');
    const children: Child[] = [];
    try {
      const env = { UV_THREADPOOL_SIZE: POOL };
      const apis = [await startApi(url, prefix, env), await startApi(url, prefix, env)];
      children.push(...apis);
      const urls = apis.map((a) => `http://127.0.0.1:${a.port}/auth/login`);
      // Each round starts its numbering where the last one stopped, so that every login is a different account.
      let sent = 0;
      // Warm-up (JIT, pools): unknown accounts, answered 401 after a dummy verify; the measured run's accounts log in once each.
      await runLoad({ mode: 'max', urls, method: 'POST', body: `{"username":"warm-{n}","password":"${PASSWORD}"}`, connections: inflight, seconds: 2, okStatus: 401 });
      // Alternating rounds (api, bare, bare, api, …): the drift of a shared machine's load falls on both sides.
      const per = seconds / ROUNDS;
      const rounds = await alternate(
        ROUNDS,
        async () => {
          const run = await runLoad({ mode: 'max', urls, method: 'POST', body: `{"username":"bench-{n}","password":"${PASSWORD}"}`, connections: inflight, seconds: per, rampSeconds: RAMP, offset: sent });
          sent += run.sent;
          return run;
        },
        () => Promise.all([bareVerify(hash, per), bareVerify(hash, per)]),
      );
      const login = mergeRuns(rounds.a);
      console.log(describe(`api POST /auth/login, 2 processes, ${inflight} in flight, UV_THREADPOOL_SIZE=${POOL}, ${ROUNDS} rounds`, login));
      if (sent > ACCOUNTS) console.log(`warning: ${sent} logins for ${ACCOUNTS} accounts: some accounts logged in twice`);
      // Each round: two processes at once, their rates added; the rounds (all of the same length) averaged.
      const bareRate = rounds.b.reduce((n, pair) => n + pair.reduce((m, b) => m + b.verified / b.seconds, 0), 0) / ROUNDS;
      const bare = rounds.b.flat();
      console.log(`bare argon2 verify, 2 processes, UV_THREADPOOL_SIZE=${POOL}, ${Number(POOL) * 2} pending each, ${ROUNDS} rounds: ${bare.reduce((n, b) => n + b.verified, 0)} verified = ${bareRate.toFixed(1)}/s${bare.some((b) => b.wrong) ? ' (SOME FAILED)' : ''}`);

      const ratio = login.okRate / bareRate;
      const s = summarise(login.latencies);
      result({
        bench: BENCH,
        metric: 'POST /auth/login, 2 api processes',
        value: login.okRate,
        unit: 'logins/s',
        limit: { what: `bare @node-rs/argon2 verify loop, same hash and parameters, 2 processes, UV_THREADPOOL_SIZE=${POOL}`, value: bareRate, unit: 'verifies/s' },
        note: `closed loop, ${inflight} in flight for ${seconds} s from a generator process; latency p50 ${s.p50.toFixed(0)} ms, p99 ${s.p99.toFixed(0)} ms; ${login.errors} errors`,
        target: { text: '≥ 0.8 × the @node-rs/argon2 verify rate with the same parameters', achieved: `${ratio.toFixed(2)}×`, met: login.errors === 0 && ratio >= 0.8 },
      });
    } finally {
      await stopAll(children);
      await deleteKeys(prefix);
    }
  });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
