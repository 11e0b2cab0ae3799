import { Injectable } from '@nestjs/common';
import { AuditService } from '@app/platform/audit/audit.service';
import { Actor, hasRole, Role } from '@app/platform/auth/roles';
import { TransactionRunner } from '@app/platform/database/transaction-runner';
import { PageQuery } from '@app/platform/http/page-query.dto';
import { CreditErrors as E } from './credit-errors';
import { CreditLedger } from './credit-ledger';
import { CreditEntryRow, CreditRepository } from './credit.repository';
import { CreditEntryView, CreditRecordView, OrganisationSearchPage, OrganisationSearchQuery, PenaltyRecordedView, PublicCreditSearchPage, PublicCreditSearchQuery, PublicCreditView, RecordPenaltyDto } from './dto/credit.dto';
import { creditScore } from './rules/credit-score';

export const CREDIT_ENTRY_SUBJECT = 'credit_entry';
export const PENALTY_REFERENCE = 'penalty_decision';
const USCC_PREFIX = /^[0-9A-Za-z]{2,18}$/;

@Injectable()
export class CreditService {
  constructor(
    private readonly txr: TransactionRunner,
    private readonly repo: CreditRepository,
    private readonly ledger: CreditLedger,
    private readonly audit: AuditService,
  ) {}

  /** 行政处罚: the office records a penalty decision against an organisation; once per decision number. */
  recordPenalty(actor: Actor, organisationId: string, dto: RecordPenaltyDto): Promise<PenaltyRecordedView> {
    return this.txr.run(async (tx) => {
      if (!(await this.repo.organisation(tx.em, organisationId))) throw E.ORGANISATION_NOT_FOUND({ id: organisationId });
      if (dto.projectId && !(await this.repo.projectExists(tx.em, dto.projectId))) throw E.PROJECT_NOT_FOUND({ id: dto.projectId });
      const { entryId, score } = await this.ledger.record(tx.em, {
        organisationId,
        kind: 'penalty',
        points: -dto.points,
        reference: { type: PENALTY_REFERENCE, id: dto.decisionNo },
        note: dto.note,
        projectId: dto.projectId ?? null,
        recordedBy: actor.accountId,
      });
      if (!entryId) throw E.PENALTY_ALREADY_RECORDED({ decisionNo: dto.decisionNo });
      await this.audit.append(tx.em, {
        actor,
        role: Role.Office,
        action: 'credit.penalty_recorded',
        subject: { type: CREDIT_ENTRY_SUBJECT, id: entryId },
        payload: { organisationId, points: -dto.points, decisionNo: dto.decisionNo, note: dto.note, projectId: dto.projectId ?? null, score },
      });
      return { entry: entryView((await this.repo.entry(tx.em, entryId))!), score };
    });
  }

  /** An organisation's record and score: the office and regulators, and the organisation itself. */
  async record(actor: Actor, organisationId: string, q: PageQuery): Promise<CreditRecordView> {
    const supervisor = hasRole(actor, Role.Office) || hasRole(actor, Role.Regulator);
    if (!supervisor && actor.organisationId !== organisationId) throw E.CREDIT_NOT_YOURS();
    const em = this.txr.dataSource.manager;
    const organisation = await this.repo.organisation(em, organisationId);
    if (!organisation) throw E.ORGANISATION_NOT_FOUND({ id: organisationId });
    const page = q.page ?? 1;
    const pageSize = q.pageSize ?? 20;
    const credit = await this.repo.credit(em, organisationId);
    const rating = await this.repo.rating(em, organisationId);
    const { rows, total } = await this.repo.entries(em, organisationId, pageSize, (page - 1) * pageSize);
    return {
      organisation,
      score: credit?.score ?? creditScore(0, rating?.avg ?? null, rating?.count ?? 0),
      pointsTotal: credit?.pointsTotal ?? 0,
      ratingPoints: credit?.ratingPoints ?? 0,
      rating: rating && rating.count > 0 ? { average: rating.avg.toFixed(2), count: rating.count } : null,
      page,
      pageSize,
      total,
      entries: rows.map(entryView),
    };
  }

  /** 单位检索 for the office and regulators: a name fragment, or the start of a USCC (letters and digits only). */
  async search(q: OrganisationSearchQuery): Promise<OrganisationSearchPage> {
    const page = q.page ?? 1;
    const pageSize = q.pageSize ?? 20;
    const usccPrefix = USCC_PREFIX.test(q.q) ? q.q.toUpperCase() : null;
    const { rows, total } = await this.repo.search(this.txr.dataSource.manager, q.q, usccPrefix, pageSize, (page - 1) * pageSize);
    return { items: rows, total, page, pageSize };
  }

  /** 信用查询 by name for anyone: only organisations already public (the repository's PUBLISHED_ORGANISATION); score only. */
  async publicSearch(q: PublicCreditSearchQuery): Promise<PublicCreditSearchPage> {
    const page = q.page ?? 1;
    const pageSize = q.pageSize ?? 10;
    const { rows, total } = await this.repo.publicSearch(this.txr.dataSource.manager, q.q, pageSize, (page - 1) * pageSize);
    return { items: rows, total, page, pageSize };
  }

  /** The score alone, by USCC, for anyone (信用信息公开); no entry details. */
  async publicScore(uscc: string): Promise<PublicCreditView> {
    const em = this.txr.dataSource.manager;
    const organisation = await this.repo.organisationByUscc(em, uscc);
    if (!organisation) throw E.ORGANISATION_NOT_FOUND({ uscc });
    const credit = await this.repo.credit(em, organisation.id);
    return { uscc: organisation.uscc, name: organisation.name, score: credit?.score ?? 100 };
  }
}

function entryView(r: CreditEntryRow): CreditEntryView {
  return {
    id: r.id,
    kind: r.kind,
    points: r.points,
    reference: r.referenceType && r.referenceId ? { type: r.referenceType, id: r.referenceId } : null,
    note: r.note,
    projectId: r.projectId,
    occurredAt: r.occurredAt,
  };
}
