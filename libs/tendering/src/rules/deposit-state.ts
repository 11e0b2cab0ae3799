// 条例 26: the deposit the documents ask for, paid by transfer or e-guarantee; 条例 35: returned within 5 days of a
// withdrawal before the deadline; 条例 57: within 5 days of the contract (and of a failed tender).
//
//   (none | refunded | released) ──declare──▶ declared ──confirm──▶ confirmed ──(refund due)──▶ refunded   (transfer)
//          declared ──declare──▶ declared (corrected)                           └──(refund due)──▶ released   (e-guarantee)

export type DepositStatus = 'declared' | 'confirmed' | 'refunded' | 'released';
export type DepositMethod = 'transfer' | 'guarantee';

/** What the machine needs to know of a deposit; `refundDue` is set by the events that make it due (withdrawal, failure, contract). */
export interface DepositFacts {
  status: DepositStatus;
  method: DepositMethod;
  refundDue: Date | null;
}

export type DepositEvent = 'declare' | 'confirm' | 'refund' | 'release';

export type DepositRefusal =
  /** the event does not apply to a deposit in this state (a confirmed deposit declared again, a refunded one confirmed) */
  | 'DEPOSIT_STATE_CONFLICT'
  /** the centre never confirmed the money arrived: nothing to give back */
  | 'DEPOSIT_NOT_CONFIRMED'
  /** no withdrawal before the deadline, no failure, no contract yet */
  | 'DEPOSIT_REFUND_NOT_DUE'
  /** an e-guarantee is released, never refunded with a cash reference */
  | 'DEPOSIT_IS_GUARANTEE'
  /** cash comes back by a refund with its reference, not by a release */
  | 'DEPOSIT_NOT_GUARANTEE';

export type DepositStep = { to: DepositStatus } | { refused: DepositRefusal };

/** The next state of a deposit (`null`: none declared yet) on an event, or why the event is refused. */
export function depositStep(d: DepositFacts | null, event: DepositEvent): DepositStep {
  switch (event) {
    case 'declare':
      // A declaration may be corrected until the centre confirms it; a deposit given back may be paid again for a new bid.
      return !d || d.status === 'declared' || d.status === 'refunded' || d.status === 'released' ? { to: 'declared' } : { refused: 'DEPOSIT_STATE_CONFLICT' };
    case 'confirm':
      return d?.status === 'declared' ? { to: 'confirmed' } : { refused: 'DEPOSIT_STATE_CONFLICT' };
    case 'refund':
    case 'release': {
      if (!d) return { refused: 'DEPOSIT_NOT_CONFIRMED' };
      if (d.status === 'declared') return { refused: 'DEPOSIT_NOT_CONFIRMED' };
      if (d.status !== 'confirmed') return { refused: 'DEPOSIT_STATE_CONFLICT' };
      if (event === 'refund' && d.method === 'guarantee') return { refused: 'DEPOSIT_IS_GUARANTEE' };
      if (event === 'release' && d.method !== 'guarantee') return { refused: 'DEPOSIT_NOT_GUARANTEE' };
      if (d.refundDue === null) return { refused: 'DEPOSIT_REFUND_NOT_DUE' };
      return { to: event === 'refund' ? 'refunded' : 'released' };
    }
  }
}

/**
 * 条例 26: whether a bid may be taken on a section given the bidder's deposit there. When the rule set requires it
 * (`depositBeforeBid` = 1) and the section asks a deposit, only a confirmed one that has not been given back counts.
 */
export function bidDepositProblem(d: Pick<DepositFacts, 'status'> | null, sectionDepositFen: bigint, depositBeforeBid: number): 'DEPOSIT_REQUIRED' | null {
  if (depositBeforeBid !== 1 || sectionDepositFen <= 0n) return null;
  return d?.status === 'confirmed' ? null : 'DEPOSIT_REQUIRED';
}
