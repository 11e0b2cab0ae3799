import { Module } from '@nestjs/common';
import { DrawEngine } from './draw.engine';
import { DrawRepository } from './draw.repository';
import { DrawRoster } from './draw-roster';

/** What the api and the worker share: the repository and the engine that draws, replaces and opens. */
@Module({
  providers: [DrawRepository, DrawEngine, DrawRoster],
  exports: [DrawRepository, DrawEngine, DrawRoster],
})
export class DrawCoreModule {}
