import { Module } from '@nestjs/common';
import { DrawCoreModule } from '@app/experts/draws/draw-core.module';
import { TradingModule } from '@app/trading';
import { DocumentObjectionModule } from '../objections/document-objection.module';
import { TenderRepository } from '../tenders/tender.repository';
import { EvaluationController } from './evaluation.controller';
import { EvaluationRepository } from './evaluation.repository';
import { EvaluationService } from './evaluation.service';
import { EvaluationRecordService } from './evaluation-record.service';

/** 评标、公示、定标与合同 / evaluation, publicity, award and contract */
@Module({
  imports: [TradingModule, DrawCoreModule, DocumentObjectionModule],
  controllers: [EvaluationController],
  providers: [EvaluationService, EvaluationRecordService, EvaluationRepository, TenderRepository],
})
export class EvaluationModule {}
