import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { AuditService } from '@app/platform/audit/audit.service';
import { Actor, Role } from '@app/platform/auth/roles';
import { Sealer } from '@app/platform/crypto/sealer';
import { Tx, TransactionRunner } from '@app/platform/database/transaction-runner';
import { BodyReceipt } from '@app/platform/http/received-at';
import { IntakeService } from '@app/platform/intake/intake.service';
import { Money } from '@app/platform/money/money';
import { SubmitQuoteDto } from './dto/quote.dto';
import { QuoteReceiptView, receiptOf } from './dto/quote.view';
import { QuoteErrors } from './quote-errors';
import { QuoteRepository, RequirementRow } from './quote.repository';
import { requirementKeyAad, sealQuote } from './quote-sealing';
import { REQUIREMENT_SUBJECT } from './requirement.service';

/** Sealed quotes: one live quote per supplier and round, replaced freely, taken only if fully received before the deadline (the intake's received-at, on the database's clock). */
@Injectable()
export class QuoteService {
  constructor(
    private readonly txr: TransactionRunner,
    private readonly repo: QuoteRepository,
    private readonly sealer: Sealer,
    private readonly audit: AuditService,
    private readonly intake: IntakeService,
  ) {}

  async submit(actor: Actor, requirementId: string, dto: SubmitQuoteDto, clientIp: string | null, body: BodyReceipt): Promise<QuoteReceiptView> {
    const totalFen = Money.fromYuan(dto.total).fen;
    if (totalFen <= 0n) throw QuoteErrors.QUOTE_PRICE_INVALID({ total: dto.total });
    const r0 = await this.repo.byId(this.txr.dataSource.manager, requirementId);
    if (!r0) throw QuoteErrors.REQUIREMENT_NOT_FOUND({ id: requirementId });
    if (!actor.organisationId) throw QuoteErrors.SUPPLIER_NOT_QUALIFIED({ categoryCode: r0.categoryCode });
    if (actor.organisationId === r0.purchaserOrganisationId) throw QuoteErrors.QUOTE_OWN_REQUIREMENT();
    const unitPricesFen = dto.unitPrices ? this.itemPrices(r0, dto.unitPrices, totalFen) : null;
    // Sealing happens before the transaction; the round and the deadline (on the received-at time) are judged inside it.
    const quoteId = randomUUID();
    const key = this.sealer.unwrapDataKey(r0.dataKeyWrapped, requirementKeyAad(requirementId));
    return this.intake.run({ type: REQUIREMENT_SUBJECT, id: requirementId }, body, (intake) =>
      this.txr.run(async (tx) => {
        const r = await this.open(tx, requirementId, intake.receivedAt);
        const sealed = sealQuote(key, quoteId, requirementId, r.round, { totalFen, unitPricesFen });
        const qualified = await this.repo.qualified(tx.em, r.categoryCode, [actor.organisationId!], intake.receivedAt);
        if (!qualified.has(actor.organisationId!)) throw QuoteErrors.SUPPLIER_NOT_QUALIFIED({ categoryCode: r.categoryCode });
        const replaces = await this.repo.replaceLive(tx.em, requirementId, r.round, actor.organisationId!);
        await this.repo.insertQuote(tx.em, { id: quoteId, requirementId, round: r.round, organisationId: actor.organisationId!, submittedBy: actor.accountId!, sealed: sealed.sealed, digest: sealed.digest, clientIp, deviceId: dto.deviceId ?? null, receivedAt: intake.receivedAt });
        await intake.complete(tx);
        await this.audit.append(tx.em, {
          actor,
          role: Role.Bidder,
          action: 'procurement.quote_submitted',
          subject: { type: REQUIREMENT_SUBJECT, id: requirementId },
          payload: { quoteId, round: r.round, organisationId: actor.organisationId, receivedAt: intake.receivedAt, quoteDigest: sealed.digest, replaces },
        });
        const row = (await this.repo.quote(tx.em, quoteId))!;
        return { ...receiptOf(row, requirementId), replaces, nonce: sealed.nonce };
      }),
    );
  }

  /** A supplier's own receipts; prices are never shown back before the deadline. */
  async mine(actor: Actor, requirementId: string): Promise<QuoteReceiptView[]> {
    const em = this.txr.dataSource.manager;
    if (!(await this.repo.byId(em, requirementId))) throw QuoteErrors.REQUIREMENT_NOT_FOUND({ id: requirementId });
    if (!actor.organisationId) return [];
    return (await this.repo.quotes(em, requirementId, { organisationId: actor.organisationId })).map((q) => receiptOf(q, requirementId));
  }

  /** Holds the requirement row (FOR SHARE) so the closing (FOR UPDATE) waits for this transaction; refuses a quote received at or after the deadline. */
  private async open(tx: Tx, requirementId: string, receivedAt: Date): Promise<RequirementRow> {
    const r = await this.repo.byId(tx.em, requirementId, 'share');
    if (!r) throw QuoteErrors.REQUIREMENT_NOT_FOUND({ id: requirementId });
    const [clock] = await tx.em.query(`SELECT now() AS now, $2::timestamptz < $1::timestamptz AS open`, [r.quoteDeadline, receivedAt]);
    if (r.status !== 'quoting' || !clock.open) throw QuoteErrors.QUOTE_AFTER_DEADLINE({ quoteDeadline: r.quoteDeadline, receivedAt, serverTime: clock.now, status: r.status, round: r.round });
    return r;
  }

  /** Unit prices, one per requirement line, adding up (× quantity) to the total exactly. */
  private itemPrices(r: RequirementRow, unitPrices: string[], totalFen: bigint): bigint[] {
    const fen = unitPrices.map((p) => Money.fromYuan(p).fen);
    const sum = fen.reduce((s, p, i) => s + p * BigInt(r.items[i]?.quantity ?? 0), 0n);
    if (fen.length !== r.items.length || fen.some((p) => p <= 0n) || sum !== totalFen) {
      throw QuoteErrors.QUOTE_ITEMS_MISMATCH({ items: r.items.length, unitPrices: fen.length, sum: Money.ofFen(sum).toYuan(), total: Money.ofFen(totalFen).toYuan() });
    }
    return fen;
  }
}
