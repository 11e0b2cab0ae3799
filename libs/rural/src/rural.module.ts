import { Module } from '@nestjs/common';

/** 农村产权交易 / rural property rights */
@Module({})
export class RuralModule {}
