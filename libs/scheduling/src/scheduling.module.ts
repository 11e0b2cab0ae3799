import { Module } from '@nestjs/common';

/** 场地与场次 / rooms and sessions */
@Module({})
export class SchedulingModule {}
