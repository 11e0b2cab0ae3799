import { Module } from '@nestjs/common';
import { CardsWorkerModule } from './cards/cards.module';
import { CollusionWorkerModule } from './collusion/collusion.module';

/** Supervision's part of the worker: the red and yellow card scanner and the collusion scan after each opening. */
@Module({
  imports: [CardsWorkerModule, CollusionWorkerModule],
})
export class SupervisionWorkerModule {}
