// 交易统计: exact figures from integer fen. Rates are ratios rounded half up to RATE_DECIMALS places, 亿元 exact.

export const RATE_DECIMALS = 4;
const FEN_PER_YI = 10_000_000_000n; // 1 亿元 = 10^8 元 = 10^10 分

/** Which indicator a domain's reference price gives: 节约率 under an estimate or maximum, 溢价率 over a start price. */
export const INDICATOR: Record<string, 'savings' | 'premium'> = {
  tendering: 'savings',
  procurement: 'savings',
  land: 'premium',
  rural: 'premium',
};

/** One group of outcomes as SQL sums it (fen as bigint). */
export interface OutcomeSums {
  sessions: number;
  succeeded: number;
  amountFen: bigint;
  /** deal amounts and reference prices of the deals that have a reference, for the rate */
  amountWithReferenceFen: bigint;
  referenceFen: bigint;
}

export const ZERO_SUMS: OutcomeSums = { sessions: 0, succeeded: 0, amountFen: 0n, amountWithReferenceFen: 0n, referenceFen: 0n };

export function addSums(a: OutcomeSums, b: OutcomeSums): OutcomeSums {
  return {
    sessions: a.sessions + b.sessions,
    succeeded: a.succeeded + b.succeeded,
    amountFen: a.amountFen + b.amountFen,
    amountWithReferenceFen: a.amountWithReferenceFen + b.amountWithReferenceFen,
    referenceFen: a.referenceFen + b.referenceFen,
  };
}

/** numerator / denominator rounded half away from zero to `decimals` places; null when the denominator is 0. */
export function ratio(numerator: bigint, denominator: bigint, decimals = RATE_DECIMALS): number | null {
  if (denominator === 0n) return null;
  const negative = numerator < 0n !== denominator < 0n && numerator !== 0n;
  const n = numerator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  const scale = 10n ** BigInt(decimals);
  const q = (n * scale * 2n + d) / (2n * d);
  const text = `${q / scale}.${(q % scale).toString().padStart(decimals, '0')}`;
  return Number(negative ? `-${text}` : text);
}

/** Signed fen → yuan string ("-1234.56"): a saving can be negative when a deal exceeds its estimate. */
export function signedYuan(fen: bigint): string {
  const neg = fen < 0n;
  const a = neg ? -fen : fen;
  return `${neg ? '-' : ''}${a / 100n}.${(a % 100n).toString().padStart(2, '0')}`;
}

/** fen → 亿元 as an exact decimal string: trailing zeros dropped, at least 2 decimals ("1.00", "0.0000012345"). */
export function yi(fen: bigint): string {
  const neg = fen < 0n;
  const a = neg ? -fen : fen;
  let decimals = (a % FEN_PER_YI).toString().padStart(10, '0').replace(/0+$/, '');
  if (decimals.length < 2) decimals = decimals.padEnd(2, '0');
  return `${neg ? '-' : ''}${a / FEN_PER_YI}.${decimals}`;
}

export interface Figures {
  sessions: number;
  succeeded: number;
  failed: number;
  /** 成交率 / 流标(流拍)率: succeeded or failed / sessions */
  successRate: number | null;
  failureRate: number | null;
  amount: string;
  amountYi: string;
  /** the estimate, maximum or start prices of the deals that have one, in yuan */
  referenceAmount: string;
  /** 节约率 = (reference − deal) / reference, tenders and e-mall quotes only */
  savingsRate: number | null;
  /** 溢价率 = (deal − start price) / start price, land and rural only */
  premiumRate: number | null;
}

/** The figures of one group; `indicator` decides which rate the reference gives (none for a mix of domains). */
export function figures(s: OutcomeSums, indicator: 'savings' | 'premium' | null): Figures {
  const failed = s.sessions - s.succeeded;
  const diff = s.amountWithReferenceFen - s.referenceFen;
  return {
    sessions: s.sessions,
    succeeded: s.succeeded,
    failed,
    successRate: ratio(BigInt(s.succeeded), BigInt(s.sessions)),
    failureRate: ratio(BigInt(failed), BigInt(s.sessions)),
    amount: signedYuan(s.amountFen),
    amountYi: yi(s.amountFen),
    referenceAmount: signedYuan(s.referenceFen),
    savingsRate: indicator === 'savings' ? ratio(-diff, s.referenceFen) : null,
    premiumRate: indicator === 'premium' ? ratio(diff, s.referenceFen) : null,
  };
}

/** "YYYY-MM" months from `first` to `last` inclusive. */
export function monthsBetween(first: string, last: string): string[] {
  const out: string[] = [];
  let [y, m] = first.split('-').map(Number);
  const [ly, lm] = last.split('-').map(Number);
  while (y < ly || (y === ly && m <= lm)) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
    m++;
    if (m > 12) {
      m = 1;
      y++;
    }
  }
  return out;
}
