// 中标候选人: 招标投标法实施条例 53 (at most 3, ranked) and 55 (the first candidate, or the next when it cannot).
import type { TenderingRules } from '@app/platform/rules/defaults';

export interface RankedBid {
  bidId: string;
  /** 1 is the best, as from scoreComprehensive or rankLowestEvaluatedPrice. */
  rank: number;
}

/**
 * The best maxCandidates bids in rank order, leaving out the disqualified: a disqualified bid frees its
 * place for the next one rather than leaving a gap, because 条例 53 counts the candidates recommended.
 */
export function candidatesFrom<T extends RankedBid>(
  ranked: readonly T[],
  disqualifiedIds: ReadonlySet<string>,
  rules: Pick<TenderingRules['numbers'], 'maxCandidates'>,
): T[] {
  if (!Number.isInteger(rules.maxCandidates) || rules.maxCandidates < 1) throw new RangeError(`maxCandidates must be a positive integer, got ${rules.maxCandidates}`);
  return [...ranked]
    .sort((a, b) => a.rank - b.rank)
    .filter((b) => !disqualifiedIds.has(b.bidId))
    .slice(0, rules.maxCandidates);
}

/**
 * The first candidate still standing, or null when none is. 条例 55 lets the owner take the next candidate
 * in order when the first gives up, fails to sign or is found disqualified — or re-tender instead; that
 * choice is the owner's, so null and "re-tender" are decided by the caller.
 */
export function awardee<T extends { bidId: string }>(candidates: readonly T[], withdrawnOrDisqualified: ReadonlySet<string>): T | null {
  return candidates.find((c) => !withdrawnOrDisqualified.has(c.bidId)) ?? null;
}
