/** The jobId is derived from the row, so adding the same milestone version twice adds one job. */
export function milestoneJobId(id: string, version: number): string {
  return `ms:${id}:v${version}`;
}

export interface FireMilestoneJob {
  milestoneId: string;
  version: number;
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
