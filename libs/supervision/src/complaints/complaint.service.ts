import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { AuditService } from '@app/platform/audit/audit.service';
import { Actor, hasRole, Role } from '@app/platform/auth/roles';
import { deadlineAfter, Period } from '@app/platform/calendar/period';
import { Clock } from '@app/platform/clock/clock';
import { Tx, TransactionRunner } from '@app/platform/database/transaction-runner';
import { NotificationService } from '@app/platform/notifications/notification.service';
import { RuleSetService } from '@app/platform/rules/rule-set.service';
import { RuleParams } from '@app/platform/rules/rule-spec';
import { maySupervise, ProjectService, supervisingRole } from '@app/trading';
import { CreditLedger } from '../credit/credit-ledger';
import { COMPLAINT_UPHELD_POINTS } from '../credit/rules/credit-score';
import { ComplaintErrors as E } from './complaint-errors';
import { ComplaintFilter, ComplaintRepository, ComplaintRow, EvidenceRow, ProjectFactsRow, SuspensionRow } from './complaint.repository';
import {
  AcceptComplaintDto,
  DecideComplaintDto,
  FileComplaintFields,
  MyComplaintsQuery,
  PublicDecisionQuery,
  RejectComplaintDto,
  ResumeForComplaintDto,
  SupervisionComplaintsQuery,
  SuspendForComplaintDto,
  WithdrawComplaintDto,
} from './dto/complaint.dto';
import { ComplaintPage, ComplaintView, PublicComplaintDecisionPage } from './dto/complaint.view';
import { allowedEvents, ComplaintEvent, complaintTransition, ComplaintTransition, onTime } from './rules/complaint-state';
import { objectionQualifies } from './rules/objection';

export const COMPLAINT_SUBJECT = 'complaint';

export interface EvidenceFile {
  filename: string;
  mimetype: string;
  buffer: Buffer;
}

type ComplaintPeriod = 'complaintWindow' | 'complaintAcceptance' | 'complaintDecision';

/** Where the complaint stands, with its open suspension when the project still stands suspended by it. */
interface Locked {
  row: ComplaintRow;
  suspension: SuspensionRow | undefined;
  t: Extract<ComplaintTransition, { ok: true }>;
}

/** 投诉: filed by a bidder, handled by the office or the project's domain regulator, decided and published. */
@Injectable()
export class ComplaintService {
  constructor(
    private readonly txr: TransactionRunner,
    private readonly repo: ComplaintRepository,
    private readonly projects: ProjectService,
    private readonly rules: RuleSetService,
    private readonly audit: AuditService,
    private readonly notifications: NotificationService,
    private readonly clock: Clock,
    private readonly credit: CreditLedger,
  ) {}

