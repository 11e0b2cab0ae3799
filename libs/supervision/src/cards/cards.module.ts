import { Module } from '@nestjs/common';
import { CreditLedgerModule } from '../credit/credit.module';
import { CardIssuer } from './card-issuer';
import { CardController } from './card.controller';
import { CardRepository } from './card.repository';
import { CardScanner } from './card-scanner';
import { CardService } from './card.service';

/** 红黄牌: the lists and counts (api). */
@Module({
  controllers: [CardController],
  providers: [CardService, CardRepository],
})
export class CardsModule {}

/** 红黄牌监察: the scanner that issues cards (worker). */
@Module({
  imports: [CreditLedgerModule],
  providers: [CardRepository, CardIssuer, CardScanner],
})
export class CardsWorkerModule {}
