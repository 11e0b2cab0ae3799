import { delayUntil, milestoneJobId, remainingMs, resumedDueAt } from './milestone-job';

describe('milestone jobs', () => {
  it('derives one job id per milestone version', () => {
    expect(milestoneJobId('a1', 1)).toBe(milestoneJobId('a1', 1));
    expect(milestoneJobId('a1', 2)).not.toBe(milestoneJobId('a1', 1));
    expect(milestoneJobId('a1', 1)).not.toContain(' ');
  });

  it('never schedules a negative delay', () => {
    const now = new Date('2026-11-24T08:00:00Z');
    expect(delayUntil(new Date('2026-11-24T08:00:05Z'), now)).toBe(5000);
    expect(delayUntil(new Date('2026-11-24T07:00:00Z'), now)).toBe(0);
  });

  it('shifts a paused milestone by the time it was paused', () => {
    const due = new Date('2026-12-01T10:00:00Z');
    const pausedAt = new Date('2026-11-30T10:00:00Z');
    const left = remainingMs(due, pausedAt);
    expect(left).toBe(24 * 3600 * 1000);
    expect(resumedDueAt(left, new Date('2026-12-03T09:00:00Z')).toISOString()).toBe('2026-12-04T09:00:00.000Z');
    expect(remainingMs(pausedAt, due)).toBe(0);
  });
});
