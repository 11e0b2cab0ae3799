import { Injectable } from '@nestjs/common';
import { AuditService } from '@app/platform/audit/audit.service';
import { Actor, Role } from '@app/platform/auth/roles';
import { Clock } from '@app/platform/clock/clock';
import { TransactionRunner } from '@app/platform/database/transaction-runner';
import { ProcurementErrors } from '../procurement-errors';
import { CatalogueRepository } from './catalogue.repository';
import { AgreementQuery, RecordAgreementDto } from './dto/catalogue.dto';
import { agreementView, categoryView, ProcurementAgreementView, ProcurementCategoryView } from './dto/catalogue.view';
import { shanghaiDate } from './rules/certificate';

export const AGREEMENT_SUBJECT = 'procurement_agreement';

/** The catalogue tree and the framework agreements (协议供货/定点采购) the centre records for suppliers. */
@Injectable()
export class AgreementService {
  constructor(
    private readonly txr: TransactionRunner,
    private readonly catalogue: CatalogueRepository,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async categories(): Promise<ProcurementCategoryView[]> {
    return (await this.catalogue.categories(this.txr.dataSource.manager)).map(categoryView);
  }

  async record(actor: Actor, dto: RecordAgreementDto): Promise<ProcurementAgreementView> {
    if (dto.validUntil < dto.validFrom) throw ProcurementErrors.AGREEMENT_INVALID({ validFrom: dto.validFrom, validUntil: dto.validUntil });
    return this.txr.run(async (tx) => {
      if (!(await this.catalogue.category(tx.em, dto.categoryCode))) throw ProcurementErrors.CATEGORY_NOT_FOUND({ code: dto.categoryCode });
      if (!(await this.catalogue.organisationExists(tx.em, dto.organisationId))) throw ProcurementErrors.SUPPLIER_NOT_FOUND({ id: dto.organisationId });
      const id = await this.catalogue.insertAgreement(tx.em, { ...dto, accountId: actor.accountId });
      if (!id) throw ProcurementErrors.AGREEMENT_DUPLICATE({ agreementNo: dto.agreementNo });
      await this.audit.append(tx.em, {
        actor,
        role: Role.Centre,
        action: 'procurement.agreement_recorded',
        subject: { type: AGREEMENT_SUBJECT, id },
        payload: { agreementNo: dto.agreementNo, organisationId: dto.organisationId, categoryCode: dto.categoryCode, kind: dto.kind, validFrom: dto.validFrom, validUntil: dto.validUntil },
      });
      return agreementView((await this.catalogue.agreement(tx.em, id))!, shanghaiDate(await this.clock.dbNow(tx.em)));
    });
  }

  async list(q: AgreementQuery): Promise<ProcurementAgreementView[]> {
    const em = this.txr.dataSource.manager;
    const today = shanghaiDate(await this.clock.dbNow(em));
    return (await this.catalogue.agreements(em, { organisationId: q.organisationId ?? null, categoryCode: q.category ?? null })).map((a) => agreementView(a, today));
  }
}
