import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MilestoneHandlerRegistry } from './milestone-handler.registry';
import { Milestone } from './milestone.entity';
import { MilestoneService } from './milestone.service';

/** In every process: scheduling milestones and the registry domains add their handlers to. */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([Milestone])],
  providers: [MilestoneService, MilestoneHandlerRegistry],
  exports: [MilestoneService, MilestoneHandlerRegistry],
})
export class MilestonesCoreModule {}
