import { Module } from '@nestjs/common';
import { AuditReviewController } from './audit/audit-review.controller';
import { AuditReviewRepository } from './audit/audit-review.repository';
import { AuditReviewService } from './audit/audit-review.service';
import { ExportSigner } from './audit/export-signer';
import { SigningKeyRepository } from './audit/signing-key.repository';
import { SigningKeyService } from './audit/signing-key.service';
import { CardsModule } from './cards/cards.module';
import { CollusionModule } from './collusion/collusion.module';
import { ComplaintsModule } from './complaints/complaints.module';
import { CreditModule } from './credit/credit.module';
import { OpenDataModule } from './opendata/opendata.module';
import { PortalModule } from './portal/portal.module';
import { StatisticsModule } from './statistics/statistics.module';

/** 监督、红黄牌、投诉、统计、公开数据 / supervision */
@Module({
  imports: [CollusionModule, CardsModule, CreditModule, ComplaintsModule, StatisticsModule, PortalModule, OpenDataModule],
  controllers: [AuditReviewController],
  providers: [AuditReviewService, AuditReviewRepository, ExportSigner, SigningKeyRepository, SigningKeyService],
  exports: [AuditReviewService, CreditModule],
})
export class SupervisionModule {}
