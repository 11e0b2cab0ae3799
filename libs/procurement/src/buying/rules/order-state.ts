// 电子卖场 order (local e-mall practice, time limits from the frozen procurement rules):
// placed → confirmed (supplier) → delivered (supplier) → accepted | rejected (purchaser, 验收) → paid (purchaser);
// an order its supplier has not confirmed in time may be cancelled by the purchaser.
import { deadlineAfter, Period } from '@app/platform/calendar/period';

export type OrderStatus = 'placed' | 'confirmed' | 'delivered' | 'accepted' | 'rejected' | 'paid' | 'cancelled';
export type OrderEvent = 'confirm' | 'deliver' | 'accept' | 'reject' | 'pay' | 'cancel';
export type OrderParty = 'purchaser' | 'supplier';

const MOVES: Record<OrderEvent, { from: OrderStatus; to: OrderStatus; by: OrderParty }> = {
  confirm: { from: 'placed', to: 'confirmed', by: 'supplier' },
  deliver: { from: 'confirmed', to: 'delivered', by: 'supplier' },
  accept: { from: 'delivered', to: 'accepted', by: 'purchaser' },
  reject: { from: 'delivered', to: 'rejected', by: 'purchaser' },
  pay: { from: 'accepted', to: 'paid', by: 'purchaser' },
  cancel: { from: 'placed', to: 'cancelled', by: 'purchaser' },
};

export type OrderMove = { ok: true; next: OrderStatus; by: OrderParty } | { ok: false; allowed: OrderEvent[] };

export function orderTransition(status: OrderStatus, event: OrderEvent): OrderMove {
  const move = MOVES[event];
  if (move.from === status) return { ok: true, next: move.to, by: move.by };
  return { ok: false, allowed: (Object.keys(MOVES) as OrderEvent[]).filter((e) => MOVES[e].from === status) };
}

/** Which party an event belongs to, whatever the state. */
export const partyOf = (event: OrderEvent): OrderParty => MOVES[event].by;

/** Orders holding budget: a rejected or cancelled order gives its amount back to the line. */
export const releasesBudget = (status: OrderStatus) => status === 'rejected' || status === 'cancelled';

export type OrderStep = 'confirmation' | 'acceptance' | 'payment';

/** The step a status waits for, who owes it and which rule period limits it; delivery has no limit in the rules. */
export function pendingStep(status: OrderStatus): { step: OrderStep; responsible: OrderParty; period: 'supplierConfirmation' | 'acceptance' | 'payment' } | null {
  switch (status) {
    case 'placed':
      return { step: 'confirmation', responsible: 'supplier', period: 'supplierConfirmation' };
    case 'delivered':
      return { step: 'acceptance', responsible: 'purchaser', period: 'acceptance' };
    case 'accepted':
      return { step: 'payment', responsible: 'purchaser', period: 'payment' };
    default:
      return null;
  }
}

/** The due time of a step that starts at `start`, and the moment `warningPercent` of it has passed. */
export function stepTimes(start: Date, period: Period, warningPercent: number): { dueAt: Date; warnAt: Date } {
  const dueAt = deadlineAfter(start, period);
  const span = dueAt.getTime() - start.getTime();
  return { dueAt, warnAt: new Date(start.getTime() + Math.floor((span * warningPercent) / 100)) };
}
