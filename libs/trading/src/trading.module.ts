import { Module } from '@nestjs/common';
import { LiveModule } from './live/live.module';
import { ProjectController } from './projects/project.controller';
import { ProjectRepository } from './projects/project.repository';
import { ProjectParticipants } from './projects/project-participants';
import { ProjectService } from './projects/project.service';
import { HostedSteps } from './schedule/hosted-steps';
import { ScheduleNotices } from './schedule/schedule-notices';

/** 共享交易内核 / the shared trading kernel: projects, the rules frozen into them, the live-bidding engine. */
@Module({
  imports: [LiveModule],
  controllers: [ProjectController],
  providers: [ProjectService, ProjectRepository, ProjectParticipants, HostedSteps, ScheduleNotices],
  exports: [ProjectService, ProjectParticipants, HostedSteps, ScheduleNotices, LiveModule],
})
export class TradingModule {}
