import { Module } from '@nestjs/common';

/** 监督、红黄牌、投诉、统计、公开数据 / supervision */
@Module({})
export class SupervisionModule {}
