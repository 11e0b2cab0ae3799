import { PlatformErrors } from '../errors/platform-errors';

const YUAN_PATTERN = /^(0|[1-9]\d{0,15})(\.\d{1,2})?$/;

/** An exact amount of money in integer fen (分). The API speaks decimal yuan strings ("1234.56"). */
export class Money {
  private constructor(readonly fen: bigint) {}

  static readonly ZERO = new Money(0n);

  static ofFen(fen: bigint | number | string): Money {
    const value = BigInt(fen);
    if (value < 0n) throw PlatformErrors.MONEY_INVALID({ value: String(fen) });
    return new Money(value);
  }

  static isYuan(text: unknown): text is string {
    return typeof text === 'string' && YUAN_PATTERN.test(text);
  }

  /** "1234.56" → 123456 fen; more than 2 decimals, a sign, an exponent or anything non-numeric is MONEY_INVALID (422). */
  static fromYuan(text: unknown): Money {
    if (!Money.isYuan(text)) throw PlatformErrors.MONEY_INVALID({ value: typeof text === 'string' ? text.slice(0, 40) : typeof text });
    const [whole, decimals = ''] = text.split('.');
    return new Money(BigInt(whole) * 100n + BigInt(decimals.padEnd(2, '0')));
  }

  toYuan(): string {
    const whole = this.fen / 100n;
    const cents = (this.fen % 100n).toString().padStart(2, '0');
    return `${whole}.${cents}`;
  }

  plus(other: Money): Money {
    return new Money(this.fen + other.fen);
  }

  minus(other: Money): Money {
    return Money.ofFen(this.fen - other.fen);
  }

  times(n: bigint | number): Money {
    return Money.ofFen(this.fen * BigInt(n));
  }

  /** This amount × numerator / denominator, rounded down to the fen (a cap never rounds up). */
  fraction(numerator: bigint | number, denominator: bigint | number): Money {
    return Money.ofFen((this.fen * BigInt(numerator)) / BigInt(denominator));
  }

  /** This amount × basis points / 10 000, rounded down: 2 % of an estimate is `percentBp(200)`. */
  basisPoints(bp: number): Money {
    return this.fraction(bp, 10_000);
  }

  compare(other: Money): -1 | 0 | 1 {
    return this.fen < other.fen ? -1 : this.fen > other.fen ? 1 : 0;
  }

  gt(other: Money): boolean {
    return this.fen > other.fen;
  }

  gte(other: Money): boolean {
    return this.fen >= other.fen;
  }

  lt(other: Money): boolean {
    return this.fen < other.fen;
  }

  equals(other: Money): boolean {
    return this.fen === other.fen;
  }

  toJSON(): string {
    return this.toYuan();
  }

  toString(): string {
    return this.toYuan();
  }
}
