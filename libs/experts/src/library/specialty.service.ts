import { Injectable } from '@nestjs/common';
import { AuditService } from '@app/platform/audit/audit.service';
import { Actor, Role } from '@app/platform/auth/roles';
import { TransactionRunner } from '@app/platform/database/transaction-runner';
import { CreateSpecialtyDto, SpecialtyView } from '../dto/specialty.dto';
import { ExpertErrors } from '../expert-errors';
import { parentCode } from './specialty-catalogue';
import { SpecialtyRepository } from './specialty.repository';

/** The specialty catalogue (专业目录) that experts and draw requirements are coded against. */
@Injectable()
export class SpecialtyService {
  constructor(
    private readonly txr: TransactionRunner,
    private readonly specialties: SpecialtyRepository,
    private readonly audit: AuditService,
  ) {}

  list(): Promise<SpecialtyView[]> {
    return this.specialties.all(this.txr.dataSource.manager);
  }

  async create(actor: Actor, dto: CreateSpecialtyDto): Promise<SpecialtyView> {
    const parent = parentCode(dto.code);
    return this.txr.run(async (tx) => {
      if (parent && !(await this.specialties.exists(tx.em, parent))) throw ExpertErrors.SPECIALTY_PARENT_UNKNOWN({ code: dto.code, parentCode: parent });
      const row = await this.specialties.insert(tx.em, { code: dto.code, parentCode: parent, nameZh: dto.nameZh.trim(), nameEn: dto.nameEn.trim() });
      if (!row) throw ExpertErrors.SPECIALTY_EXISTS({ code: dto.code });
      await this.audit.append(tx.em, { actor, role: Role.Office, action: 'specialty.created', subject: { type: 'specialty', id: row.code }, payload: row });
      return row;
    });
  }
}
