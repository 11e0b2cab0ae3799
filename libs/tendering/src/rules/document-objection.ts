// 条例 22: objections to the tender documents are raised at least 10 days (the rule's period) before the bid deadline.
import { Period, subtractPeriod } from '@app/platform/calendar/period';

/** The last moment an objection to the documents is accepted: the deadline minus `objectionBeforeDeadline`. */
export function objectionClosesAt(bidDeadline: Date, objectionBeforeDeadline: Period): Date {
  return subtractPeriod(bidDeadline, objectionBeforeDeadline);
}

/** Whether an objection received at `now` is in time (the last moment included). */
export function objectionInTime(now: Date, bidDeadline: Date, objectionBeforeDeadline: Period): boolean {
  return now.getTime() <= objectionClosesAt(bidDeadline, objectionBeforeDeadline).getTime();
}
