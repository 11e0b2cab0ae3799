import { Module, OnModuleInit } from '@nestjs/common';
import { ProjectGate, TradingModule } from '@app/trading';
import { ApplicationService } from './deals/application.service';
import { DealController } from './deals/deal.controller';
import { DealRepository, PROJECT_OF_RURAL_APPLICATION } from './deals/deal.repository';
import { DealService } from './deals/deal.service';
import { MyApplicationRepository } from './deals/my-application.repository';
import { MyApplicationService } from './deals/my-application.service';
import { RuralParticipants } from './deals/rural-participants';
import { RuralFreezes } from './deals/rural-freezes';

/** 农村产权交易 / rural property rights */
@Module({
  imports: [TradingModule],
  controllers: [DealController],
  providers: [DealRepository, DealService, ApplicationService, RuralParticipants, MyApplicationRepository, MyApplicationService, RuralFreezes],
  exports: [DealRepository],
})
export class RuralModule implements OnModuleInit {
  constructor(private readonly gate: ProjectGate) {}

  /** How this domain's ids lead to a project, for the kernel's request gate (@ProjectWrite). */
  onModuleInit(): void {
    this.gate.resolver('rural-application', PROJECT_OF_RURAL_APPLICATION);
  }
}
