import { Module } from '@nestjs/common';
import { MilestoneController } from './milestone.controller';

/** The api's milestone endpoints. */
@Module({ controllers: [MilestoneController] })
export class MilestonesModule {}
