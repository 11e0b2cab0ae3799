// OCDS 1.1 Value.amount is a JSON number in the currency's unit; the platform keeps integer fen (docs/open-data-ocds.md).
import { Money } from '@app/platform/money/money';
import { OcdsValue } from './ocds-types';

/**
 * 10^15 fen: any decimal of at most 15 significant digits survives string → IEEE double → shortest string unchanged
 * (DBL_DIG = 15), so below it the JSON number prints exactly the yuan string. 2^53 fen is not enough: from about
 * 7 × 10^13 yuan two neighbouring fen land on the same double.
 */
export const MAX_EXACT_FEN = 10n ** 15n;

export class AmountOutOfRange extends RangeError {}

/** Money flowing to the supplier (procurement) is positive; flowing from it to the buyer (a sale) is negative. */
export type Direction = 'expenditure' | 'revenue';

/** fen → yuan string (integer arithmetic) → Number; refused at or above 10^15 fen rather than rounded. */
export function yuanNumber(fen: bigint, direction: Direction = 'expenditure'): number {
  if (fen < 0n) throw new AmountOutOfRange(`negative amount ${fen} fen`);
  if (fen >= MAX_EXACT_FEN) throw new AmountOutOfRange(`${fen} fen has more than 15 significant digits in yuan`);
  const n = Number(Money.ofFen(fen).toYuan());
  return direction === 'revenue' && n !== 0 ? -n : n;
}

export function cny(fen: bigint, direction: Direction = 'expenditure'): OcdsValue {
  return { amount: yuanNumber(fen, direction), currency: 'CNY' };
}
