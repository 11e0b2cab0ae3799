import { DomainError } from '../errors/domain-error';
import { Money } from './money';

describe('Money', () => {
  it.each([
    ['0', 0n],
    ['0.5', 50n],
    ['1234.56', 123456n],
    ['1000000000000.01', 100000000000001n],
    ['9999999999999999.99', 999999999999999999n],
  ])('reads %s yuan as %s fen and writes it back', (yuan, fen) => {
    const m = Money.fromYuan(yuan);
    expect(m.fen).toBe(fen);
    expect(Money.fromYuan(m.toYuan()).fen).toBe(fen);
  });

  it('always prints two decimals', () => {
    expect(Money.ofFen(5n).toYuan()).toBe('0.05');
    expect(Money.fromYuan('12').toYuan()).toBe('12.00');
    expect(JSON.stringify({ price: Money.fromYuan('0.1') })).toBe('{"price":"0.10"}');
  });

  it.each(['1.234', '-1', '-0.01', 'abc', '', '1e5', '01', '1.', '.5', ' 1', 'NaN', '１２'])('refuses %j with MONEY_INVALID (422)', (bad) => {
    try {
      Money.fromYuan(bad);
      throw new Error('accepted');
    } catch (e) {
      expect(e).toBeInstanceOf(DomainError);
      expect((e as DomainError).code).toBe('MONEY_INVALID');
      expect((e as DomainError).status).toBe(422);
    }
  });

  it('refuses non-strings such as floats', () => {
    expect(() => Money.fromYuan(12.5)).toThrow(DomainError);
  });

  it('never goes negative', () => {
    expect(() => Money.fromYuan('1.00').minus(Money.fromYuan('1.01'))).toThrow(DomainError);
  });

  it('caps by basis points rounding down: 2 % of 1 234 567.89', () => {
    expect(Money.fromYuan('1234567.89').basisPoints(200).toYuan()).toBe('24691.35');
    expect(Money.ofFen(99n).basisPoints(200).fen).toBe(1n);
  });

  it('adds without float error', () => {
    expect(Money.fromYuan('0.10').plus(Money.fromYuan('0.20')).toYuan()).toBe('0.30');
  });
});
