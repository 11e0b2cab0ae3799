// 土地管理法 63 and local rules: a collective's asset is listed only on a resolution with ≥ 2/3 in favour and the township's approval.
import { Fraction } from '@app/platform/rules/rule-spec';

export interface Reason {
  code: string;
  zh: string;
  en: string;
}

export interface ListingFacts {
  resolution: { votesFor: number; votesTotal: number } | null;
  approval: boolean;
  incrementFen: bigint;
}

export interface ListingRules {
  resolutionApproval: Fraction;
  minIncrementFen: bigint;
}

/** votesFor / votesTotal ≥ numerator / denominator, in integers. */
export function resolutionPasses(votesFor: number, votesTotal: number, share: Fraction): boolean {
  return votesTotal > 0 && votesFor <= votesTotal && votesFor * share.denominator >= share.numerator * votesTotal;
}

/** Every reason the centre may not list the deal yet; empty when it may. */
export function listingRefusals(f: ListingFacts, r: ListingRules): Reason[] {
  const out: Reason[] = [];
  const share = `${r.resolutionApproval.numerator}/${r.resolutionApproval.denominator}`;
  if (!f.resolution) {
    out.push({ code: 'RESOLUTION_MISSING', zh: '缺少村民会议或村民代表会议决议', en: 'The collective’s resolution (villagers’ meeting or representatives) is missing' });
  } else if (!resolutionPasses(f.resolution.votesFor, f.resolution.votesTotal, r.resolutionApproval)) {
    out.push({
      code: 'RESOLUTION_SHORT',
      zh: `决议同意票 ${f.resolution.votesFor}/${f.resolution.votesTotal},未达到 ${share}`,
      en: `The resolution has ${f.resolution.votesFor} of ${f.resolution.votesTotal} votes in favour, short of ${share}`,
    });
  }
  if (!f.approval) out.push({ code: 'APPROVAL_MISSING', zh: '缺少乡镇人民政府的审核批准文件', en: 'The township’s approval is missing' });
  if (f.incrementFen < r.minIncrementFen) {
    out.push({ code: 'INCREMENT_TOO_SMALL', zh: `加价幅度低于规则规定的最低 ${r.minIncrementFen} 分`, en: `The increment is below the rule set’s minimum of ${r.minIncrementFen} fen` });
  }
  return out;
}

/** The lowest price a relisting may ask: the previous price less at most `maxBp` basis points, rounded up to the fen. */
export function relistFloorFen(previousFen: bigint, maxBp: number): bigint {
  const kept = previousFen * BigInt(10_000 - maxBp);
  return (kept + 9_999n) / 10_000n;
}
