import { Injectable, Logger } from '@nestjs/common';
import { AuditService } from '@app/platform/audit/audit.service';
import { SYSTEM_ACTOR } from '@app/platform/auth/roles';
import { deadlineAfter } from '@app/platform/calendar/period';
import { Clock } from '@app/platform/clock/clock';
import { Tx } from '@app/platform/database/transaction-runner';
import { IntakeService } from '@app/platform/intake/intake.service';
import { LiveBiddingService, LotEndSummary, LotRow } from '@app/trading';
import { listingOutcome } from '../rules/deal-state';
import { concludeDeal } from './application.service';
import { DEAL_SUBJECT } from './deal.service';
import { DealRepository } from './deal.repository';

/** What the worker does when a listing's publicity ends and when a live phase's time is up; idempotent, re-checks state. */
@Injectable()
export class ClosingService {
  private readonly logger = new Logger(ClosingService.name);

  constructor(
    private readonly deals: DealRepository,
    private readonly live: LiveBiddingService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly intake: IntakeService,
  ) {}

  /**
   * 挂牌期满: none qualified → the listing fails (流标); fewer than the rule's minimum for live bidding → agreement transfer
   * with the one applicant; otherwise 限时竞价 starts now on the round's lot.
   */
  async closeListing(tx: Tx, projectId: string, round: number): Promise<void> {
    // Before locking the deal: wait (bounded) for applications fully received before the end whose write has not committed.
    const d0 = await this.deals.byId(tx.em, projectId);
    if (!d0 || d0.status !== 'listing' || d0.round !== round) return;
    const listing0 = await this.deals.listing(tx.em, projectId, round);
    if (listing0?.endsAt) await this.intake.settle(tx.em, { type: DEAL_SUBJECT, id: projectId }, listing0.endsAt);
    const d = await this.deals.byId(tx.em, projectId, true);
    if (!d || d.status !== 'listing' || d.round !== round) return;
    const listing = (await this.deals.listing(tx.em, projectId, round))!;
    const now = await this.clock.dbNow(tx.em);
    if (now < listing.endsAt!) return;
    const rules = await this.deals.rulesOf(tx.em, projectId);
    const qualified = (await this.deals.roundApplications(tx.em, projectId, round)).filter((a) => a.status === 'qualified');
    const outcome = listingOutcome(qualified.length, rules.params.numbers.minBuyersForLive);
    const refundDue = deadlineAfter(now, rules.params.periods.depositRefund);
    await this.deals.closeListing(tx.em, projectId, round, outcome, qualified.length);
    let refunds: number;
    if (outcome === 'live') {
      refunds = await this.deals.refundUnconfirmed(tx.em, projectId, round, refundDue);
      await this.live.startLive(tx, listing.lotId!, now, SYSTEM_ACTOR);
      await this.deals.setStatus(tx.em, projectId, 'live');
    } else if (outcome === 'agreement') {
      refunds = await this.deals.refundUnconfirmed(tx.em, projectId, round, refundDue);
      await this.live.end(tx, listing.lotId!, 'handed_over', SYSTEM_ACTOR);
      await this.deals.setStatus(tx.em, projectId, 'agreement');
    } else {
      refunds = (await this.deals.refundDue(tx.em, projectId, round, refundDue, null)).length;
      await this.live.end(tx, listing.lotId!, 'unsold', SYSTEM_ACTOR);
      await this.deals.setStatus(tx.em, projectId, 'failed');
    }
    await this.audit.append(tx.em, {
      actor: SYSTEM_ACTOR,
      action: 'rural.listing_closed',
      subject: { type: DEAL_SUBJECT, id: projectId },
      payload: { round, outcome, qualified: qualified.length, minBuyersForLive: rules.params.numbers.minBuyersForLive, lotId: listing.lotId, endsAt: listing.endsAt, closedAt: now, refundsDue: refunds, refundDue: refunds ? refundDue : null },
    });
  }

  /** 限时竞价结束: the leader buys at the highest bid; a live phase without a bid fails the listing like an empty one. */
  async closeLive(tx: Tx, lot: LotRow, summary: LotEndSummary): Promise<void> {
    const listing = await this.deals.listingByLot(tx.em, lot.id);
    const d = listing && (await this.deals.byId(tx.em, listing.projectId, true));
    if (!listing || !d || d.status !== 'live' || d.round !== listing.round) {
      this.logger.warn({ lotId: lot.id }, 'a rural lot ended without a live deal behind it');
      await this.live.end(tx, lot.id, 'unsold', SYSTEM_ACTOR);
      return;
    }
    const rules = await this.deals.rulesOf(tx.em, d.projectId);
    const leader = summary.leaderPaddle === null ? undefined : (await this.deals.roundApplications(tx.em, d.projectId, d.round)).find((a) => a.paddle === summary.leaderPaddle);
    if (!leader || summary.highestFen === null) {
      await this.live.end(tx, lot.id, 'unsold', SYSTEM_ACTOR);
      const now = await this.clock.dbNow(tx.em);
      const refunds = await this.deals.refundDue(tx.em, d.projectId, d.round, deadlineAfter(now, rules.params.periods.depositRefund), null);
      await this.deals.setStatus(tx.em, d.projectId, 'failed');
      await this.audit.append(tx.em, { actor: SYSTEM_ACTOR, action: 'rural.live_failed', subject: { type: DEAL_SUBJECT, id: d.projectId }, payload: { from: d.status, to: 'failed', round: d.round, lotId: lot.id, bids: summary.bids, refundsDue: refunds.length } });
      return;
    }
    await this.live.end(tx, lot.id, 'sold', SYSTEM_ACTOR);
    const outcome = await concludeDeal(this.deals, this.clock, tx, d, rules, { method: 'live', buyerOrganisationId: leader.organisationId, priceFen: summary.highestFen });
    await this.audit.append(tx.em, {
      actor: SYSTEM_ACTOR,
      action: 'rural.concluded',
      subject: { type: DEAL_SUBJECT, id: d.projectId },
      payload: { from: d.status, to: 'concluded', lotId: lot.id, bids: summary.bids, bidders: summary.bidders, winnerPaddle: leader.paddle, ...outcome },
    });
  }
}
