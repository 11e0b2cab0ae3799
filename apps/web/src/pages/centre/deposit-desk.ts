// The centre's deposit desk offers exactly the steps the API's state machine takes: the machine itself
// (libs/tendering/src/rules/deposit-state.ts, pure and import-free) is compiled into the web, not copied.
import { DepositEvent, DepositMethod, DepositStatus, depositStep } from '../../../../../libs/tendering/src/rules/deposit-state';
import { Deposit } from '../../api/types';

/** What the desk shows: the API's status, with a confirmed deposit whose refund is due shown as 应退. */
export type DeskDepositState = 'declared' | 'confirmed' | 'due' | 'refunded' | 'released';

export const DESK_DEPOSIT_STATE: Record<DeskDepositState, { text: string; color: string }> = {
  declared: { text: '已申报', color: 'orange' },
  confirmed: { text: '已确认', color: 'blue' },
  due: { text: '应退', color: 'gold' },
  refunded: { text: '已退还', color: 'default' },
  released: { text: '已解除', color: 'default' },
};

export const DEPOSIT_METHOD: Record<string, { text: string; reference: string }> = {
  transfer: { text: '现金', reference: '转账流水号' },
  guarantee: { text: '电子保函', reference: '保函编号' },
};

type Facts = Pick<Deposit, 'status' | 'method' | 'refundDue'>;

export function deskState(d: Facts): DeskDepositState {
  if (d.status === 'confirmed') return d.refundDue ? 'due' : 'confirmed';
  return d.status as DeskDepositState;
}

/** The centre's steps on a deposit; each is offered only when the state machine takes it. */
export type DeskAction = Exclude<DepositEvent, 'declare'>;

export function offered(d: Facts): DeskAction[] {
  const facts = { status: d.status as DepositStatus, method: d.method as DepositMethod, refundDue: d.refundDue ? new Date(d.refundDue) : null };
  return (['confirm', 'refund', 'release'] as const).filter((e) => 'to' in depositStep(facts, e));
}

/** A due refund not given back by its latest lawful moment (条例 57: 5 days). */
export function overdue(d: Facts, now: number): boolean {
  return deskState(d) === 'due' && new Date(d.refundDue!).getTime() < now;
}

/** Counts for the desk's summary line. */
export function tally(list: Facts[]): Record<DeskDepositState, number> {
  const n: Record<DeskDepositState, number> = { declared: 0, confirmed: 0, due: 0, refunded: 0, released: 0 };
  for (const d of list) n[deskState(d)] += 1;
  return n;
}
