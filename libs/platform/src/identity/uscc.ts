// GB 32100-2015 统一社会信用代码 and the GB 11714 organisation code inside it (positions 9–17).
const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];
const REGISTRATION_AUTHORITIES = '123456789ANY';
const SHAPE = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;

export function usccCheckChar(first17: string): string {
  const sum = [...first17].reduce((acc, c, i) => acc + CHARSET.indexOf(c) * WEIGHTS[i], 0);
  return CHARSET[(31 - (sum % 31)) % 31];
}

export function organisationCodeCheckChar(first8: string): string {
  const value = (c: string) => (/\d/.test(c) ? Number(c) : c.charCodeAt(0) - 55);
  const sum = [...first8].reduce((acc, c, i) => acc + value(c) * ORG_WEIGHTS[i], 0);
  const check = 11 - (sum % 11);
  return check === 10 ? 'X' : check === 11 ? '0' : String(check);
}

export type UsccProblem = 'shape' | 'registration_authority' | 'organisation_code' | 'check_digit';

/** null when valid, else what is wrong with it. */
export function usccProblem(code: string): UsccProblem | null {
  if (typeof code !== 'string' || code.length !== 18 || !SHAPE.test(code)) return 'shape';
  if (!REGISTRATION_AUTHORITIES.includes(code[0])) return 'registration_authority';
  if (organisationCodeCheckChar(code.slice(8, 16)) !== code[16]) return 'organisation_code';
  if (usccCheckChar(code.slice(0, 17)) !== code[17]) return 'check_digit';
  return null;
}

export const isValidUscc = (code: string): boolean => usccProblem(code) === null;
