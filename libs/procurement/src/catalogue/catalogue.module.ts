import { Module } from '@nestjs/common';
import { AgreementService } from './agreement.service';
import { CatalogueController } from './catalogue.controller';
import { CatalogueRepository } from './catalogue.repository';
import { ProductService } from './product.service';
import { ProductSearchService } from './search.service';

/** 电子卖场目录: the catalogue tree, framework agreements, suppliers' products, reference prices and the public search. */
@Module({
  controllers: [CatalogueController],
  providers: [CatalogueRepository, AgreementService, ProductService, ProductSearchService],
  exports: [CatalogueRepository, ProductSearchService],
})
export class CatalogueModule {}
