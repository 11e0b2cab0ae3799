import { isValidUscc, organisationCodeCheckChar, usccCheckChar, usccProblem } from './uscc';

describe('统一社会信用代码 (GB 32100-2015)', () => {
  // Published codes of well-known organisations.
  it.each(['91350100M000100Y43', '91110000802100433B', '91440300708461136T', '11100000000013127D'])('accepts %s', (code) => {
    expect(usccProblem(code)).toBeNull();
  });

  it('computes the check characters', () => {
    expect(usccCheckChar('91350100M000100Y4')).toBe('3');
    expect(organisationCodeCheckChar('80210043')).toBe('3');
  });

  it.each([
    ['91350100M000100Y44', 'check_digit'],
    ['91350100M000100Y4', 'shape'],
    ['91350100M000100Y4I', 'shape'],
    ['91350100m000100Y43', 'shape'],
    ['913501A0M000100Y43', 'shape'],
    ['01350100M000100Y43', 'registration_authority'],
    ['91110000802100432B', 'organisation_code'],
  ])('refuses %s (%s)', (code, problem) => {
    expect(usccProblem(code)).toBe(problem);
    expect(isValidUscc(code)).toBe(false);
  });

  it('finds every single-character change of a valid code', () => {
    const valid = '91110000802100433B';
    for (let i = 0; i < 18; i++) {
      const changed = valid.slice(0, i) + (valid[i] === '1' ? '2' : '1') + valid.slice(i + 1);
      expect(isValidUscc(changed)).toBe(false);
    }
  });
});
