import { Module } from '@nestjs/common';
import { OCDS_CONFIG, loadOcdsConfig } from './ocds-config';
import { OpenDataController } from './opendata.controller';
import { OpenDataRepository } from './opendata.repository';
import { OpenDataService } from './opendata.service';
import { ProjectHistoryController } from './history/project-history.controller';
import { ProjectHistoryRepository } from './history/project-history.repository';
import { ProjectHistoryService } from './history/project-history.service';

/** 公开数据: every published process as OCDS 1.1 (docs/open-data-ocds.md) */
@Module({
  controllers: [OpenDataController, ProjectHistoryController],
  providers: [OpenDataService, OpenDataRepository, ProjectHistoryService, ProjectHistoryRepository, { provide: OCDS_CONFIG, useFactory: () => loadOcdsConfig() }],
})
export class OpenDataModule {}
