// 规定 21 and local 限时竞价 rules: what happens when a listing or a live phase is over.
export type LandOutcome = 'sold' | 'unsold' | 'reserve_not_met';
export type EndDecision = { kind: 'live' } | { kind: 'end'; outcome: LandOutcome };

/**
 * At the listing's end: enough buyers who said they will go on (each with the valid quotes the rules ask) → live
 * bidding from the highest quote; otherwise the highest quote wins if it reaches the reserve; no quote → 流拍.
 */
export function decideListingEnd(input: { continuing: number; highestFen: bigint | null; reserveFen: bigint | null }, rules: { minBuyersForLive: number }): EndDecision {
  if (input.highestFen !== null && input.continuing >= rules.minBuyersForLive) return { kind: 'live' };
  return { kind: 'end', outcome: priceOutcome(input.highestFen, input.reserveFen) };
}

/** At the live phase's end (no bid in the countdown): the best price wins if it reaches the reserve. */
export function decideLiveEnd(input: { highestFen: bigint | null; reserveFen: bigint | null }): EndDecision {
  return { kind: 'end', outcome: priceOutcome(input.highestFen, input.reserveFen) };
}

function priceOutcome(highestFen: bigint | null, reserveFen: bigint | null): LandOutcome {
  if (highestFen === null) return 'unsold';
  return reserveFen === null || highestFen >= reserveFen ? 'sold' : 'reserve_not_met';
}

/** The buyers who may carry the listing into live bidding: those who said so and quoted at least `minQuotes` times. */
export function continuingBuyers(declared: number[], quotesByPaddle: Map<number, number>, minQuotes: number): number[] {
  return declared.filter((p) => (quotesByPaddle.get(p) ?? 0) >= minQuotes);
}
