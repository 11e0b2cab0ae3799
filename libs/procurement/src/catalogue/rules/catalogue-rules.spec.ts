import { certificateExpiresAt, certificateValid, isCertificateNo, shanghaiDate } from './certificate';
import { checkPrice } from './price-flag';
import { regionAndAncestors } from './regions';
import { documentTokens, queryTokens, tsqueryOf } from './search-tokens';

describe('search tokens', () => {
  it('indexes Han unigrams and bigrams and lower-cased latin words', () => {
    expect(documentTokens('打印机')).toEqual(['打', '打印', '印', '印机', '机']);
    expect(documentTokens('HP LaserJet Pro M126a', 'ＡＢＣ')).toEqual(['hp', 'laserjet', 'pro', 'm126a', 'abc']);
    expect(documentTokens('惠普HP激光')).toEqual(['惠', '惠普', '普', '激', '激光', '光', 'hp']);
  });

  it('queries the bigrams of each Han run, a lone character as itself, and the words', () => {
    expect(queryTokens('激光打印机')).toEqual({ lexemes: ['激光', '光打', '打印', '印机'], phrases: ['激光打印机'] });
    expect(queryTokens('纸 A4')).toEqual({ lexemes: ['纸', 'a4'], phrases: [] });
    expect(queryTokens('  ')).toEqual({ lexemes: [], phrases: [] });
    expect(tsqueryOf(["o'k", '打印'])).toBe("'o''k' & '打印'");
  });
});

describe('certificate dates (Asia/Shanghai)', () => {
  it('expires at the midnight after the last valid day, Beijing time', () => {
    expect(certificateExpiresAt('2026-03-31').toISOString()).toBe('2026-03-31T16:00:00.000Z');
    expect(shanghaiDate(new Date('2026-03-31T16:00:00Z'))).toBe('2026-04-01');
    expect(certificateValid('2026-03-31', new Date('2026-03-31T15:59:59Z'))).toBe(true);
    expect(certificateValid('2026-03-31', new Date('2026-03-31T16:00:00Z'))).toBe(false);
  });

  it('knows a registration certificate number', () => {
    expect(isCertificateNo('国械注准20193140123')).toBe(true);
    expect(isCertificateNo('国械注进20173461234')).toBe(true);
    expect(isCertificateNo('闽械注准20192140001')).toBe(true);
    expect(isCertificateNo('20193140123')).toBe(false);
  });
});

describe('price flag', () => {
  it('flags a price above the reference by more than the tolerance, not at it', () => {
    expect(checkPrice(105_00n, 100_00n, 500)).toEqual({ flagged: false, limitFen: 105_00n, reason: null });
    expect(checkPrice(105_01n, 100_00n, 500)?.flagged).toBe(true);
    expect(checkPrice(105_01n, null, 500)).toBeNull();
  });
});

describe('regions', () => {
  it('a district is served by its city and its province', () => {
    expect(regionAndAncestors('350102')).toEqual(['350102', '350100', '350000']);
    expect(regionAndAncestors('350000')).toEqual(['350000']);
  });
});
