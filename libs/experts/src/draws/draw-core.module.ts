import { Module } from '@nestjs/common';
import { DrawEngine } from './draw.engine';
import { DrawRepository } from './draw.repository';

/** What the api and the worker share: the repository and the engine that draws, replaces and opens. */
@Module({
  providers: [DrawRepository, DrawEngine],
  exports: [DrawRepository, DrawEngine],
})
export class DrawCoreModule {}
