import { Module } from '@nestjs/common';
import { BuyingWorkerModule } from './buying/buying-worker.module';
import { CatalogueWorkerModule } from './catalogue/catalogue-worker.module';
import { QuoteWorkerModule } from './quotes/quotes-worker.module';

/** The worker's side of the e-mall: certificate expiry, quote deadlines, order time limits. */
@Module({
  imports: [CatalogueWorkerModule, BuyingWorkerModule, QuoteWorkerModule],
})
export class ProcurementWorkerModule {}
