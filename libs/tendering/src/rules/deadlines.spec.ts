import { deadlineAfterAmendment, depositCapFen, earliestDeadline } from './deadlines';

const d = (value: number) => ({ value, unit: 'd' as const });

describe('tender deadlines', () => {
  it('needs 20 days after the documents, moved off a rest day (民法典 203)', () => {
    // 2026-03-02 (Mon) 09:00 Beijing + 20 d = 2026-03-22, a Sunday → Monday 2026-03-23.
    const end = earliestDeadline(new Date('2026-03-02T01:00:00Z'), d(20));
    expect(end.toISOString().slice(0, 10)).toBe('2026-03-23');
  });

  it('pushes the deadline so that 15 days remain after a late amendment, and leaves it when enough remain', () => {
    const deadline = new Date('2026-04-20T02:00:00Z');
    expect(deadlineAfterAmendment(deadline, new Date('2026-04-01T02:00:00Z'), d(15))).toEqual(deadline);
    const pushed = deadlineAfterAmendment(deadline, new Date('2026-04-10T02:00:00Z'), d(15));
    expect(pushed > deadline).toBe(true);
    expect(pushed.getTime() - new Date('2026-04-10T02:00:00Z').getTime()).toBeGreaterThanOrEqual(15 * 86_400_000);
  });

  it('caps the deposit at 2 % of the estimate, in whole fen', () => {
    expect(depositCapFen(100_000_000n, 200)).toBe(2_000_000n);
    expect(depositCapFen(12_345n, 200)).toBe(246n);
  });
});
