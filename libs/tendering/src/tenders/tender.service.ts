import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { AuditService } from '@app/platform/audit/audit.service';
import { Actor, hasRole, Role, TradingDomain } from '@app/platform/auth/roles';
import { countingOf } from '@app/platform/calendar/working-time';
import { Clock } from '@app/platform/clock/clock';
import { Sealer } from '@app/platform/crypto/sealer';
import { Tx, TransactionRunner } from '@app/platform/database/transaction-runner';
import { Money } from '@app/platform/money/money';
import { RuleSetService } from '@app/platform/rules/rule-set.service';
import { TenderingRules } from '@app/platform/rules/defaults';
import { ProjectService, RuleSnapshot } from '@app/trading';
import { AnnounceTenderDto, RegisterTenderDto, TenderListQuery } from '../dto/tender.dto';
import { TenderListItemView, TenderListView, TenderView, tenderView } from '../dto/tender.view';
import { depositCapFen, earliestDeadline } from '../rules/deadlines';
import { TenderEvent, tenderTransition } from '../rules/tender-state';
import { TenderErrors } from '../tendering-errors';
import { isParty, operates, partyRole, supervises } from './tender-access';
import { TenderRepository } from './tender.repository';
import { TenderListRow, TenderRow } from './tender.types';

export const TENDER_SUBJECT = 'tender';
export const BID_DEADLINE_KIND = 'tendering.bid_deadline';
export const dataKeyAad = (projectId: string) => `tender:${projectId}`;

