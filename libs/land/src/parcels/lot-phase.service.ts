import { Injectable } from '@nestjs/common';
import { AuditService } from '@app/platform/audit/audit.service';
import { SYSTEM_ACTOR, TradingDomain } from '@app/platform/auth/roles';
import { countingOf } from '@app/platform/calendar/working-time';
import { Clock } from '@app/platform/clock/clock';
import { Tx } from '@app/platform/database/transaction-runner';
import { deadlineFor, RuleSnapshot } from '@app/trading/rules/rule-snapshot';
import { LiveBiddingService } from '@app/trading/live/live-bidding.service';
import { LotEndSummary, LotRow } from '@app/trading/live/live.types';
import { continuingBuyers, decideListingEnd, decideLiveEnd } from '../rules/land-end';
import { PARCEL_SUBJECT } from './parcel.service';
import { ParcelRepository } from './parcel.repository';
import { ParcelRow } from './parcel.types';

/**
 * The lot's phases as the worker drives them: the start milestone opens the listing (or the auction's live bidding),
 * and the engine's closer asks, at each phase's end, what it means for a parcel.
 */
@Injectable()
export class LotPhaseService {
  constructor(
    private readonly parcels: ParcelRepository,
    private readonly live: LiveBiddingService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** The start milestone: a listing opens until its end; an auction goes live now, its countdown from now. */
  async start(tx: Tx, projectId: string): Promise<void> {
    const p = await this.parcels.byId(tx.em, projectId);
    if (!p || p.status !== 'announced' || !p.lotId) return;
    const lot = await this.live.lot(tx, p.lotId);
    if (lot.phase !== 'pending') return;
    if (p.mode === 'listing') {
      const { periods } = (await this.parcels.ruleSnapshot(tx.em, projectId)).params;
      await this.live.startListing(tx, p.lotId, p.listingEndsAt!, SYSTEM_ACTOR, countingOf(periods.listing));
    }
    else await this.live.startLive(tx, p.lotId, await this.clock.dbNow(tx.em), SYSTEM_ACTOR);
  }

  /**
   * The engine's closer calls this inside the closing transaction, holding the lot. At a listing's end, enough buyers
   * who said they will go on (each with the quotes the rules ask) take it to 限时竞价 from now; otherwise, and at the
   * end of live bidding, the best price wins if it reaches the reserve.
   */
  async onLotEnd(tx: Tx, lot: LotRow, summary: LotEndSummary): Promise<void> {
    const p = await this.parcels.byLot(tx.em, lot.id, true);
    if (!p || p.status !== 'announced') return;
    const rules = await this.parcels.ruleSnapshot(tx.em, p.projectId);
    const now = await this.clock.dbNow(tx.em);
    if (lot.phase === 'listing') {
      const quotes = await this.parcels.quotesByPaddle(tx.em, lot.id, 'listing');
      const continuing = continuingBuyers(await this.parcels.continuingPaddles(tx.em, p.projectId), quotes, rules.params.numbers.minQuotesToEnterLive);
      const decision = decideListingEnd({ continuing: continuing.length, highestFen: summary.highestFen, reserveFen: summary.reserveFen }, rules.params.numbers);
      if (decision.kind === 'live') {
        const started = await this.live.startLive(tx, lot.id, now, SYSTEM_ACTOR, continuing);
        await this.audit.append(tx.em, {
          actor: SYSTEM_ACTOR,
          action: 'land.live_started',
          subject: { type: PARCEL_SUBJECT, id: p.projectId },
          payload: { lotId: lot.id, continuingPaddles: continuing, listingBids: summary.bids, listingBidders: summary.bidders, highestFen: summary.highestFen?.toString() ?? null, endsAt: started.endsAt },
        });
        return;
      }
      return this.finish(tx, p, lot, decision.outcome, rules, now, { phase: 'listing', summary, continuing });
    }
    const decision = decideLiveEnd({ highestFen: summary.highestFen, reserveFen: summary.reserveFen });
    if (decision.kind === 'end') return this.finish(tx, p, lot, decision.outcome, rules, now, { phase: 'live', summary, continuing: [] });
  }

  private async finish(tx: Tx, p: ParcelRow, lot: LotRow, outcome: 'sold' | 'unsold' | 'reserve_not_met', rules: RuleSnapshot<TradingDomain.Land>, now: Date, why: { phase: string; summary: LotEndSummary; continuing: number[] }): Promise<void> {
    const ended = await this.live.end(tx, lot.id, outcome, SYSTEM_ACTOR);
    const winner = outcome === 'sold' && ended.winnerPaddle !== null ? (await this.parcels.applications(tx.em, p.projectId)).find((a) => a.paddle === ended.winnerPaddle) : undefined;
    const publicityUntil = deadlineFor(rules, 'resultPublicity', now);
    const refundDue = deadlineFor(rules, 'depositRefund', now);
    const priceFen = outcome === 'sold' && ended.currentPriceFen !== null ? BigInt(ended.currentPriceFen) : null;
    await this.parcels.markEnded(tx.em, p.projectId, { outcome, winnerOrganisationId: winner?.organisationId ?? null, winnerPaddle: winner ? ended.winnerPaddle : null, priceFen, publicityUntil });
    const due = await this.parcels.depositsFallDue(tx.em, p.projectId, winner?.organisationId ?? null, refundDue);
    await this.audit.append(tx.em, {
      actor: SYSTEM_ACTOR,
      action: 'land.ended',
      subject: { type: PARCEL_SUBJECT, id: p.projectId },
      payload: {
        lotId: lot.id,
        phase: why.phase,
        outcome,
        winnerOrganisationId: winner?.organisationId ?? null,
        winnerPaddle: winner ? ended.winnerPaddle : null,
        priceFen: priceFen?.toString() ?? null,
        reserveFen: why.summary.reserveFen?.toString() ?? null,
        bids: why.summary.bids,
        bidders: why.summary.bidders,
        continuingPaddles: why.continuing,
        publicityUntil,
        refundsDue: due.map((d) => ({ applicationId: d.id, organisationId: d.organisationId, amountFen: d.amountFen })),
        refundDue,
      },
    });
  }

}
