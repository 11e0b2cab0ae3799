import { Module } from '@nestjs/common';
import { CollusionController } from './collusion.controller';
import { CollusionRepository } from './collusion.repository';
import { CollusionScanner } from './collusion-scanner';
import { CollusionService } from './collusion.service';

/** 围标串标 signals on opened tenders and quote rounds, for the office and the domain's regulator to review */
@Module({
  controllers: [CollusionController],
  providers: [CollusionService, CollusionRepository],
})
export class CollusionModule {}

/** The worker's side: the automatic scan after every opening. */
@Module({
  providers: [CollusionService, CollusionRepository, CollusionScanner],
})
export class CollusionWorkerModule {}
