/** Nearest-rank percentile of an ascending array. */
export const pct = (sorted: number[], p: number): number => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] : NaN);

export const ascending = (xs: number[]): number[] => [...xs].sort((a, b) => a - b);

export interface Summary {
  n: number;
  p50: number;
  p99: number;
  max: number;
}

export function summarise(xs: number[]): Summary {
  const s = ascending(xs);
  return { n: s.length, p50: pct(s, 50), p99: pct(s, 99), max: s.length ? s[s.length - 1] : NaN };
}

export const fmt = (s: Summary, digits = 1) => `p50 ${s.p50.toFixed(digits)} ms, p99 ${s.p99.toFixed(digits)} ms, max ${s.max.toFixed(digits)} ms`;
