import { parentCode, SPECIALTY_CATALOGUE, SPECIALTY_CODE } from './specialty-catalogue';

describe('specialty catalogue', () => {
  it('has well-formed unique codes, each parent listed before its children, names in both languages', () => {
    const seen = new Set<string>();
    for (const s of SPECIALTY_CATALOGUE) {
      expect(s.code).toMatch(SPECIALTY_CODE);
      expect(seen.has(s.code)).toBe(false);
      const parent = parentCode(s.code);
      if (parent) expect(seen.has(parent)).toBe(true);
      expect(s.nameZh).toMatch(/^[\u4e00-\u9fff]/);
      expect(s.nameEn).toMatch(/^[A-Z][A-Za-z ,:]+$/);
      seen.add(s.code);
    }
    expect(SPECIALTY_CATALOGUE.length).toBeGreaterThanOrEqual(40);
    expect(parentCode('A01.02.03')).toBe('A01.02');
    expect(parentCode('A01')).toBeNull();
  });
});
