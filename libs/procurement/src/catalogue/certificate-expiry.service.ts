import { Injectable } from '@nestjs/common';
import { AuditService } from '@app/platform/audit/audit.service';
import { SYSTEM_ACTOR } from '@app/platform/auth/roles';
import { Tx } from '@app/platform/database/transaction-runner';
import { Milestone } from '@app/platform/milestones/milestone.entity';
import { CatalogueRepository } from './catalogue.repository';
import { PRODUCT_SUBJECT } from './product.service';

/** The worker's half of certificates: the expiry milestone takes the consumable off sale. */
@Injectable()
export class CertificateExpiryService {
  constructor(
    private readonly catalogue: CatalogueRepository,
    private readonly audit: AuditService,
  ) {}

  /** Runs in the firing transaction. A renewal reschedules the milestone; the date re-check only guards a stale row. */
  async expire(tx: Tx, m: Milestone): Promise<void> {
    const id = String(m.payload.productId);
    const p = await this.catalogue.product(tx.em, id, true);
    if (!p || !p.certificateValidUntil) return;
    if (p.certificateValidUntil > String(m.payload.certificateValidUntil)) return;
    if (p.status === 'off_sale' && p.offSaleReason === 'certificate_expired') return;
    await this.catalogue.setStatus(tx.em, id, 'off_sale', 'certificate_expired');
    await this.audit.append(tx.em, {
      actor: SYSTEM_ACTOR,
      action: 'procurement.certificate_expired',
      subject: { type: PRODUCT_SUBJECT, id },
      payload: { certificateNo: p.certificateNo, certificateValidUntil: p.certificateValidUntil, previousStatus: p.status, milestoneId: m.id },
    });
  }
}
