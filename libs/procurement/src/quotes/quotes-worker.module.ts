import { Injectable, Module, OnModuleInit } from '@nestjs/common';
import { MilestoneHandlerRegistry } from '@app/platform/milestones/milestone-handler.registry';
import { QuoteOpeningService } from './quote-opening.service';
import { QuoteRepository } from './quote.repository';
import { QUOTE_DEADLINE_KIND } from './requirement.service';

@Injectable()
class QuoteHandlers implements OnModuleInit {
  constructor(
    private readonly registry: MilestoneHandlerRegistry,
    private readonly opening: QuoteOpeningService,
  ) {}

  onModuleInit(): void {
    this.registry.register(QUOTE_DEADLINE_KIND, (tx, m) => this.opening.close(tx, String(m.payload.requirementId), Number(m.payload.round)));
  }
}

/** The worker's side of quotes: the quote deadline opens the round's sealed quotes and decides it. */
@Module({
  providers: [QuoteRepository, QuoteOpeningService, QuoteHandlers],
})
export class QuoteWorkerModule {}
