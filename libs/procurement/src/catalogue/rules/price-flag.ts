// Local e-mall practice: a listed price more than the rule set's priceToleranceBp above the reference price (the
// lowest price of the product's other channels, recorded by the centre) is flagged for the centre's review.

export interface PriceCheck {
  flagged: boolean;
  /** the highest price that passes, in fen */
  limitFen: bigint;
  reason: string | null;
}

export function checkPrice(priceFen: bigint, referenceFen: bigint | null, toleranceBp: number): PriceCheck | null {
  if (referenceFen === null) return null;
  const limitFen = referenceFen + (referenceFen * BigInt(toleranceBp)) / 10_000n;
  if (priceFen <= limitFen) return { flagged: false, limitFen, reason: null };
  const overBp = ((priceFen - referenceFen) * 10_000n) / referenceFen;
  return {
    flagged: true,
    limitFen,
    reason: `售价高于参考价 ${fmt(overBp)}%,超过允许的 ${fmt(BigInt(toleranceBp))}% / price is ${fmt(overBp)}% above the reference, over the ${fmt(BigInt(toleranceBp))}% tolerance`,
  };
}

const fmt = (bp: bigint) => `${bp / 100n}.${(bp % 100n).toString().padStart(2, '0')}`;
