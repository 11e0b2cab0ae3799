import { Injectable } from '@nestjs/common';
import { AuditService } from '@app/platform/audit/audit.service';
import { Actor, hasRole, Role, TradingDomain } from '@app/platform/auth/roles';
import { Clock } from '@app/platform/clock/clock';
import { Tx, TransactionRunner } from '@app/platform/database/transaction-runner';
import { Money } from '@app/platform/money/money';
import { ProcurementRules } from '@app/platform/rules/defaults';
import { RuleSetService } from '@app/platform/rules/rule-set.service';
import { BuyingErrors } from './buying-errors';
import { operates, roleOf, sideOf, supervises } from './buying-access';
import { BuyingRepository } from './buying.repository';
import { OrderRow } from './buying.types';
import { DirectPurchaseDto, PaymentDto } from './dto/buying.dto';
import { OrderView, orderView, OverdueStepView, pendingView } from './dto/buying.view';
import { OrderEvent, orderTransition, OrderStatus, pendingStep, releasesBudget, stepTimes } from './rules/order-state';

export const ORDER_SUBJECT = 'procurement_order';

export interface AwardedOrder {
  purchaserOrganisationId: string;
  supplierOrganisationId: string;
  budgetLineId: string;
  items: { description: string; quantity: number; unitPriceFen: bigint }[];
  source: 'quote';
  sourceId: string;
  /** the rule line the quote ran on; the order freezes that line's version in force now */
  ruleSet?: 'standard' | 'sandbox';
}

interface NewOrder {
  purchaserOrganisationId: string;
  supplierOrganisationId: string;
  budgetLineId: string;
  items: { productId: string | null; description: string; quantity: number; unitPriceFen: bigint }[];
  source: 'direct' | 'quote';
  sourceId: string | null;
}

