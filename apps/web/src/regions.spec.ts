import { regionName, regionOptions, regionParts, regionShort } from './regions';

describe('GB/T 2260 region names', () => {
  it('names a county, a city and a province of Fujian', () => {
    expect(regionName('350102')).toBe('福建省福州市鼓楼区');
    expect(regionName('350121')).toBe('福建省福州市闽侯县');
    expect(regionName('350100')).toBe('福建省福州市');
    expect(regionName('350000')).toBe('福建省');
    expect(regionShort('350102')).toBe('鼓楼区(福州市)');
    expect(regionShort('350100')).toBe('福州市');
  });

  it('says a municipality once and keeps an unknown code visible', () => {
    expect(regionName('110105')).toBe('北京市朝阳区');
    expect(regionName('310000')).toBe('上海市');
    expect(regionName('359999')).toBe('359999');
    expect(regionName('35')).toBe('35');
    expect(regionName(null)).toBe('—');
    expect(regionParts('999999')).toEqual([]);
  });

  it('offers the province’s cities and counties as select options', () => {
    const options = regionOptions('35');
    expect(options[0]).toEqual({ value: '350000', label: '福建省' });
    expect(options).toContainEqual({ value: '350100', label: '福州市' });
    expect(options).toContainEqual({ value: '350102', label: '福州市 鼓楼区' });
    expect(options.every((o) => o.value.startsWith('35'))).toBe(true);
  });
});
