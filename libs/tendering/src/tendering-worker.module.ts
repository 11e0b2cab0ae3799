import { Injectable, Module, OnModuleInit } from '@nestjs/common';
import { MilestoneHandlerRegistry } from '@app/platform/milestones/milestone-handler.registry';
import { OpeningService } from './bids/opening.service';
import { TenderRepository } from './tenders/tender.repository';
import { BID_DEADLINE_KIND } from './tenders/tender.service';

@Injectable()
class TenderingHandlers implements OnModuleInit {
  constructor(
    private readonly registry: MilestoneHandlerRegistry,
    private readonly opening: OpeningService,
  ) {}

  onModuleInit(): void {
    this.registry.register(BID_DEADLINE_KIND, (tx, m) => this.opening.open(tx, String(m.payload.projectId)));
  }
}

/** The worker's side of tendering: the bid deadline closes submissions and opens the bids. */
@Module({
  providers: [TenderRepository, OpeningService, TenderingHandlers],
})
export class TenderingWorkerModule {}
