import { Module } from '@nestjs/common';
import { TradingModule } from '@app/trading';
import { CreditLedgerModule } from '../credit/credit.module';
import { ComplaintController, ComplaintSupervisionController, PublicComplaintController } from './complaint.controller';
import { ComplaintRepository } from './complaint.repository';
import { ComplaintService } from './complaint.service';

/** 投诉: filing, acceptance, suspension of the project through the kernel, decision and its publication */
@Module({
  imports: [TradingModule, CreditLedgerModule],
  controllers: [ComplaintController, ComplaintSupervisionController, PublicComplaintController],
  providers: [ComplaintService, ComplaintRepository],
  exports: [ComplaintService],
})
export class ComplaintsModule {}
