// 评标报告: 招标投标法 40, 实施条例 51 (否决投标) and 53 (candidates); the committee decides by majority (规定 57).
import { ScoringRules, benchmarkPrice, scoreComprehensive } from '../rules/scoring';
import { rankLowestEvaluatedPrice } from '../rules/lowest-price';
import { candidatesFrom } from '../rules/candidates';
import { EvaluationMethod } from '../rules/criteria';

export interface Seat {
  accountId: string;
  expertId: string;
}

export interface OpenedBid {
  bidId: string;
  organisationId: string;
  bidderName: string;
  priceFen: bigint;
  submittedAt: Date;
}

export interface StoredScore {
  bidId: string;
  accountId: string;
  technical: number[];
  business: number[];
  adjustmentFen: bigint;
  disqualifyReason: string | null;
}

/** The report as stored in tender_section.report: money in fen as decimal strings, experts by library id, never by name. */
export interface EvaluationReport {
  method: EvaluationMethod;
  benchmarkFen: string | null;
  committee: number;
  bids: {
    bidId: string;
    organisationId: string;
    bidderName: string;
    priceFen: string;
    rank: number | null;
    disqualified: boolean;
    priceScore: number | null;
    technicalScore: number | null;
    businessScore: number | null;
    total: number | null;
    adjustmentFen: string | null;
    evaluatedPriceFen: string | null;
    experts: { expertId: string; technical: number[]; business: number[]; adjustmentFen: string; disqualifyReason: string | null }[];
  }[];
  disqualified: { bidId: string; organisationId: string; bidderName: string; votes: number; reasons: string[] }[];
  candidates: { rank: number; bidId: string; organisationId: string; bidderName: string; priceFen: string }[];
}

/** Who has not scored what: every seat must score every bid before the report. */
export function missingScores(seats: readonly Seat[], bids: readonly Pick<OpenedBid, 'bidId'>[], scores: readonly Pick<StoredScore, 'bidId' | 'accountId'>[]): { expertId: string; accountId: string; bidIds: string[] }[] {
  const have = new Set(scores.map((s) => `${s.accountId}/${s.bidId}`));
  return seats
    .map((seat) => ({ expertId: seat.expertId, accountId: seat.accountId, bidIds: bids.filter((b) => !have.has(`${seat.accountId}/${b.bidId}`)).map((b) => b.bidId) }))
    .filter((m) => m.bidIds.length > 0);
}

/** A strict majority of the committee: more than half, so a tie keeps the bid in. */
export const majorityOf = (committee: number, votes: number) => votes * 2 > committee;

/** n / d rounded half up (towards +∞ at .5), for any sign of n and d > 0. */
function divRoundHalfUp(n: bigint, d: bigint): bigint {
  const twice = 2n * n + d;
  const q = twice / (2n * d);
  return twice < 0n && twice % (2n * d) !== 0n ? q - 1n : q;
}

/**
 * The committee's report from every seat's scores. A bid most experts reject (with their reasons) is out; the rest
 * are ranked by the method; the candidates are the best maxCandidates. For 经评审的最低投标价法 the committee's
 * adjustment of a bid is the mean of its experts' adjustments, rounded half up to the fen.
 */
