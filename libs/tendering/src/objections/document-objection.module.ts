import { Module } from '@nestjs/common';
import { TradingModule } from '@app/trading';
import { TenderRepository } from '../tenders/tender.repository';
import { DocumentObjectionController } from './document-objection.controller';
import { DocumentObjectionRepository } from './document-objection.repository';
import { DocumentObjectionService } from './document-objection.service';

/** 招标文件异议 (条例 22); the reply route is the evaluation controller's, shared with the publicity objections. */
@Module({
  imports: [TradingModule],
  controllers: [DocumentObjectionController],
  providers: [DocumentObjectionService, DocumentObjectionRepository, TenderRepository],
  exports: [DocumentObjectionService],
})
export class DocumentObjectionModule {}
