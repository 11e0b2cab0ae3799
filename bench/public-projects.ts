/**
 * The public announcement list (GET /public/projects, no login) on 100,000 published projects, served by a real api
 * process: p50/p99 latency of the first page and of a filtered page at a fixed request rate from a paced open-loop
 * client; next to a bare Fastify route answering a similar JSON (the api's own first page) at the same rate.
 * Usage: npm run build && node dist/bench/public-projects.js [projects=100000] [rate=200] [seconds=20]
 */
import 'reflect-metadata';
import { rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../libs/platform/src/database/data-source-options';
import { LEGAL_DEFAULTS } from '../libs/platform/src/rules/defaults';
import { withFreshDatabase } from './support/fresh-database';
import { paced, PacedRun } from './support/paced';
import { Child, startApi, startProcess, stopAll } from './support/processes';
import { benchPrefix, deleteKeys } from './support/redis';
import { result, sizeArg } from './support/report';
import { fmt, summarise } from './support/stats';

const BENCH = 'public-projects';
const projects = sizeArg(0, 100_000, 20_000);
const rate = sizeArg(1, 200, 100);
const seconds = sizeArg(2, 20, 5);
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

function describe(label: string, run: PacedRun): string {
  return `${label}: ${run.sent} requests at ${run.achievedRate.toFixed(0)}/s, ${run.ok} ok, ${run.errors} errors; latency ${fmt(summarise(run.latencies))}`;
}

async function main(): Promise<void> {
  await withFreshDatabase('public', async (url) => {
    const ds = new DataSource(dataSourceOptions(url, { entities: [] }));
    await ds.initialize();
    await generate(ds);
    await ds.destroy();

    const prefix = benchPrefix('public');
    const children: Child[] = [];
    const bodyFile = join(tmpdir(), `yg-bench-public-${process.pid}.json`);
    try {
      const api = await startApi(url, prefix);
      children.push(api);
      const first = `http://127.0.0.1:${api.port}/public/projects`;
      const filtered = `${first}?domain=land&page=3&pageSize=20`;
      const firstBody = await (await fetch(first)).text();
      writeFileSync(bodyFile, firstBody);
      const page = JSON.parse(firstBody) as { total: number; items: unknown[] };
      console.log(`first page: ${page.items.length} items of ${page.total}, ${firstBody.length} bytes`);
      await paced(first, rate, 2); // warm-up: JIT, pools, plan caches
      await paced(filtered, rate, 2);
      const runFirst = await paced(first, rate, seconds);
      console.log(describe(`api GET /public/projects`, runFirst));
      const runFiltered = await paced(filtered, rate, seconds);
      console.log(describe(`api GET /public/projects?domain=land&page=3`, runFiltered));
      await api.stop();
      children.length = 0;

      const bare = await startProcess('bench/support/bare-fastify.js', [bodyFile], {}, 'bare fastify', 'PORT');
      children.push(bare);
      const bareUrl = `http://127.0.0.1:${bare.port}/public/projects`;
      await paced(bareUrl, rate, 2);
      const runBare = await paced(bareUrl, rate, seconds);
      console.log(describe(`bare Fastify, same JSON`, runBare));

      const b = summarise(runBare.latencies);
      const lim = (value: number, what: string) => ({ what: `bare Fastify route, same JSON, same rate, ${what}`, value, unit: 'ms' });
      for (const [label, run] of [['first page', runFirst], ['domain=land page 3', runFiltered]] as const) {
        const s = summarise(run.latencies);
        const note = `${rate} req/s for ${seconds} s (achieved ${run.achievedRate.toFixed(0)}/s), ${run.errors} errors, ${projects.toLocaleString('en')} projects`;
        result({ bench: BENCH, metric: `GET /public/projects ${label}, p50`, value: s.p50, unit: 'ms', limit: lim(b.p50, 'p50'), note });
        result({ bench: BENCH, metric: `GET /public/projects ${label}, p99`, value: s.p99, unit: 'ms', limit: lim(b.p99, 'p99'), note: `max ${s.max.toFixed(1)} ms (bare max ${b.max.toFixed(1)} ms, ${runBare.errors} errors)` });
      }
    } finally {
      await stopAll(children);
      await deleteKeys(prefix);
      rmSync(bodyFile, { force: true });
    }
  });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
