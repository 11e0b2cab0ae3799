import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { AuditService } from '@app/platform/audit/audit.service';
import { Actor, Role, TradingDomain } from '@app/platform/auth/roles';
import { deadlineAfter, Period } from '@app/platform/calendar/period';
import { countingOf } from '@app/platform/calendar/working-time';
import { Clock } from '@app/platform/clock/clock';
import { Sealer } from '@app/platform/crypto/sealer';
import { Tx, TransactionRunner } from '@app/platform/database/transaction-runner';
import { MilestoneService } from '@app/platform/milestones/milestone.service';
import { Money } from '@app/platform/money/money';
import { ProcurementRules } from '@app/platform/rules/defaults';
import { RuleSetService } from '@app/platform/rules/rule-set.service';
import { ProjectService } from '@app/trading';
import { PublishRequirementDto } from './dto/quote.dto';
import { openedQuoteView, OpenedQuoteView, requirementView, RequirementView } from './dto/quote.view';
import { isPurchaser, operates, supervisesProcurement } from './quote-access';
import { QuoteErrors } from './quote-errors';
import { QuoteRepository, QuoteRuleSnapshot, RequirementRow } from './quote.repository';
import { requirementKeyAad } from './quote-sealing';
import { afterFailure } from './rules/quote-outcome';

export const REQUIREMENT_SUBJECT = 'procurement_requirement';
export const QUOTE_DEADLINE_KIND = 'procurement.quote_deadline';

const shanghaiDate = (d: Date) => new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

/** 网上竞价需求: published by the purchaser above the direct-purchase limit; a failed round reopens once or switches method. */
@Injectable()
export class RequirementService {
  constructor(
    private readonly txr: TransactionRunner,
    private readonly repo: QuoteRepository,
    private readonly rules: RuleSetService,
    private readonly milestones: MilestoneService,
    private readonly sealer: Sealer,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly projects: ProjectService,
  ) {}

  async publish(actor: Actor, dto: PublishRequirementDto): Promise<RequirementView> {
    if (!actor.organisationId) throw QuoteErrors.NO_PURCHASER_ORGANISATION();
    const purchaser = actor.organisationId;
    const maxPriceFen = Money.fromYuan(dto.maxPrice).fen;
    return this.txr.run(async (tx) => {
      const ruleSet = await this.rules.inForce(tx.em, TradingDomain.Procurement, dto.ruleSet === 'sandbox');
      const params = ruleSet.params as unknown as ProcurementRules;
      const snapshot: QuoteRuleSnapshot = { quoteWindow: params.periods.quoteWindow, minQuotes: params.numbers.minQuotes, directPurchaseThresholdFen: params.amountsFen.directPurchaseThreshold };
      const thresholdFen = BigInt(snapshot.directPurchaseThresholdFen);
      if (maxPriceFen <= thresholdFen) throw QuoteErrors.BELOW_QUOTE_THRESHOLD({ maxPrice: dto.maxPrice, directPurchaseThreshold: Money.ofFen(thresholdFen).toYuan(), ruleSetVersion: ruleSet.version });
      if (!(await this.repo.categoryExists(tx.em, dto.categoryCode))) throw QuoteErrors.CATEGORY_NOT_FOUND({ categoryCode: dto.categoryCode });
      const budget = await this.repo.budgetLine(tx.em, dto.budgetLineId, purchaser);
      if (!budget) throw QuoteErrors.BUDGET_LINE_NOT_USABLE({ budgetLineId: dto.budgetLineId });
      if (budget.remainingFen < maxPriceFen) throw QuoteErrors.BUDGET_LINE_NOT_USABLE({ budgetLineId: dto.budgetLineId, remaining: Money.ofFen(budget.remainingFen).toYuan(), maxPrice: dto.maxPrice });
      const now = await this.clock.dbNow(tx.em);
      // The rule's window is the shortest: the purchaser may publish a later deadline, never an earlier one.
      const earliest = deadlineAfter(now, snapshot.quoteWindow as Period);
      if (dto.quoteDeadline && dto.quoteDeadline < earliest) throw QuoteErrors.QUOTE_DEADLINE_TOO_EARLY({ quoteDeadline: dto.quoteDeadline, earliest, quoteWindow: snapshot.quoteWindow, serverTime: now });
      const quoteDeadline = dto.quoteDeadline ?? earliest;
      if (dto.deliveryDate <= shanghaiDate(quoteDeadline)) throw QuoteErrors.DELIVERY_DATE_INVALID({ deliveryDate: dto.deliveryDate, quoteDeadline });
      const id = randomUUID();
      const project = await this.projects.register(actor, { domain: TradingDomain.Procurement, name: dto.title, region: dto.deliveryRegion, ruleSet: dto.ruleSet }, tx);
      await this.projects.publish(actor, project.id, tx, Role.Owner);
      await this.repo.insert(tx.em, {
        id,
        projectId: project.id,
        purchaserOrganisationId: purchaser,
        createdBy: actor.accountId!,
        title: dto.title,
        categoryCode: dto.categoryCode,
        items: dto.items.map((i) => ({ description: i.description, quantity: i.quantity, unit: i.unit, specs: i.specs ?? null })),
        deliveryRegion: dto.deliveryRegion,
        deliveryDate: dto.deliveryDate,
        maxPriceFen: maxPriceFen.toString(),
        budgetLineId: dto.budgetLineId,
        ruleSetId: ruleSet.id,
        ruleSetVersion: ruleSet.version,
        ruleSandbox: ruleSet.isSandbox,
        rules: snapshot,
        quoteDeadline,
        dataKeyWrapped: this.sealer.newDataKey(requirementKeyAad(id)).wrapped,
      });
      await this.scheduleRound(tx, actor, id, project.id, 1, quoteDeadline, snapshot.quoteWindow as Period);
      await this.audit.append(tx.em, {
        actor,
        role: Role.Owner,
        action: 'procurement.requirement_published',
        subject: { type: REQUIREMENT_SUBJECT, id },
        payload: { title: dto.title, categoryCode: dto.categoryCode, items: dto.items, maxPriceFen: maxPriceFen.toString(), budgetLineId: dto.budgetLineId, quoteDeadline, earliestDeadline: earliest, ruleSetId: ruleSet.id, ruleSetVersion: ruleSet.version, sandbox: ruleSet.isSandbox },
      });
      return this.view(tx, id);
    });
  }

