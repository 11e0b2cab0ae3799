import { AuditEntry, AuditService } from '@app/platform/audit/audit.service';
import { Actor, Role } from '@app/platform/auth/roles';
import { TransactionRunner } from '@app/platform/database/transaction-runner';
import { checkedByStatement } from '../gate/project-gate';
import { AcceptedBid, BidOutcome, BidToAccept, LotRepository } from './lot.repository';
import { PerLotBatcher } from './per-lot-batcher';

export const LOT_SUBJECT = 'lot';

export interface QueuedBid extends BidToAccept {
  actor: Actor;
}

/**
 * The engine's write of bids: those queued on one lot go in one transaction (PerLotBatcher), one statement accepts or
 * refuses each of them in order (`acceptMany`), and every accepted bid is audited in that same transaction. The
 * transaction's suspension check is that statement (`checkedByStatement`), so the lot row is the only row a bid
 * locks, and it is held for one statement, the audit entries and the commit.
 */
export class BidWriter {
  private readonly batcher: PerLotBatcher<QueuedBid, BidOutcome>;

  constructor(
    private readonly txr: TransactionRunner,
    private readonly lots: LotRepository,
    private readonly audit: AuditService,
    /** after the commit, in the background: the last accepted bid of the batch (closing job, feed) */
    private readonly afterAccepted: (lotId: string, last: AcceptedBid) => Promise<void>,
    maxBatch = 64,
  ) {
    this.batcher = new PerLotBatcher((lotId, bids) => this.write(lotId, bids), maxBatch);
  }

  submit(lotId: string, bid: QueuedBid): Promise<BidOutcome> {
    return this.batcher.submit(lotId, bid);
  }

  private write(lotId: string, bids: QueuedBid[]): Promise<BidOutcome[]> {
    return checkedByStatement(() =>
      this.txr.run(async (tx) => {
        const outcomes = await this.lots.acceptMany(tx.em, lotId, bids);
        let last: AcceptedBid | undefined;
        const entries: AuditEntry[] = [];
        for (const [k, o] of outcomes.entries()) {
          if (o.outcome !== 'accepted') continue;
          const b = bids[k];
          last = o.bid;
          entries.push({
            actor: b.actor,
            role: Role.Bidder,
            action: 'lot.bid_accepted',
            subject: { type: LOT_SUBJECT, id: lotId },
            payload: { bidSeq: o.bid.bidSeq, paddle: b.paddle, organisationId: b.organisationId, priceFen: b.priceFen.toString(), phase: o.bid.phase, endsAt: o.bid.endsAt, clientKey: b.clientKey },
          });
        }
        await this.audit.appendAll(tx.em, entries);
        if (last) {
          const accepted = last;
          tx.afterCommit(() => this.afterAccepted(lotId, accepted));
        }
        return outcomes;
      }),
    );
  }
}
