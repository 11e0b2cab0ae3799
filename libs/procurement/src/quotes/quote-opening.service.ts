import { Injectable } from '@nestjs/common';
import { AuditService } from '@app/platform/audit/audit.service';
import { SYSTEM_ACTOR } from '@app/platform/auth/roles';
import { Clock } from '@app/platform/clock/clock';
import { Sealer } from '@app/platform/crypto/sealer';
import { Tx } from '@app/platform/database/transaction-runner';
import { IntakeService } from '@app/platform/intake/intake.service';
import { DomainError } from '@app/platform/errors/domain-error';
import { NotificationService } from '@app/platform/notifications/notification.service';
import { OrderService } from '../buying/order.service';
import { QuoteRepository, RequirementRow } from './quote.repository';
import { openQuote, quoteDigest, requirementKeyAad } from './quote-sealing';
import { REQUIREMENT_SUBJECT } from './requirement.service';
import { roundOutcome } from './rules/quote-outcome';

/** The quote deadline: the round's sealed quotes are opened, judged by the frozen rules, and the round fails or is awarded. */
@Injectable()
export class QuoteOpeningService {
  constructor(
    private readonly repo: QuoteRepository,
    private readonly sealer: Sealer,
    private readonly notifications: NotificationService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly orders: OrderService,
    private readonly intake: IntakeService,
  ) {}

  /**
   * Runs once per round (the requirement leaves 'quoting'), after the deadline by the database clock; first, before
   * locking the requirement, it waits (bounded) for quotes fully received before the deadline still being written.
   */
  async close(tx: Tx, requirementId: string, round: number): Promise<void> {
    const r0 = await this.repo.byId(tx.em, requirementId);
    if (!r0 || r0.status !== 'quoting' || r0.round !== round) return;
    await this.intake.settle(tx.em, { type: REQUIREMENT_SUBJECT, id: requirementId }, r0.quoteDeadline);
    const r = await this.repo.byId(tx.em, requirementId, 'update');
    if (!r || r.status !== 'quoting' || r.round !== round) return;
    const now = await this.clock.dbNow(tx.em);
    if (now < r.quoteDeadline) return;
    const key = this.sealer.unwrapDataKey(r.dataKeyWrapped, requirementKeyAad(requirementId));
    const boxes = await this.repo.sealedOfRound(tx.em, requirementId, round);
    const qualified = await this.repo.qualified(tx.em, r.categoryCode, boxes.map((b) => b.organisationId), r.quoteDeadline);
    const opened = boxes.map((b) => {
      const content = openQuote(key, b.id, b.sealed);
      const verified = quoteDigest(b.id, requirementId, round, content.nonce, content) === b.digest;
      return { ...b, ...content, verified };
    });
    const outcome = roundOutcome(
      opened.map((o) => ({ id: o.id, organisationId: o.organisationId, totalFen: o.totalFen, receivedAt: o.receivedAt, qualified: qualified.has(o.organisationId) })),
      BigInt(r.maxPriceFen),
      r.rules.minQuotes,
    );
    await this.repo.markOpened(
      tx.em,
      opened.map((o) => {
        const reason = o.verified ? outcome.validity.get(o.id)! : 'digest_mismatch';
        return { id: o.id, totalFen: o.totalFen, itemPrices: o.unitPricesFen?.map(String) ?? null, valid: reason === null, invalidReason: reason };
      }),
    );
    await this.repo.close(tx.em, requirementId, outcome.status, outcome.winnerId);
    const winner = opened.find((o) => o.id === outcome.winnerId) ?? null;
    const order = winner ? await this.placeOrder(tx, r, winner) : null;
    for (const o of opened) {
      await this.notifications.enqueue(tx, {
        channel: 'site',
        recipient: { type: 'organisation', id: o.organisationId },
        template: outcome.status === 'awarded' ? (o.id === outcome.winnerId ? 'procurement.quote_won' : 'procurement.quote_lost') : 'procurement.quote_failed',
        params: { requirementId, round, title: r.title },
      });
    }
    await this.audit.append(tx.em, {
      actor: SYSTEM_ACTOR,
      action: outcome.status === 'awarded' ? 'procurement.quote_awarded' : 'procurement.quote_round_failed',
      subject: { type: REQUIREMENT_SUBJECT, id: requirementId },
      payload: {
        round,
        quoteDeadline: r.quoteDeadline,
        openedAt: now,
        minQuotes: r.rules.minQuotes,
        validCount: outcome.validCount,
        quotes: opened.map((o) => ({ quoteId: o.id, organisationId: o.organisationId, totalFen: o.totalFen.toString(), quoteDigest: o.digest, verified: o.verified, invalidReason: o.verified ? outcome.validity.get(o.id) : 'digest_mismatch' })),
        winner: winner ? { quoteId: winner.id, organisationId: winner.organisationId, totalFen: winner.totalFen.toString() } : null,
        order,
      },
    });
  }

  /**
   * The award becomes an order in the same transaction (budget taken atomically by buying). A refusal (the budget
   * spent meanwhile) must not undo the award nor make the milestone retry forever: it rolls back to a savepoint and
   * is recorded; the purchaser then settles it outside the e-mall.
   */
  private async placeOrder(tx: Tx, r: RequirementRow, w: { id: string; organisationId: string; totalFen: bigint; unitPricesFen: bigint[] | null }): Promise<{ orderId: string } | { refused: string }> {
    const items = w.unitPricesFen
      ? r.items.map((i, n) => ({ description: i.description, quantity: i.quantity, unitPriceFen: w.unitPricesFen![n] }))
      : [{ description: `${r.title}(网上竞价成交总价 / online quote total)`, quantity: 1, unitPriceFen: w.totalFen }];
    await tx.em.query(`SAVEPOINT quote_award_order`);
    try {
      const order = await this.orders.placeAwarded(
        tx,
        { purchaserOrganisationId: r.purchaserOrganisationId, supplierOrganisationId: w.organisationId, budgetLineId: r.budgetLineId, items, source: 'quote', sourceId: r.id, ruleSet: r.ruleSandbox ? 'sandbox' : 'standard' },
        SYSTEM_ACTOR,
      );
      await tx.em.query(`RELEASE SAVEPOINT quote_award_order`);
      await this.repo.setOrder(tx.em, r.id, order.id);
      return { orderId: order.id };
    } catch (err) {
      if (!(err instanceof DomainError)) throw err;
      await tx.em.query(`ROLLBACK TO SAVEPOINT quote_award_order`);
      return { refused: err.code };
    }
  }
}
