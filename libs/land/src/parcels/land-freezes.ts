import { Injectable, OnModuleInit } from '@nestjs/common';
import { TradingDomain } from '@app/platform/auth/roles';
import { countingOf } from '@app/platform/calendar/working-time';
import { Tx } from '@app/platform/database/transaction-runner';
import { ProjectFreezes } from '@app/trading/suspension/project-freezes';
import { FrozenPeriod, ShiftedPeriod } from '@app/trading/suspension/suspension.types';
import { LiveBiddingService } from '@app/trading/live/live-bidding.service';
import { ParcelRepository, ParcelTimes } from './parcel.repository';

const COLUMN: Record<string, keyof ParcelTimes> = {
  'land.listing_starts_at': 'listingStartsAt',
  'land.auction_at': 'auctionAt',
  'land.listing_ends_at': 'listingEndsAt',
  'land.publicity_until': 'publicityUntil',
};

/**
 * What a suspension freezes of a parcel: the start not yet reached (its milestone pauses with the project; the column
 * the portal shows follows), the listing's end (before the start too, so the listing keeps its length; the engine
 * freezes the lot itself once it runs) and the result's publicity.
 */
@Injectable()
export class LandFreezes implements OnModuleInit {
  constructor(
    private readonly freezes: ProjectFreezes,
    private readonly parcels: ParcelRepository,
    private readonly live: LiveBiddingService,
  ) {}

  onModuleInit(): void {
    this.freezes.register({ name: 'land', domain: TradingDomain.Land, freeze: (tx, id, at) => this.freeze(tx, id, at), resume: (tx, id, shifted) => this.resume(tx, id, shifted) });
  }

  private async freeze(tx: Tx, projectId: string, at: Date): Promise<FrozenPeriod[]> {
    const p = await this.parcels.byId(tx.em, projectId, 'update');
    if (!p) return [];
    const { periods } = (await this.parcels.ruleSnapshot(tx.em, projectId)).params;
    const frozen: FrozenPeriod[] = [];
    if (p.status === 'announced' && p.lotId) {
      const phase = (await this.live.lot(tx, p.lotId)).phase;
      if (phase === 'pending' && p.listingStartsAt) frozen.push({ key: 'land.listing_starts_at', label: '挂牌起始时间', dueAt: p.listingStartsAt, counting: countingOf(periods.announcementBeforeListing) });
      if (phase === 'pending' && p.auctionAt) frozen.push({ key: 'land.auction_at', label: '拍卖会时间', dueAt: p.auctionAt, counting: countingOf(periods.announcementBeforeListing) });
      if ((phase === 'pending' || phase === 'listing') && p.listingEndsAt) frozen.push({ key: 'land.listing_ends_at', label: '挂牌截止时间', dueAt: p.listingEndsAt, counting: countingOf(periods.listing) });
    }
    if (p.status === 'ended' && p.publicityUntil && p.publicityUntil > at) {
      frozen.push({ key: 'land.publicity_until', label: '成交公示截止时间', dueAt: p.publicityUntil, counting: countingOf(periods.resultPublicity) });
    }
    return frozen;
  }

  private async resume(tx: Tx, projectId: string, shifted: ShiftedPeriod[]): Promise<void> {
    const times: ParcelTimes = {};
    for (const s of shifted) if (COLUMN[s.key]) times[COLUMN[s.key]] = s.to;
    await this.parcels.shiftTimes(tx.em, projectId, times);
  }
}
