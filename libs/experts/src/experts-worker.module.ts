import { Module } from '@nestjs/common';
import { DrawCoreModule } from './draws/draw-core.module';
import { DrawHandlers } from './draws/draw-handlers';

/** The worker's side of the experts lib: milestone handlers for draws, invitation deadlines and session starts. */
@Module({
  imports: [DrawCoreModule],
  providers: [DrawHandlers],
})
export class ExpertsWorkerModule {}
