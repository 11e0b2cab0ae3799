// npm run bench [-- name …]: builds, makes sure PostgreSQL and Redis answer (as npm test does), runs each benchmark
// of dist/bench/ in turn with its default sizes, collects the JSON lines each one records and writes a markdown table.
// BENCH_QUICK=1: small sizes, for a smoke run. A full run writes bench/RESULTS.md; a subset or quick run writes
// bench/RESULTS.partial.md (BENCH_OUT=<file> overrides either).
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import { join, relative } from 'node:path';
import { build } from './build.mjs';
import { log, ROOT, seconds } from './lib.mjs';

const require = createRequire(import.meta.url);
/** In the order they run; each makes and drops its own database and Redis prefix. */
const ALL = ['hot-lot', 'live-feed', 'closings', 'audit-append', 'expert-draw', 'tender-opening', 'public-projects', 'product-search', 'expert-import'];

const names = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const unknown = names.filter((n) => !ALL.includes(n));
if (unknown.length) {
  console.error(`[阳光交易] unknown benchmark ${unknown.join(', ')}; known: ${ALL.join(', ')}`);
  process.exit(2);
}
const chosen = names.length ? ALL.filter((n) => names.includes(n)) : ALL;
const quick = process.env.BENCH_QUICK === '1';
const full = chosen.length === ALL.length && !quick;
const out = process.env.BENCH_OUT ?? join(ROOT, 'bench', full ? 'RESULTS.md' : 'RESULTS.partial.md');
const command = `${quick ? 'BENCH_QUICK=1 ' : ''}npm run bench${names.length ? ` -- ${chosen.join(' ')}` : ''}`;

const started = Date.now();
const { ensureServices } = await import('./services.mjs');
const { adminUrl, redisUrl, started: launched } = await ensureServices();
for (const s of launched) log(`started ${s}`);
await build();

async function versions() {
  const { Client } = require('pg');
  const pg = new Client({ connectionString: adminUrl });
  await pg.connect();
  const { rows } = await pg.query(`SELECT current_setting('server_version') AS v, current_setting('max_connections') AS c`);
  await pg.end();
  const Redis = require('ioredis');
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1 });
  const info = await redis.info('server');
  redis.disconnect();
  return { postgres: rows[0].v, maxConnections: rows[0].c, redis: /redis_version:(\S+)/.exec(info)?.[1] ?? '?' };
}

function runBench(name, resultFile) {
  return new Promise((resolve) => {
    const t0 = Date.now();
    const load = os.loadavg()[0];
    let output = '';
    const child = spawn(process.execPath, [join(ROOT, 'dist', 'bench', `${name}.js`)], {
      cwd: ROOT,
      env: { ...process.env, BENCH_ADMIN_DATABASE_URL: adminUrl, REDIS_URL: redisUrl, BENCH_RESULT_FILE: resultFile, ...(quick ? { BENCH_QUICK: '1' } : {}) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const take = (stream, sink) => stream.on('data', (d) => { output += d; sink.write(d); });
    take(child.stdout, process.stdout);
    take(child.stderr, process.stderr);
    child.on('exit', (code, signal) => resolve({ name, code: code ?? (signal ? 1 : 0), seconds: (Date.now() - t0) / 1000, load, output }));
  });
}

const num = (x) => (x === null || x === undefined ? '—' : Number(x).toLocaleString('en', { maximumFractionDigits: Math.abs(x) >= 100 ? 0 : 2 }));
const RATES = /\/s$|^tps$/;
const TIMES = /^(ms|s)$/;

/** How the platform's figure stands to the limit: a share of a rate, a multiple of a time. */
function ratio(r) {
  const l = r.limit;
  if (!l || l.value === null || r.value === null || l.value === 0) return '';
  if (RATES.test(r.unit) && RATES.test(l.unit)) return `${((r.value / l.value) * 100).toFixed(0)} % of the limit`;
  if (TIMES.test(r.unit) && r.unit === l.unit) return `${(r.value / l.value).toFixed(1)}× the limit`;
  return '';
}

const cell = (s) => String(s).replace(/\|/g, '\\|').replace(/\n/g, ' ');

const v = await versions();
const runs = [];
for (const name of chosen) {
  log(`bench ${name}${quick ? ' (quick)' : ''} …`);
  const resultFile = join(os.tmpdir(), `yg-bench-${process.pid}-${name}.jsonl`);
  rmSync(resultFile, { force: true });
  const run = await runBench(name, resultFile);
  run.results = existsSync(resultFile) ? readFileSync(resultFile, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l)) : [];
  rmSync(resultFile, { force: true });
  log(`bench ${name}: exit ${run.code} in ${run.seconds.toFixed(0)} s, ${run.results.length} figures`);
  runs.push(run);
}

const cpu = os.cpus();
const lines = [
  `# Benchmark results`,
  '',
  `- date: ${new Date().toISOString()}`,
  `- machine: ${cpu.length} cores (${cpu[0]?.model ?? '?'}), ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB memory, ${os.platform()} ${os.release()}`,
  `- software: node ${process.version}, PostgreSQL ${v.postgres} (max_connections ${v.maxConnections}), Redis ${v.redis}`,
  `- command: \`${command}\`${quick ? ' — quick mode: small sizes, a smoke run, not figures to quote' : ''}`,
  `- took ${seconds(started)} s`,
  '',
  '> Figures are noisy: the machine has 2 cores, and PostgreSQL, Redis, the client and the processes under test share',
  '> them (and, when this was run, other people\'s builds and tests did too: see the load average per bench below).',
  '> Each platform figure sits next to a bare tool measured in the same run, on the same machine state: read the',
  '> ratio, not the absolute number. How to read each row: docs/benchmarks.md.',
  '',
  '| bench | platform figure | machine limit measured in the same run | ratio / notes |',
  '| --- | --- | --- | --- |',
];
for (const run of runs) {
  if (run.results.length === 0 || run.code !== 0) {
    const out = run.output.trim().split('\n');
    const last = out.find((l) => /^\w*Error\b|Error:/.test(l)) ?? out.slice(-1)[0] ?? '';
    lines.push(`| ${run.name} | **failed** (exit ${run.code}) | — | ${cell(last.slice(0, 200))} |`);
  }
  for (const r of run.results) {
    const limit = r.limit ? `${r.limit.what}${r.limit.value === null ? '' : `: ${num(r.limit.value)}${r.limit.unit === 'count' ? '' : ` ${r.limit.unit}`}`}` : '—';
    const unit = r.unit === 'count' ? '' : ` ${r.unit}`;
    lines.push(`| ${r.bench} | ${cell(r.metric)}: **${num(r.value)}${unit}** | ${cell(limit)} | ${cell([ratio(r), r.note].filter(Boolean).join('; '))} |`);
  }
}
lines.push('', '| bench | wall time | 1-min load average before it | exit |', '| --- | --- | --- | --- |');
for (const run of runs) lines.push(`| ${run.name} | ${run.seconds.toFixed(0)} s | ${run.load.toFixed(1)} | ${run.code} |`);
lines.push('', '## What each bench printed', '');
for (const run of runs) lines.push(`<details><summary>${run.name}</summary>`, '', '```', run.output.trim(), '```', '', '</details>', '');
writeFileSync(out, `${lines.join('\n')}\n`);
log(`wrote ${relative(ROOT, out)} (${runs.reduce((n, r) => n + r.results.length, 0)} figures) in ${seconds(started)} s`);
process.exit(runs.every((r) => r.code === 0) ? 0 : 1);
