import { Injectable } from '@nestjs/common';
import { AuditService } from '@app/platform/audit/audit.service';
import { Actor, hasRole, Role, TradingDomain } from '@app/platform/auth/roles';
import { countingOf } from '@app/platform/calendar/working-time';
import { deadlineAfter } from '@app/platform/calendar/period';
import { Clock } from '@app/platform/clock/clock';
import { Tx, TransactionRunner } from '@app/platform/database/transaction-runner';
import { NotificationService } from '@app/platform/notifications/notification.service';
import { ProjectService } from '@app/trading';
import { ObjectionView } from '../dto/evaluation.view';
import { objectionClosesAt, objectionInTime } from '../rules/document-objection';
import { TenderErrors } from '../tendering-errors';
import { isParty, operates, partyRole, supervises } from '../tenders/tender-access';
import { BID_DEADLINE_KIND, TENDER_SUBJECT } from '../tenders/tender.service';
import { TenderRepository } from '../tenders/tender.repository';
import { TenderRow } from '../tenders/tender.types';
import { DocumentObjectionRepository, DocumentObjectionRow } from './document-objection.repository';

/**
 * 招标文件异议 (条例 22): a registered bidder objects to the documents no later than `objectionBeforeDeadline` before
 * the deadline; the owner or agent replies within `objectionReply`; the opening waits for every reply. The owner sees
 * a pseudonym, the centre and supervisors the organisation, the other bidders neither; replies go to every bidder.
 */
