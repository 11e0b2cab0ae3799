// GB 11643-1999 公民身份号码: 6-digit address code, 8-digit birth date, 3-digit sequence, ISO 7064 MOD 11-2 check character.
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';
const SHAPE = /^[1-9]\d{16}[\dX]$/;

export type IdNumberProblem = 'shape' | 'birth_date' | 'check_char';

export function idNumberCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (first17.charCodeAt(i) - 48) * WEIGHTS[i];
  return CHECK_CHARS[sum % 11];
}

/** Upper-cases a trailing x and drops surrounding blanks: the form every check and the blind index use. */
export function normaliseIdNumber(raw: string): string {
  return raw.trim().toUpperCase();
}

/**
 * null when valid, else what is wrong. A plausible birth date is a real calendar day between 1900-01-01 and
 * `today` (an ISO date, Beijing time, given by the caller so that the rule stays pure).
 */
export function idNumberProblem(id: string, today: string): IdNumberProblem | null {
  if (typeof id !== 'string' || !SHAPE.test(id)) return 'shape';
  const y = Number(id.slice(6, 10));
  const m = Number(id.slice(10, 12));
  const d = Number(id.slice(12, 14));
  const date = new Date(Date.UTC(y, m - 1, d));
  const real = date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
  if (!real || y < 1900 || `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}` > today) return 'birth_date';
  if (idNumberCheckChar(id) !== id[17]) return 'check_char';
  return null;
}

/** The only form an ID number ever leaves the server in: the address code and the last four characters. */
export function maskIdNumber(id: string): string {
  return `${id.slice(0, 6)}********${id.slice(14)}`;
}
