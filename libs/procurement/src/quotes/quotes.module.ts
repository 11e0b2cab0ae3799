import { Module } from '@nestjs/common';
import { TradingModule } from '@app/trading/trading.module';
import { MyRequirementRepository } from './my-requirement.repository';
import { MyRequirementService } from './my-requirement.service';
import { QuoteController } from './quote.controller';
import { QuoteParticipants } from './quote-participants';
import { QuoteRepository } from './quote.repository';
import { QuoteService } from './quote.service';
import { RequirementService } from './requirement.service';

/** 网上竞价 / online quotes: requirements above the direct-purchase limit, sealed quotes, public results. */
@Module({
  imports: [TradingModule],
  controllers: [QuoteController],
  providers: [QuoteRepository, RequirementService, QuoteService, MyRequirementRepository, MyRequirementService, QuoteParticipants],
})
export class QuoteModule {}
