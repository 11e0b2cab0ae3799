// 条例 26: a deposit of at most 2 % of the estimate, as the section asks; 条例 35: refunded within 5 days of a withdrawal.
import { deadlineAfter, Period } from '@app/platform/calendar/period';

/** A declared amount against the section's deposit: short, over, or right. */
export function depositAmountProblem(amountFen: bigint, requiredFen: bigint): 'short' | 'over' | null {
  if (amountFen < requiredFen) return 'short';
  if (amountFen > requiredFen) return 'over';
  return null;
}

/**
 * When the deposit of a bid withdrawn at `withdrawnAt` falls due for refund: the rule's period from the withdrawal,
 * counted as the rule counts it (calendar days ending on a working day, or working days).
 */
export function withdrawalRefundDue(withdrawnAt: Date, depositRefundAfterWithdrawal: Period): Date {
  return deadlineAfter(withdrawnAt, depositRefundAfterWithdrawal);
}
