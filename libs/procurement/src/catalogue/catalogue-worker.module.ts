import { Injectable, Module, OnModuleInit } from '@nestjs/common';
import { MilestoneHandlerRegistry } from '@app/platform/milestones/milestone-handler.registry';
import { CatalogueRepository } from './catalogue.repository';
import { CERTIFICATE_EXPIRY_KIND, ProductService } from './product.service';

@Injectable()
class CatalogueHandlers implements OnModuleInit {
  constructor(
    private readonly registry: MilestoneHandlerRegistry,
    private readonly products: ProductService,
  ) {}

  onModuleInit(): void {
    this.registry.register(CERTIFICATE_EXPIRY_KIND, (tx, m) => this.products.expireCertificate(tx, m));
  }
}

/** The worker's side of the catalogue: an expired registration certificate takes its consumable off sale. */
@Module({
  providers: [CatalogueRepository, ProductService, CatalogueHandlers],
})
export class CatalogueWorkerModule {}
