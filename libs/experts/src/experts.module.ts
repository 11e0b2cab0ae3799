import { Module } from '@nestjs/common';

/** 专家库与随机抽取 / expert library and random draws */
@Module({})
export class ExpertsModule {}