  async file(actor: Actor, dto: FileComplaintFields, files: EvidenceFile[]): Promise<ComplaintView> {
    const complainant = actor.organisationId;
    if (!complainant) throw E.COMPLAINANT_ORGANISATION_REQUIRED();
    if (files.length === 0) throw E.COMPLAINT_EVIDENCE_REQUIRED();
    return this.txr.run(async (tx) => {
      const now = await this.clock.dbNow(tx.em);
      const project = await this.repo.project(tx.em, dto.projectId);
      if (!project) throw E.PROJECT_NOT_FOUND({ id: dto.projectId });
      if (!project.ruleSnapshot || project.status === 'cancelled') throw E.COMPLAINT_PROJECT_NOT_OPEN({ status: project.status });

      let objectionId: string | null = null;
      if (project.domain === 'tendering') {
        if (!dto.objectionId) throw E.COMPLAINT_OBJECTION_REQUIRED();
        const o = await this.repo.tenderObjection(tx.em, project.id, dto.objectionId);
        if (!o) throw E.COMPLAINT_OBJECTION_NOT_QUALIFYING({ objectionId: dto.objectionId });
        const q = objectionQualifies(o, complainant, now);
        if (!q.ok && q.refusal === 'OBJECTION_NOT_YOURS') throw E.COMPLAINT_OBJECTION_NOT_QUALIFYING({ objectionId: o.id });
        if (!q.ok) throw E.COMPLAINT_OBJECTION_PENDING({ objectionId: o.id, replyDue: o.replyDue });
        const closes = deadlineAfter(q.knownAt, await this.period(tx.em, project, 'complaintWindow'));
        if (now > closes) throw E.COMPLAINT_WINDOW_CLOSED({ objectionId: o.id, from: q.knownAt, closedAt: closes });
        objectionId = o.id;
      } else if (dto.objectionId) {
        // docs/complaints.md: land, procurement and rural keep no objections (质疑) to name
        throw E.COMPLAINT_OBJECTION_NOT_QUALIFYING({ objectionId: dto.objectionId, reason: `${project.domain} keeps no objections` });
      }

      const respondent = dto.respondentOrganisationId ?? project.ownerOrganisationId;
      if (respondent === complainant || !(await this.repo.organisationExists(tx.em, respondent))) throw E.COMPLAINT_RESPONDENT_INVALID({ respondentOrganisationId: respondent });

      const acceptanceDue = deadlineAfter(now, await this.period(tx.em, project, 'complaintAcceptance'));
      const id = await this.repo.insert(tx.em, { projectId: project.id, objectionId, complainant, filedBy: actor.accountId!, respondent, grounds: dto.grounds, filedAt: now, acceptanceDue });
      if (!id) throw E.COMPLAINT_DUPLICATE({ objectionId });
      const evidence = [];
      for (const [i, f] of files.entries()) {
        const sha256 = createHash('sha256').update(f.buffer).digest('hex');
        await this.repo.insertEvidence(tx.em, { complaintId: id, no: i + 1, fileName: f.filename, mediaType: f.mimetype, sha256, content: f.buffer });
        evidence.push({ no: i + 1, fileName: f.filename, size: f.buffer.length, sha256 });
      }
      await this.notify(tx, respondent, 'complaint.filed', project, { complaintId: id });
      await this.audit.append(tx.em, {
        actor,
        role: Role.Bidder,
        action: 'complaint.filed',
        subject: { type: COMPLAINT_SUBJECT, id },
        payload: { projectId: project.id, objectionId, respondentOrganisationId: respondent, groundsSha256: sha256(dto.grounds), evidence, acceptanceDue },
      });
      return this.view(tx.em, id);
    });
  }

  async accept(actor: Actor, id: string, dto: AcceptComplaintDto): Promise<ComplaintView> {
    return this.step(actor, id, 'accept', async (tx, { row }, now) => {
      const project = (await this.repo.project(tx.em, row.projectId))!;
      const decisionDue = deadlineAfter(now, await this.period(tx.em, project, 'complaintDecision'));
      const ontime = onTime(now, row.acceptanceDue);
      await this.repo.accept(tx.em, id, { by: actor.accountId!, role: supervisingRole(actor), note: dto.note ?? null, onTime: ontime, decisionDue });
      await this.notify(tx, row.complainantOrganisationId, 'complaint.accepted', project, { complaintId: id, decisionDue });
      return { action: 'complaint.accepted', payload: { projectId: row.projectId, note: dto.note ?? null, acceptanceDue: row.acceptanceDue, onTime: ontime, decisionDue } };
    });
  }

  async reject(actor: Actor, id: string, dto: RejectComplaintDto): Promise<ComplaintView> {
    return this.step(actor, id, 'reject', async (tx, { row }, now) => {
      const ontime = onTime(now, row.acceptanceDue);
      await this.repo.reject(tx.em, id, { by: actor.accountId!, role: supervisingRole(actor), reasons: dto.reasons, onTime: ontime });
      await this.notify(tx, row.complainantOrganisationId, 'complaint.rejected', (await this.repo.project(tx.em, row.projectId))!, { complaintId: id });
      return { action: 'complaint.rejected', payload: { projectId: row.projectId, reasons: dto.reasons, acceptanceDue: row.acceptanceDue, onTime: ontime } };
    });
  }

  /** Suspends the project through the kernel in this transaction: every pending milestone of it pauses. */
  async suspend(actor: Actor, id: string, dto: SuspendForComplaintDto): Promise<ComplaintView> {
    return this.step(actor, id, 'suspend', async (tx, { row }) => {
      const project = await this.projects.suspend(actor, row.projectId, dto.reason, tx);
      const paused = await this.repo.pausedMilestones(tx.em, row.projectId);
      await this.repo.insertSuspension(tx.em, { complaintId: id, projectId: row.projectId, reason: dto.reason, suspendedAt: project.suspendedAt!, by: actor.accountId!, paused });
      return { action: 'complaint.project_suspended', payload: { projectId: row.projectId, reason: dto.reason, suspendedAt: project.suspendedAt, pausedMilestones: paused } };
    });
  }

