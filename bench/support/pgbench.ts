import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';

/** pgbench on PATH, else the newest /usr/lib/postgresql/<v>/bin/pgbench, else null (the table then says so). */
export function findPgbench(): string | null {
  const which = spawnSync('which', ['pgbench'], { encoding: 'utf8' }).stdout?.trim();
  if (which) return which;
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root).sort((a, b) => Number(b) - Number(a));
  for (const v of versions) if (existsSync(join(root, v, 'bin', 'pgbench'))) return join(root, v, 'bin', 'pgbench');
  return null;
}

export interface PgbenchRun {
  clients: number;
  tps: number;
  latencyMs: number;
  /** set when pgbench ran but failed (e.g. the server's max_connections reached): tps is NaN then */
  error?: string;
}

/**
 * The machine's hot-row limit: pgbench's single-row `UPDATE … SET v = v + 1 WHERE id = 1` on the given database
 * (a table of its own, bench_hot), `clients` connections for `seconds`. Null when pgbench is not installed.
 */
export async function hotRowUpdate(url: string, clients: number, seconds: number): Promise<PgbenchRun | null> {
  const bin = findPgbench();
  if (!bin) return null;
  const c = new Client({ connectionString: url });
  await c.connect();
  await c.query(`CREATE TABLE IF NOT EXISTS bench_hot (id int PRIMARY KEY, v bigint NOT NULL); INSERT INTO bench_hot VALUES (1, 0) ON CONFLICT DO NOTHING`);
  await c.end();
  const script = join(tmpdir(), `yg-bench-hot-${process.pid}-${Date.now()}.sql`);
  writeFileSync(script, 'UPDATE bench_hot SET v = v + 1 WHERE id = 1;\n');
  try {
    return await scriptRun(url, script, {}, clients, seconds);
  } finally {
    rmSync(script, { force: true });
  }
}

/** A `limit` for result(): pgbench's tps (or average latency), or what kept it from being measured. */
export function pgbenchLimit(r: PgbenchRun | null, figure: 'tps' | 'latency' = 'tps') {
  if (!r) return { what: 'pgbench not installed', value: null, unit: 'tps' };
  if (r.error) return { what: `pgbench single-row UPDATE, ${r.clients} clients: ${r.error}`, value: null, unit: 'tps' };
  return figure === 'tps'
    ? { what: `pgbench single-row UPDATE, ${r.clients} clients`, value: r.tps, unit: 'tps' }
    : { what: `pgbench single-row UPDATE, ${r.clients} clients, average latency`, value: r.latencyMs, unit: 'ms' };
}

/**
 * A pgbench script file of bench/ (e.g. hot-lot-bare.sql) on `clients` connections for `seconds`, with `-D` variables.
 * Null when pgbench is not installed; tps NaN and `error` set when it failed.
 */
export async function scriptRun(url: string, file: string, vars: Record<string, string>, clients: number, seconds: number): Promise<PgbenchRun | null> {
  const bin = findPgbench();
  if (!bin) return null;
  const defines = Object.entries(vars).flatMap(([k, v]) => ['-D', `${k}=${v}`]);
  try {
    const out = execFileSync(bin, ['-n', '-c', String(clients), '-j', '2', '-T', String(seconds), ...defines, '-f', file, url], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    const tps = Number(/tps = ([\d.]+)/.exec(out)?.[1]);
    const latencyMs = Number(/latency average = ([\d.]+) ms/.exec(out)?.[1]);
    return { clients, tps, latencyMs };
  } catch (err) {
    const stderr = String((err as { stderr?: string }).stderr ?? (err as Error).message);
    const error = /FATAL:\s*([^\n]+)/.exec(stderr)?.[1] ?? stderr.split('\n').find((l) => l.includes('error')) ?? 'failed';
    return { clients, tps: NaN, latencyMs: NaN, error: `pgbench failed: ${error.trim()}` };
  }
}

export const describePgbench = (r: PgbenchRun | null) =>
  !r ? 'pgbench: not installed (neither on PATH nor in /usr/lib/postgresql/*/bin): no machine limit measured'
  : r.error ? `pgbench, ${r.clients} clients: ${r.error}`
  : `pgbench single-row UPDATE on the same database, ${r.clients} clients: ${r.tps.toFixed(0)} tps, latency average ${r.latencyMs.toFixed(2)} ms`;
