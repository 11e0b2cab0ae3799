import { Injectable, Module, OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MilestoneHandlerRegistry } from '@app/platform/milestones/milestone-handler.registry';
import { RuleSet } from '@app/platform/rules/rule-set.entity';
import { RuleSetRepository } from '@app/platform/rules/rule-set.repository';
import { RuleSetService } from '@app/platform/rules/rule-set.service';
import { BuyingRepository } from '../buying/buying.repository';
import { OrderService } from '../buying/order.service';
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

/**
 * The worker's side of quotes: the quote deadline opens the round's sealed quotes, decides it and places the awarded
 * order. The worker serves /health over HTTP, so BuyingModule (and RulesModule) with their controllers are not imported:
 * only the providers OrderService needs.
 */
@Module({
  imports: [TypeOrmModule.forFeature([RuleSet])],
  providers: [QuoteRepository, QuoteOpeningService, QuoteHandlers, OrderService, BuyingRepository, RuleSetService, RuleSetRepository],
})
export class QuoteWorkerModule {}
