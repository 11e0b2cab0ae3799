// 综合评分法: 招标投标法实施条例 49, 评标委员会和评标方法暂行规定 34–38 (七部委12号令); numbers from the tendering rule set.
import type { TenderingRules } from '@app/platform/rules/defaults';

export type ScoringRules = Pick<
  TenderingRules['numbers'],
  | 'priceScoreMax'
  | 'technicalScoreMax'
  | 'businessScoreMax'
  | 'benchmarkDiscountBp'
  | 'benchmarkTrimFrom'
  | 'priceDeductionAboveBp'
  | 'priceDeductionBelowBp'
  | 'dropExtremeScores'
>;

/** Scores are integers in hundredths of a point; a maximum in the rule set is in whole points. */
const HUNDREDTHS = 100n;
const BP = 10_000n;

/**
 * Dropping a highest and a lowest score from fewer than 5 leaves too few to be fair; 5 is also the
 * smallest committee 法 37 allows. The rule set has no number for this yet, so it stays here, named.
 */
export const MIN_SCORES_TO_DROP_EXTREMES = 5;

/** n / d rounded half up, for n ≥ 0 and d > 0: every result is exact and the same on every machine. */
function divRoundHalfUp(n: bigint, d: bigint): bigint {
  return (2n * n + d) / (2n * d);
}

function requirePositivePrice(priceFen: bigint, what: string): void {
  if (typeof priceFen !== 'bigint' || priceFen <= 0n) throw new RangeError(`${what} must be a positive amount in fen, got ${String(priceFen)}`);
}

/**
 * 评标基准价 = mean of the valid prices × (1 − benchmarkDiscountBp / 10 000), rounded half up to the fen
 * once, at the end, so the discount is not applied to an already-rounded mean. From benchmarkTrimFrom
 * valid prices on, one highest and one lowest are left out so a single outlier cannot move the benchmark.
 */
export function benchmarkPrice(validPricesFen: readonly bigint[], rules: Pick<ScoringRules, 'benchmarkDiscountBp' | 'benchmarkTrimFrom'>): bigint {
  if (validPricesFen.length === 0) throw new RangeError('benchmark price needs at least one valid bid');
  validPricesFen.forEach((p, i) => requirePositivePrice(p, `valid price #${i + 1}`));
  const sorted = [...validPricesFen].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const counted = sorted.length >= rules.benchmarkTrimFrom ? sorted.slice(1, -1) : sorted;
  const sum = counted.reduce((s, p) => s + p, 0n);
  return divRoundHalfUp(sum * (BP - BigInt(rules.benchmarkDiscountBp)), BigInt(counted.length) * BP);
}

/**
 * Price score in hundredths: full at the benchmark, minus the deviation in percent (|p − b| / b × 100,
 * proportional, not stepped) times the rate for its side (the rate is hundredths of a point per 1 %),
 * never below 0. One rounding, half up, of the exact score.
 */
export function priceScore(
  priceFen: bigint,
  benchmarkFen: bigint,
  rules: Pick<ScoringRules, 'priceScoreMax' | 'priceDeductionAboveBp' | 'priceDeductionBelowBp'>,
): number {
  requirePositivePrice(priceFen, 'price');
  requirePositivePrice(benchmarkFen, 'benchmark price');
  const full = BigInt(rules.priceScoreMax) * HUNDREDTHS;
  const above = priceFen > benchmarkFen;
  const deviation = above ? priceFen - benchmarkFen : benchmarkFen - priceFen;
  const rate = BigInt(above ? rules.priceDeductionAboveBp : rules.priceDeductionBelowBp);
  // score = full − deviation / b × 100 × rate, kept over the common denominator b until the end.
  const numerator = full * benchmarkFen - deviation * 100n * rate;
  if (numerator <= 0n) return 0;
  return Number(divRoundHalfUp(numerator, benchmarkFen));
}

/**
 * One criterion's score: the experts' mean in hundredths, rounded half up. With dropExtremeScores = 1 and
 * enough experts, one highest and one lowest are left out so no single expert decides the result.
 */
