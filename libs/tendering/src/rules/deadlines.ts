// 法 24: at least 20 days from the documents to the deadline; 法 23 / 条例 21: an amendment needs 15 days before it.
import { deadlineAfter, Period } from '@app/platform/calendar/period';

/** The earliest lawful bid deadline for documents available from `availableAt`. */
export function earliestDeadline(availableAt: Date, bidPreparation: Period): Date {
  return deadlineAfter(availableAt, bidPreparation);
}

/**
 * The deadline after an amendment published at `amendedAt`: unchanged when enough time remains, else pushed so that
 * the full clarification period remains (a day-counted end on a rest day moves to the next working day).
 */
export function deadlineAfterAmendment(deadline: Date, amendedAt: Date, clarificationBeforeDeadline: Period): Date {
  const needed = deadlineAfter(amendedAt, clarificationBeforeDeadline);
  return needed > deadline ? needed : deadline;
}

/** 条例 26: the deposit of a section may not exceed the cap (basis points) of its estimate. */
export function depositCapFen(estimateFen: bigint, capBp: number): bigint {
  return (estimateFen * BigInt(capBp)) / 10_000n;
}
