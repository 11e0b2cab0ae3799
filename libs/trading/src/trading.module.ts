import { Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { ProjectGate } from './gate/project-gate';
import { ProjectGateInterceptor } from './gate/project-gate.interceptor';
import { ProjectGateRepository } from './gate/project-gate.repository';
import { LiveModule } from './live/live.module';
import { ProjectController } from './projects/project.controller';
import { ProjectRepository } from './projects/project.repository';
import { ProjectParticipants } from './projects/project-participants';
import { ProjectService } from './projects/project.service';
import { PublicProjectFastPath } from './projects/public-project-fast-path';
import { PublicProjectPages } from './projects/public-project-pages';
import { LotFreezes } from './suspension/lot-freezes';
import { ProjectFreezes } from './suspension/project-freezes';
import { SuspensionRepository } from './suspension/suspension.repository';
import { HostedSteps } from './schedule/hosted-steps';
import { ScheduleNotices } from './schedule/schedule-notices';

/** 共享交易内核 / the shared trading kernel: projects, the rules frozen into them, the request gate, the live-bidding engine. */
@Module({
  imports: [LiveModule],
  controllers: [ProjectController],
  providers: [ProjectService, PublicProjectPages, PublicProjectFastPath, ProjectRepository, ProjectParticipants, ProjectFreezes, SuspensionRepository, LotFreezes, HostedSteps, ScheduleNotices, ProjectGateRepository, ProjectGate, { provide: APP_INTERCEPTOR, useClass: ProjectGateInterceptor }],
  exports: [ProjectService, ProjectParticipants, ProjectFreezes, HostedSteps, ScheduleNotices, ProjectGate, LiveModule],
})
export class TradingModule {}
