import { idNumberCheckChar, idNumberProblem, maskIdNumber, normaliseIdNumber } from './id-number';

const TODAY = '2026-11-24';
const withCheck = (first17: string) => first17 + idNumberCheckChar(first17);

describe('居民身份证号 (GB 11643-1999)', () => {
  it('accepts well-known valid numbers, X check character included', () => {
    // The standard's own example and a number whose check character is X.
    expect(idNumberProblem('11010519491231002X', TODAY)).toBeNull();
    expect(idNumberProblem('440524188001010014', TODAY)).toBe('birth_date'); // born 1880: not plausible
    expect(idNumberProblem(withCheck('35010219850615123'), TODAY)).toBeNull();
    expect(idNumberCheckChar('11010519491231002')).toBe('X');
  });

  it('names what is wrong: shape, birth date, check character', () => {
    expect(idNumberProblem('3501021985061512', TODAY)).toBe('shape');
    expect(idNumberProblem('05010219850615123X', TODAY)).toBe('shape');
    expect(idNumberProblem('35010219850615123a', TODAY)).toBe('shape');
    expect(idNumberProblem(withCheck('35010219850230123'), TODAY)).toBe('birth_date'); // 30 February
    expect(idNumberProblem(withCheck('35010220270101123'), TODAY)).toBe('birth_date'); // not born yet
    expect(idNumberProblem(withCheck('35010218991231123'), TODAY)).toBe('birth_date');
    expect(idNumberProblem(withCheck('35010220000229123'), TODAY)).toBeNull(); // leap day
    const good = withCheck('35010219850615123');
    const bad = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
    expect(idNumberProblem(bad, TODAY)).toBe('check_char');
  });

  it('detects every single-digit typo in the first 17 digits', () => {
    const good = withCheck('32010619780312451');
    for (let i = 1; i < 17; i++) {
      for (let d = 0; d <= 9; d++) {
        if (String(d) === good[i]) continue;
        const typo = good.slice(0, i) + d + good.slice(i + 1);
        expect(idNumberProblem(typo, TODAY)).not.toBeNull();
      }
    }
  });

  it('normalises a lower-case x and masks all but the address code and the last four', () => {
    expect(normaliseIdNumber(' 11010519491231002x ')).toBe('11010519491231002X');
    expect(maskIdNumber('11010519491231002X')).toBe('110105********002X');
    expect(maskIdNumber('11010519491231002X')).toHaveLength(18);
  });
});
