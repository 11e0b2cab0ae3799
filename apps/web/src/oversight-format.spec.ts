import { monthLabel, monthsBetween, percent, roundDecimal, sumYuan, yi, yuanToFen } from './oversight-format';

describe('supervision page formats', () => {
  it('rounds decimal strings half away from zero without floats', () => {
    expect(roundDecimal('1.23456', 2)).toBe('1.23');
    expect(roundDecimal('0.005', 2)).toBe('0.01');
    expect(roundDecimal('-0.005', 2)).toBe('-0.01');
    expect(roundDecimal('0.004', 2)).toBe('0.00');
    expect(roundDecimal('12345678901234567890.995', 2)).toBe('12345678901234567891.00');
    expect(roundDecimal('7', 2)).toBe('7.00');
  });
  it('shows 亿元 with two decimals from one 亿 and four below, grouped', () => {
    expect(yi('1.2345678901')).toBe('1.23');
    expect(yi('1234.5')).toBe('1,234.50');
    expect(yi('0.0350')).toBe('0.0350');
    expect(yi('0.20')).toBe('0.2000');
    expect(yi(null)).toBe('—');
  });
  it('writes rates as percentages', () => {
    expect(percent(0.6667)).toBe('66.67%');
    expect(percent(1)).toBe('100.00%');
    expect(percent(0.0005)).toBe('0.05%');
    expect(percent(-0.0123)).toBe('-1.23%');
    expect(percent(null)).toBe('—');
  });
  it('lists and labels months', () => {
    expect(monthsBetween('2025-11', '2026-02')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(monthLabel('2026-03')).toBe('2026年3月');
  });
});

describe('exact sums of yuan strings', () => {
  it('adds through fen', () => {
    expect(yuanToFen('1234.5')).toBe(123450n);
    expect(yuanToFen('-0.07')).toBe(-7n);
    expect(sumYuan(['0.10', '0.20', '1234567890123.45'])).toBe('1234567890123.75');
    expect(sumYuan([])).toBe('0.00');
  });
});
