import { Module } from '@nestjs/common';

/** Filled in by the buying work of issue 7. */
@Module({})
export class BuyingModule {}
