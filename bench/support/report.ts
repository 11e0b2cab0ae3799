import { appendFileSync } from 'node:fs';

/** What the platform's figure is compared with: a bare tool's figure measured in the same run. */
export interface Limit {
  what: string;
  value: number | null;
  unit: string;
}

/** An issue 19 target row: what it asks for, the figure it compares (often a ratio to `limit`), and whether it holds. */
export interface Target {
  /** the target as the issue states it, e.g. '≥ 3,000/s, p99 ≤ 50 ms' or '≥ 0.5 × bare pgbench' */
  text: string;
  /** the compared figure as printed, e.g. '0.62×' or 'p99 41 ms'; empty when the value itself is compared */
  achieved?: string;
  met: boolean;
}

export interface BenchResult {
  bench: string;
  metric: string;
  value: number | null;
  unit: string;
  limit?: Limit | null;
  note?: string;
  /** set on the rows that carry a target; RESULTS.md shows the target and whether it is met */
  target?: Target | null;
}

/** `npm run bench` sets BENCH_QUICK=1 for smoke runs: smaller sizes, same code paths. */
export const QUICK = process.env.BENCH_QUICK === '1';

/** The n-th command-line argument as a number, else the quick or the full default. */
export function sizeArg(index: number, full: number, quick: number): number {
  const raw = process.argv[2 + index];
  if (raw !== undefined && raw !== '') {
    const n = Number(raw);
    if (!Number.isFinite(n) || n <= 0) throw new Error(`argument ${index + 1} must be a positive number, got "${raw}"`);
    return n;
  }
  return QUICK ? quick : full;
}

/**
 * Records one figure: when BENCH_RESULT_FILE is set (npm run bench sets it) it is appended there as a JSON line,
 * which scripts/bench.mjs turns into bench/RESULTS.md. The human lines each bench prints stay as they are.
 */
export function result(r: BenchResult): void {
  const line = { bench: r.bench, metric: r.metric, value: r.value === null || !Number.isFinite(r.value) ? null : round(r.value), unit: r.unit, limit: r.limit ? { ...r.limit, value: r.limit.value === null || !Number.isFinite(r.limit.value) ? null : round(r.limit.value) } : null, note: r.note ?? '', target: r.target ?? null };
  if (process.env.BENCH_RESULT_FILE) appendFileSync(process.env.BENCH_RESULT_FILE, `${JSON.stringify(line)}\n`);
}

const round = (x: number) => (Math.abs(x) >= 100 ? Math.round(x) : Math.round(x * 100) / 100);
