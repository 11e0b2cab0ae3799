import { Injectable } from '@nestjs/common';
import { AuditService } from '@app/platform/audit/audit.service';
import { SYSTEM_ACTOR } from '@app/platform/auth/roles';
import { Clock } from '@app/platform/clock/clock';
import { Sealer } from '@app/platform/crypto/sealer';
import { Tx } from '@app/platform/database/transaction-runner';
import { NotificationService } from '@app/platform/notifications/notification.service';
import { QuoteRepository } from './quote.repository';
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
  ) {}

  /** Runs once per round (the requirement leaves 'quoting'), after the deadline by the database clock. */
  async close(tx: Tx, requirementId: string, round: number): Promise<void> {
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
      opened.map((o) => ({ id: o.id, organisationId: o.organisationId, totalFen: o.totalFen, submittedAt: o.submittedAt, qualified: qualified.has(o.organisationId) })),
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
    // TODO(issue 7, buying): when BuyingModule exports OrderService, place the order here in this transaction:
    //   const order = await orders.placeAwarded(tx, { purchaserOrganisationId, supplierOrganisationId, budgetLineId, items, source: 'quote', sourceId: requirementId }, SYSTEM_ACTOR);
    //   await this.repo.setOrder(tx.em, requirementId, order.id);
    // Until then the award is recorded only (status 'awarded', winner_quote_id).
    const winner = opened.find((o) => o.id === outcome.winnerId) ?? null;
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
      },
    });
  }
}
