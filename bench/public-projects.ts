/**
 * Issue 19's public-list row: GET /public/projects (no login) on 100,000 published projects, served by two real api
 * processes, against its comparator measured in the same run: two bare Fastify + pg processes doing the list's page
 * query once per request (bench/support/bare-fastify-pg.ts). Both get the same load from a generator in its own
 * process (bench/support/http-load.ts), round robin over the two processes: a paced open loop at a fixed rate
 * (1,000 req/s) on the first page and on a filtered page, latency from each request's due time; then a closed loop
 * at the most it sustains (max rate, 64 in flight, first and filtered pages alternating). The two sides run in
 * alternating rounds, so that the drift of a shared machine's load falls on both.
 * Usage: npm run build && node dist/bench/public-projects.js [projects=100000] [rate=1000] [seconds=20] [maxSeconds=10]
 */
import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../libs/platform/src/database/data-source-options';
import { LEGAL_DEFAULTS } from '../libs/platform/src/rules/defaults';
import { withFreshDatabase } from './support/fresh-database';
import { alternate, LoadRun, mergeRuns, runLoad } from './support/http-load';
import { Child, startApi, startProcess, stopAll } from './support/processes';
import { benchPrefix, deleteKeys } from './support/redis';
import { QUICK, result, sizeArg } from './support/report';
import { fmt, summarise } from './support/stats';

const BENCH = 'public-projects';
const projects = sizeArg(0, 100_000, 20_000);
const rate = sizeArg(1, 1000, 300);
const seconds = sizeArg(2, 20, 5);
const maxSeconds = sizeArg(3, 10, 3);
const CONNECTIONS = 64;
const OWNERS = 2000;
const DOMAINS = ['tendering', 'land', 'procurement', 'rural'] as const;

