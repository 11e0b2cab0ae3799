// 城镇国有土地使用权出让和转让暂行条例 12: the longest term by use; 规定 and local rules: increments and the reserve.
import { LandRules } from '@app/platform/rules/defaults';

export const LAND_USES = ['residential', 'commercial', 'industrial', 'public_service', 'comprehensive'] as const;
export type LandUse = (typeof LAND_USES)[number];

/** An increment as the engine stores it: a fixed step, or a ladder by price band (fen as digit strings). */
export type IncrementFen = { fixedFen: string } | { ladder: { fromFen: string; stepFen: string }[] };

const TERM_PARAM: Record<LandUse, keyof LandRules['numbers']> = {
  residential: 'maxTermResidential',
  commercial: 'maxTermCommercial',
  industrial: 'maxTermIndustrial',
  public_service: 'maxTermPublicService',
  comprehensive: 'maxTermComprehensive',
};

export function maxTermYears(use: LandUse, rules: LandRules): number {
  return rules.numbers[TERM_PARAM[use]];
}

/**
 * Why an increment is refused, or null: every step at least the rule set's smallest increment; a ladder's bands
 * rise strictly and the first starts at or below the start price, so that every price has a step.
 */
export function incrementProblem(increment: IncrementFen, startPriceFen: bigint, rules: LandRules): string | null {
  const min = BigInt(rules.amountsFen.minIncrement);
  if ('fixedFen' in increment) return BigInt(increment.fixedFen) < min ? 'step below the smallest increment' : null;
  const bands = increment.ladder;
  if (bands.length === 0) return 'a ladder needs at least one band';
  if (BigInt(bands[0].fromFen) > startPriceFen) return 'the first band must start at or below the start price';
  for (let i = 0; i < bands.length; i++) {
    if (BigInt(bands[i].stepFen) < min) return `band ${i + 1}: step below the smallest increment`;
    if (i > 0 && BigInt(bands[i].fromFen) <= BigInt(bands[i - 1].fromFen)) return `band ${i + 1}: bands must rise`;
  }
  return null;
}

/** The step above `currentFen` (the band of the highest start at or below it), as the engine's lot_step() reads it. */
export function stepAt(increment: IncrementFen, currentFen: bigint): bigint {
  if ('fixedFen' in increment) return BigInt(increment.fixedFen);
  let step = BigInt(increment.ladder[0].stepFen);
  for (const b of increment.ladder) if (BigInt(b.fromFen) <= currentFen) step = BigInt(b.stepFen);
  return step;
}
