import { Injectable, OnModuleInit } from '@nestjs/common';
import { TradingDomain } from '@app/platform/auth/roles';
import { countingOf } from '@app/platform/calendar/working-time';
import { Tx } from '@app/platform/database/transaction-runner';
import { ProjectFreezes } from '@app/trading/suspension/project-freezes';
import { FrozenPeriod, ShiftedPeriod } from '@app/trading/suspension/suspension.types';
import { DealRepository } from './deal.repository';

/**
 * What a suspension freezes of a rural deal: the listing's end (its milestone pauses with the project; the column
 * applications are checked against follows; a 10-working-day listing keeps its working days) and the result's publicity
 * before the contract. A live round is the engine's lot, which the kernel freezes itself.
 */
@Injectable()
export class RuralFreezes implements OnModuleInit {
  constructor(
    private readonly freezes: ProjectFreezes,
    private readonly deals: DealRepository,
  ) {}

  onModuleInit(): void {
    this.freezes.register({ name: 'rural', domain: TradingDomain.Rural, freeze: (tx, id, at) => this.freeze(tx, id, at), resume: (tx, id, shifted) => this.resume(tx, id, shifted) });
  }

  private async freeze(tx: Tx, projectId: string, at: Date): Promise<FrozenPeriod[]> {
    const d = await this.deals.byId(tx.em, projectId, true);
    if (!d) return [];
    const { periods } = (await this.deals.rulesOf(tx.em, projectId)).params;
    const frozen: FrozenPeriod[] = [];
    const listing = d.status === 'listing' ? await this.deals.listing(tx.em, projectId, d.round) : undefined;
    if (listing?.endsAt && !listing.closedAt) frozen.push({ key: `rural_listing:${d.round}.ends_at`, label: `第 ${d.round} 轮挂牌截止时间`, dueAt: listing.endsAt, counting: countingOf(periods.listing) });
    if (d.status === 'concluded' && d.publicityUntil && d.publicityUntil > at) {
      frozen.push({ key: 'rural_deal.publicity_until', label: '成交公示截止时间', dueAt: d.publicityUntil, counting: countingOf(periods.resultPublicity) });
    }
    return frozen;
  }

  private async resume(tx: Tx, projectId: string, shifted: ShiftedPeriod[]): Promise<void> {
    for (const s of shifted) {
      const listing = /^rural_listing:(\d+)\.ends_at$/.exec(s.key);
      if (listing) await this.deals.shiftListingEnd(tx.em, projectId, Number(listing[1]), s.to);
      else if (s.key === 'rural_deal.publicity_until') await this.deals.shiftPublicity(tx.em, projectId, s.to);
    }
  }
}