/** Orders of the e-mall: direct purchase (直购), awarded online quotes, and their confirmation, delivery, acceptance (验收) and payment. */
@Injectable()
export class OrderService {
  constructor(
    private readonly txr: TransactionRunner,
    private readonly repo: BuyingRepository,
    private readonly rules: RuleSetService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** 直购: prices are the products' current prices; the total must stay within the rules' direct-purchase threshold. */
  async directPurchase(actor: Actor, dto: DirectPurchaseDto): Promise<OrderView> {
    if (!actor.organisationId) throw BuyingErrors.NO_ORGANISATION();
    const ids = dto.items.map((i) => i.productId);
    if (new Set(ids).size !== ids.length) throw BuyingErrors.ORDER_ITEMS_INVALID({ reason: 'a product appears twice' });
    return this.txr.run(async (tx) => {
      const rules = await this.rules.inForce(tx.em, TradingDomain.Procurement, dto.ruleSet === 'sandbox');
      const products = new Map((await this.repo.productsForSale(tx.em, ids)).map((p) => [p.id, p]));
      const missing = ids.filter((id) => !products.has(id));
      if (missing.length) throw BuyingErrors.PRODUCT_NOT_FOUND({ ids: missing });
      const off = ids.filter((id) => !products.get(id)!.onSale);
      if (off.length) throw BuyingErrors.PRODUCT_NOT_ON_SALE({ ids: off });
      const suppliers = new Set([...products.values()].map((p) => p.supplierOrganisationId));
      if (suppliers.size > 1) throw BuyingErrors.ORDER_MIXED_SUPPLIERS({ suppliers: [...suppliers] });
      const items = dto.items.map((i) => {
        const p = products.get(i.productId)!;
        return { productId: p.id, description: p.description, quantity: i.quantity, unitPriceFen: BigInt(p.priceFen) };
      });
      const total = items.reduce((sum, i) => sum + i.unitPriceFen * BigInt(i.quantity), 0n);
      // What the purchaser confirmed is what it binds itself to: a price changed since then refuses the order.
      if (dto.expectedTotal !== undefined && Money.fromYuan(dto.expectedTotal).fen !== total) {
        throw BuyingErrors.ORDER_TOTAL_CHANGED({ expected: Money.fromYuan(dto.expectedTotal).toYuan(), total: Money.ofFen(total).toYuan(), items: items.map((i) => ({ productId: i.productId, unitPrice: Money.ofFen(i.unitPriceFen).toYuan() })) });
      }
      const threshold = BigInt((rules.params as unknown as ProcurementRules).amountsFen.directPurchaseThreshold);
      if (total > threshold) throw BuyingErrors.DIRECT_PURCHASE_OVER_THRESHOLD({ total: Money.ofFen(total).toYuan(), threshold: Money.ofFen(threshold).toYuan(), ruleSetVersion: rules.version });
      const order = { purchaserOrganisationId: actor.organisationId!, supplierOrganisationId: [...suppliers][0], budgetLineId: dto.budgetLineId, items, source: 'direct' as const, sourceId: null };
      return this.place(tx, actor, order, rules);
    });
  }

  /**
   * An online quote's award becomes an order in the quote's transaction, under the same budget rule (BUDGET_EXCEEDED
   * rolls the award back). No threshold: the quote is the method for amounts above it.
   */
  async placeAwarded(tx: Tx, o: AwardedOrder, actor: Actor): Promise<OrderView> {
    if (!o.items.length || o.items.some((i) => !Number.isSafeInteger(i.quantity) || i.quantity <= 0 || i.unitPriceFen <= 0n)) throw BuyingErrors.ORDER_ITEMS_INVALID();
    const rules = await this.rules.inForce(tx.em, TradingDomain.Procurement, o.ruleSet === 'sandbox');
    return this.place(tx, actor, { ...o, items: o.items.map((i) => ({ ...i, productId: null })) }, rules);
  }

  private async place(tx: Tx, actor: Actor, o: NewOrder, rules: { id: string; version: number; isSandbox: boolean; params: unknown }): Promise<OrderView> {
    if (o.purchaserOrganisationId === o.supplierOrganisationId) throw BuyingErrors.OWN_PRODUCT();
    const line = await this.repo.budgetLine(tx.em, o.budgetLineId);
    if (!line) throw BuyingErrors.BUDGET_LINE_NOT_FOUND({ id: o.budgetLineId });
    if (line.organisationId !== o.purchaserOrganisationId) throw BuyingErrors.BUDGET_NOT_YOURS({ id: o.budgetLineId });
    const total = o.items.reduce((sum, i) => sum + i.unitPriceFen * BigInt(i.quantity), 0n);
    const taken = await this.repo.takeBudget(tx.em, line.id, o.purchaserOrganisationId, total);
    if (!taken) {
      const now = (await this.repo.budgetLine(tx.em, line.id))!;
      throw BuyingErrors.BUDGET_EXCEEDED({ budgetLineId: line.id, total: Money.ofFen(total).toYuan(), remaining: Money.ofFen(BigInt(now.amountFen) - BigInt(now.usedFen)).toYuan() });
    }
    const params = rules.params as unknown as ProcurementRules;
    const placedAt = await this.clock.dbNow(tx.em);
    const { dueAt, warnAt } = stepTimes(placedAt, params.periods.supplierConfirmation, params.numbers.warningPercent);
    const { id, no } = await this.repo.insertOrder(tx.em, {
      purchaserOrganisationId: o.purchaserOrganisationId,
      supplierOrganisationId: o.supplierOrganisationId,
      budgetLineId: line.id,
      source: o.source,
      sourceId: o.sourceId,
      totalFen: total,
      ruleSetId: rules.id,
      ruleSetVersion: rules.version,
      sandbox: rules.isSandbox,
      rules: params,
      placedBy: actor.accountId,
      placedAt,
      confirmDue: dueAt,
      warnAt,
    });
    let lineNo = 0;
    for (const item of o.items) await this.repo.insertItem(tx.em, id, { ...item, lineNo: ++lineNo });
    await this.audit.append(tx.em, {
      actor,
      role: o.source === 'direct' ? Role.Owner : undefined,
      action: 'procurement.order_placed',
      subject: { type: ORDER_SUBJECT, id },
      payload: {
        no,
        source: o.source,
        sourceId: o.sourceId,
        supplierOrganisationId: o.supplierOrganisationId,
        budgetLineId: line.id,
        budgetUsedFen: taken.usedFen,
        totalFen: total.toString(),
        items: o.items.map((i) => ({ productId: i.productId, quantity: i.quantity, unitPriceFen: i.unitPriceFen.toString() })),
        ruleSet: { id: rules.id, version: rules.version, sandbox: rules.isSandbox },
        confirmDue: dueAt,
      },
    });
    return this.view(tx, (await this.repo.order(tx.em, id))!);
  }

  confirm(actor: Actor, id: string): Promise<OrderView> {
    return this.step(actor, id, 'confirm', () => ({ set: 'confirmed_at = now()', params: [], detail: {} }));
  }

  deliver(actor: Actor, id: string, note: string): Promise<OrderView> {
    return this.step(actor, id, 'deliver', () => ({ set: 'delivered_at = now(), delivery_note = $6, accept_due = $4', params: [note], detail: { note } }));
  }

  accept(actor: Actor, id: string): Promise<OrderView> {
    return this.step(actor, id, 'accept', () => ({ set: 'accepted_at = now(), payment_due = $4', params: [], detail: {} }));
  }

  reject(actor: Actor, id: string, reasons: string[]): Promise<OrderView> {
    return this.step(actor, id, 'reject', () => ({ set: 'rejected_at = now(), rejection_reasons = $6::jsonb', params: [JSON.stringify(reasons)], detail: { reasons } }));
  }

  pay(actor: Actor, id: string, dto: PaymentDto): Promise<OrderView> {
    return this.step(actor, id, 'pay', (o) => {
      const amount = Money.fromYuan(dto.amount).fen;
      if (amount !== BigInt(o.totalFen)) throw BuyingErrors.PAYMENT_AMOUNT_MISMATCH({ amount: dto.amount, total: Money.ofFen(o.totalFen).toYuan() });
      return { set: 'paid_at = now(), payment_reference = $6', params: [dto.reference], detail: { reference: dto.reference, amountFen: amount.toString() } };
    });
  }

  /** The purchaser may withdraw an order its supplier left unconfirmed past the time limit; the budget comes back. */
  cancel(actor: Actor, id: string): Promise<OrderView> {
    return this.step(actor, id, 'cancel', (o, now) => {
      if (now < o.confirmDue) throw BuyingErrors.CANCEL_TOO_EARLY({ confirmDue: o.confirmDue });
      return { set: 'cancelled_at = now()', params: [], detail: {} };
    });
  }

  async get(actor: Actor, id: string): Promise<OrderView> {
    const em = this.txr.dataSource.manager;
    const o = await this.repo.order(em, id);
    if (!o || (!sideOf(actor, o) && !operates(actor) && !supervises(actor))) throw BuyingErrors.ORDER_NOT_FOUND({ id });
    return orderView(o, await this.repo.items(em, id));
  }

  /** A purchaser's orders, or a supplier's; an account holding both roles sees both sides. */
  async mine(actor: Actor): Promise<OrderView[]> {
    if (!actor.organisationId) throw BuyingErrors.NO_ORGANISATION();
    const em = this.txr.dataSource.manager;
    const rows: OrderRow[] = [];
    if (hasRole(actor, Role.Owner)) rows.push(...(await this.repo.mine(em, actor.organisationId, 'purchaser')));
    if (hasRole(actor, Role.Bidder)) rows.push(...(await this.repo.mine(em, actor.organisationId, 'supplier')));
    return Promise.all(rows.map(async (o) => orderView(o, await this.repo.items(em, o.id))));
  }

  /** Steps past due (and those past the rules' warning share), for the office and the procurement regulator. */
  async overdue(actor: Actor): Promise<OverdueStepView[]> {
    if (!supervises(actor)) throw BuyingErrors.NOT_SUPERVISOR();
    const em = this.txr.dataSource.manager;
    const now = await this.clock.dbNow(em);
    return (await this.repo.attention(em, now)).flatMap((o) => {
      const p = pendingView(o);
      if (!p) return [];
      const late = now.getTime() - p.dueAt.getTime();
      return [{ ...p, orderId: o.id, orderNo: o.no, level: late > 0 ? ('overdue' as const) : ('warning' as const), lateSeconds: Math.max(0, Math.floor(late / 1000)), purchaserName: o.purchaserName, supplierName: o.supplierName, total: Money.ofFen(o.totalFen).toYuan() }];
    });
  }

  /**
   * One step of the order, by the party that owns it: the state moves by a conditional UPDATE, the next pending step's
   * due time comes from the order's frozen rules, a rejection or cancellation gives the amount back to the budget line.
   * Late steps are taken and recorded as late: refusing them would strand the order, and supervision sees the delay.
   */
  private step(
    actor: Actor,
    id: string,
    event: OrderEvent,
    apply: (o: OrderRow, now: Date) => { set: string; params: unknown[]; detail: Record<string, unknown> },
  ): Promise<OrderView> {
    return this.txr.run(async (tx) => {
      const o = await this.repo.order(tx.em, id, true);
      if (!o) throw BuyingErrors.ORDER_NOT_FOUND({ id });
      const side = sideOf(actor, o);
      if (!side) {
        if (operates(actor) || supervises(actor)) throw BuyingErrors.ORDER_NOT_YOURS();
        throw BuyingErrors.ORDER_NOT_FOUND({ id });
      }
      const move = orderTransition(o.status, event);
      if (!move.ok) throw BuyingErrors.ORDER_STATE_CONFLICT({ status: o.status, event, allowed: move.allowed });
      if (move.by !== side) throw BuyingErrors.ORDER_NOT_YOURS({ event, by: move.by });
      const now = await this.clock.dbNow(tx.em);
      const { set, params, detail } = apply(o, now);
      const due = this.nextDue(o, move.next, now);
      if (!(await this.repo.move(tx.em, id, o.status, move.next, set, params, due))) throw BuyingErrors.ORDER_STATE_CONFLICT({ status: o.status, event });
      if (releasesBudget(move.next)) await this.repo.releaseBudget(tx.em, o.budgetLineId, BigInt(o.totalFen));
      const late = o.dueAt && pendingStep(o.status) ? Math.max(0, Math.floor((now.getTime() - o.dueAt.getTime()) / 1000)) : 0;
      await this.audit.append(tx.em, {
        actor,
        role: roleOf(side),
        action: `procurement.order_${move.next}`,
        subject: { type: ORDER_SUBJECT, id },
        payload: { no: o.no, from: o.status, to: move.next, lateSeconds: late, ...(releasesBudget(move.next) && { budgetReleasedFen: o.totalFen }), ...(due && { nextDue: due.dueAt }), ...detail },
      });
      return this.view(tx, (await this.repo.order(tx.em, id))!);
    });
  }

  private nextDue(o: OrderRow, next: OrderStatus, now: Date): { dueAt: Date; warnAt: Date } | null {
    const p = pendingStep(next);
    if (!p) return null;
    const rules = o.rules as ProcurementRules;
    return stepTimes(now, rules.periods[p.period], rules.numbers.warningPercent);
  }

  private async view(tx: Tx, o: OrderRow): Promise<OrderView> {
    return orderView(o, await this.repo.items(tx.em, o.id));
  }
}
