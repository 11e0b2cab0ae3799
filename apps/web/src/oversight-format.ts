/**
 * Formats of the statistics and supervision pages. Decimal strings stay strings: rounding is done on their digits
 * (BigInt), never through a float.
 */
const DECIMAL = /^(-?)(\d+)(?:\.(\d*))?$/;

/** Rounds a decimal string half away from zero to `dp` places: ("1.23456", 2) → "1.23", ("0.005", 2) → "0.01". */
export function roundDecimal(value: string, dp: number): string {
  const m = DECIMAL.exec(value.trim());
  if (!m) return value;
  const [, sign, int, frac = ''] = m;
  const digits = BigInt(int + (frac + '0'.repeat(dp + 1)).slice(0, dp + 1));
  const rounded = (digits + 5n) / 10n;
  const s = rounded.toString().padStart(dp + 1, '0');
  const out = dp ? `${s.slice(0, -dp)}.${s.slice(-dp)}` : s;
  return rounded === 0n ? out : `${sign}${out}`;
}

/** 亿元 as people read a dashboard: two decimals from 1 亿 up, four below (so 0.0350 亿 is not shown as 0.04). */
export function yi(amountYi: string | null | undefined): string {
  if (!amountYi) return '—';
  const m = DECIMAL.exec(amountYi.trim());
  if (!m) return amountYi;
  const r = roundDecimal(amountYi, m[2] === '0' ? 4 : 2);
  return r.replace(/^(-?)(\d+)/, (_, s: string, i: string) => s + i.replace(/\B(?=(\d{3})+(?!\d))/g, ','));
}

/** A rate with 4 decimals (0.6667) as a percentage with 2 ("66.67%"), by moving the decimal point. */
export function percent(rate: number | null | undefined): string {
  if (rate === null || rate === undefined || Number.isNaN(rate)) return '—';
  const fixed = rate.toFixed(4); // the API's rates have 4 decimals: this only writes them out
  const m = DECIMAL.exec(fixed)!;
  const [, sign, int, frac = ''] = m;
  const whole = `${int}${frac.slice(0, 2)}`.replace(/^0+(?=\d)/, '');
  return `${sign}${whole}.${frac.slice(2, 4)}%`;
}

/** Yuan string → 万元 as a chart height (the only place a number is derived from money; labels use the strings). */
export function wanHeight(amount: string): number {
  return Number(roundDecimal(amount, 2)) / 10000;
}

/** A month "2026-03" as "2026年3月". */
export function monthLabel(m: string): string {
  const [y, mm] = m.split('-');
  return `${y}年${Number(mm)}月`;
}

/** Months from `from` to `to` inclusive ("YYYY-MM"). */
export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  let [y, m] = from.split('-').map(Number);
  const [ty, tm] = to.split('-').map(Number);
  while (y < ty || (y === ty && m <= tm)) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
    m++;
    if (m > 12) (m = 1), y++;
  }
  return out;
}

/** Yuan string → integer fen (BigInt), exact. */
export function yuanToFen(y: string): bigint {
  const m = DECIMAL.exec(y.trim());
  if (!m) throw new Error(`not an amount: ${y}`);
  const [, sign, int, frac = ''] = m;
  const fen = BigInt(int) * 100n + BigInt((frac + '00').slice(0, 2));
  return sign ? -fen : fen;
}

/** Σ of yuan strings, as a yuan string. */
export function sumYuan(values: string[]): string {
  const total = values.reduce((s, v) => s + yuanToFen(v), 0n);
  const neg = total < 0n;
  const digits = (neg ? -total : total).toString().padStart(3, '0');
  return `${neg ? '-' : ''}${digits.slice(0, -2)}.${digits.slice(-2)}`;
}
