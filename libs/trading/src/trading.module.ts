import { Module } from '@nestjs/common';
import { ProjectController } from './projects/project.controller';
import { ProjectRepository } from './projects/project.repository';
import { ProjectParticipants } from './projects/project-participants';
import { ProjectService } from './projects/project.service';

/** 共享交易内核 / the shared trading kernel: projects and the rules frozen into them. */
@Module({
  controllers: [ProjectController],
  providers: [ProjectService, ProjectRepository, ProjectParticipants],
  exports: [ProjectService, ProjectParticipants],
})
export class TradingModule {}
