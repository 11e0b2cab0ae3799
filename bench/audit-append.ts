/**
 * Audit appends per second with 50 concurrent writers, then `verify` over what was written,
 * next to raw SHA-256 chaining over the same number of links.
 * Usage: npm run build && node dist/bench/audit-append.js [seconds=10] [writers=50]
 */
import 'reflect-metadata';
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { withFreshDatabase } from './support/fresh-database';
import { AuditService } from '../libs/platform/src/audit/audit.service';
import { AuditVerifyService } from '../libs/platform/src/audit/audit-verify.service';
import { SYSTEM_ACTOR } from '../libs/platform/src/auth/roles';
import { dataSourceOptions } from '../libs/platform/src/database/data-source-options';

const seconds = Number(process.argv[2] ?? 10);
const writers = Number(process.argv[3] ?? 50);

function pct(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function main(): Promise<void> {
  await withFreshDatabase('audit', async (url) => {
    const ds = new DataSource(dataSourceOptions(url, { extra: { max: writers } }));
    await ds.initialize();
    const audit = new AuditService();
    const latencies: number[] = [];
    const stopAt = Date.now() + seconds * 1000;
    const started = Date.now();
    await Promise.all(
      Array.from({ length: writers }, async (_, w) => {
        for (let i = 0; Date.now() < stopAt; i++) {
          const t0 = performance.now();
          await ds.transaction((em) => audit.append(em, { actor: SYSTEM_ACTOR, action: 'bench.append', subject: { type: 'bench', id: `${w}-${i}` }, payload: { writer: w, i, amountFen: 123456n } }));
          latencies.push(performance.now() - t0);
        }
      }),
    );
    const elapsed = (Date.now() - started) / 1000;
    latencies.sort((a, b) => a - b);
    const verify = await new AuditVerifyService(ds).verify();
    let prev = '0'.repeat(64);
    const t0 = performance.now();
    for (let i = 0; i < latencies.length; i++) prev = createHash('sha256').update(`${prev}\n${i}|2026-11-24T00:00:00.000Z|||system|bench.append|bench|x|${prev}`).digest('hex');
    const rawMs = performance.now() - t0;
    await ds.destroy();
    console.log(`audit appends: ${latencies.length} in ${elapsed.toFixed(1)} s with ${writers} writers = ${(latencies.length / elapsed).toFixed(0)}/s; latency p50 ${pct(latencies, 50).toFixed(1)} ms, p99 ${pct(latencies, 99).toFixed(1)} ms`);
    console.log(`verify: ${verify.checked} links, ok=${verify.ok}, ${verify.durationMs} ms = ${((verify.checked / verify.durationMs) * 1000).toFixed(0)} links/s`);
    console.log(`raw SHA-256 chaining of the same count: ${rawMs.toFixed(0)} ms = ${((latencies.length / rawMs) * 1000).toFixed(0)} links/s`);
  });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