  /** Resumes the project: its paused milestones come due after the time each had left, counted from now. */
  async resume(actor: Actor, id: string, dto: ResumeForComplaintDto): Promise<ComplaintView> {
    return this.step(actor, id, 'resume', async (tx, { row, suspension }) => {
      const shifted = await this.lift(tx, actor, row, suspension!, dto.note ?? null);
      return { action: 'complaint.project_resumed', payload: { projectId: row.projectId, note: dto.note ?? null, suspendedAt: suspension!.suspendedAt, shiftedMilestones: shifted } };
    });
  }

  async decide(actor: Actor, id: string, dto: DecideComplaintDto): Promise<ComplaintView> {
    return this.step(actor, id, 'decide', async (tx, { row, suspension, t }, now) => {
      const ontime = onTime(now, row.decisionDue!);
      await this.repo.decide(tx.em, id, { by: actor.accountId!, role: supervisingRole(actor), outcome: dto.outcome, decision: dto.decision, onTime: ontime });
      const shifted = t.resumesProject ? await this.lift(tx, actor, row, suspension!, '投诉处理决定作出,恢复项目 / resumed on the decision') : null;
      const credit =
        dto.outcome === 'upheld'
          ? await this.credit.record(tx.em, {
              organisationId: row.respondentOrganisationId,
              kind: 'complaint_upheld',
              points: COMPLAINT_UPHELD_POINTS,
              reference: { type: 'complaint', id },
              note: dto.decision.slice(0, 500),
              projectId: row.projectId,
              recordedBy: actor.accountId,
            })
          : null;
      const project = (await this.repo.project(tx.em, row.projectId))!;
      for (const org of [row.complainantOrganisationId, row.respondentOrganisationId]) await this.notify(tx, org, 'complaint.decided', project, { complaintId: id, outcome: dto.outcome });
      return {
        action: 'complaint.decided',
        payload: { projectId: row.projectId, outcome: dto.outcome, decision: dto.decision, respondentOrganisationId: row.respondentOrganisationId, decisionDue: row.decisionDue, onTime: ontime, resumedMilestones: shifted, creditEntryId: credit?.entryId ?? null, respondentScore: credit?.score ?? null },
      };
    });
  }

  /** The complainant withdraws before a decision; a suspension it caused stays until a supervisor lifts it. */
  async withdraw(actor: Actor, id: string, dto: WithdrawComplaintDto): Promise<ComplaintView> {
    return this.txr.run(async (tx) => {
      const locked = await this.lock(tx, id, 'withdraw', (row) => {
        if (row.complainantOrganisationId !== actor.organisationId) throw E.COMPLAINT_NOT_FOUND({ id });
      });
      await this.repo.withdraw(tx.em, id, dto.reason ?? null);
      await this.audit.append(tx.em, {
        actor,
        role: Role.Bidder,
        action: 'complaint.withdrawn',
        subject: { type: COMPLAINT_SUBJECT, id },
        payload: { projectId: locked.row.projectId, reason: dto.reason ?? null, projectStillSuspended: locked.suspension !== undefined },
      });
      return this.view(tx.em, id);
    });
  }

  async get(actor: Actor, id: string): Promise<ComplaintView> {
    const em = this.txr.dataSource.manager;
    const row = await this.repo.byId(em, id);
    if (!row) throw E.COMPLAINT_NOT_FOUND({ id });
    this.readable(actor, row);
    return (await this.views(em, [row]))[0];
  }

  async evidenceFile(actor: Actor, id: string, evidenceId: string) {
    const em = this.txr.dataSource.manager;
    const row = await this.repo.byId(em, id);
    if (!row) throw E.COMPLAINT_NOT_FOUND({ id });
    this.readable(actor, row);
    const file = await this.repo.evidenceContent(em, id, evidenceId);
    if (!file) throw E.COMPLAINT_EVIDENCE_NOT_FOUND({ id: evidenceId });
    return file;
  }

  async mine(actor: Actor, q: MyComplaintsQuery): Promise<ComplaintPage> {
    if (!actor.organisationId) throw E.COMPLAINANT_ORGANISATION_REQUIRED();
    return this.page({ complainantOrganisationId: actor.organisationId, status: q.status, domains: null }, q);
  }

