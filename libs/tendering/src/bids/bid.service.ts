import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { AuditService } from '@app/platform/audit/audit.service';
import { Actor, Role, TradingDomain } from '@app/platform/auth/roles';
import { Sealer } from '@app/platform/crypto/sealer';
import { rowsOf } from '@app/platform/database/rows';
import { Tx, TransactionRunner } from '@app/platform/database/transaction-runner';
import { BodyReceipt } from '@app/platform/http/received-at';
import { IntakeService } from '@app/platform/intake/intake.service';
import { Money } from '@app/platform/money/money';
import { ProjectService } from '@app/trading';
import { bidDepositProblem } from '../rules/deposit-state';
import { withdrawalRefundDue } from '../rules/deposits';
import { TenderErrors } from '../tendering-errors';
import { isParty, supervises } from '../tenders/tender-access';
import { dataKeyAad, TENDER_SUBJECT } from '../tenders/tender.service';
import { TenderRepository } from '../tenders/tender.repository';
import { TenderRow } from '../tenders/tender.types';
import { BidReceiptView } from '../dto/bid.view';
import { openDocuments, openFileName, sealBid } from './bid-sealing';

const RECEIPT = `
  SELECT b.id AS "receiptNo", s.project_id AS "projectId", s.no AS "sectionNo", b.organisation_id AS "organisationId", b.received_at AS "receivedAt", b.submitted_at AS "submittedAt",
         b.documents_sha256 AS "documentsSha256", b.documents_size AS "documentsSize", b.bid_digest AS "bidDigest", b.status, NULL::uuid AS replaces
  FROM tender_bid b JOIN tender_section s ON s.id = b.section_id`;

/**
 * Sealed bids: taken only if the server fully received them before the deadline (the intake's received-at, on the
 * database's clock), judged in the same transaction that stores them; the opening waits, bounded, for bids received in time.
 */
@Injectable()
export class BidService {
  constructor(
    private readonly txr: TransactionRunner,
    private readonly tenders: TenderRepository,
    private readonly sealer: Sealer,
    private readonly audit: AuditService,
    private readonly intake: IntakeService,
    private readonly projects: ProjectService,
  ) {}

