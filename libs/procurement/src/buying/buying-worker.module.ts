import { Module } from '@nestjs/common';

/** The worker's side of buying (milestone handlers), filled in by the buying work of issue 7. */
@Module({})
export class BuyingWorkerModule {}
