import { Injectable } from '@nestjs/common';
import { AuditService } from '@app/platform/audit/audit.service';
import { Actor, Role, TradingDomain } from '@app/platform/auth/roles';
import { deadlineAfter } from '@app/platform/calendar/period';
import { Clock } from '@app/platform/clock/clock';
import { Tx, TransactionRunner } from '@app/platform/database/transaction-runner';
import { BodyReceipt } from '@app/platform/http/received-at';
import { IntakeService } from '@app/platform/intake/intake.service';
import { Money } from '@app/platform/money/money';
import { LiveBiddingService, ProjectService } from '@app/trading';
import { ApplyDto } from '../dto/deal.dto';
import { ApplicationView, applicationView, DealView } from '../dto/deal.view';
import { dealTransition } from '../rules/deal-state';
import { RuralErrors } from '../rural-errors';
import { applicantsOpen, isParty, operates, supervises } from './deal-access';
import { DEAL_SUBJECT, DealService, RuralSnapshot } from './deal.service';
import { DealRepository } from './deal.repository';
import { DealRow } from './deal.types';

/** 意向受让方: application with the deposit, the centre's confirmation (a 竞买号 on the round's lot), agreement, refunds. */
@Injectable()
export class ApplicationService {
  constructor(
    private readonly txr: TransactionRunner,
    private readonly deals: DealRepository,
    private readonly dealService: DealService,
    private readonly projects: ProjectService,
    private readonly live: LiveBiddingService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly intake: IntakeService,
  ) {}

  /**
   * 报名并缴纳保证金, while the listing runs, judged on when the server fully received the request (the listing's closing
   * waits, bounded, for one received in time); a new declaration replaces an unconfirmed one.
   */
  async apply(actor: Actor, projectId: string, dto: ApplyDto, body: BodyReceipt): Promise<ApplicationView> {
    const amountFen = Money.fromYuan(dto.amount).fen;
    if (!(await this.deals.byId(this.txr.dataSource.manager, projectId))) throw RuralErrors.DEAL_NOT_FOUND({ id: projectId });
    return this.intake.run({ type: DEAL_SUBJECT, id: projectId }, body, (intake) => this.txr.run(async (tx) => {
      const d = await this.locked(tx, projectId);
      await this.assertListingOpen(tx, d, intake.receivedAt);
      if (actor.organisationId === d.ownerOrganisationId || actor.organisationId === d.agentOrganisationId) throw RuralErrors.OWN_DEAL();
      if (amountFen < BigInt(d.depositFen)) throw RuralErrors.DEPOSIT_AMOUNT_SHORT({ required: Money.ofFen(d.depositFen).toYuan(), amount: dto.amount });
      const id = await this.deals.upsertApplication(tx.em, { projectId, round: d.round, organisationId: actor.organisationId!, accountId: actor.accountId!, method: dto.method, reference: dto.reference, payerAccount: dto.payerAccount ?? null, amountFen, receivedAt: intake.receivedAt });
      if (!id) throw RuralErrors.APPLICATION_STATE_CONFLICT({ reason: 'already confirmed' });
      await this.audit.append(tx.em, {
        actor,
        role: Role.Bidder,
        action: 'rural.applied',
        subject: { type: DEAL_SUBJECT, id: projectId },
        payload: { applicationId: id, round: d.round, receivedAt: intake.receivedAt, method: dto.method, reference: dto.reference, payerAccount: dto.payerAccount ?? null, amountFen: amountFen.toString() },
      });
      await intake.complete(tx);
      return applicationView((await this.deals.application(tx.em, id))!);
    }));
  }

  /** The centre confirms the deposit arrived: the applicant is qualified and gets its anonymous 竞买号 on the round's lot. */
  async confirm(actor: Actor, applicationId: string): Promise<ApplicationView> {
    return this.txr.run(async (tx) => {
      const a = await this.deals.application(tx.em, applicationId);
      if (!a) throw RuralErrors.APPLICATION_NOT_FOUND({ id: applicationId });
      const d = await this.locked(tx, a.projectId);
      const locked = (await this.deals.application(tx.em, applicationId, true))!;
      if (locked.status !== 'declared' || locked.round !== d.round) throw RuralErrors.APPLICATION_STATE_CONFLICT({ status: locked.status, to: 'qualified' });
      await this.assertListingOpen(tx, d);
      const listing = (await this.deals.listing(tx.em, d.projectId, d.round))!;
      const paddle = await this.live.admit(tx, listing.lotId!, locked.organisationId, actor);
      await this.deals.qualify(tx.em, applicationId, paddle);
      await this.audit.append(tx.em, {
        actor,
        role: Role.Centre,
        action: 'rural.application_confirmed',
        subject: { type: DEAL_SUBJECT, id: d.projectId },
        payload: { applicationId, round: d.round, organisationId: locked.organisationId, amountFen: locked.amountFen, paddle, lotId: listing.lotId },
      });
      return applicationView((await this.deals.application(tx.em, applicationId))!);
    });
  }

  /** The centre and supervisors see every application; the collective once the listing is over; an applicant its own. */
  async list(actor: Actor, projectId: string): Promise<ApplicationView[]> {
    const d = await this.dealService.load(projectId);
    const all = operates(actor) || supervises(actor) || (isParty(actor, d) && applicantsOpen(d));
    if (!all && !actor.organisationId) return [];
    const rows = await this.deals.applications(this.txr.dataSource.manager, projectId, all ? null : actor.organisationId);
    return rows.map(applicationView);
  }