  async supervisionList(actor: Actor, q: SupervisionComplaintsQuery): Promise<ComplaintPage> {
    const domains = hasRole(actor, Role.Office) ? null : actor.roles.filter((g) => g.role === Role.Regulator && g.domain !== null).map((g) => g.domain as string);
    if (q.domain && domains && !domains.includes(q.domain)) throw E.COMPLAINT_FILTER_NOT_IN_SCOPE({ domain: q.domain });
    if (q.projectId) {
      const project = await this.repo.project(this.txr.dataSource.manager, q.projectId);
      if (!project) throw E.PROJECT_NOT_FOUND({ id: q.projectId });
      if (!maySupervise(actor, project.domain)) throw E.PROJECT_NOT_IN_SCOPE({ domain: project.domain });
    }
    const overdue = q.overdue === undefined ? undefined : q.overdue === 'true';
    return this.page({ status: q.status, projectId: q.projectId, domains: q.domain ? [q.domain] : domains, overdue }, q);
  }

  async publicDecisions(q: PublicDecisionQuery): Promise<PublicComplaintDecisionPage> {
    const page = q.page ?? 1;
    const pageSize = q.pageSize ?? 20;
    const { rows, total } = await this.repo.publicDecisions(this.txr.dataSource.manager, { domain: q.domain, projectId: q.projectId, limit: pageSize, offset: (page - 1) * pageSize });
    return {
      items: rows.map((r) => ({
        id: r.id,
        project: { code: r.projectCode, name: r.projectName, domain: r.domain },
        complainant: { name: r.complainantName },
        outcome: r.outcome,
        decision: r.decision,
        decidedAt: r.decidedAt,
      })),
      total,
      page,
      pageSize,
    };
  }

  /** One supervisor's step: lock, scope, state machine, apply, audit last, the fresh view. */
  private step(
    actor: Actor,
    id: string,
    event: ComplaintEvent,
    apply: (tx: Tx, locked: Locked, now: Date) => Promise<{ action: string; payload: Record<string, unknown> }>,
  ): Promise<ComplaintView> {
    return this.txr.run(async (tx) => {
      const locked = await this.lock(tx, id, event, (row) => {
        if (!maySupervise(actor, row.domain)) throw E.PROJECT_NOT_IN_SCOPE({ domain: row.domain });
      });
      const { action, payload } = await apply(tx, locked, await this.clock.dbNow(tx.em));
      await this.audit.append(tx.em, { actor, role: supervisingRole(actor), action, subject: { type: COMPLAINT_SUBJECT, id }, payload: { from: locked.row.status, to: locked.t.next, ...payload } });
      return this.view(tx.em, id);
    });
  }

  private async lock(tx: Tx, id: string, event: ComplaintEvent, check: (row: ComplaintRow) => void): Promise<Locked> {
    const row = await this.repo.byId(tx.em, id, true);
    if (!row) throw E.COMPLAINT_NOT_FOUND({ id });
    check(row);
    let suspension = await this.repo.openSuspension(tx.em, id);
    if (suspension && !stillSuspending(row, suspension)) {
      // Someone resumed the project outside this complaint: the record follows the project.
      await this.repo.closeSuspension(tx.em, suspension.id, { by: null, note: 'resumed outside this complaint', shifted: 0 });
      suspension = undefined;
    }
    const t = complaintTransition({ status: row.status, suspending: suspension !== undefined }, event);
    if (!t.ok) throw E.COMPLAINT_STATE_CONFLICT({ status: row.status, event, reason: t.reason, allowed: allowedEvents({ status: row.status, suspending: suspension !== undefined }) });
    return { row, suspension, t };
  }

  private async lift(tx: Tx, actor: Actor, row: ComplaintRow, suspension: SuspensionRow, note: string | null): Promise<number> {
    const shifted = await this.repo.pausedMilestones(tx.em, row.projectId);
    await this.projects.resume(actor, row.projectId, note ?? undefined, tx);
    await this.repo.closeSuspension(tx.em, suspension.id, { by: actor.accountId, note, shifted });
    return shifted;
  }

  /** The named period of the project's frozen rules; a snapshot older than the parameter uses the version in force. */
  private async period(em: EntityManager, project: ProjectFactsRow, name: ComplaintPeriod): Promise<Period> {
    const own = project.ruleSnapshot?.params.periods[name] as Period | undefined;
    if (own) return own;
    const inForce = await this.rules.inForce(em, project.domain, project.ruleSnapshot?.sandbox ?? false);
    const period = (inForce.params as RuleParams).periods[name];
    if (!period) throw new RangeError(`rule set ${project.domain} v${inForce.version} has no period ${name}`);
    return period;
  }

