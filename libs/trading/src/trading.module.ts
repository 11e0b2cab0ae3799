import { Module } from '@nestjs/common';

/** 共享交易内核 / the shared trading kernel */
@Module({})
export class TradingModule {}
