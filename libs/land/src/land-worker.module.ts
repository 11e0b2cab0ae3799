import { Injectable, Module, OnModuleInit } from '@nestjs/common';
import { TradingDomain } from '@app/platform/auth/roles';
import { MilestoneHandlerRegistry } from '@app/platform/milestones/milestone-handler.registry';
import { LiveBiddingService } from '@app/trading/live/live-bidding.service';
import { LiveWorkerModule } from '@app/trading/live/live.module';
import { LotPhaseService } from './parcels/lot-phase.service';
import { ParcelRepository } from './parcels/parcel.repository';
import { AUCTION_START_KIND, LISTING_START_KIND } from './parcels/parcel.service';

@Injectable()
class LandHandlers implements OnModuleInit {
  constructor(
    private readonly registry: MilestoneHandlerRegistry,
    private readonly live: LiveBiddingService,
    private readonly phases: LotPhaseService,
  ) {}

  onModuleInit(): void {
    for (const kind of [LISTING_START_KIND, AUCTION_START_KIND]) this.registry.register(kind, (tx, m) => this.phases.start(tx, String(m.payload.projectId)));
    this.live.onEnd(TradingDomain.Land, (tx, lot, summary) => this.phases.onLotEnd(tx, lot, summary));
  }
}

/** The worker's side of land: the start milestones open the lot; the engine's closer asks what a phase's end means. */
@Module({
  imports: [LiveWorkerModule],
  providers: [ParcelRepository, LotPhaseService, LandHandlers],
})
export class LandWorkerModule {}
