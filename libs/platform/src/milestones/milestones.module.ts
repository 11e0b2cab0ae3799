import { Module } from '@nestjs/common';

/** Timed milestones: rows in PostgreSQL, BullMQ delayed jobs that only wake the worker. */
@Module({})
export class MilestonesModule {}
