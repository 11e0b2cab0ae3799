import { Module } from '@nestjs/common';

/** The worker's side of quotes (milestone handlers), filled in by the quotes work of issue 7. */
@Module({})
export class QuoteWorkerModule {}
