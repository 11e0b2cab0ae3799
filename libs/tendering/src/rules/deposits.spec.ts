import { depositAmountProblem, withdrawalRefundDue } from './deposits';

describe('deposits (条例 26, 35)', () => {
  it('takes exactly the section’s deposit: less is short, more is over', () => {
    expect(depositAmountProblem(20_000_000n, 20_000_000n)).toBeNull();
    expect(depositAmountProblem(19_999_999n, 20_000_000n)).toBe('short');
    expect(depositAmountProblem(30_000_000n, 20_000_000n)).toBe('over');
    expect(depositAmountProblem(20_000_001n, 20_000_000n)).toBe('over');
  });

  it('falls due 5 days after a withdrawal, on the next working day when the fifth is a rest day', () => {
    // Wed 2026-03-04 10:00 (+08:00) + 5 d = Mon 2026-03-09: a working day, kept.
    expect(withdrawalRefundDue(new Date('2026-03-04T10:00:00+08:00'), { value: 5, unit: 'd' })).toEqual(new Date('2026-03-09T10:00:00+08:00'));
    // Mon 2026-03-02 + 5 d = Sat 2026-03-07: moved to Monday 2026-03-09 (民法典 203).
    const due = withdrawalRefundDue(new Date('2026-03-02T10:00:00+08:00'), { value: 5, unit: 'd' });
    expect(due.getTime()).toBeGreaterThanOrEqual(new Date('2026-03-09T00:00:00+08:00').getTime());
    expect(due.getTime()).toBeLessThan(new Date('2026-03-10T00:00:00+08:00').getTime());
  });

  it('counts working days when the rule says so, and seconds in the sandbox', () => {
    // Fri 2026-03-06 + 5 wd = Fri 2026-03-13
    const wd = withdrawalRefundDue(new Date('2026-03-06T10:00:00+08:00'), { value: 5, unit: 'wd' });
    expect(wd.getTime()).toBeGreaterThanOrEqual(new Date('2026-03-13T00:00:00+08:00').getTime());
    expect(wd.getTime()).toBeLessThan(new Date('2026-03-14T00:00:00+08:00').getTime());
    expect(withdrawalRefundDue(new Date('2026-03-06T10:00:00Z'), { value: 15, unit: 's' })).toEqual(new Date('2026-03-06T10:00:15Z'));
  });
});
