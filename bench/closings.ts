/**
 * N milestones due at one instant, fired by two real worker processes (the platform's milestone path: row lock,
 * re-check, handler, mark fired, audit — one transaction each): lateness from due_at to fired_at as the milestone
 * table records it, how many fired (must be N) and how many twice (must be 0); next to N bare BullMQ delayed jobs
 * with one due time on two bare Workers (the lateness Redis and BullMQ alone add).
 * Usage: npm run build && node dist/bench/closings.js [milestones=10000]
 */
import 'reflect-metadata';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { AuditService } from '../libs/platform/src/audit/audit.service';
import { dataSourceOptions } from '../libs/platform/src/database/data-source-options';
import { DIAGNOSTIC_PROBE_KIND } from '../libs/platform/src/milestones/diagnostic-probe';
import { MilestoneService } from '../libs/platform/src/milestones/milestone.service';
import { QueueName } from '../libs/platform/src/queues/queue-names';
import { redisOptions } from '../libs/platform/src/queues/redis-connection';
import { withFreshDatabase } from './support/fresh-database';
import { Child, startProcess, startWorker, stopAll } from './support/processes';
import { benchPrefix, deleteKeys, redisUrl } from './support/redis';
import { result, sizeArg } from './support/report';
import { summarise, Summary } from './support/stats';

const BENCH = 'closings';
const count = sizeArg(0, 10_000, 1_000);
/** Time left between the end of the setup and the common due time. */
const LEAD_MS = 5_000;
const CHUNK = 500;

const ms = (s: Summary) => `p50 ${s.p50.toFixed(0)} ms, p99 ${s.p99.toFixed(0)} ms, max ${s.max.toFixed(0)} ms`;

async function platform(url: string) {
  const prefix = benchPrefix('closings');
  const ds = new DataSource(dataSourceOptions(url));
  await ds.initialize();
  const queue = new Queue(QueueName.Milestones, { connection: redisOptions(redisUrl()), prefix });
  const workers: Child[] = [];
  try {
    // Production settings (reconciliation every minute, 8 jobs at a time per worker), so the jobs do the firing.
    workers.push(await startWorker(url, prefix), await startWorker(url, prefix));
    // Rows first, due far ahead; then their jobs through the service's own enqueue (jobId, attempts, backoff);
    // then everything is moved to one common due time with the rows and the jobs' delays agreeing.
    const t0 = performance.now();
    const rows: { id: string; version: number; due_at: Date }[] = await ds.query(
      `INSERT INTO milestone (kind, subject_type, subject_id, due_at, payload)
       SELECT $1, 'bench', 'closings-' || i, now() + interval '1 hour', '{}' FROM generate_series(1, $2) i RETURNING id, version, due_at`,
      [DIAGNOSTIC_PROBE_KIND, count],
    );
    const [{ due }] = await ds.query(`SELECT date_trunc('milliseconds', now()) + ($1 || ' milliseconds')::interval + ($2 || ' milliseconds')::interval AS due`, [LEAD_MS, Math.ceil(count / 2)]);
    await ds.query(`UPDATE milestone SET due_at = $1 WHERE subject_type = 'bench'`, [due]);
    const service = new MilestoneService(queue, ds, new AuditService());
    for (let i = 0; i < rows.length; i += CHUNK) await Promise.all(rows.slice(i, i + CHUNK).map((r) => service.enqueue({ id: r.id, version: r.version, dueAt: due })));
    const [{ left }] = await ds.query(`SELECT EXTRACT(EPOCH FROM ($1::timestamptz - now())) * 1000 AS left`, [due]);
    console.log(`closings: ${count} milestones and their jobs set up in ${((performance.now() - t0) / 1000).toFixed(1)} s; due in ${Number(left).toFixed(0)} ms`);
    if (Number(left) < 0) console.log('  warning: the setup overran the due time; lateness below includes setup');

    // Poll until every row has fired; the time the last one was seen committed bounds the drain.
    let fired = 0;
    let drainMs = NaN;
    const giveUp = Date.now() + Math.max(120_000, count * 30);
    while (Date.now() < giveUp) {
      const [r] = await ds.query(`SELECT count(*) FILTER (WHERE status = 'fired')::int AS fired, EXTRACT(EPOCH FROM (now() - $1::timestamptz)) * 1000 AS since FROM milestone WHERE subject_type = 'bench'`, [due]);
      fired = r.fired;
      if (fired >= count) {
        drainMs = Number(r.since);
        break;
      }
      await new Promise((res) => setTimeout(res, 50));
    }
    const lateness: number[] = (
      await ds.query(`SELECT EXTRACT(EPOCH FROM (fired_at - due_at)) * 1000 AS late FROM milestone WHERE subject_type = 'bench' AND status = 'fired'`)
    ).map((r: { late: string }) => Number(r.late));
    const [twice] = await ds.query(
      `SELECT (SELECT count(*)::int FROM (SELECT milestone_id FROM milestone_probe GROUP BY milestone_id HAVING count(*) > 1) d) AS effects,
              (SELECT count(*)::int FROM (SELECT subject_id FROM audit_event WHERE action = 'milestone.fired' GROUP BY subject_id HAVING count(*) > 1) d) AS audits,
              (SELECT count(*)::int FROM milestone_probe) AS probes,
              (SELECT count(DISTINCT worker_pid)::int FROM milestone_probe) AS pids,
              (SELECT count(*)::int FROM milestone WHERE subject_type = 'bench' AND fired_at < due_at) AS early`,
    );
    return { fired, drainMs, lateness: summarise(lateness), twice };
  } finally {
    await stopAll(workers);
    await queue.close();
    await ds.destroy();
    await deleteKeys(prefix);
  }
}

