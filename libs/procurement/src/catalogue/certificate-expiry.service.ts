import { Injectable } from '@nestjs/common';
import { AuditService } from '@app/platform/audit/audit.service';
import { SYSTEM_ACTOR } from '@app/platform/auth/roles';
import { Tx } from '@app/platform/database/transaction-runner';
import { Milestone } from '@app/platform/milestones/milestone.entity';
import { CatalogueRepository } from './catalogue.repository';
import { ProductRow } from './catalogue.types';
import { PRODUCT_SUBJECT } from './product.service';

/** The worker's half of certificates: the expiry milestone takes the consumable off sale. */
@Injectable()
export class CertificateExpiryService {
  constructor(
    private readonly catalogue: CatalogueRepository,
    private readonly audit: AuditService,
  ) {}

  /**
   * Runs in the firing transaction, for every certificate expiring at one time (many expire at the same midnight): the
   * products locked and taken off sale with one statement each, an audit entry per product. A renewal reschedules
   * the milestone; the date re-check only guards a stale row.
   */
  async expireAll(tx: Tx, milestones: Milestone[]): Promise<void> {
    const products = new Map((await this.catalogue.productsForUpdate(tx.em, milestones.map((m) => String(m.payload.productId)))).map((p) => [p.id, p]));
    const expiring = new Map<string, { p: ProductRow; m: Milestone }>();
    for (const m of milestones) {
      const p = products.get(String(m.payload.productId));
      if (!p || !p.certificateValidUntil || expiring.has(p.id)) continue;
      if (p.certificateValidUntil > String(m.payload.certificateValidUntil)) continue;
      if (p.status === 'off_sale' && p.offSaleReason === 'certificate_expired') continue;
      expiring.set(p.id, { p, m });
    }
    if (!expiring.size) return;
    await this.catalogue.setStatusMany(tx.em, [...expiring.keys()], 'off_sale', 'certificate_expired');
    for (const { p, m } of expiring.values()) {
      await this.audit.append(tx.em, {
        actor: SYSTEM_ACTOR,
        action: 'procurement.certificate_expired',
        subject: { type: PRODUCT_SUBJECT, id: p.id },
        payload: { certificateNo: p.certificateNo, certificateValidUntil: p.certificateValidUntil, previousStatus: p.status, milestoneId: m.id },
      });
    }
  }
}
