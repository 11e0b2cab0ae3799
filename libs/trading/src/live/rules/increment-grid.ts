// Local online 限时竞价 rules: a bid is the start price plus whole increments (the grid), when the lot's rule says so.
import { Increment } from '../live.types';

/**
 * The increment grid a lot's prices climb: g₀ = start, gₙ₊₁ = gₙ + step(gₙ), where step() is the engine's
 * `lot_step()` (a fixed step, or the band of the highest start at or below the price). With a fixed step that is
 * start + k × step; on a ladder each band continues from the first grid point it reaches. The same walk is the SQL
 * function `lot_on_grid()` (migration 1764000002160), checked against this one on the database by
 * test/integration/trading/increment-grid.spec.ts.
 */
export function gridAt(increment: Increment, startFen: bigint, priceFen: bigint): { onGrid: boolean; nextFen: bigint } {
  if (priceFen <= startFen) return { onGrid: priceFen === startFen, nextFen: startFen };
  const bands = 'fixedFen' in increment ? null : increment.ladder.map((b) => ({ from: BigInt(b.fromFen), step: BigInt(b.stepFen) }));
  let g = startFen;
  for (;;) {
    const step = stepOf(increment, bands, g);
    if (step === null || step <= 0n) return { onGrid: false, nextFen: g };
    const limit = bands ? bands.filter((b) => b.from > g).reduce<bigint | null>((m, b) => (m === null || b.from < m ? b.from : m), null) : null;
    if (limit === null || priceFen < limit) {
      const d = priceFen - g;
      return d % step === 0n ? { onGrid: true, nextFen: priceFen } : { onGrid: false, nextFen: g + (d / step + 1n) * step };
    }
    g += ((limit - g + step - 1n) / step) * step;
    if (g >= priceFen) return { onGrid: g === priceFen, nextFen: g };
  }
}

export const onIncrementGrid = (increment: Increment, startFen: bigint, priceFen: bigint): boolean => gridAt(increment, startFen, priceFen).onGrid;

/** lot_step(): the fixed step, or the step of the band with the highest start at or below `fen` (none below the first band). */
function stepOf(increment: Increment, bands: { from: bigint; step: bigint }[] | null, fen: bigint): bigint | null {
  if ('fixedFen' in increment) return BigInt(increment.fixedFen);
  let best: { from: bigint; step: bigint } | null = null;
  for (const b of bands!) if (b.from <= fen && (best === null || b.from > best.from)) best = b;
  return best?.step ?? null;
}
