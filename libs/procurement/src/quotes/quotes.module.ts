import { Module, OnModuleInit } from '@nestjs/common';
import { ProjectGate, TradingModule } from '@app/trading';
import { MyRequirementRepository } from './my-requirement.repository';
import { MyRequirementService } from './my-requirement.service';
import { QuoteController } from './quote.controller';
import { QuoteParticipants } from './quote-participants';
import { QuoteFreezes } from './quote-freezes';
import { PROJECT_OF_ORDER, PROJECT_OF_REQUIREMENT, QuoteRepository } from './quote.repository';
import { QuoteService } from './quote.service';
import { RequirementService } from './requirement.service';

/** 网上竞价 / online quotes: requirements above the direct-purchase limit, sealed quotes, public results. */
@Module({
  imports: [TradingModule],
  controllers: [QuoteController],
  providers: [QuoteRepository, RequirementService, QuoteService, MyRequirementRepository, MyRequirementService, QuoteParticipants, QuoteFreezes],
})
export class QuoteModule implements OnModuleInit {
  constructor(private readonly gate: ProjectGate) {}

  /** How an online quote's id leads to its project, for the kernel's request gate (@ProjectWrite). */
  onModuleInit(): void {
    this.gate.resolver('procurement-requirement', PROJECT_OF_REQUIREMENT);
    this.gate.resolver('procurement-order', PROJECT_OF_ORDER);
  }
}