export function buildReport(method: EvaluationMethod, rules: ScoringRules & { maxCandidates: number }, seats: readonly Seat[], bids: readonly OpenedBid[], scores: readonly StoredScore[]): EvaluationReport {
  if (seats.length === 0) throw new RangeError('a report needs a committee');
  const missing = missingScores(seats, bids, scores);
  if (missing.length) throw new RangeError(`scores missing: ${JSON.stringify(missing)}`);
  const seatOf = new Map(seats.map((s, i) => [s.accountId, i]));
  const byBid = new Map<string, StoredScore[]>();
  for (const s of scores) {
    if (!seatOf.has(s.accountId)) continue;
    byBid.set(s.bidId, [...(byBid.get(s.bidId) ?? []), s]);
  }
  const ordered = (bidId: string) => [...(byBid.get(bidId) ?? [])].sort((a, b) => seatOf.get(a.accountId)! - seatOf.get(b.accountId)!);

  const disqualified = bids
    .map((b) => {
      const reasons = ordered(b.bidId)
        .map((s) => s.disqualifyReason)
        .filter((r): r is string => !!r);
      return { bid: b, reasons };
    })
    .filter((d) => majorityOf(seats.length, d.reasons.length));
  const out = new Set(disqualified.map((d) => d.bid.bidId));
  const valid = bids.filter((b) => !out.has(b.bidId));

  type Ranked = { bidId: string; rank: number; priceScore: number | null; technicalScore: number | null; businessScore: number | null; total: number | null; adjustmentFen: bigint | null; evaluatedPriceFen: bigint | null };
  let ranked: Ranked[] = [];
  let benchmarkFen: bigint | null = null;
  if (valid.length && method === 'comprehensive') {
    benchmarkFen = benchmarkPrice(valid.map((b) => b.priceFen), rules);
    ranked = scoreComprehensive(
      valid.map((b) => ({ bidId: b.bidId, priceFen: b.priceFen, submittedAt: b.submittedAt, technical: ordered(b.bidId).map((s) => s.technical), business: ordered(b.bidId).map((s) => s.business) })),
      rules,
    ).map((s) => ({ ...s, adjustmentFen: null, evaluatedPriceFen: null }));
  } else if (valid.length) {
    const adjustment = (bidId: string) => divRoundHalfUp(ordered(bidId).reduce((sum, s) => sum + s.adjustmentFen, 0n), BigInt(seats.length));
    ranked = rankLowestEvaluatedPrice(valid.map((b) => ({ bidId: b.bidId, priceFen: b.priceFen, submittedAt: b.submittedAt, adjustmentFen: adjustment(b.bidId) }))).map((r) => ({
      bidId: r.bidId,
      rank: r.rank,
      priceScore: null,
      technicalScore: null,
      businessScore: null,
      total: null,
      adjustmentFen: r.adjustmentFen ?? 0n,
      evaluatedPriceFen: r.evaluatedPriceFen,
    }));
  }
  const rankOf = new Map(ranked.map((r) => [r.bidId, r]));
  const bidOf = new Map(bids.map((b) => [b.bidId, b]));
  const candidates = candidatesFrom(ranked, out, rules).map((c, i) => {
    const b = bidOf.get(c.bidId)!;
    return { rank: i + 1, bidId: b.bidId, organisationId: b.organisationId, bidderName: b.bidderName, priceFen: b.priceFen.toString() };
  });
  const reportBids = bids
    .map((b) => {
      const r = rankOf.get(b.bidId);
      return {
        bidId: b.bidId,
        organisationId: b.organisationId,
        bidderName: b.bidderName,
        priceFen: b.priceFen.toString(),
        rank: r?.rank ?? null,
        disqualified: out.has(b.bidId),
        priceScore: r?.priceScore ?? null,
        technicalScore: r?.technicalScore ?? null,
        businessScore: r?.businessScore ?? null,
        total: r?.total ?? null,
        adjustmentFen: r?.adjustmentFen != null ? r.adjustmentFen.toString() : null,
        evaluatedPriceFen: r?.evaluatedPriceFen != null ? r.evaluatedPriceFen.toString() : null,
        experts: ordered(b.bidId).map((s) => ({
          expertId: seats[seatOf.get(s.accountId)!].expertId,
          technical: s.technical,
          business: s.business,
          adjustmentFen: s.adjustmentFen.toString(),
          disqualifyReason: s.disqualifyReason,
        })),
      };
    })
    .sort((x, y) => (x.rank ?? Infinity) - (y.rank ?? Infinity) || (x.bidId < y.bidId ? -1 : 1));
  return {
    method,
    benchmarkFen: benchmarkFen === null ? null : benchmarkFen.toString(),
    committee: seats.length,
    bids: reportBids,
    disqualified: disqualified.map((d) => ({ bidId: d.bid.bidId, organisationId: d.bid.organisationId, bidderName: d.bid.bidderName, votes: d.reasons.length, reasons: d.reasons })),
    candidates,
  };
}