async function bare() {
  const prefix = benchPrefix('bare');
  const name = 'bare-delayed';
  const queue = new Queue(name, { connection: redisOptions(redisUrl()), prefix });
  const workers: Child[] = [];
  try {
    for (let w = 0; w < 2; w++) workers.push(await startProcess('bench/support/bare-worker.js', [name, prefix, '8'], { REDIS_URL: redisUrl() }, 'bare worker', 'WORKER_HEALTH_PORT'));
    const due = Date.now() + LEAD_MS + Math.ceil(count / 10);
    for (let i = 0; i < count; i += CHUNK) {
      const n = Math.min(CHUNK, count - i);
      await queue.addBulk(Array.from({ length: n }, (_, k) => ({ name: 'bare', data: { dueAt: due }, opts: { jobId: `bare-${i + k}`, delay: Math.max(0, due - Date.now()), removeOnComplete: false } })));
    }
    const giveUp = Date.now() + Math.max(120_000, count * 30);
    while (Date.now() < giveUp && (await queue.getCompletedCount()) < count) await new Promise((r) => setTimeout(r, 50));
    const jobs = await queue.getJobs(['completed'], 0, -1);
    const late = jobs.map((j) => (j.processedOn ?? NaN) - (j.data.dueAt as number));
    const drainMs = Math.max(...jobs.map((j) => (j.finishedOn ?? NaN) - (j.data.dueAt as number)));
    return { done: jobs.length, drainMs, lateness: summarise(late) };
  } finally {
    await stopAll(workers);
    await queue.close();
    await deleteKeys(prefix);
  }
}

async function main(): Promise<void> {
  await withFreshDatabase('closings', async (url) => {
    const p = await platform(url);
    console.log(`platform: ${p.fired} of ${count} fired by two worker processes (${p.twice.pids} pids wrote effects); lateness due_at → fired_at ${ms(p.lateness)}; all committed ${p.drainMs.toFixed(0)} ms after the due time`);
    console.log(`  fired twice: ${p.twice.effects} by effect rows, ${p.twice.audits} by audit entries; ${p.twice.probes} effect rows in all; ${p.twice.early} fired before due`);
    const b = await bare();
    console.log(`bare BullMQ: ${b.done} of ${count} delayed jobs with one due time on two bare Workers; lateness due → processed ${ms(b.lateness)}; all done ${b.drainMs.toFixed(0)} ms after the due time`);
    const limit = (value: number, what: string) => ({ what: `bare BullMQ delayed job, ${what}, 2 Workers`, value, unit: 'ms' });
    result({ bench: BENCH, metric: `milestones fired of ${count} due at one instant, 2 workers`, value: p.fired, unit: 'count', limit: { what: 'bare BullMQ jobs completed', value: b.done, unit: 'count' }, note: `must equal ${count}` });
    result({ bench: BENCH, metric: 'milestones fired twice', value: p.twice.effects + p.twice.audits, unit: 'count', limit: null, note: `must be 0 (effect rows and audit entries per milestone); ${p.twice.early} fired before due` });
    result({ bench: BENCH, metric: 'lateness p50 (due_at → fired_at)', value: p.lateness.p50, unit: 'ms', limit: limit(b.lateness.p50, 'p50'), note: '' });
    result({ bench: BENCH, metric: 'lateness p99 (due_at → fired_at)', value: p.lateness.p99, unit: 'ms', limit: limit(b.lateness.p99, 'p99'), note: '' });
    result({ bench: BENCH, metric: 'lateness max (due_at → fired_at)', value: p.lateness.max, unit: 'ms', limit: limit(b.lateness.max, 'max'), note: 'fired_at is the firing transaction\'s now()' });
    result({ bench: BENCH, metric: 'all fired and committed, after the due time', value: p.drainMs, unit: 'ms', limit: limit(b.drainMs, 'all done'), note: 'polled every 50 ms' });
  });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
