import { Module } from '@nestjs/common';
import { TradingModule } from '@app/trading';
import { ApplicationService } from './deals/application.service';
import { DealController } from './deals/deal.controller';
import { DealRepository } from './deals/deal.repository';
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
export class RuralModule {}
