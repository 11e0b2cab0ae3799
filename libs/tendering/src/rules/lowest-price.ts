// 经评审的最低投标价法: 评标委员会和评标方法暂行规定 30–33 (七部委12号令); the lowest evaluated price ranks first.
export interface LowestPriceBid {
  bidId: string;
  priceFen: bigint;
  /** 评审调整 in fen, + or −: the committee's adjustment under the documents' published method (规定 32). */
  adjustmentFen?: bigint;
  submittedAt: Date;
}

export type RankedLowestPrice<T extends LowestPriceBid> = T & { evaluatedPriceFen: bigint; rank: number };

/**
 * Evaluated price = price + adjustment. Ranked ascending; ties go to the earlier submission, then to the
 * smaller bidId, so the order never depends on input order. The bid price itself is never changed: the
 * contract is signed at the bid price (规定 33), the evaluated price only orders the bids.
 */
export function rankLowestEvaluatedPrice<T extends LowestPriceBid>(bids: readonly T[]): RankedLowestPrice<T>[] {
  const ids = new Set<string>();
  for (const b of bids) {
    if (ids.has(b.bidId)) throw new RangeError(`bid ${b.bidId} appears twice`);
    ids.add(b.bidId);
    if (typeof b.priceFen !== 'bigint' || b.priceFen <= 0n) throw new RangeError(`bid ${b.bidId}: price must be a positive amount in fen`);
    if (b.adjustmentFen !== undefined && typeof b.adjustmentFen !== 'bigint') throw new RangeError(`bid ${b.bidId}: adjustment must be in fen (bigint)`);
    if (!(b.submittedAt instanceof Date) || Number.isNaN(b.submittedAt.getTime())) throw new RangeError(`bid ${b.bidId}: invalid submission time`);
  }
  return bids
    .map((b) => ({ bid: b, evaluated: b.priceFen + (b.adjustmentFen ?? 0n) }))
    .sort(
      (x, y) =>
        (x.evaluated < y.evaluated ? -1 : x.evaluated > y.evaluated ? 1 : 0) ||
        x.bid.submittedAt.getTime() - y.bid.submittedAt.getTime() ||
        (x.bid.bidId < y.bid.bidId ? -1 : 1),
    )
    .map((x, i) => ({ ...x.bid, evaluatedPriceFen: x.evaluated, rank: i + 1 }));
}