  async submit(actor: Actor, projectId: string, sectionNo: number, input: { priceYuan: string | undefined; file: { filename: string; buffer: Buffer } | null; clientIp: string | null; deviceId?: string; toolSerial?: string }, body: BodyReceipt): Promise<BidReceiptView> {
    if (!isOriginField(input.deviceId) || !isOriginField(input.toolSerial)) throw TenderErrors.BID_ORIGIN_INVALID();
    if (!Money.isYuan(input.priceYuan) || Money.fromYuan(input.priceYuan).fen <= 0n) throw TenderErrors.BID_PRICE_INVALID();
    if (!input.file || input.file.buffer.length === 0) throw TenderErrors.BID_DOCUMENTS_REQUIRED();
    const priceFen = Money.fromYuan(input.priceYuan).fen;
    const t0 = await this.tenders.byId(this.txr.dataSource.manager, projectId);
    if (!t0) throw TenderErrors.TENDER_NOT_FOUND({ id: projectId });
    const section0 = await this.tenders.section(this.txr.dataSource.manager, projectId, sectionNo);
    if (!section0) throw TenderErrors.SECTION_NOT_FOUND({ no: sectionNo });
    // Sealing (the expensive part) happens before the transaction; the deadline is judged inside it, on the received-at time.
    return this.intake.run({ type: TENDER_SUBJECT, id: projectId }, body, async (intake) => {
      const bidId = randomUUID();
      const key = this.sealer.unwrapDataKey(t0.dataKeyWrapped, dataKeyAad(projectId));
      const sealed = sealBid(key, bidId, section0.id, priceFen, input.file!.buffer, input.file!.filename);
      return this.txr.run(async (tx) => {
        await this.open(tx, projectId, intake.receivedAt);
        if (!(await this.tenders.isRegistered(tx.em, projectId, actor.organisationId))) throw TenderErrors.NOT_REGISTERED_BIDDER();
        // 条例 26: where the rules require it, only a confirmed deposit (held FOR SHARE against a refund racing this bid) lets the bid in.
        const deposit = await this.tenders.depositFacts(tx.em, section0.id, actor.organisationId!, true);
        const depositBeforeBid = (await this.projects.rulesOf(projectId, TradingDomain.Tendering, tx.em)).params.numbers.depositBeforeBid;
        if (bidDepositProblem(deposit, BigInt(section0.depositFen), depositBeforeBid ?? 0)) {
          throw TenderErrors.DEPOSIT_REQUIRED({ sectionNo, required: Money.ofFen(section0.depositFen).toYuan(), depositStatus: deposit?.status ?? null });
        }
        const replaced = rowsOf<{ id: string }>(
          await tx.em.query(`UPDATE tender_bid SET status = 'replaced' WHERE section_id = $1 AND organisation_id = $2 AND status = 'submitted' RETURNING id`, [section0.id, actor.organisationId]),
        );
        await tx.em.query(
          `INSERT INTO tender_bid (id, section_id, organisation_id, submitted_by, price_sealed, documents_sealed, file_name_sealed, documents_size, documents_sha256, bid_digest, client_ip, device_id, tool_serial, received_at)
           VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14)`,
          [bidId, section0.id, actor.organisationId, actor.accountId, sealed.priceSealed, sealed.documentsSealed, sealed.fileNameSealed, input.file!.buffer.length, sealed.documentsSha256, sealed.bidDigest, input.clientIp, input.deviceId ?? null, input.toolSerial ?? null, intake.receivedAt],
        );
        await intake.complete(tx);
        const replaces = replaced[0]?.id ?? null;
        // A new bid after a withdrawal: the deposit not refunded yet stands for it again (its refund waits for the outcome).
        const depositKept = await this.tenders.depositRefundDue(tx.em, section0.id, actor.organisationId!, null);
        await this.audit.append(tx.em, {
          actor,
          role: Role.Bidder,
          action: 'tender.bid_submitted',
          subject: { type: TENDER_SUBJECT, id: projectId },
          payload: { bidId, sectionNo, organisationId: actor.organisationId, receivedAt: intake.receivedAt, documentsSha256: sealed.documentsSha256, documentsSize: input.file!.buffer.length, bidDigest: sealed.bidDigest, replaces, ...(depositKept.length ? { depositRefundCancelled: depositKept } : {}) },
        });
        return { ...(await this.receipt(tx, bidId)), replaces };
      });
    });
  }

  async withdraw(actor: Actor, projectId: string, bidId: string): Promise<BidReceiptView> {
    return this.txr.run(async (tx) => {
      await this.open(tx, projectId, null);
      const [row] = rowsOf<{ id: string; sectionId: string; withdrawnAt: Date }>(
        await tx.em.query(
          `UPDATE tender_bid b SET status = 'withdrawn', withdrawn_at = now() FROM tender_section s
           WHERE b.id = $1 AND s.id = b.section_id AND s.project_id = $2 AND b.organisation_id = $3 AND b.status = 'submitted' RETURNING b.id, b.section_id AS "sectionId", b.withdrawn_at AS "withdrawnAt"`,
          [bidId, projectId, actor.organisationId],
        ),
      );
      if (!row) throw TenderErrors.BID_NOT_FOUND({ id: bidId });
      // 条例 35: the deposit of a bid withdrawn before the deadline is refunded within the rule's period of the withdrawal.
      const rules = await this.projects.rulesOf(projectId, TradingDomain.Tendering, tx.em);
      const refundDue = withdrawalRefundDue(row.withdrawnAt, rules.params.periods.depositRefundAfterWithdrawal);
      const deposits = await this.tenders.depositRefundDue(tx.em, row.sectionId, actor.organisationId!, refundDue);
      await this.audit.append(tx.em, {
        actor,
        role: Role.Bidder,
        action: 'tender.bid_withdrawn',
        subject: { type: TENDER_SUBJECT, id: projectId },
        payload: { bidId, organisationId: actor.organisationId, refundDue: deposits.length ? refundDue : null, deposits },
      });
      return this.receipt(tx, bidId);
    });
  }

