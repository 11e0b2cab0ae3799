import { addSums, figures, monthsBetween, ratio, signedYuan, yi, ZERO_SUMS } from './figures';

describe('statistics figures', () => {
  it('rounds ratios half away from zero to 4 places, exactly', () => {
    expect(ratio(2n, 3n)).toBe(0.6667);
    expect(ratio(1n, 3n)).toBe(0.3333);
    expect(ratio(1n, 8n)).toBe(0.125);
    expect(ratio(1n, 20000n)).toBe(0.0001); // 0.00005 rounds up
    expect(ratio(-1n, 20000n)).toBe(-0.0001);
    expect(ratio(0n, 5n)).toBe(0);
    expect(ratio(3n, 0n)).toBeNull();
    // far beyond Number's exact range, still exact
    expect(ratio(123456789012345678901234n, 246913578024691357802468n)).toBe(0.5);
  });

  it('writes 亿元 exactly from fen', () => {
    expect(yi(0n)).toBe('0.00');
    expect(yi(10_000_000_000n)).toBe('1.00');
    expect(yi(12_345_678_901n)).toBe('1.2345678901');
    expect(yi(1n)).toBe('0.0000000001');
    expect(yi(150_000_000_000n)).toBe('15.00');
    expect(yi(99_000_000n)).toBe('0.0099');
    expect(yi(123_456_789_012_345_678_901n)).toBe('12345678901.2345678901');
  });

  it('writes signed yuan', () => {
    expect(signedYuan(0n)).toBe('0.00');
    expect(signedYuan(123456n)).toBe('1234.56');
    expect(signedYuan(-5n)).toBe('-0.05');
  });

  it('gives savings for tenders and premiums for land, never both, and none for a mix', () => {
    const s = { sessions: 3, succeeded: 2, amountFen: 190_000n, amountWithReferenceFen: 180_000n, referenceFen: 200_000n };
    expect(figures(s, 'savings')).toEqual({
      sessions: 3,
      succeeded: 2,
      failed: 1,
      successRate: 0.6667,
      failureRate: 0.3333,
      amount: '1900.00',
      amountYi: '0.000019',
      referenceAmount: '2000.00',
      savingsRate: 0.1,
      premiumRate: null,
    });
    expect(figures({ ...s, amountWithReferenceFen: 230_000n }, 'premium')).toMatchObject({ savingsRate: null, premiumRate: 0.15 });
    expect(figures(s, null)).toMatchObject({ savingsRate: null, premiumRate: null });
    expect(figures(ZERO_SUMS, 'savings')).toMatchObject({ sessions: 0, successRate: null, failureRate: null, savingsRate: null, amount: '0.00', amountYi: '0.00' });
    expect(addSums(s, s)).toEqual({ sessions: 6, succeeded: 4, amountFen: 380_000n, amountWithReferenceFen: 360_000n, referenceFen: 400_000n });
  });

  it('lists months across a year end', () => {
    expect(monthsBetween('2025-11', '2026-02')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(monthsBetween('2026-03', '2026-03')).toEqual(['2026-03']);
    expect(monthsBetween('2026-04', '2026-03')).toEqual([]);
  });
});