@Injectable()
export class DocumentObjectionService {
  constructor(
    private readonly txr: TransactionRunner,
    private readonly tenders: TenderRepository,
    private readonly objections: DocumentObjectionRepository,
    private readonly projects: ProjectService,
    private readonly notifications: NotificationService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  object(actor: Actor, projectId: string, content: string): Promise<ObjectionView> {
    return this.txr.run(async (tx) => {
      // FOR UPDATE: the handle's number and the opening's check of unanswered objections are serialised on the tender.
      const t = await this.tenders.byId(tx.em, projectId, 'update');
      if (!t) throw TenderErrors.TENDER_NOT_FOUND({ id: projectId });
      if (t.status !== 'bidding') throw TenderErrors.TENDER_STATE_CONFLICT({ status: t.status, reason: 'objections to the documents are raised while bids are taken' });
      if (!(await this.tenders.isRegistered(tx.em, projectId, actor.organisationId))) throw TenderErrors.NOT_REGISTERED_BIDDER();
      const { periods } = (await this.projects.rulesOf(projectId, TradingDomain.Tendering, tx.em)).params;
      const now = await this.clock.dbNow(tx.em);
      const latest = objectionClosesAt(t.bidDeadline!, periods.objectionBeforeDeadline);
      if (!objectionInTime(now, t.bidDeadline!, periods.objectionBeforeDeadline)) throw TenderErrors.OBJECTION_TOO_LATE({ latest, bidDeadline: t.bidDeadline, serverTime: now, objectionBeforeDeadline: periods.objectionBeforeDeadline });
      const replyDue = deadlineAfter(now, periods.objectionReply);
      const handle = await this.objections.handleFor(tx.em, projectId, actor.organisationId!);
      const id = await this.objections.insert(tx.em, { projectId, organisationId: actor.organisationId!, handle, content, replyDue });
      for (const org of partiesOf(t)) {
        await this.notifications.enqueue(tx, { channel: 'site', recipient: { type: 'organisation', id: org }, template: 'tender.document_objection_raised', params: { projectId, projectCode: t.code, projectName: t.name, objectionId: id, handle, replyDue } });
      }
      await this.audit.append(tx.em, { actor, role: Role.Bidder, action: 'tender.document_objection_raised', subject: { type: TENDER_SUBJECT, id: projectId }, payload: { objectionId: id, stage: 'documents', handle, content, replyDue, latest } });
      return view((await this.objections.byId(tx.em, projectId, id))!, actor, 'self');
    });
  }

  /**
   * The reply (through `POST /tenders/:id/objections/:oid/reply`, shared with the publicity objections). Every
   * registered bidder is told. When the deadline has passed while it was unanswered (the opening held), the last reply
   * schedules the opening at once; the deadline itself does not move. A reply that changes the documents is published
   * as an amendment, whose 15-day rule moves the deadline.
   */
  async replyIn(tx: Tx, actor: Actor, projectId: string, objectionId: string, reply: string): Promise<ObjectionView> {
    const t = await this.tenders.byId(tx.em, projectId, 'update');
    if (!t) throw TenderErrors.TENDER_NOT_FOUND({ id: projectId });
    if (!isParty(actor, t)) throw TenderErrors.TENDER_NOT_YOURS();
    const o = await this.objections.byId(tx.em, projectId, objectionId, true);
    if (!o) throw TenderErrors.OBJECTION_NOT_FOUND({ objectionId });
    if (o.repliedAt) throw TenderErrors.OBJECTION_ALREADY_ANSWERED({ objectionId, repliedAt: o.repliedAt });
    await this.objections.reply(tx.em, o.id, reply, actor.accountId!);
    const now = await this.clock.dbNow(tx.em);
    const openingScheduled = await this.releaseOpening(tx, actor, t, now);
    for (const b of await this.tenders.registeredBidders(tx.em, projectId)) {
      await this.notifications.enqueue(tx, {
        channel: 'site',
        recipient: { type: 'organisation', id: b.organisationId },
        template: 'tender.document_objection_answered',
        params: { projectId, projectCode: t.code, projectName: t.name, objectionId: o.id, content: o.content, reply },
      });
    }
    await this.audit.append(tx.em, {
      actor,
      role: partyRole(actor, t),
      action: 'tender.document_objection_answered',
      subject: { type: TENDER_SUBJECT, id: projectId },
      payload: { objectionId: o.id, handle: o.handle, reply, replyDue: o.replyDue, late: now > o.replyDue, openingScheduled },
    });
    return view((await this.objections.byId(tx.em, projectId, o.id))!, actor, 'party');
  }

  /** Centre and supervisors: everything; owner and agent: content and pseudonym; a registered bidder: the answered ones and its own. */
  async list(actor: Actor, projectId: string): Promise<ObjectionView[]> {
    const em = this.txr.dataSource.manager;
    const t = await this.tenders.byId(em, projectId);
    if (!t) throw TenderErrors.TENDER_NOT_FOUND({ id: projectId });
    const seeing: Seeing = operates(actor) || supervises(actor) ? 'all' : isParty(actor, t) ? 'party' : 'bidder';
    if (seeing === 'bidder' && !(hasRole(actor, Role.Bidder) && (await this.tenders.isRegistered(em, projectId, actor.organisationId)))) throw TenderErrors.NOT_REGISTERED_BIDDER();
    const rows = await this.objections.list(em, projectId);
    return rows.filter((o) => seeing !== 'bidder' || o.repliedAt !== null || o.organisationId === actor.organisationId).map((o) => view(o, actor, seeing));
  }

  /** After the deadline the opening waited for the replies; once none is missing it is scheduled now. */
  private async releaseOpening(tx: Tx, actor: Actor, t: TenderRow, now: Date): Promise<boolean> {
    if (t.status !== 'bidding' || !t.bidDeadline || now < t.bidDeadline) return false;
    const pending = (await this.tenders.unansweredObjections(tx.em, t.projectId)).filter((x) => x.stage === 'documents');
    if (pending.length) return false;
    const { periods } = (await this.projects.rulesOf(t.projectId, TradingDomain.Tendering, tx.em)).params;
    const m = await this.projects.schedule(tx, t.projectId, { kind: BID_DEADLINE_KIND, dueAt: now, payload: { projectId: t.projectId }, counting: countingOf(periods.bidPreparation) }, actor);
    await this.tenders.setSchedule(tx.em, t.projectId, { bidDeadline: t.bidDeadline, deadlineMilestoneId: m.id });
    return true;
  }
}

type Seeing = 'all' | 'party' | 'bidder' | 'self';

function partiesOf(t: TenderRow): string[] {
  return [t.ownerOrganisationId, t.agentOrganisationId].filter((o): o is string => !!o);
}

function view(o: DocumentObjectionRow, actor: Actor, seeing: Seeing): ObjectionView {
  const mine = actor.organisationId !== null && o.organisationId === actor.organisationId;
  return {
    id: o.id,
    stage: 'documents',
    organisationName: seeing === 'all' || mine ? o.organisationName : null,
    handle: seeing === 'bidder' && !mine ? null : o.handle,
    mine,
    content: o.content,
    raisedAt: o.raisedAt,
    replyDue: o.replyDue,
    reply: o.reply,
    repliedAt: o.repliedAt,
  };
}