/** 进场登记, acceptance by the centre, tender documents and the announcement. */
@Injectable()
export class TenderService {
  constructor(
    private readonly txr: TransactionRunner,
    private readonly tenders: TenderRepository,
    private readonly projects: ProjectService,
    private readonly rules: RuleSetService,
    private readonly sealer: Sealer,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async register(actor: Actor, dto: RegisterTenderDto, retenderOf: string | null = null): Promise<TenderView> {
    const sections = dto.sections.map((s, i) => ({ no: i + 1, name: s.name, estimateFen: Money.fromYuan(s.estimate).fen, depositFen: Money.fromYuan(s.deposit).fen }));
    if (sections.some((s) => s.estimateFen <= 0n)) throw TenderErrors.TENDER_STATE_CONFLICT({ reason: 'a section estimate must be positive' });
    return this.txr.run(async (tx) => {
      const inForce = (await this.rules.inForce(tx.em, TradingDomain.Tendering, dto.ruleSet === 'sandbox')).params as unknown as TenderingRules;
      this.checkDeposits(sections, inForce.numbers.depositCapBp);
      const project = await this.projects.register(actor, { domain: TradingDomain.Tendering, name: dto.name, region: dto.region, ownerOrganisationId: dto.ownerOrganisationId, ruleSet: dto.ruleSet }, tx);
      const estimateFen = sections.reduce((sum, s) => sum + s.estimateFen, 0n);
      await this.tenders.insert(tx.em, { projectId: project.id, kind: dto.kind, estimateFen, evaluationMethod: dto.evaluationMethod, qualification: dto.qualification, dataKeyWrapped: this.sealer.newDataKey(dataKeyAad(project.id)).wrapped, retenderOf });
      for (const s of sections) await this.tenders.insertSection(tx.em, { projectId: project.id, ...s });
      const t = (await this.tenders.byId(tx.em, project.id))!;
      await this.audit.append(tx.em, {
        actor,
        role: partyRole(actor, t),
        action: 'tender.registered',
        subject: { type: TENDER_SUBJECT, id: project.id },
        payload: { kind: dto.kind, estimateFen: estimateFen.toString(), evaluationMethod: dto.evaluationMethod, sections: sections.map((s) => ({ ...s, estimateFen: s.estimateFen.toString(), depositFen: s.depositFen.toString() })), retenderOf },
      });
      return this.view(tx, t);
    });
  }

  /** 流标 (条例 44): the owner registers the same tender again, as a new project that starts from registration. */
  async retender(actor: Actor, projectId: string): Promise<TenderView> {
    const t = await this.load(projectId);
    if (!isParty(actor, t)) throw TenderErrors.TENDER_NOT_YOURS();
    if (t.status !== 'failed') throw TenderErrors.TENDER_STATE_CONFLICT({ status: t.status, allowed: ['failed'] });
    const sections = await this.tenders.sections(this.txr.dataSource.manager, projectId);
    const snapshot = await this.projects.rulesOf(projectId);
    return this.register(
      actor,
      {
        name: t.name,
        kind: t.kind,
        region: t.region,
        qualification: t.qualification,
        evaluationMethod: t.evaluationMethod,
        sections: sections.map((s) => ({ name: s.name, estimate: Money.ofFen(s.estimateFen).toYuan(), deposit: Money.ofFen(s.depositFen).toYuan() })),
        ownerOrganisationId: t.ownerOrganisationId,
        ruleSet: snapshot.sandbox ? 'sandbox' : 'standard',
      },
      projectId,
    );
  }

  accept(actor: Actor, projectId: string): Promise<TenderView> {
    return this.step(actor, Role.Centre, projectId, 'accept', async () => ({}));
  }

  returnRegistration(actor: Actor, projectId: string, reasons: string[]): Promise<TenderView> {
    return this.step(actor, Role.Centre, projectId, 'return', async (tx) => {
      await this.tenders.setStatus(tx.em, projectId, 'returned', { returnReasons: reasons });
      return { reasons };
    });
  }

  async resubmit(actor: Actor, projectId: string): Promise<TenderView> {
    const t = await this.load(projectId);
    if (!isParty(actor, t)) throw TenderErrors.TENDER_NOT_YOURS();
    return this.step(actor, partyRole(actor, t), projectId, 'resubmit', async (tx) => {
      await this.tenders.setStatus(tx.em, projectId, 'submitted', { returnReasons: null });
      return {};
    });
  }

  /** The tender documents (招标文件), by the owner or agent, before the announcement; stored with their SHA-256. */
  async uploadDocuments(actor: Actor, projectId: string, file: { filename: string; buffer: Buffer }, note: string | null): Promise<TenderView> {
    return this.txr.run(async (tx) => {
      const t = await this.locked(tx, projectId);
      if (!isParty(actor, t)) throw TenderErrors.TENDER_NOT_YOURS();
      if (!['submitted', 'returned', 'accepted'].includes(t.status)) throw TenderErrors.TENDER_STATE_CONFLICT({ status: t.status, reason: 'after the announcement, change the documents by an amendment' });
      const sha256 = createHash('sha256').update(file.buffer).digest('hex');
      const doc = await this.tenders.insertDocument(tx.em, { projectId, kind: 'tender', fileName: file.filename, sha256, content: file.buffer, note, createdBy: actor.accountId! });
      await this.audit.append(tx.em, { actor, role: partyRole(actor, t), action: 'tender.documents_uploaded', subject: { type: TENDER_SUBJECT, id: projectId }, payload: { documentId: doc.id, fileName: doc.fileName, sha256, size: doc.size } });
      return this.view(tx, t);
    });
  }

  /**
   * 招标公告: the centre publishes (the rule set is frozen into the project), the documents become available now and
   * the deadline must leave the period the rules ask (法 24: 20 days). The deadline is a milestone of the project.
   */
  async announce(actor: Actor, projectId: string, dto: AnnounceTenderDto): Promise<TenderView> {
    return this.txr.run(async (tx) => {
      const t = await this.locked(tx, projectId);
      const move = tenderTransition(t.status, 'announce');
      if (!move.ok) throw TenderErrors.TENDER_STATE_CONFLICT({ status: t.status, allowed: move.allowed });
      if (!(await this.tenders.documents(tx.em, projectId)).some((d) => d.kind === 'tender')) throw TenderErrors.DOCUMENTS_MISSING();
      await this.projects.publish(actor, projectId, tx);
      const rules = (await this.projects.rulesOf(projectId, TradingDomain.Tendering, tx.em)) as RuleSnapshot<TradingDomain.Tendering>;
      this.checkDeposits((await this.tenders.sections(tx.em, projectId)).map((s) => ({ no: s.no, estimateFen: BigInt(s.estimateFen), depositFen: BigInt(s.depositFen) })), rules.params.numbers.depositCapBp);
      const now = await this.clock.dbNow(tx.em);
      const earliest = earliestDeadline(now, rules.params.periods.bidPreparation);
      if (dto.bidDeadline < earliest) throw TenderErrors.DEADLINE_TOO_EARLY({ earliest, bidDeadline: dto.bidDeadline, period: rules.params.periods.bidPreparation });
      const milestone = await this.projects.schedule(tx, projectId, { kind: BID_DEADLINE_KIND, dueAt: dto.bidDeadline, payload: { projectId }, counting: countingOf(rules.params.periods.bidPreparation) }, actor);
      await this.tenders.setSchedule(tx.em, projectId, { documentsAvailableAt: now, bidDeadline: dto.bidDeadline, deadlineMilestoneId: milestone.id });
      await this.tenders.setStatus(tx.em, projectId, 'bidding');
      await this.audit.append(tx.em, { actor, role: Role.Centre, action: 'tender.announced', subject: { type: TENDER_SUBJECT, id: projectId }, payload: { documentsAvailableAt: now, bidDeadline: dto.bidDeadline, earliestLawful: earliest, ruleSetVersion: rules.version } });
      return this.view(tx, (await this.tenders.byId(tx.em, projectId))!);
    });
  }

  /**
   * The tenders an account works on: every one for the centre, the office and the tendering regulator (the public
   * list hides those not yet announced, so this is how the centre finds registrations to accept); an owner or agent
   * sees its own organisation's. A regulator of another domain is out of scope.
   */
  async list(actor: Actor, q: TenderListQuery): Promise<TenderListView> {
    const page = q.page ?? 1;
    const pageSize = q.pageSize ?? 20;
    let party: string | undefined;
    if (!operates(actor) && !supervises(actor)) {
      if (hasRole(actor, Role.Regulator)) throw TenderErrors.PROJECT_NOT_IN_SCOPE({ domain: TradingDomain.Tendering });
      if (!actor.organisationId) return { items: [], total: 0, page, pageSize };
      party = actor.organisationId;
    }
    const { items, total } = await this.tenders.page(this.txr.dataSource.manager, { status: q.status, party }, page, pageSize);
    return { items: items.map(listItemView), total, page, pageSize };
  }

  async get(actor: Actor, projectId: string): Promise<TenderView> {
    const t = await this.load(projectId);
    if (!isParty(actor, t) && !operates(actor) && !supervises(actor)) throw TenderErrors.TENDER_NOT_FOUND({ id: projectId });
    return this.txr.run((tx) => this.view(tx, t));
  }

  async load(projectId: string): Promise<TenderRow> {
    const t = await this.tenders.byId(this.txr.dataSource.manager, projectId);
    if (!t) throw TenderErrors.TENDER_NOT_FOUND({ id: projectId });
    return t;
  }

  async view(tx: Tx, t: TenderRow): Promise<TenderView> {
    return tenderView(t, await this.tenders.sections(tx.em, t.projectId), await this.tenders.documents(tx.em, t.projectId));
  }

  private async locked(tx: Tx, projectId: string): Promise<TenderRow> {
    const t = await this.tenders.byId(tx.em, projectId, 'update');
    if (!t) throw TenderErrors.TENDER_NOT_FOUND({ id: projectId });
    return t;
  }

  private checkDeposits(sections: { no: number; estimateFen: bigint; depositFen: bigint }[], capBp: number): void {
    const over = sections.filter((s) => s.depositFen > depositCapFen(s.estimateFen, capBp));
    if (over.length) throw TenderErrors.DEPOSIT_OVER_CAP({ capBp, sections: over.map((s) => ({ no: s.no, deposit: Money.ofFen(s.depositFen).toYuan(), cap: Money.ofFen(depositCapFen(s.estimateFen, capBp)).toYuan() })) });
  }

  private step(actor: Actor, role: Role, projectId: string, event: TenderEvent, apply: (tx: Tx, t: TenderRow) => Promise<Record<string, unknown>>): Promise<TenderView> {
    return this.txr.run(async (tx) => {
      const t = await this.locked(tx, projectId);
      const move = tenderTransition(t.status, event);
      if (!move.ok) throw TenderErrors.TENDER_STATE_CONFLICT({ status: t.status, event, allowed: move.allowed });
      await this.tenders.setStatus(tx.em, projectId, move.next);
      const detail = await apply(tx, t);
      await this.audit.append(tx.em, { actor, role, action: `tender.${event === 'return' ? 'returned' : event === 'accept' ? 'accepted' : 'resubmitted'}`, subject: { type: TENDER_SUBJECT, id: projectId }, payload: { from: t.status, to: move.next, ...detail } });
      return this.view(tx, (await this.tenders.byId(tx.em, projectId))!);
    });
  }
}

function listItemView(t: TenderListRow): TenderListItemView {
  return {
    id: t.projectId,
    code: t.code,
    name: t.name,
    kind: t.kind,
    region: t.region,
    ownerName: t.ownerName,
    agentName: t.agentName,
    estimate: Money.ofFen(t.estimateFen).toYuan(),
    evaluationMethod: t.evaluationMethod,
    status: t.status,
    returnReasons: t.returnReasons,
    registeredAt: t.registeredAt,
    updatedAt: t.updatedAt,
    bidDeadline: t.bidDeadline,
    openedAt: t.openedAt,
    sectionCount: t.sectionCount,
    documentCount: t.documentCount,
  };
}
