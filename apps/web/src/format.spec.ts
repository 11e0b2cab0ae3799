import { countdown, fenToYuan, time, wan, yuan } from './format';

// Money is shown from the API's decimal yuan strings by string operations only; times in Beijing time.
describe('web formatters', () => {
  it('groups yuan by thousands without floats', () => {
    expect(yuan('1234567.8')).toBe('¥1,234,567.80');
    expect(yuan('0.05')).toBe('¥0.05');
    expect(yuan('100')).toBe('¥100.00');
    expect(yuan('-98765.43', false)).toBe('-98,765.43');
    expect(yuan('90071992547409931.99')).toBe('¥90,071,992,547,409,931.99'); // beyond 2^53: a float would round it
    expect(yuan(null)).toBe('—');
  });

  it('reads fen strings from the live feed exactly', () => {
    expect(fenToYuan('1020000000')).toBe('10200000.00');
    expect(fenToYuan('5')).toBe('0.05');
    expect(fenToYuan('9007199254740993')).toBe('90071992547409.93');
    expect(fenToYuan(null)).toBeNull();
  });

  it('shows 万元 by moving the decimal point', () => {
    expect(wan('123456789.00')).toBe('12,345.67 万元');
    expect(wan('9999.00')).toBe('¥9,999.00');
  });

  it('formats instants in Asia/Shanghai whatever the machine zone', () => {
    expect(time('2026-12-01T01:30:05Z')).toBe('2026-12-01 09:30:05');
    expect(time('2026-12-31T16:00:00Z')).toBe('2027-01-01 00:00:00');
    expect(time(null)).toBe('—');
  });

  it('counts down in mm:ss, never below zero', () => {
    expect(countdown(65000)).toBe('01:05');
    expect(countdown(3600000 + 1000)).toBe('1:00:01');
    expect(countdown(-5)).toBe('00:00');
  });
});