export function expertScoreAverage(scores: readonly number[], rules: Pick<ScoringRules, 'dropExtremeScores'>): number {
  if (scores.length === 0) throw new RangeError('an expert score average needs at least one score');
  for (const s of scores) {
    if (!Number.isSafeInteger(s) || s < 0) throw new RangeError(`expert scores are non-negative integers in hundredths, got ${s}`);
  }
  const sorted = [...scores].sort((a, b) => a - b);
  const drop = rules.dropExtremeScores === 1 && sorted.length >= MIN_SCORES_TO_DROP_EXTREMES;
  const counted = drop ? sorted.slice(1, -1) : sorted;
  const sum = counted.reduce((s, x) => s + BigInt(x), 0n);
  return Number(divRoundHalfUp(sum, BigInt(counted.length)));
}

export interface ComprehensiveBid {
  bidId: string;
  priceFen: bigint;
  submittedAt: Date;
  /** technical[expert][criterion], hundredths of a point. */
  technical: readonly (readonly number[])[];
  /** business[expert][criterion], hundredths of a point. */
  business: readonly (readonly number[])[];
}

export interface ComprehensiveScore {
  bidId: string;
  priceScore: number;
  technicalScore: number;
  businessScore: number;
  total: number;
  /** 1 is the best; every bid has its own rank. */
  rank: number;
}

/** Sum over criteria of each criterion's expert average; each criterion's own maximum is the caller's concern. */
function partScore(bidId: string, part: string, matrix: readonly (readonly number[])[], maxPoints: number, rules: ScoringRules): number {
  const criteria = matrix.length === 0 ? 0 : matrix[0].length;
  if (matrix.some((row) => row.length !== criteria)) {
    throw new RangeError(`bid ${bidId}: every expert must score the same ${part} criteria`);
  }
  let total = 0;
  for (let c = 0; c < criteria; c++) total += expertScoreAverage(matrix.map((row) => row[c]), rules);
  const cap = maxPoints * Number(HUNDREDTHS);
  if (total > cap) throw new RangeError(`bid ${bidId}: ${part} score ${total} exceeds the maximum ${cap} (hundredths)`);
  return total;
}

/**
 * Scores every valid bid and ranks them: total desc, then the lower price, then the earlier submission,
 * then bidId, so the order never depends on input order. The benchmark is taken from these bids' prices,
 * so pass only the bids that survived 否决投标 (条例 51).
 */
export function scoreComprehensive(bids: readonly ComprehensiveBid[], rules: ScoringRules): ComprehensiveScore[] {
  const ids = new Set<string>();
  for (const b of bids) {
    if (ids.has(b.bidId)) throw new RangeError(`bid ${b.bidId} appears twice`);
    ids.add(b.bidId);
    if (!(b.submittedAt instanceof Date) || Number.isNaN(b.submittedAt.getTime())) throw new RangeError(`bid ${b.bidId}: invalid submission time`);
  }
  const benchmark = benchmarkPrice(bids.map((b) => b.priceFen), rules);
  const scored = bids.map((b) => {
    const price = priceScore(b.priceFen, benchmark, rules);
    const technical = partScore(b.bidId, 'technical', b.technical, rules.technicalScoreMax, rules);
    const business = partScore(b.bidId, 'business', b.business, rules.businessScoreMax, rules);
    return { bid: b, price, technical, business, total: price + technical + business };
  });
  scored.sort(
    (x, y) =>
      y.total - x.total ||
      (x.bid.priceFen < y.bid.priceFen ? -1 : x.bid.priceFen > y.bid.priceFen ? 1 : 0) ||
      x.bid.submittedAt.getTime() - y.bid.submittedAt.getTime() ||
      (x.bid.bidId < y.bid.bidId ? -1 : 1),
  );
  return scored.map((s, i) => ({
    bidId: s.bid.bidId,
    priceScore: s.price,
    technicalScore: s.technical,
    businessScore: s.business,
    total: s.total,
    rank: i + 1,
  }));
}
