import { Injectable, Module, OnModuleInit } from '@nestjs/common';
import { MilestoneHandlerRegistry } from '@app/platform/milestones/milestone-handler.registry';
import { CatalogueRepository } from './catalogue.repository';
import { CertificateExpiryService } from './certificate-expiry.service';
import { CERTIFICATE_EXPIRY_KIND } from './product.service';

@Injectable()
class CatalogueHandlers implements OnModuleInit {
  constructor(
    private readonly registry: MilestoneHandlerRegistry,
    private readonly certificates: CertificateExpiryService,
  ) {}

  onModuleInit(): void {
    // Certificates expire in crowds (many at one midnight): fired in batches, one statement per batch.
    this.registry.register(CERTIFICATE_EXPIRY_KIND, { batch: (tx, ms) => this.certificates.expireAll(tx, ms) });
  }
}

/** The worker's side of the catalogue: an expired registration certificate takes its consumable off sale. */
@Module({
  providers: [CatalogueRepository, CertificateExpiryService, CatalogueHandlers],
})
export class CatalogueWorkerModule {}
