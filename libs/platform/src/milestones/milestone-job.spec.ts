import { bucketJob, delayUntil, milestoneJobId, NEAR_MS, remainingMs, resumedDueAt, retryDelayMs, WAKE_EARLY_MS, wakeJob } from './milestone-job';

describe('milestone jobs', () => {
  it('derives one job id per milestone version (jobs of older releases)', () => {
    expect(milestoneJobId('a1', 1)).toBe(milestoneJobId('a1', 1));
    expect(milestoneJobId('a1', 2)).not.toBe(milestoneJobId('a1', 1));
    expect(milestoneJobId('a1', 1)).not.toContain(' ');
  });

  it('wakes every milestone due within one second with one job, a little before the second begins', () => {
    const now = new Date('2026-11-24T08:00:00Z');
    const a = wakeJob({ id: 'a', version: 1 }, new Date('2026-11-24T08:00:10.100Z'), now);
    const b = wakeJob({ id: 'b', version: 3 }, new Date('2026-11-24T08:00:10.999Z'), now);
    const c = wakeJob({ id: 'c', version: 1 }, new Date('2026-11-24T08:00:11.000Z'), now);
    expect(a.jobId).toBe(b.jobId);
    expect(c.jobId).not.toBe(a.jobId);
    expect(a.delay).toBe(10_000 - WAKE_EARLY_MS);
    expect(a.data.until).toBe(new Date('2026-11-24T08:00:11Z').getTime());
    expect(bucketJob(new Date('2026-11-24T08:00:10.5Z').getTime(), now)).toEqual(a);
  });

  it('gives a milestone due very soon (or overdue) a wake-up of its own, one per attempt', () => {
    const now = new Date('2026-11-24T08:00:00Z');
    const soon = wakeJob({ id: 'a', version: 2, attempts: 1 }, new Date(now.getTime() + NEAR_MS - 1), now);
    expect(soon.jobId).toBe('ms-a-v2-a1');
    expect(wakeJob({ id: 'a', version: 2, attempts: 2 }, new Date(now.getTime() + 500), now).jobId).toBe('ms-a-v2-a2');
    const overdue = wakeJob({ id: 'b', version: 1 }, new Date(now.getTime() - 5000), now);
    expect(overdue.delay).toBe(0);
    expect(overdue.data.until).toBe(now.getTime() - 4999);
  });

  it('backs off a failing milestone, at most a minute', () => {
    expect([1, 2, 3, 4].map(retryDelayMs)).toEqual([1000, 2000, 4000, 8000]);
    expect(retryDelayMs(30)).toBe(60_000);
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