  /** 重新竞价: once, after a failed first round; a new window by the frozen rules, and every supplier quotes afresh. */
  async reopen(actor: Actor, id: string): Promise<RequirementView> {
    return this.txr.run(async (tx) => {
      const r = await this.mine(tx, actor, id);
      const move = afterFailure(r.status, r.round, 'reopen');
      if (!move.ok) throw QuoteErrors[move.code]({ status: r.status, round: r.round });
      const now = await this.clock.dbNow(tx.em);
      const quoteDeadline = deadlineAfter(now, r.rules.quoteWindow as Period);
      await this.scheduleRound(tx, actor, id, r.projectId, 2, quoteDeadline, r.rules.quoteWindow as Period);
      await this.audit.append(tx.em, { actor, role: Role.Owner, action: 'procurement.requirement_reopened', subject: { type: REQUIREMENT_SUBJECT, id }, payload: { round: 2, quoteDeadline, ruleSetVersion: r.ruleSetVersion } });
      return this.view(tx, id);
    });
  }

  /** 变更采购方式: recorded here; what follows (磋商, 谈判…) happens outside the e-mall. */
  async switchMethod(actor: Actor, id: string, reason: string): Promise<RequirementView> {
    return this.txr.run(async (tx) => {
      const r = await this.mine(tx, actor, id);
      const move = afterFailure(r.status, r.round, 'switch');
      if (!move.ok) throw QuoteErrors[move.code]({ status: r.status, round: r.round });
      await this.repo.switchMethod(tx.em, id, reason);
      await this.audit.append(tx.em, { actor, role: Role.Owner, action: 'procurement.requirement_switched', subject: { type: REQUIREMENT_SUBJECT, id }, payload: { round: r.round, reason } });
      return this.view(tx, id);
    });
  }

  publicList(): Promise<RequirementView[]> {
    return this.txr.run(async (tx) => {
      const rows = await this.repo.list(tx.em, 200);
      const out: RequirementView[] = [];
      for (const r of rows) out.push(requirementView(r, r.status === 'awarded' && r.winnerQuoteId ? await this.repo.quotes(tx.em, r.id, { liveOnly: true }) : []));
      // the list names the winner only; each quote's price is on the requirement's own page
      return out.map((v) => ({ ...v, rounds: [] }));
    });
  }

  publicGet(id: string): Promise<RequirementView> {
    return this.txr.run((tx) => this.view(tx, id));
  }

  /** Prices for the purchaser, the centre and supervisors, once the round's deadline has opened them; nobody before. */
  async quotes(actor: Actor, id: string): Promise<OpenedQuoteView[]> {
    const em = this.txr.dataSource.manager;
    const r = await this.repo.byId(em, id);
    if (!r || !(isPurchaser(actor, r) || operates(actor) || supervisesProcurement(actor))) throw QuoteErrors.REQUIREMENT_NOT_FOUND({ id });
    if (r.status === 'quoting') throw QuoteErrors.QUOTES_SEALED({ round: r.round, quoteDeadline: r.quoteDeadline });
    return (await this.repo.quotes(em, id, { liveOnly: true })).filter((q) => q.openedAt !== null).map(openedQuoteView);
  }

  /** Under the project's subject, so that a suspension pauses the round's deadline (older requirements keep their own). */
  private async scheduleRound(tx: Tx, actor: Actor, id: string, projectId: string | null, round: number, quoteDeadline: Date, window: Period): Promise<void> {
    const payload = { requirementId: id, round };
    const counting = countingOf(window);
    const m = projectId
      ? await this.projects.schedule(tx, projectId, { kind: QUOTE_DEADLINE_KIND, dueAt: quoteDeadline, payload, counting }, actor)
      : await this.milestones.schedule(tx, { kind: QUOTE_DEADLINE_KIND, subjectType: REQUIREMENT_SUBJECT, subjectId: id, dueAt: quoteDeadline, payload }, actor);
    await this.repo.setDeadline(tx.em, id, round, quoteDeadline, m.id);
  }

  private async mine(tx: Tx, actor: Actor, id: string): Promise<RequirementRow> {
    const r = await this.repo.byId(tx.em, id, 'update');
    if (!r) throw QuoteErrors.REQUIREMENT_NOT_FOUND({ id });
    if (!isPurchaser(actor, r)) throw QuoteErrors.REQUIREMENT_NOT_YOURS();
    return r;
  }

  private async view(tx: Tx, id: string): Promise<RequirementView> {
    const r = await this.repo.byId(tx.em, id);
    if (!r) throw QuoteErrors.REQUIREMENT_NOT_FOUND({ id });
    return requirementView(r, await this.repo.quotes(tx.em, id, { liveOnly: true }));
  }
}
