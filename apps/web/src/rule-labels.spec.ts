import { fieldsOf, labelOf, showParam } from './rule-labels';

// Rule-set values as people read them: units after periods, money in grouped yuan, fractions as a/b.
describe('rule-set parameter display', () => {
  it('writes periods with their Chinese unit', () => {
    expect(showParam({ value: 20, unit: 'd' })).toBe('20 日');
    expect(showParam({ value: 3, unit: 'wd' })).toBe('3 个工作日');
    expect(showParam({ value: 30, unit: 'min' })).toBe('30 分钟');
    expect(showParam({ value: 4, unit: 'h' })).toBe('4 小时');
    expect(showParam({ value: 60, unit: 's' })).toBe('60 秒');
  });

  it('writes money in yuan with separators, fractions and numbers as they are', () => {
    expect(showParam('10000.00', 'amounts')).toBe('¥10,000.00');
    expect(showParam('20000.50')).toBe('¥20,000.50');
    expect(showParam({ numerator: 2, denominator: 3 }, 'fractions')).toBe('2/3');
    expect(showParam(300, 'numbers')).toBe('300');
    expect(showParam(null)).toBe('—');
  });

  it('takes names from the API’s labels and keeps the code name of an unlabelled field', () => {
    const labels = { 'periods.bidPreparation': { zh: '招标文件发出至投标截止', en: 'documents issued to bid deadline', law: '法 24' } };
    expect(labelOf(labels, 'periods.bidPreparation').zh).toBe('招标文件发出至投标截止');
    expect(labelOf(labels, 'numbers.unknown')).toEqual({ zh: 'numbers.unknown', en: 'numbers.unknown' });
    expect(fieldsOf({ periods: { a: 1 }, numbers: { b: 2 }, fractions: {}, amounts: { c: '1.00' } }).map((f) => f.field)).toEqual(['periods.a', 'numbers.b', 'amounts.c']);
  });
});
