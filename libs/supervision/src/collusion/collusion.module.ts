import { Module } from '@nestjs/common';
import { CollusionController } from './collusion.controller';
import { CollusionRepository } from './collusion.repository';
import { CollusionService } from './collusion.service';

/** 围标串标 signals on opened tenders, for the office to review */
@Module({
  controllers: [CollusionController],
  providers: [CollusionService, CollusionRepository],
})
export class CollusionModule {}
