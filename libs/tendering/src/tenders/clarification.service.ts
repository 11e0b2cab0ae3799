import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { AuditService } from '@app/platform/audit/audit.service';
import { Actor, Role, TradingDomain } from '@app/platform/auth/roles';
import { Clock } from '@app/platform/clock/clock';
import { rowsOf } from '@app/platform/database/rows';
import { Tx, TransactionRunner } from '@app/platform/database/transaction-runner';
import { MilestoneService } from '@app/platform/milestones/milestone.service';
import { NotificationService } from '@app/platform/notifications/notification.service';
import { ProjectService } from '@app/trading';
import { deadlineAfterAmendment } from '../rules/deadlines';
import { TenderErrors } from '../tendering-errors';
import { isParty, operates, partyRole, supervises } from './tender-access';
import { TENDER_SUBJECT } from './tender.service';
import { TenderRepository } from './tender.repository';
import { TenderRow } from './tender.types';
import { QuestionView } from '../dto/clarification.view';

/** 报名, 澄清 and 修改 (法 23, 条例 21): answers go to every bidder without naming who asked. */
@Injectable()
export class ClarificationService {
  constructor(
    private readonly txr: TransactionRunner,
    private readonly tenders: TenderRepository,
    private readonly projects: ProjectService,
    private readonly milestones: MilestoneService,
    private readonly notifications: NotificationService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** A bidder registers for the documents while the tender takes bids. */
  async registerBidder(actor: Actor, projectId: string): Promise<{ registered: boolean }> {
    if (!actor.organisationId) throw TenderErrors.NOT_REGISTERED_BIDDER();
    return this.txr.run(async (tx) => {
      const t = await this.bidding(tx, projectId);
      // 信用评价: a project may require a credit score; snapshots taken before the rule existed have none.
      const minCreditScore = (await this.projects.rulesOf(projectId, TradingDomain.Tendering, tx.em)).params.numbers.minCreditScore ?? 0;
      if (minCreditScore > 0) {
        const score = await this.tenders.creditScore(tx.em, actor.organisationId!);
        if (score < minCreditScore) throw TenderErrors.CREDIT_BELOW_THRESHOLD({ score, minCreditScore });
      }
      const added = await this.tenders.register(tx.em, projectId, actor.organisationId!, actor.accountId!);
      if (added) await this.audit.append(tx.em, { actor, role: Role.Bidder, action: 'tender.bidder_registered', subject: { type: TENDER_SUBJECT, id: t.projectId }, payload: { organisationId: actor.organisationId } });
      return { registered: true };
    });
  }

  async ask(actor: Actor, projectId: string, question: string): Promise<QuestionView> {
    return this.txr.run(async (tx) => {
      const t = await this.bidding(tx, projectId);
      if (!(await this.tenders.isRegistered(tx.em, projectId, actor.organisationId))) throw TenderErrors.NOT_REGISTERED_BIDDER();
      const [q] = rowsOf<QuestionView>(
        await tx.em.query(`INSERT INTO tender_question (project_id, organisation_id, question) VALUES ($1,$2,$3) RETURNING id, question, asked_at AS "askedAt", answer, answered_at AS "answeredAt"`, [projectId, actor.organisationId, question]),
      );
      await this.audit.append(tx.em, { actor, role: Role.Bidder, action: 'tender.question_asked', subject: { type: TENDER_SUBJECT, id: t.projectId }, payload: { questionId: q.id, digest: createHash('sha256').update(question).digest('hex') } });
      return q;
    });
  }

  /** The parties answer; every registered bidder is told, and the asker stays anonymous. */
  async answer(actor: Actor, projectId: string, questionId: string, answer: string): Promise<QuestionView> {
    return this.txr.run(async (tx) => {
      const t = await this.bidding(tx, projectId);
      if (!isParty(actor, t)) throw TenderErrors.TENDER_NOT_YOURS();
      const [q] = rowsOf<QuestionView>(
        await tx.em.query(
          `UPDATE tender_question SET answer = $3, answered_at = now(), answered_by = $4 WHERE id = $1 AND project_id = $2
           RETURNING id, question, asked_at AS "askedAt", answer, answered_at AS "answeredAt"`,
          [questionId, projectId, answer, actor.accountId],
        ),
      );
      if (!q) throw TenderErrors.QUESTION_NOT_FOUND({ id: questionId });
      await this.tellBidders(tx, t, 'tender.clarification', { questionId });
      await this.audit.append(tx.em, { actor, role: partyRole(actor, t), action: 'tender.question_answered', subject: { type: TENDER_SUBJECT, id: projectId }, payload: { questionId, question: q.question, answer } });
      return q;
    });
  }

  /** The questions and answers: the parties, the centre and supervisors see all; a bidder sees the answered ones and its own. */
  async questions(actor: Actor, projectId: string): Promise<QuestionView[]> {
    const t = await this.tenders.byId(this.txr.dataSource.manager, projectId);
    if (!t) throw TenderErrors.TENDER_NOT_FOUND({ id: projectId });
    const all = isParty(actor, t) || operates(actor) || supervises(actor);
    if (!all && !(await this.tenders.isRegistered(this.txr.dataSource.manager, projectId, actor.organisationId))) throw TenderErrors.NOT_REGISTERED_BIDDER();
    return rowsOf<QuestionView>(
      await this.txr.dataSource.query(
        `SELECT id, question, asked_at AS "askedAt", answer, answered_at AS "answeredAt" FROM tender_question
         WHERE project_id = $1 AND ($2 OR answer IS NOT NULL OR organisation_id = $3) ORDER BY asked_at`,
        [projectId, all, actor.organisationId],
      ),
    );
  }

  /**
   * 修改: an amendment document. Published later than the clarification period before the deadline, it pushes the
   * deadline (and its milestone) so that the full period remains; every registered bidder is notified either way.
   */
  async amend(actor: Actor, projectId: string, file: { filename: string; buffer: Buffer }, note: string | null): Promise<{ bidDeadline: Date; moved: boolean; documentId: string; sha256: string }> {
    return this.txr.run(async (tx) => {
      const t = await this.bidding(tx, projectId);
      if (!isParty(actor, t)) throw TenderErrors.TENDER_NOT_YOURS();
      const rules = await this.projects.rulesOf(projectId, TradingDomain.Tendering, tx.em);
      const now = await this.clock.dbNow(tx.em);
      const sha256 = createHash('sha256').update(file.buffer).digest('hex');
      const doc = await this.tenders.insertDocument(tx.em, { projectId, kind: 'amendment', fileName: file.filename, sha256, content: file.buffer, note, createdBy: actor.accountId! });
      const deadline = deadlineAfterAmendment(t.bidDeadline!, now, rules.params.periods.clarificationBeforeDeadline);
      const moved = deadline.getTime() !== t.bidDeadline!.getTime();
      if (moved) {
        await this.milestones.reschedule(tx, t.deadlineMilestoneId!, deadline, actor);
        await this.tenders.setSchedule(tx.em, projectId, { bidDeadline: deadline, deadlineMilestoneId: t.deadlineMilestoneId! });
      }
      await this.tellBidders(tx, t, 'tender.amendment', { documentId: doc.id, sha256, bidDeadline: deadline, moved });
      await this.audit.append(tx.em, { actor, role: partyRole(actor, t), action: 'tender.amended', subject: { type: TENDER_SUBJECT, id: projectId }, payload: { documentId: doc.id, fileName: doc.fileName, sha256, previousDeadline: t.bidDeadline, bidDeadline: deadline, moved } });
      return { bidDeadline: deadline, moved, documentId: doc.id, sha256 };
    });
  }

  private async bidding(tx: Tx, projectId: string): Promise<TenderRow> {
    const t = await this.tenders.byId(tx.em, projectId, 'update');
    if (!t) throw TenderErrors.TENDER_NOT_FOUND({ id: projectId });
    const [open] = await tx.em.query(`SELECT now() < $1::timestamptz AS open`, [t.bidDeadline]);
    if (t.status !== 'bidding' || !open.open) throw TenderErrors.TENDER_STATE_CONFLICT({ status: t.status, reason: 'only while bids are taken' });
    return t;
  }

  private async tellBidders(tx: Tx, t: TenderRow, template: string, params: Record<string, unknown>): Promise<void> {
    for (const b of await this.tenders.registeredBidders(tx.em, t.projectId)) {
      await this.notifications.enqueue(tx, { channel: 'site', recipient: { type: 'organisation', id: b.organisationId }, template, params: { projectId: t.projectId, projectCode: t.code, projectName: t.name, ...params } });
    }
  }
}

