import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { AuditService } from '@app/platform/audit/audit.service';
import { Actor, Role } from '@app/platform/auth/roles';
import { Tx, TransactionRunner } from '@app/platform/database/transaction-runner';
import { BodyReceipt } from '@app/platform/http/received-at';
import { IntakeService } from '@app/platform/intake/intake.service';
import { Money } from '@app/platform/money/money';
import { LiveBiddingService, LOT_SUBJECT } from '@app/trading/live/live-bidding.service';
import { ApplicationFields } from '../dto/parcel.dto';
import { LandApplicationView, applicationView } from '../dto/parcel.view';
import { LandErrors } from '../land-errors';
import { operates, supervises } from './land-access';
import { PARCEL_SUBJECT } from './parcel.service';
import { ParcelRepository } from './parcel.repository';
import { ApplicationRow, ParcelRow } from './parcel.types';

/**
 * 竞买申请: the applicant's qualification documents (SHA-256 kept) and declared deposit; the centre's confirmation gives
 * a paddle number (竞买号) that only its holder sees until the end. Every step that races the lot's closing first holds
 * the lot row (FOR SHARE), the same order the closer takes: lot, then parcel, then applications.
 */
@Injectable()
export class ApplicationService {
  constructor(
    private readonly txr: TransactionRunner,
    private readonly parcels: ParcelRepository,
    private readonly live: LiveBiddingService,
    private readonly audit: AuditService,
    private readonly intake: IntakeService,
  ) {}

  /** Judged on when the server fully received the application (an in-flight application holds the listing's end, bounded). */
  async apply(actor: Actor, projectId: string, file: { filename: string; buffer: Buffer }, fields: ApplicationFields, body: BodyReceipt): Promise<LandApplicationView> {
    const amountFen = Money.fromYuan(fields.depositAmount).fen;
    const p0 = await this.parcel(this.txr.dataSource.manager, projectId);
    if (!p0.lotId) throw LandErrors.APPLICATIONS_CLOSED({ status: p0.status, reason: 'not announced yet' });
    return this.intake.run({ type: LOT_SUBJECT, id: p0.lotId }, body, (intake) => this.txr.run(async (tx) => {
      const p = await this.openParcel(tx, projectId, LandErrors.APPLICATIONS_CLOSED, intake.receivedAt);
      if (amountFen < BigInt(p.depositFen)) throw LandErrors.DEPOSIT_AMOUNT_SHORT({ required: Money.ofFen(p.depositFen).toYuan(), amount: fields.depositAmount });
      const sha256 = createHash('sha256').update(file.buffer).digest('hex');
      const id = await this.parcels.insertApplication(tx.em, {
        projectId,
        organisationId: actor.organisationId!,
        accountId: actor.accountId!,
        fileName: file.filename,
        sha256,
        content: file.buffer,
        depositMethod: fields.depositMethod,
        depositReference: fields.depositReference,
        depositAmountFen: amountFen,
        receivedAt: intake.receivedAt,
      });
      if (!id) throw LandErrors.APPLICATION_STATE_CONFLICT({ reason: 'an application of your organisation is pending or confirmed' });
      await this.audit.append(tx.em, {
        actor,
        role: Role.Bidder,
        action: 'land.application_submitted',
        subject: { type: PARCEL_SUBJECT, id: projectId },
        payload: { applicationId: id, receivedAt: intake.receivedAt, fileName: file.filename, sha256, size: file.buffer.length, depositMethod: fields.depositMethod, depositReference: fields.depositReference, depositAmountFen: amountFen.toString() },
      });
      await intake.complete(tx);
      return applicationView((await this.parcels.application(tx.em, id))!, true);
    }));
  }

  /** The centre confirms the documents and the deposit; the engine gives the paddle, which the centre's answer leaves out. */
  async qualify(actor: Actor, applicationId: string): Promise<LandApplicationView> {
    return this.decide(actor, applicationId, async (tx, a, p) => {
      const paddle = await this.live.admit(tx, p.lotId!, a.organisationId, actor);
      await this.parcels.decide(tx.em, a.id, { status: 'qualified', paddle, reason: null, accountId: actor.accountId! });
      return { action: 'land.application_qualified', payload: { paddle } };
    });
  }

  async reject(actor: Actor, applicationId: string, reason: string): Promise<LandApplicationView> {
    return this.decide(actor, applicationId, async (tx, a) => {
      await this.parcels.decide(tx.em, a.id, { status: 'rejected', paddle: null, reason, accountId: actor.accountId! });
      return { action: 'land.application_rejected', payload: { reason } };
    });
  }

  /** The centre and supervisors see every application; paddles to supervisors always, to the centre after the end. */
  async list(actor: Actor, projectId: string): Promise<LandApplicationView[]> {
    const em = this.txr.dataSource.manager;
    const p = await this.parcel(em, projectId);
    if (!operates(actor) && !supervises(actor)) throw LandErrors.PARCEL_NOT_FOUND({ id: projectId });
    const showPaddles = supervises(actor) || ended(p);
    return (await this.parcels.applications(em, projectId)).map((a) => applicationView(a, showPaddles));
  }

  async mine(actor: Actor, projectId: string): Promise<LandApplicationView> {
    const a = await this.parcels.applicationOf(this.txr.dataSource.manager, projectId, actor.organisationId);
    if (!a) throw LandErrors.APPLICATION_NOT_FOUND({ parcelId: projectId });
    return applicationView(a, true);
  }

