import { Module } from '@nestjs/common';
import { CardsWorkerModule } from './cards/cards.module';

/** Supervision's part of the worker: the red and yellow card scanner. */
@Module({
  imports: [CardsWorkerModule],
})
export class SupervisionWorkerModule {}
