import { Module } from '@nestjs/common';
import { BuyingModule } from './buying/buying.module';
import { CatalogueModule } from './catalogue/catalogue.module';
import { QuoteModule } from './quotes/quotes.module';

/** 政府采购电子卖场 / the government procurement e-mall: catalogue, buying, online quotes */
@Module({
  imports: [CatalogueModule, BuyingModule, QuoteModule],
})
export class ProcurementModule {}