  /**
   * A qualified buyer says, during the listing, that it will keep bidding at the end (规定 21). Held against the closing
   * by the lot's row lock, so a declaration counts only if it was taken before the listing's end by the database clock.
   */
  async declareContinue(actor: Actor, projectId: string): Promise<{ paddle: number; declaredAt: Date }> {
    return this.txr.run(async (tx) => {
      const p = await this.parcel(tx.em, projectId);
      if (!p.lotId) throw LandErrors.CONTINUE_CLOSED({ phase: 'pending' });
      const lot = await this.parcels.lotForShare(tx.em, p.lotId);
      const a = await this.parcels.applicationOf(tx.em, projectId, actor.organisationId, true);
      if (!a || a.status !== 'qualified') throw LandErrors.NOT_QUALIFIED_BUYER();
      if (p.status !== 'announced' || lot.phase !== 'listing' || !lot.beforeEnd) throw LandErrors.CONTINUE_CLOSED({ phase: lot.phase, endsAt: lot.endsAt });
      const declaredAt = await this.parcels.declareContinue(tx.em, a.id);
      await this.audit.append(tx.em, { actor, role: Role.Bidder, action: 'land.continue_declared', subject: { type: PARCEL_SUBJECT, id: projectId }, payload: { applicationId: a.id, paddle: a.paddle, declaredAt } });
      return { paddle: a.paddle!, declaredAt };
    });
  }

  /** The centre records a refund that fell due at the end (规定: within the rule set's working days, without interest). */
  async refund(actor: Actor, applicationId: string, reference: string): Promise<LandApplicationView> {
    return this.txr.run(async (tx) => {
      const a = await this.parcels.application(tx.em, applicationId, true);
      if (!a) throw LandErrors.APPLICATION_NOT_FOUND({ id: applicationId });
      if (a.depositStatus !== 'refund_due') throw LandErrors.DEPOSIT_STATE_CONFLICT({ depositStatus: a.depositStatus, allowed: ['refund_due'] });
      await this.parcels.markRefunded(tx.em, a.id, reference);
      await this.audit.append(tx.em, { actor, role: Role.Centre, action: 'land.deposit_refunded', subject: { type: PARCEL_SUBJECT, id: a.projectId }, payload: { applicationId: a.id, organisationId: a.organisationId, amountFen: a.depositAmountFen, reference, refundDue: a.refundDue } });
      return applicationView((await this.parcels.application(tx.em, a.id))!, true);
    });
  }

  /** The qualification documents: to the applicant, the centre and supervisors. */
  async document(actor: Actor, applicationId: string): Promise<{ fileName: string; content: Buffer; sha256: string }> {
    const em = this.txr.dataSource.manager;
    const a = await this.parcels.application(em, applicationId);
    if (!a || (a.organisationId !== actor.organisationId && !operates(actor) && !supervises(actor))) throw LandErrors.APPLICATION_NOT_FOUND({ id: applicationId });
    return (await this.parcels.documentContent(em, applicationId))!;
  }

  private async decide(actor: Actor, applicationId: string, apply: (tx: Tx, a: ApplicationRow, p: ParcelRow) => Promise<{ action: string; payload: Record<string, unknown> }>): Promise<LandApplicationView> {
    return this.txr.run(async (tx) => {
      const first = await this.parcels.application(tx.em, applicationId);
      if (!first) throw LandErrors.APPLICATION_NOT_FOUND({ id: applicationId });
      const p = await this.openParcel(tx, first.projectId, LandErrors.PARCEL_STATE_CONFLICT);
      const a = (await this.parcels.application(tx.em, applicationId, true))!;
      if (a.status !== 'submitted') throw LandErrors.APPLICATION_STATE_CONFLICT({ status: a.status, allowed: ['submitted'] });
      const { action, payload } = await apply(tx, a, p);
      await this.audit.append(tx.em, { actor, role: Role.Centre, action, subject: { type: PARCEL_SUBJECT, id: a.projectId }, payload: { applicationId: a.id, organisationId: a.organisationId, ...payload } });
      return applicationView((await this.parcels.application(tx.em, a.id))!, false);
    });
  }

  /** An announced parcel whose lot still takes buyers (pending, or a listing before its end), held against the closing. */
  private async openParcel(tx: Tx, projectId: string, closed: (d?: Record<string, unknown>) => Error, receivedAt: Date | null = null): Promise<ParcelRow> {
    const p = await this.parcel(tx.em, projectId);
    if (!p.lotId) throw closed({ status: p.status, reason: 'not announced yet' });
    const lot = await this.parcels.lotForShare(tx.em, p.lotId, receivedAt);
    const fresh = (await this.parcels.byId(tx.em, projectId))!;
    const open = fresh.status === 'announced' && (lot.phase === 'pending' || (lot.phase === 'listing' && lot.beforeEnd));
    if (!open) throw closed({ status: fresh.status, phase: lot.phase, endsAt: lot.endsAt, ...(receivedAt ? { receivedAt } : {}) });
    return fresh;
  }

  private async parcel(em: Tx['em'], projectId: string): Promise<ParcelRow> {
    const p = await this.parcels.byId(em, projectId);
    if (!p) throw LandErrors.PARCEL_NOT_FOUND({ id: projectId });
    return p;
  }
}

const ended = (p: ParcelRow) => p.status === 'ended' || p.status === 'confirmed';
