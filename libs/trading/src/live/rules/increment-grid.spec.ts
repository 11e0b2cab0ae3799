import { gridAt, onIncrementGrid } from './increment-grid';

const fixed = (fen: number) => ({ fixedFen: String(fen) });
const ladder = (...bands: [number, number][]) => ({ ladder: bands.map(([from, step]) => ({ fromFen: String(from), stepFen: String(step) })) });
const yuan = (y: number) => BigInt(y) * 100n;

describe('the increment grid (start price + whole increments)', () => {
  it('a fixed step: 1,063,333 is off a 10,000 grid from 1,000,000; 1,060,000 and 1,070,000 are on it', () => {
    const inc = fixed(1_000_000);
    expect(gridAt(inc, yuan(1_000_000), yuan(1_063_333))).toEqual({ onGrid: false, nextFen: yuan(1_070_000) });
    expect(onIncrementGrid(inc, yuan(1_000_000), yuan(1_060_000))).toBe(true);
    expect(onIncrementGrid(inc, yuan(1_000_000), yuan(1_070_000))).toBe(true);
    expect(onIncrementGrid(inc, yuan(1_000_000), yuan(1_000_000))).toBe(true);
    expect(gridAt(inc, yuan(1_000_000), yuan(999_999))).toEqual({ onGrid: false, nextFen: yuan(1_000_000) });
  });

  it('a ladder continues from the first grid point each band reaches, so current + step(current) is always on it', () => {
    // start 100, step 10 below 155, 20 from 155: 100 … 150, 160 (the first point past 155), 180, 200 …
    const inc = ladder([0, 10], [155, 20]);
    const on = (p: number) => onIncrementGrid(inc, 100n, BigInt(p));
    expect([100, 110, 150, 160, 180, 200].map(on)).toEqual([true, true, true, true, true, true]);
    expect([105, 155, 170, 190].map(on)).toEqual([false, false, false, false]);
    expect(gridAt(inc, 100n, 165n)).toEqual({ onGrid: false, nextFen: 180n });
    // walking the engine's own rule (next = current + step at current) never leaves the grid
    let g = 100n;
    for (let i = 0; i < 30; i++) {
      expect(on(Number(g))).toBe(true);
      g += g < 155n ? 10n : 20n;
    }
  });

  it('a narrow band that the grid jumps over uses the band the grid point falls in', () => {
    // 100, 110, 120 (band from 115 has step 50 → 170; band from 125 has step 7 → 177, 184 …)
    const inc = ladder([100, 10], [115, 50], [125, 7]);
    const on = (p: number) => onIncrementGrid(inc, 100n, BigInt(p));
    expect([100, 110, 120, 170, 177, 184].map(on)).toEqual([true, true, true, true, true, true]);
    expect([125, 130, 165, 171].map(on)).toEqual([false, false, false, false]);
  });
});