  /** A bidder's own receipts; prices are never shown back before the opening. */
  async mine(actor: Actor, projectId: string): Promise<BidReceiptView[]> {
    return rowsOf<BidReceiptView>(await this.txr.dataSource.query(`${RECEIPT} WHERE s.project_id = $1 AND b.organisation_id = $2 ORDER BY b.submitted_at`, [projectId, actor.organisationId]));
  }

  /**
   * The documents of an opened bid: its bidder always; the parties and supervisors after the opening; the evaluation
   * committee through the evaluation routes. Before the opening nobody, whatever the role.
   */
  async documents(actor: Actor, projectId: string, bidId: string, seatedExpert = false): Promise<{ fileName: string; content: Buffer; sha256: string }> {
    const em = this.txr.dataSource.manager;
    const t = await this.tenders.byId(em, projectId);
    if (!t) throw TenderErrors.TENDER_NOT_FOUND({ id: projectId });
    const [bid] = rowsOf<{ id: string; organisationId: string; documentsSealed: Buffer; fileNameSealed: Buffer; sha256: string; openedAt: Date | null }>(
      await em.query(
        `SELECT b.id, b.organisation_id AS "organisationId", b.documents_sealed AS "documentsSealed", b.file_name_sealed AS "fileNameSealed", b.documents_sha256 AS sha256, b.opened_at AS "openedAt"
         FROM tender_bid b JOIN tender_section s ON s.id = b.section_id WHERE b.id = $1 AND s.project_id = $2`,
        [bidId, projectId],
      ),
    );
    if (!bid) throw TenderErrors.BID_NOT_FOUND({ id: bidId });
    if (!bid.openedAt) throw TenderErrors.BID_SEALED({ id: bidId });
    const allowed = actor.organisationId === bid.organisationId || isParty(actor, t) || supervises(actor) || seatedExpert;
    if (!allowed) throw TenderErrors.BID_NOT_FOUND({ id: bidId });
    const key = this.sealer.unwrapDataKey(t.dataKeyWrapped, dataKeyAad(projectId));
    return { fileName: openFileName(key, bid.id, bid.fileNameSealed), content: openDocuments(key, bid.id, bid.documentsSealed), sha256: bid.sha256 };
  }

  /**
   * Holds the tender row (FOR SHARE) so the closing waits for this transaction; refuses at or after the deadline,
   * judged on `receivedAt` (when the body was fully received) for a submission, on the database's now() otherwise.
   */
  private async open(tx: Tx, projectId: string, receivedAt: Date | null): Promise<TenderRow> {
    const t = await this.tenders.byId(tx.em, projectId, 'share');
    if (!t) throw TenderErrors.TENDER_NOT_FOUND({ id: projectId });
    const [clock] = await tx.em.query(`SELECT now() AS now, $1::timestamptz IS NOT NULL AND coalesce($2::timestamptz, now()) < $1::timestamptz AS open`, [t.bidDeadline, receivedAt]);
    if (t.status !== 'bidding' || !clock.open) throw TenderErrors.BID_AFTER_DEADLINE({ bidDeadline: t.bidDeadline, receivedAt, serverTime: clock.now, status: t.status });
    return t;
  }

  private async receipt(tx: Tx, bidId: string): Promise<BidReceiptView> {
    const [row] = rowsOf<BidReceiptView>(await tx.em.query(`${RECEIPT} WHERE b.id = $1`, [bidId]));
    return row;
  }
}

/** A device id or bid-tool serial as the bidding client declares it: absent, or 1–128 printable ASCII characters. */
const isOriginField = (v: string | undefined): boolean => v === undefined || /^[\x21-\x7e]{1,128}$/.test(v);
