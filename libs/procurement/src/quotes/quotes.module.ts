import { Module } from '@nestjs/common';
import { QuoteController } from './quote.controller';
import { QuoteRepository } from './quote.repository';
import { QuoteService } from './quote.service';
import { RequirementService } from './requirement.service';

/** 网上竞价 / online quotes: requirements above the direct-purchase limit, sealed quotes, public results. */
@Module({
  controllers: [QuoteController],
  providers: [QuoteRepository, RequirementService, QuoteService],
})
export class QuoteModule {}
