import { Injectable } from '@nestjs/common';
import { AuditService } from '@app/platform/audit/audit.service';
import { Actor, Role } from '@app/platform/auth/roles';
import { shanghaiDate } from '@app/platform/calendar/working-days';
import { Clock } from '@app/platform/clock/clock';
import { Sealer } from '@app/platform/crypto/sealer';
import { TransactionRunner, Tx } from '@app/platform/database/transaction-runner';
import { isValidUscc } from '@app/platform/identity/uscc';
import { ConflictDto, CreateExpertDto, ExpertListQuery, UnavailabilityDto, UpdateExpertDto } from '../dto/expert.dto';
import { ConflictView, ExpertDetailView, expertDetailView, ExpertPage, expertView, UnavailabilityView } from '../dto/expert.view';
import { ExpertErrors } from '../expert-errors';
import { RowContext, validateExpertPatch, validateExpertRow } from '../rules/expert-row';
import { auditableExpert, idNumberIndex, isUniqueViolation, sealExpert } from './expert-sealing';
import { ExpertRepository, ExpertRow, ExpertUpdate } from './expert.repository';
import { SpecialtyRepository } from './specialty.repository';

export const EXPERT_SUBJECT = 'expert';

/** 专家库: the office keeps the library; each expert keeps their own unavailable periods and declared conflicts. */
@Injectable()
export class ExpertService {
  constructor(
    private readonly txr: TransactionRunner,
    private readonly experts: ExpertRepository,
    private readonly specialties: SpecialtyRepository,
    private readonly sealer: Sealer,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async create(actor: Actor, dto: CreateExpertDto): Promise<ExpertDetailView> {
    return this.txr.run(async (tx) => {
      const checked = validateExpertRow(dto, await this.context(tx));
      if (!checked.ok) throw ExpertErrors.EXPERT_ROW_INVALID({ problems: checked.problems });
      const index = idNumberIndex(this.sealer, checked.value.idNumber);
      if ((await this.experts.existingIndexes(tx.em, [index])).size) throw ExpertErrors.EXPERT_DUPLICATE({ idNumberMasked: sealExpert(this.sealer, checked.value, index).idNumberMasked });
      let id: string;
      try {
        [{ id }] = await this.experts.insertMany(tx.em, [sealExpert(this.sealer, checked.value, index)]);
      } catch (err) {
        if (isUniqueViolation(err, 'expert_id_number_index_key')) throw ExpertErrors.EXPERT_DUPLICATE();
        throw err;
      }
      await this.audit.append(tx.em, { actor, role: Role.Office, action: 'expert.created', subject: { type: EXPERT_SUBJECT, id }, payload: auditableExpert(checked.value) });
      return this.detail(tx, (await this.experts.byId(tx.em, id))!);
    });
  }

  async get(id: string): Promise<ExpertDetailView> {
    return this.txr.run(async (tx) => {
      const row = await this.experts.byId(tx.em, id);
      if (!row) throw ExpertErrors.EXPERT_NOT_FOUND({ id });
      return this.detail(tx, row);
    });
  }

  async list(q: ExpertListQuery): Promise<ExpertPage> {
    const em = this.txr.dataSource.manager;
    if (q.specialty && !(await this.specialties.exists(em, q.specialty))) throw ExpertErrors.SPECIALTY_UNKNOWN({ specialty: q.specialty });
    const page = q.page ?? 1;
    const pageSize = q.pageSize ?? 20;
    const { items, total } = await this.experts.page(em, { specialty: q.specialty, status: q.status, region: q.region, name: q.name?.trim(), page, pageSize });
    return { items: items.map(expertView), total, page, pageSize };
  }

  /** Name and ID number never change; the rest is checked like an import row, field by field. Audits what changed. */
  async update(actor: Actor, id: string, dto: UpdateExpertDto): Promise<ExpertDetailView> {
    if (Object.values(dto).every((v) => v === undefined)) throw ExpertErrors.EXPERT_NOTHING_TO_CHANGE();
    return this.txr.run(async (tx) => {
      const row = await this.experts.byId(tx.em, id, true);
      if (!row) throw ExpertErrors.EXPERT_NOT_FOUND({ id });
      const checked = validateExpertPatch(dto, row, await this.context(tx));
      if (!checked.ok) throw ExpertErrors.EXPERT_ROW_INVALID({ problems: checked.problems });
      const { specialties, ...fields } = checked.value;
      const changes: Record<string, { from: unknown; to: unknown }> = {};
      const update: ExpertUpdate = {};
      for (const [k, to] of Object.entries(fields) as [keyof ExpertUpdate, string | null][]) {
        if (row[k] === to) continue;
        changes[k] = { from: row[k], to };
        (update as Record<string, unknown>)[k] = to;
      }
      const before = row.specialties.map((s) => s.code).sort();
      if (specialties && specialties.slice().sort().join() !== before.join()) changes.specialties = { from: before, to: specialties };
      if (Object.keys(changes).length === 0) return this.detail(tx, row);
      await this.experts.update(tx.em, id, update);
      if (changes.specialties) await this.experts.replaceSpecialties(tx.em, id, specialties!);
      await this.audit.append(tx.em, { actor, role: Role.Office, action: 'expert.updated', subject: { type: EXPERT_SUBJECT, id }, payload: { changes } });
      return this.detail(tx, (await this.experts.byId(tx.em, id))!);
    });
  }

  /** Links the login account an expert will use (it must hold the expert role and serve no other expert). */
  async linkAccount(actor: Actor, id: string, accountId: string): Promise<ExpertDetailView> {
    return this.txr.run(async (tx) => {
      const row = await this.experts.byId(tx.em, id, true);
      if (!row) throw ExpertErrors.EXPERT_NOT_FOUND({ id });
      const account = await this.experts.accountForLink(tx.em, accountId);
      if (!account) throw ExpertErrors.EXPERT_ACCOUNT_UNKNOWN({ accountId });
      if (!account.isExpert) throw ExpertErrors.EXPERT_ACCOUNT_NOT_EXPERT({ accountId });
      if (account.linkedTo === id) return this.detail(tx, row);
      if (account.linkedTo) throw ExpertErrors.EXPERT_ACCOUNT_TAKEN({ accountId, expertId: account.linkedTo });
      await this.experts.linkAccount(tx.em, id, accountId);
      await this.audit.append(tx.em, { actor, role: Role.Office, action: 'expert.account_linked', subject: { type: EXPERT_SUBJECT, id }, payload: { from: row.accountId, to: accountId } });
      return this.detail(tx, (await this.experts.byId(tx.em, id))!);
    });
  }

  async me(actor: Actor): Promise<ExpertDetailView> {
    return this.txr.run(async (tx) => this.detail(tx, await this.own(tx, actor, false)));
  }

  async addUnavailability(actor: Actor, dto: UnavailabilityDto): Promise<UnavailabilityView> {
    const from = new Date(dto.from);
    const to = new Date(dto.to);
    if (!(to > from) || !(to > this.clock.now())) throw ExpertErrors.UNAVAILABILITY_INVALID({ from: dto.from, to: dto.to });
    return this.txr.run(async (tx) => {
      const expert = await this.own(tx, actor, true);
      const row = await this.experts.addUnavailability(tx.em, expert.id, from, to, dto.reason.trim());
      await this.audit.append(tx.em, { actor, role: Role.Expert, action: 'expert.unavailability_added', subject: { type: EXPERT_SUBJECT, id: expert.id }, payload: { id: row.id, from, to, reason: row.reason } });
      return row;
    });
  }

  async removeUnavailability(actor: Actor, id: string): Promise<UnavailabilityView> {
    return this.txr.run(async (tx) => {
      const expert = await this.own(tx, actor, true);
      const row = await this.experts.removeUnavailability(tx.em, expert.id, id);
      if (!row) throw ExpertErrors.UNAVAILABILITY_NOT_FOUND({ id });
      await this.audit.append(tx.em, { actor, role: Role.Expert, action: 'expert.unavailability_removed', subject: { type: EXPERT_SUBJECT, id: expert.id }, payload: { id, from: row.from, to: row.to } });
      return row;
    });
  }

  async addConflict(actor: Actor, dto: ConflictDto): Promise<ConflictView> {
    const uscc = dto.organisationUscc.trim().toUpperCase();
    if (!isValidUscc(uscc)) throw ExpertErrors.CONFLICT_USCC_INVALID({ organisationUscc: dto.organisationUscc });
    return this.txr.run(async (tx) => {
      const expert = await this.own(tx, actor, true);
      const row = await this.experts.addConflict(tx.em, expert.id, uscc, dto.reason.trim());
      if (!row) throw ExpertErrors.CONFLICT_DUPLICATE({ organisationUscc: uscc });
      await this.audit.append(tx.em, { actor, role: Role.Expert, action: 'expert.conflict_declared', subject: { type: EXPERT_SUBJECT, id: expert.id }, payload: { id: row.id, organisationUscc: uscc, reason: row.reason } });
      return row;
    });
  }

  async removeConflict(actor: Actor, id: string): Promise<ConflictView> {
    return this.txr.run(async (tx) => {
      const expert = await this.own(tx, actor, true);
      const row = await this.experts.removeConflict(tx.em, expert.id, id);
      if (!row) throw ExpertErrors.CONFLICT_NOT_FOUND({ id });
      await this.audit.append(tx.em, { actor, role: Role.Expert, action: 'expert.conflict_withdrawn', subject: { type: EXPERT_SUBJECT, id: expert.id }, payload: { id, organisationUscc: row.organisationUscc } });
      return row;
    });
  }

  /** The expert the caller's account is linked to; a lock serialises the expert's own changes. */
  private async own(tx: Tx, actor: Actor, lock: boolean): Promise<ExpertRow> {
    const row = actor.accountId ? await this.experts.byAccount(tx.em, actor.accountId, lock) : undefined;
    if (!row) throw ExpertErrors.EXPERT_NOT_LINKED();
    return row;
  }

  private async detail(tx: Tx, row: ExpertRow): Promise<ExpertDetailView> {
    return expertDetailView(row, await this.experts.unavailability(tx.em, row.id), await this.experts.conflicts(tx.em, row.id));
  }

  private async context(tx: Tx): Promise<RowContext> {
    return { specialties: await this.specialties.codes(tx.em), today: shanghaiDate(this.clock.now()) };
  }
}
