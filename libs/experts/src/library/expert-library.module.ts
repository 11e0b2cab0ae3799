import { Module } from '@nestjs/common';
import { ExpertImportService } from './expert-import.service';
import { ExpertController } from './expert.controller';
import { ExpertRepository } from './expert.repository';
import { ExpertService } from './expert.service';
import { SpecialtyController } from './specialty.controller';
import { SpecialtyRepository } from './specialty.repository';
import { SpecialtyService } from './specialty.service';

/** 专家库: the specialty catalogue, the experts, their own declarations, bulk import. */
@Module({
  controllers: [SpecialtyController, ExpertController],
  providers: [SpecialtyRepository, SpecialtyService, ExpertRepository, ExpertService, ExpertImportService],
  exports: [ExpertRepository, ExpertService, SpecialtyRepository],
})
export class ExpertLibraryModule {}