async function generate(ds: DataSource): Promise<void> {
  const t0 = performance.now();
  await ds.query(
    `INSERT INTO organisation (name, uscc, legal_representative, contact_name, contact_phone)
     SELECT '福州市第' || i || '建设发展有限公司', '91350100' || lpad(i::text, 9, '0') || 'X', '张三', '李四', '13800000000' FROM generate_series(1, ${OWNERS}) i`,
  );
  const [acct] = await ds.query(`INSERT INTO account (username, display_name, password_hash) VALUES ('bench-centre', 'bench', 'x') RETURNING id`);
  for (const domain of DOMAINS) {
    const [ruleSet] = await ds.query(`SELECT id, version, name FROM rule_set WHERE domain = $1 AND NOT is_sandbox ORDER BY version LIMIT 1`, [domain]);
    // The snapshot a published project carries: the whole rule set, as publication freezes it.
    const snapshot = { ruleSetId: ruleSet.id, domain, version: ruleSet.version, name: ruleSet.name, sandbox: false, effectiveFrom: '2026-01-01T00:00:00.000Z', params: LEGAL_DEFAULTS[domain] };
    const prefix = { tendering: 'GC', land: 'TD', procurement: 'CG', rural: 'NC' }[domain];
    await ds.query(
      `INSERT INTO trading_project (code, domain, name, region, owner_organisation_id, agent_organisation_id, created_by, status, rule_kind, rule_set_id, rule_snapshot, published_at, suspended_at, suspension_reason)
       SELECT $2 || '-2026-' || lpad(i::text, 6, '0'), $1, '福州市' || (ARRAY['鼓楼区','台江区','仓山区','晋安区','马尾区','长乐区'])[i % 6 + 1] || '第' || i || '号' ||
                (CASE $1 WHEN 'tendering' THEN '道路改造工程施工' WHEN 'land' THEN '国有建设用地使用权挂牌出让' WHEN 'procurement' THEN '办公设备网上竞价' ELSE '集体林地经营权流转' END),
              '3501' || lpad((i % 12 + 1)::text, 2, '0'), orgs.ids[i % ${OWNERS} + 1], CASE WHEN i % 3 = 0 THEN orgs.ids[(i * 7) % ${OWNERS} + 1] END, $3,
              CASE WHEN i % 50 = 0 THEN 'suspended' WHEN i % 4 = 0 THEN 'closed' ELSE 'published' END, 'standard', $4, $5,
              now() - (i * interval '7 minutes') - (random() * interval '5 minutes'),
              CASE WHEN i % 50 = 0 THEN now() END, CASE WHEN i % 50 = 0 THEN '投诉处理中' END
       FROM generate_series(1, $6::int) i, (SELECT array_agg(id ORDER BY uscc) AS ids FROM organisation) orgs`,
      [domain, prefix, acct.id, ruleSet.id, JSON.stringify(snapshot), Math.ceil(projects / DOMAINS.length)],
    );
  }
  await ds.query(`VACUUM ANALYZE`);
  const [{ n }] = await ds.query(`SELECT count(*)::int AS n FROM trading_project WHERE published_at IS NOT NULL`);
  console.log(`${n} published projects (a quarter per domain, 2 % suspended, a quarter closed) from ${OWNERS} owners, built in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}

const FIRST = '/public/projects';
const FILTERED = '/public/projects?domain=land&page=3&pageSize=20';
const ROUNDS = QUICK ? 2 : 4;

function describe(label: string, run: LoadRun): string {
  const bad = Object.keys(run.statuses).length ? ` (${JSON.stringify(run.statuses)})` : '';
  return `${label}: ${run.sent} requests at ${run.achievedRate.toFixed(0)}/s, ${run.ok} ok (${run.okRate.toFixed(0)}/s), ${run.errors} errors${bad}; latency ${fmt(summarise(run.latencies))}`;
}

/**
 * The same load on the api's two processes and the bare route's two, in alternating rounds: paced first page, paced
 * filtered page, then max rate; each figure pools its rounds (`seconds` and `maxSeconds` in all per side).
 */
async function measure(apiPorts: number[], barePorts: number[]) {
  const at = (ports: number[], path: string) => ports.map((p) => `http://127.0.0.1:${p}${path}`);
  const mixed = (ports: number[]) => ports.flatMap((p) => [`http://127.0.0.1:${p}${FIRST}`, `http://127.0.0.1:${p}${FILTERED}`]);
  // Warm-up: JIT, pools, plan caches, the api's page cache.
  for (const ports of [apiPorts, barePorts]) await runLoad({ mode: 'paced', urls: mixed(ports), rate, seconds: 2 });
  const paced = (ports: number[], path: string) => () => runLoad({ mode: 'paced', urls: at(ports, path), rate, seconds: seconds / ROUNDS });
  const max = (ports: number[]) => () => runLoad({ mode: 'max', urls: mixed(ports), connections: CONNECTIONS, seconds: maxSeconds / ROUNDS, rampSeconds: 0.5 });
  const first = await alternate(ROUNDS, paced(apiPorts, FIRST), paced(barePorts, FIRST));
  const filtered = await alternate(ROUNDS, paced(apiPorts, FILTERED), paced(barePorts, FILTERED));
  const most = await alternate(ROUNDS, max(apiPorts), max(barePorts));
  const api = { first: mergeRuns(first.a), filtered: mergeRuns(filtered.a), max: mergeRuns(most.a) };
  const bare = { first: mergeRuns(first.b), filtered: mergeRuns(filtered.b), max: mergeRuns(most.b) };
  for (const [label, side] of [['api', api], ['bare Fastify + pg', bare]] as const) {
    console.log(describe(`${label} GET ${FIRST} at ${rate}/s`, side.first));
    console.log(describe(`${label} GET ${FILTERED} at ${rate}/s`, side.filtered));
    console.log(describe(`${label} max rate, ${CONNECTIONS} in flight, first and filtered pages`, side.max));
  }
  return { api, bare };
}

async function main(): Promise<void> {
  await withFreshDatabase('public', async (url) => {
    const ds = new DataSource(dataSourceOptions(url, { entities: [] }));
    await ds.initialize();
    await generate(ds);
    await ds.destroy();

    const prefix = benchPrefix('public');
    const children: Child[] = [];
    try {
      const apis = [await startApi(url, prefix), await startApi(url, prefix)];
      children.push(...apis);
      const bares = [
        await startProcess('bench/support/bare-fastify-pg.js', [], { DATABASE_URL: url }, 'bare fastify + pg', 'PORT'),
        await startProcess('bench/support/bare-fastify-pg.js', [], { DATABASE_URL: url }, 'bare fastify + pg', 'PORT'),
      ];
      children.push(...bares);
      const firstBody = await (await fetch(`http://127.0.0.1:${apis[0].port}${FIRST}`)).text();
      const page = JSON.parse(firstBody) as { total: number; items: unknown[] };
      console.log(`first page: ${page.items.length} items of ${page.total}, ${firstBody.length} bytes; 2 api processes (LOG_LEVEL info) and 2 bare processes, measured in ${ROUNDS} alternating rounds`);
      const { api, bare } = await measure(apis.map((a) => a.port), bares.map((b) => b.port));

      const what = `2 bare Fastify + pg processes, one page query per request`;
      for (const [label, a, b] of [['first page', api.first, bare.first], ['domain=land page 3', api.filtered, bare.filtered]] as const) {
        const s = summarise(a.latencies);
        const t = summarise(b.latencies);
        const note = `2 api processes, ${rate} req/s for ${seconds} s (sent ${a.achievedRate.toFixed(0)}/s, bare ${b.achievedRate.toFixed(0)}/s), ${a.errors} errors (bare ${b.errors}), ${projects.toLocaleString('en')} projects`;
        result({ bench: BENCH, metric: `GET /public/projects ${label} at ${rate}/s, p50`, value: s.p50, unit: 'ms', limit: { what: `${what}, p50`, value: t.p50, unit: 'ms' }, note });
        result({
          bench: BENCH,
          metric: `GET /public/projects ${label} at ${rate}/s, p99`,
          value: s.p99,
          unit: 'ms',
          limit: { what: `${what}, p99`, value: t.p99, unit: 'ms' },
          note: `max ${s.max.toFixed(1)} ms (bare max ${t.max.toFixed(1)} ms); ${note}`,
          target: { text: `at a fixed 1,000 req/s, p99 ≤ the bare Fastify + pg route's p99`, achieved: `${(s.p99 / t.p99).toFixed(2)}× bare p99`, met: !QUICK && rate >= 1000 && a.errors === 0 && s.p99 <= t.p99 },
        });
      }
      const ratio = api.max.okRate / bare.max.okRate;
      result({
        bench: BENCH,
        metric: `GET /public/projects max rate (first and filtered pages)`,
        value: api.max.okRate,
        unit: 'req/s',
        limit: { what: `${what}, max rate`, value: bare.max.okRate, unit: 'req/s' },
        note: `closed loop, ${CONNECTIONS} in flight for ${maxSeconds} s from a generator process; api p99 ${summarise(api.max.latencies).p99.toFixed(1)} ms, bare p99 ${summarise(bare.max.latencies).p99.toFixed(1)} ms; ${api.max.errors} errors (bare ${bare.max.errors})`,
        target: { text: 'max rate ≥ 1.0 × the bare Fastify + pg route', achieved: `${ratio.toFixed(2)}×`, met: api.max.errors === 0 && ratio >= 1.0 },
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
