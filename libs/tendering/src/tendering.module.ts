import { Module, OnModuleInit } from '@nestjs/common';
import { ProjectGate, TradingModule } from '@app/trading';
import { EvaluationModule } from './evaluation/evaluation.module';
import { BidController } from './bids/bid.controller';
import { BidService } from './bids/bid.service';
import { DepositService } from './bids/deposit.service';
import { OpeningService } from './bids/opening.service';
import { MyRegistrationRepository } from './registrations/my-registration.repository';
import { MyRegistrationService } from './registrations/my-registration.service';
import { ClarificationService } from './tenders/clarification.service';
import { TenderDocumentsService } from './tenders/tender-documents.service';
import { TenderController } from './tenders/tender.controller';
import { PROJECT_OF_TENDER_DEPOSIT, TenderRepository } from './tenders/tender.repository';
import { TenderService } from './tenders/tender.service';
import { TenderHostedSteps } from './tenders/tender-hosted-steps';
import { TenderParticipants } from './tenders/tender-participants';
import { TenderFreezes } from './tenders/tender-freezes';
import { BiddersViewed } from './tenders/bidders-viewed';

/** 建设工程招投标 / engineering tenders */
@Module({
  imports: [TradingModule, EvaluationModule],
  controllers: [TenderController, BidController],
  providers: [TenderRepository, TenderService, ClarificationService, TenderDocumentsService, BidService, DepositService, OpeningService, TenderParticipants, MyRegistrationRepository, MyRegistrationService, TenderFreezes, TenderHostedSteps, BiddersViewed],
  exports: [TenderRepository, BidService],
})
export class TenderingModule implements OnModuleInit {
  constructor(private readonly gate: ProjectGate) {}

  /** How this domain's ids lead to a project, for the kernel's request gate (@ProjectWrite). */
  onModuleInit(): void {
    this.gate.resolver('tender-deposit', PROJECT_OF_TENDER_DEPOSIT);
  }
}
