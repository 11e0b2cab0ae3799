import { Module } from '@nestjs/common';

/** Filled in by the quotes work of issue 7. */
@Module({})
export class QuoteModule {}
