import fc from 'fast-check';
import { Money } from '@app/platform/money/money';
import { AmountOutOfRange, cny, MAX_EXACT_FEN, yuanNumber } from './amount';

describe('fen → OCDS amount', () => {
  it('prints exactly the yuan string for every amount below 10^15 fen', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: MAX_EXACT_FEN - 1n }), (fen) => {
        const yuan = Money.ofFen(fen).toYuan();
        const printed = JSON.stringify(yuanNumber(fen));
        // JSON drops trailing zeros ("12.50" → 12.5); the value is the same decimal.
        expect(printed).toBe(yuan.replace(/\.?0+$/, '').replace(/^$/, '0') || '0');
        expect(Money.fromYuan(Number(printed).toFixed(2)).fen).toBe(fen);
      }),
      { numRuns: 5000 },
    );
  });

  it('keeps the edges exact', () => {
    expect(yuanNumber(0n)).toBe(0);
    expect(yuanNumber(1n)).toBe(0.01);
    expect(yuanNumber(99_000_000n)).toBe(990000);
    expect(JSON.stringify(yuanNumber(MAX_EXACT_FEN - 1n))).toBe('9999999999999.99');
    expect(cny(123456n)).toEqual({ amount: 1234.56, currency: 'CNY' });
  });

  it('signs a sale (money from the buyer of the right to the seller) negative', () => {
    expect(cny(1010000000n, 'revenue')).toEqual({ amount: -10100000, currency: 'CNY' });
    expect(Object.is(yuanNumber(0n, 'revenue'), 0)).toBe(true);
  });

  it('refuses what a double cannot carry to the fen, and negative fen', () => {
    expect(() => yuanNumber(MAX_EXACT_FEN)).toThrow(AmountOutOfRange);
    // Why 2^53 fen is not the bound: two neighbouring fen near 9 × 10^13 yuan become the same double.
    expect(Number('90071992547409.01')).toBe(Number('90071992547409.02'));
    expect(JSON.stringify(Number('90071992547409.91'))).not.toBe('90071992547409.91');
    expect(() => yuanNumber(-1n)).toThrow(AmountOutOfRange);
  });
});
