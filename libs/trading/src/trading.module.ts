import { Module } from '@nestjs/common';
import { ProjectController } from './projects/project.controller';
import { ProjectRepository } from './projects/project.repository';
import { ProjectService } from './projects/project.service';

/** 共享交易内核 / the shared trading kernel: projects and the rules frozen into them. */
@Module({
  controllers: [ProjectController],
  providers: [ProjectService, ProjectRepository],
  exports: [ProjectService],
})
export class TradingModule {}
