import { Injectable } from '@nestjs/common';
import { DrawRoster } from '@app/experts/draws/draw-roster';
import { AuditService } from '@app/platform/audit/audit.service';
import { Actor, hasRole, Role } from '@app/platform/auth/roles';
import { Tx, TransactionRunner } from '@app/platform/database/transaction-runner';
import { NotificationService } from '@app/platform/notifications/notification.service';
import { AwardView, ReportRecordView } from '../dto/evaluation.view';
import { TenderErrors } from '../tendering-errors';
import { isParty, supervises } from '../tenders/tender-access';
import { TenderRepository } from '../tenders/tender.repository';
import { TENDER_SUBJECT } from '../tenders/tender.service';
import { TenderRow } from '../tenders/tender.types';
import { EvaluationRepository, ReportedSection, SignatureRow } from './evaluation.repository';
import { awardView, reportView } from './evaluation.service';

/**
 * What the evaluation leaves on record, read back by those it concerns: the report with its signatures (条例 53: every
 * member signs; a member who disagrees states it in writing) for the committee, the parties and the supervisors, and the
 * award with its contract for the parties and the supervisors. Signing is the committee's one write here.
 */
@Injectable()
export class EvaluationRecordService {
  constructor(
    private readonly txr: TransactionRunner,
    private readonly tenders: TenderRepository,
    private readonly evaluations: EvaluationRepository,
    private readonly roster: DrawRoster,
    private readonly notifications: NotificationService,
    private readonly audit: AuditService,
  ) {}

  /** The report of a section, once made: to its committee's members, the owner and agent, the office and the tendering regulator. */
  report(actor: Actor, projectId: string, no: number): Promise<ReportRecordView> {
    return this.txr.run(async (tx) => {
      const t = await this.tender(tx, projectId);
      const s = await this.section(tx, projectId, no);
      const seat = await this.seatOf(tx, actor, s);
      if (!seat && !isParty(actor, t) && !supervises(actor)) throw refusalFor(actor);
      if (!s.reportedAt || !s.report) throw TenderErrors.REPORT_NOT_READY({ section: no, status: s.status });
      return this.view(s, await this.evaluations.signatures(tx.em, s.id), actor, seat);
    });
  }

  /**
   * A member signs the report, agreeing or with a written dissent. Open from the report until the candidates are
   * published (a failed section's report stays open): 条例 53 deems a member who neither signs nor states a dissent to
   * agree, so the publicity does not wait for the last signature; it records how many had signed.
   */
  sign(actor: Actor, projectId: string, no: number, dissent: string | undefined): Promise<ReportRecordView> {
    return this.txr.run(async (tx) => {
      const t = await this.tender(tx, projectId);
      if (t.domainStatus !== 'published') throw TenderErrors.TENDER_STATE_CONFLICT({ projectStatus: t.domainStatus, reason: 'the project is not running (suspended or closed)' });
      // FOR UPDATE: the publicity (which locks the section too) either sees this signature or comes first and closes the report.
      const s = await this.section(tx, projectId, no, 'update');
      const seat = await this.seatOf(tx, actor, s);
      if (!seat) throw TenderErrors.EVALUATION_NOT_YOURS();
      if (!s.reportedAt || !s.report) throw TenderErrors.REPORT_NOT_READY({ section: no, status: s.status });
      if (s.status !== 'evaluating' && s.status !== 'failed') throw TenderErrors.REPORT_CLOSED({ section: no, status: s.status });
      const row = await this.evaluations.sign(tx.em, { sectionId: s.id, accountId: actor.accountId!, expertId: seat, dissent: dissent ?? null });
      if (!row) {
        const mine = (await this.evaluations.signatures(tx.em, s.id)).find((x) => x.accountId === actor.accountId);
        throw TenderErrors.REPORT_ALREADY_SIGNED({ section: no, signedAt: mine?.signedAt ?? null });
      }
      const signatures = await this.evaluations.signatures(tx.em, s.id);
      const complete = signatures.length >= s.report.committee;
      if (complete) {
        const dissents = signatures.filter((x) => x.dissent).length;
        for (const org of [t.ownerOrganisationId, ...(t.agentOrganisationId ? [t.agentOrganisationId] : [])]) {
          await this.notifications.enqueue(tx, { channel: 'site', recipient: { type: 'organisation', id: org }, template: 'tendering.report_signed', params: { projectId, code: t.code, name: t.name, section: no, dissents } });
        }
      }
      await this.audit.append(tx.em, {
        actor,
        role: Role.Expert,
        action: 'tender.report_signed',
        subject: { type: TENDER_SUBJECT, id: projectId },
        payload: { section: no, expertId: seat, dissent: dissent ?? null, signed: signatures.length, committee: s.report.committee, complete },
      });
      return this.view(s, signatures, actor, seat);
    });
  }

  /** The award and its contract, to the parties and the supervisors (the public reads the award on the results page). */
  award(actor: Actor, projectId: string, no: number): Promise<AwardView> {
    return this.txr.run(async (tx) => {
      const t = await this.tender(tx, projectId);
      if (!isParty(actor, t) && !supervises(actor)) throw refusalFor(actor);
      const s = await this.section(tx, projectId, no);
      const a = await this.evaluations.award(tx.em, s.id);
      if (!a) throw TenderErrors.AWARD_NOT_FOUND({ section: no, status: s.status });
      return awardView(no, a);
    });
  }

  private view(s: ReportedSection, signatures: SignatureRow[], actor: Actor, seat: string | null): ReportRecordView {
    const signedByMe = signatures.some((x) => x.accountId === actor.accountId);
    return {
      ...reportView(s, s.report!),
      name: s.name,
      publicityUntil: s.publicityUntil,
      signatures: signatures.map((x) => ({ expertId: x.expertId, mine: x.accountId === actor.accountId, signedAt: x.signedAt, dissent: x.dissent })),
      seat,
      canSign: seat !== null && !signedByMe && (s.status === 'evaluating' || s.status === 'failed'),
    };
  }

  /** The library id of the actor's seat on the section's committee (an accepted member of its draw), or null. */
  private async seatOf(tx: Tx, actor: Actor, s: ReportedSection): Promise<string | null> {
    if (!s.drawId || !actor.accountId || !hasRole(actor, Role.Expert)) return null;
    const draw = await this.roster.seated(tx.em, s.drawId);
    return draw?.members.find((m) => m.accountId === actor.accountId)?.expertId ?? null;
  }

  private async tender(tx: Tx, projectId: string): Promise<TenderRow> {
    const t = await this.tenders.byId(tx.em, projectId);
    if (!t) throw TenderErrors.TENDER_NOT_FOUND({ id: projectId });
    return t;
  }

  private async section(tx: Tx, projectId: string, no: number, lock: false | 'update' = false): Promise<ReportedSection> {
    const s = await this.evaluations.section(tx.em, projectId, no, lock);
    if (!s) throw TenderErrors.SECTION_NOT_FOUND({ no });
    return s;
  }
}

/** Why a caller past the roles guard may not read: another domain's regulator, an expert not on the committee, another organisation. */
function refusalFor(actor: Actor) {
  if (hasRole(actor, Role.Regulator) && !hasRole(actor, Role.Office)) return TenderErrors.PROJECT_NOT_IN_SCOPE();
  if (hasRole(actor, Role.Expert)) return TenderErrors.EVALUATION_NOT_YOURS();
  return TenderErrors.TENDER_NOT_YOURS();
}