  /** The office, the project's regulator, and the complainant organisation read a complaint; others are not told it exists. */
  private readable(actor: Actor, row: ComplaintRow): void {
    if (maySupervise(actor, row.domain)) return;
    if (hasRole(actor, Role.Bidder) && actor.organisationId === row.complainantOrganisationId) return;
    if (hasRole(actor, Role.Regulator)) throw E.PROJECT_NOT_IN_SCOPE({ domain: row.domain });
    throw E.COMPLAINT_NOT_FOUND({ id: row.id });
  }

  private async page(f: Omit<ComplaintFilter, 'limit' | 'offset'>, q: { page?: number; pageSize?: number }): Promise<ComplaintPage> {
    const page = q.page ?? 1;
    const pageSize = q.pageSize ?? 20;
    const em = this.txr.dataSource.manager;
    const { rows, total } = await this.repo.list(em, { ...f, limit: pageSize, offset: (page - 1) * pageSize });
    return { items: await this.views(em, rows), total, page, pageSize };
  }

  private async view(em: EntityManager, id: string): Promise<ComplaintView> {
    return (await this.views(em, [(await this.repo.byId(em, id))!]))[0];
  }

  private async views(em: EntityManager, rows: ComplaintRow[]): Promise<ComplaintView[]> {
    if (!rows.length) return [];
    const ids = rows.map((r) => r.id);
    const evidence = groupBy(await this.repo.evidence(em, ids));
    const suspensions = groupBy(await this.repo.suspensions(em, ids));
    return rows.map((r) => toView(r, evidence.get(r.id) ?? [], suspensions.get(r.id) ?? []));
  }

  private notify(tx: Tx, organisationId: string, template: string, p: { id: string; code: string; name: string }, params: Record<string, unknown>): Promise<string> {
    return this.notifications.enqueue(tx, { channel: 'site', recipient: { type: 'organisation', id: organisationId }, template, params: { projectId: p.id, code: p.code, name: p.name, ...params } });
  }
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** The suspension is still this complaint's while the project is suspended since the moment it recorded. */
function stillSuspending(row: ComplaintRow, s: SuspensionRow): boolean {
  return row.projectStatus === 'suspended' && row.projectSuspendedAt !== null && new Date(row.projectSuspendedAt).getTime() === new Date(s.suspendedAt).getTime();
}

function groupBy<T extends { complaintId: string }>(rows: T[]): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const r of rows) m.set(r.complaintId, [...(m.get(r.complaintId) ?? []), r]);
  return m;
}

function toView(r: ComplaintRow, evidence: EvidenceRow[], suspensions: SuspensionRow[]): ComplaintView {
  const open = suspensions.find((s) => s.resumedAt === null);
  const suspending = open !== undefined && stillSuspending(r, open);
  const handled = r.handledAt && r.handledRole && r.handledBy;
  return {
    id: r.id,
    project: { id: r.projectId, code: r.projectCode, name: r.projectName, domain: r.domain, status: r.projectStatus },
    objectionId: r.objectionId,
    complainant: { id: r.complainantOrganisationId, name: r.complainantName },
    respondent: { id: r.respondentOrganisationId, name: r.respondentName },
    grounds: r.grounds,
    status: r.status,
    filedAt: r.filedAt,
    acceptanceDue: r.acceptanceDue,
    decisionDue: r.decisionDue,
    handling: handled
      ? { result: r.decisionDue ? 'accepted' : 'rejected', at: r.handledAt!, role: r.handledRole!, by: r.handledBy!, onTime: r.handledOnTime!, note: r.handlingNote }
      : null,
    decision: r.decidedAt ? { outcome: r.outcome!, text: r.decision!, at: r.decidedAt, role: r.decidedRole!, by: r.decidedBy!, onTime: r.decidedOnTime! } : null,
    withdrawnAt: r.withdrawnAt,
    withdrawalReason: r.withdrawalReason,
    suspending,
    suspensions: suspensions.map(({ complaintId: _, ...s }) => s),
    evidence: evidence.map(({ complaintId: _, ...e }) => ({ ...e, sha256: e.sha256.trim() })),
    allowed: allowedEvents({ status: r.status, suspending }),
  };
}
