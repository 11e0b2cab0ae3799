/** The jobId of one milestone version's own job, as releases before wake-ups per due second queued it. */
export function milestoneJobId(id: string, version: number): string {
  return `ms:${id}:v${version}`;
}

/** A job queued by an older release: fire this one milestone. Still honoured. */
export interface FireMilestoneJob {
  milestoneId: string;
  version: number;
}

/** Wake-up: fire every milestone that comes due before `until` (epoch ms, by the database's clock), then stop. */
export interface WakeMilestonesJob {
  until: number;
}

/** Milestones due within one second share one wake-up job. */
export const WAKE_BUCKET_MS = 1000;
/** A wake-up runs this much before its first due time and waits the rest on the database's clock: BullMQ runs delayed jobs 50–100 ms late. */
export const WAKE_EARLY_MS = 300;
/**
 * Due sooner than this, a milestone gets a wake-up of its own: its second's job may already be running and about to
 * end, and adding a jobId that exists adds nothing. (Anything that still slips through is fired by the next wake-up
 * of any second, or by reconciliation.)
 */
export const NEAR_MS = 2000;

/** (BullMQ refuses a custom jobId with ':' unless it has exactly three parts: these ids use '-'.) */
export interface WakeJob {
  jobId: string;
  delay: number;
  data: WakeMilestonesJob;
}

/** The wake-up job for a milestone next eligible at `at` (its due time, or its retry time after a failure). */
export function wakeJob(m: { id: string; version: number; attempts?: number }, at: Date, now: Date): WakeJob {
  const due = at.getTime();
  if (due - now.getTime() < NEAR_MS) {
    return { jobId: `ms-${m.id}-v${m.version}-a${m.attempts ?? 0}`, delay: delayUntil(new Date(due - WAKE_EARLY_MS), now), data: { until: due + 1 } };
  }
  return bucketJob(due, now);
}

/** The shared wake-up of the second `at` falls in. */
export function bucketJob(at: number, now: Date): WakeJob {
  const bucket = Math.floor(at / WAKE_BUCKET_MS) * WAKE_BUCKET_MS;
  return { jobId: `due-${bucket}`, delay: delayUntil(new Date(bucket - WAKE_EARLY_MS), now), data: { until: bucket + WAKE_BUCKET_MS } };
}

/** After the n-th failed attempt (n ≥ 1), wait this long before the next: 1 s, 2 s, 4 s … at most a minute. */
export function retryDelayMs(failedAttempts: number): number {
  return Math.min(60_000, 1000 * 2 ** Math.max(0, failedAttempts - 1));
}

/** Delay until due, never negative. */
export function delayUntil(dueAt: Date, now: Date): number {
  return Math.max(0, dueAt.getTime() - now.getTime());
}

/** What is left of a pending milestone when it is paused (never negative: an overdue one fires on resume). */
export function remainingMs(dueAt: Date, pausedAt: Date): number {
  return Math.max(0, dueAt.getTime() - pausedAt.getTime());
}

/** The new due time when a paused milestone resumes: the time it had left, counted from now. */
export function resumedDueAt(remaining: number, resumedAt: Date): Date {
  return new Date(resumedAt.getTime() + remaining);
}
