import { Module } from '@nestjs/common';
import { CreditController } from './credit.controller';
import { CreditLedger } from './credit-ledger';
import { CreditRepository } from './credit.repository';
import { CreditService } from './credit.service';

/** The ledger alone: for the worker (cards) and for other supervision modules (complaints) to import. */
@Module({
  providers: [CreditRepository, CreditLedger],
  exports: [CreditLedger, CreditRepository],
})
export class CreditLedgerModule {}

/** 信用评价: the ledger, the score domains read from organisation_credit, penalties and the record. */
@Module({
  imports: [CreditLedgerModule],
  controllers: [CreditController],
  providers: [CreditService],
  exports: [CreditLedgerModule],
})
export class CreditModule {}
