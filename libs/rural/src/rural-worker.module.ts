import { Injectable, Module, OnModuleInit } from '@nestjs/common';
import { TradingDomain } from '@app/platform/auth/roles';
import { MilestoneHandlerRegistry } from '@app/platform/milestones/milestone-handler.registry';
import { LiveBiddingService, LiveWorkerModule } from '@app/trading';
import { ClosingService } from './deals/closing.service';
import { DealRepository } from './deals/deal.repository';
import { LISTING_END_KIND } from './deals/deal.service';

@Injectable()
class RuralHandlers implements OnModuleInit {
  constructor(
    private readonly registry: MilestoneHandlerRegistry,
    private readonly live: LiveBiddingService,
    private readonly closing: ClosingService,
  ) {}

  onModuleInit(): void {
    this.registry.register(LISTING_END_KIND, (tx, m) => this.closing.closeListing(tx, String(m.payload.projectId), Number(m.payload.round)));
    this.live.onEnd(TradingDomain.Rural, (tx, lot, summary) => this.closing.closeLive(tx, lot, summary));
  }
}

/** The worker's side of rural deals: the listing's end (agreement, live bidding or failure) and the end of live bidding. */
@Module({
  imports: [LiveWorkerModule],
  providers: [DealRepository, ClosingService, RuralHandlers],
})
export class RuralWorkerModule {}