  /** 协议转让: the one qualified applicant confirms a price no lower than the listing price; the result goes to publicity. */
  async agree(actor: Actor, projectId: string, price: string): Promise<DealView> {
    const priceFen = Money.fromYuan(price).fen;
    return this.txr.run(async (tx) => {
      const d = await this.locked(tx, projectId);
      const t = dealTransition(d.status, 'conclude');
      if (!t.ok || d.status !== 'agreement') throw RuralErrors.DEAL_STATE_CONFLICT({ status: d.status, event: 'agree', allowed: d.status === 'agreement' ? ['agree'] : [] });
      const qualified = (await this.deals.roundApplications(tx.em, projectId, d.round)).filter((a) => a.status === 'qualified');
      if (qualified.length !== 1 || qualified[0].organisationId !== actor.organisationId) throw RuralErrors.NOT_SOLE_APPLICANT();
      if (priceFen < BigInt(d.listingPriceFen)) throw RuralErrors.AGREEMENT_PRICE_TOO_LOW({ listingPrice: Money.ofFen(d.listingPriceFen).toYuan(), price });
      const rules = (await this.projects.rulesOf(projectId, TradingDomain.Rural, tx.em)) as RuralSnapshot;
      const outcome = await concludeDeal(this.deals, this.clock, tx, d, rules, { method: 'agreement', buyerOrganisationId: actor.organisationId!, priceFen });
      await this.audit.append(tx.em, { actor, role: Role.Bidder, action: 'rural.concluded', subject: { type: DEAL_SUBJECT, id: projectId }, payload: { from: d.status, to: t.next, ...outcome } });
      return this.dealService.view(tx, (await this.deals.byId(tx.em, projectId))!);
    });
  }

  /** The centre records a deposit paid back. */
  async refund(actor: Actor, applicationId: string, reference: string): Promise<ApplicationView> {
    return this.txr.run(async (tx) => {
      const a = await this.deals.application(tx.em, applicationId, true);
      if (!a) throw RuralErrors.APPLICATION_NOT_FOUND({ id: applicationId });
      if (a.status !== 'refund_due') throw RuralErrors.APPLICATION_STATE_CONFLICT({ status: a.status, to: 'refunded' });
      await this.deals.refunded(tx.em, applicationId, reference);
      await this.audit.append(tx.em, {
        actor,
        role: Role.Centre,
        action: 'rural.deposit_refunded',
        subject: { type: DEAL_SUBJECT, id: a.projectId },
        payload: { applicationId, organisationId: a.organisationId, amountFen: a.amountFen, reference, refundDue: a.refundDue },
      });
      return applicationView((await this.deals.application(tx.em, applicationId))!);
    });
  }

  /**
   * `receivedAt`: a submission's time of receipt, judged against the round's listing end; the database's now() otherwise.
   * An application received after the round's end is refused as late (`LISTING_CLOSED`) whatever the closing has made of
   * the deal since, as a bid after a tender's deadline is.
   */
  private async assertListingOpen(tx: Tx, d: DealRow, receivedAt: Date | null = null): Promise<void> {
    const listing = await this.deals.listing(tx.em, d.projectId, d.round);
    const now = await this.clock.dbNow(tx.em);
    const at = receivedAt ?? now;
    const ended = !!listing?.endsAt && at >= listing.endsAt;
    if (d.status !== 'listing' && !(receivedAt && ended)) throw RuralErrors.DEAL_STATE_CONFLICT({ status: d.status, reason: 'applications are taken while the deal is listed' });
    if (ended) throw RuralErrors.LISTING_CLOSED({ endsAt: listing!.endsAt, ...(receivedAt ? { receivedAt } : {}), serverTime: now });
  }

  private async locked(tx: Tx, projectId: string): Promise<DealRow> {
    const d = await this.deals.byId(tx.em, projectId, true);
    if (!d) throw RuralErrors.DEAL_NOT_FOUND({ id: projectId });
    return d;
  }
}

/**
 * The deal's result: buyer and price recorded, publicity until the rule's period ends, the buyer's deposit kept as part
 * of the price and every other deposit of the round due back within the rule's refund period.
 */
export async function concludeDeal(
  deals: DealRepository,
  clock: Clock,
  tx: Tx,
  d: DealRow,
  rules: RuralSnapshot,
  c: { method: 'agreement' | 'live'; buyerOrganisationId: string; priceFen: bigint },
): Promise<Record<string, unknown>> {
  const now = await clock.dbNow(tx.em);
  const publicityUntil = deadlineAfter(now, rules.params.periods.resultPublicity);
  const refundDue = deadlineAfter(now, rules.params.periods.depositRefund);
  await deals.conclude(tx.em, d.projectId, { ...c, publicityUntil });
  const refunds = await deals.refundDue(tx.em, d.projectId, d.round, refundDue, c.buyerOrganisationId);
  return { round: d.round, method: c.method, buyerOrganisationId: c.buyerOrganisationId, priceFen: c.priceFen.toString(), publicityUntil, refundDue, depositsSettled: refunds.length };
}
