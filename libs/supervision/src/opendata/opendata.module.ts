import { Module } from '@nestjs/common';
import { OCDS_CONFIG, loadOcdsConfig } from './ocds-config';
import { OpenDataController } from './opendata.controller';
import { OpenDataRepository } from './opendata.repository';
import { OpenDataService } from './opendata.service';

/** 公开数据: every published process as OCDS 1.1 (docs/open-data-ocds.md) */
@Module({
  controllers: [OpenDataController],
  providers: [OpenDataService, OpenDataRepository, { provide: OCDS_CONFIG, useFactory: () => loadOcdsConfig() }],
})
export class OpenDataModule {}
