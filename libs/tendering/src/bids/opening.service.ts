import { Injectable } from '@nestjs/common';
import { AuditService } from '@app/platform/audit/audit.service';
import { Actor, Role, SYSTEM_ACTOR } from '@app/platform/auth/roles';
import { addPeriod, deadlineAfter } from '@app/platform/calendar/period';
import { Clock } from '@app/platform/clock/clock';
import { Sealer } from '@app/platform/crypto/sealer';
import { copyBinaryRows, literal } from '@app/platform/database/copy-binary';
import { IntakeService } from '@app/platform/intake/intake.service';
import { rowsOf } from '@app/platform/database/rows';
import { Tx, TransactionRunner } from '@app/platform/database/transaction-runner';
import { Money } from '@app/platform/money/money';
import { NotificationService } from '@app/platform/notifications/notification.service';
import { TenderingRules } from '@app/platform/rules/defaults';
import { createHash } from 'node:crypto';
import { DocumentMetadata, documentMetadata } from '../rules/document-metadata';
import { openingOutcome, SectionStatus, tenderAfterOpening } from '../rules/tender-state';
import { TenderErrors } from '../tendering-errors';
import { isParty, operates, supervises } from '../tenders/tender-access';
import { dataKeyAad, TENDER_SUBJECT } from '../tenders/tender.service';
import { TenderRepository } from '../tenders/tender.repository';
import { OpeningLineView, OpeningObjectionView, OpeningRecordView } from '../dto/bid.view';
import { bidDigest, openDocuments, openPrice } from './bid-sealing';

/** 开标 (条例 44): at the deadline the sealed bids are decrypted and read out, or the section fails for too few. */
@Injectable()
export class OpeningService {
  constructor(
    private readonly txr: TransactionRunner,
    private readonly tenders: TenderRepository,
    private readonly sealer: Sealer,
    private readonly notifications: NotificationService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly intake: IntakeService,
  ) {}

  /**
   * The deadline milestone's work: runs once (the tender leaves 'bidding'), after the deadline by the database clock.
   * First, before locking the tender, it waits (bounded) for bids fully received before the deadline still being sealed.
   */
  async open(tx: Tx, projectId: string): Promise<void> {
    const t0 = await this.tenders.byId(tx.em, projectId);
    if (!t0 || t0.status !== 'bidding') return;
    if (t0.bidDeadline) await this.intake.settle(tx.em, { type: TENDER_SUBJECT, id: projectId }, t0.bidDeadline);
    const t = await this.tenders.byId(tx.em, projectId, 'update');
    if (!t || t.status !== 'bidding') return;
    const now = await this.clock.dbNow(tx.em);
    if (now < t.bidDeadline!) return; // an older job for a deadline since pushed back
    // 条例 22: until the owner replies to an objection to the documents, the procedure is held; the reply opens.
    const held = (await this.tenders.unansweredObjections(tx.em, projectId)).filter((o) => o.stage === 'documents');
    if (held.length) {
      await this.audit.append(tx.em, { actor: SYSTEM_ACTOR, action: 'tender.opening_held', subject: { type: TENDER_SUBJECT, id: projectId }, payload: { bidDeadline: t.bidDeadline, unansweredObjections: held.map((o) => ({ id: o.id, replyDue: o.replyDue })) } });
      return;
    }
    const [{ rules }] = await tx.em.query(`SELECT rule_snapshot->'params' AS rules FROM trading_project WHERE id = $1`, [projectId]);
    const params = rules as TenderingRules;
    const key = this.sealer.unwrapDataKey(t.dataKeyWrapped, dataKeyAad(projectId));
    const outcomes: SectionStatus[] = [];
    const summary: Record<string, unknown>[] = [];
    for (const section of await this.tenders.sections(tx.em, projectId)) {
      const ids = rowsOf<{ id: string }>(await tx.em.query(`SELECT id FROM tender_bid WHERE section_id = $1 AND status = 'submitted' ORDER BY submitted_at`, [section.id])).map((r) => r.id);
      const outcome = openingOutcome(ids.length, params.numbers.minBidders);
      outcomes.push(outcome);
      if (outcome === 'failed') {
        await this.tenders.setSectionStatus(tx.em, section.id, 'failed');
        await this.refundsDue(tx, section.id, deadlineAfter(now, params.periods.depositRefund));
        summary.push({ no: section.no, outcome, bids: ids.length, minBidders: params.numbers.minBidders });
        continue;
      }
      const boxes = rowsOf<{ id: string; organisationId: string; priceSealed: Buffer; digest: string }>(
        await tx.em.query(`SELECT id, organisation_id AS "organisationId", price_sealed AS "priceSealed", bid_digest AS digest FROM tender_bid WHERE id = ANY($1::uuid[])`, [ids]),
      );
      const prices = new Map(boxes.map((b) => [b.id, openPrice(key, b.id, b.priceSealed)]));
      const { verified, metadata } = await this.verifyDocuments(key, section.id, prices);
      await tx.em.query(
        `UPDATE tender_bid b SET price_fen = v.price::bigint, opened_at = now(), documents_meta = v.meta::jsonb
         FROM unnest($1::uuid[], $2::text[], $3::text[]) AS v(id, price, meta) WHERE b.id = v.id`,
        [[...prices.keys()], [...prices.values()].map(String), [...prices.keys()].map((id) => JSON.stringify(metadata.get(id) ?? {}))],
      );
      const lines = boxes.map((b) => ({ bidId: b.id, organisationId: b.organisationId, priceFen: prices.get(b.id)!.toString(), bidDigest: b.digest, verified: verified.get(b.id) === true }));
      await this.tenders.setSectionStatus(tx.em, section.id, 'opened');
      summary.push({ no: section.no, outcome, bids: lines });
    }
    const status = tenderAfterOpening(outcomes);
    const objectionsUntil = status === 'opened' ? addPeriod(now, params.periods.openingObjectionWindow) : null;
    await this.tenders.markOpened(tx.em, projectId, status, objectionsUntil);
    for (const b of await this.tenders.registeredBidders(tx.em, projectId)) {
      await this.notifications.enqueue(tx, { channel: 'site', recipient: { type: 'organisation', id: b.organisationId }, template: status === 'opened' ? 'tender.opened' : 'tender.failed', params: { projectId, projectCode: t.code, projectName: t.name } });
    }
    await this.audit.append(tx.em, { actor: SYSTEM_ACTOR, action: status === 'opened' ? 'tender.opened' : 'tender.failed', subject: { type: TENDER_SUBJECT, id: projectId }, payload: { bidDeadline: t.bidDeadline, openedAt: now, objectionsUntil, sections: summary } });
  }

  /** The opening record: public once opened (唱标 is public), prices included; nothing before. */
  async record(projectId: string): Promise<OpeningRecordView> {
    const em = this.txr.dataSource.manager;
    const t = await this.tenders.byId(em, projectId);
    if (!t || ['submitted', 'returned', 'accepted'].includes(t.status)) throw TenderErrors.TENDER_NOT_FOUND({ id: projectId });
    const sections = await this.tenders.sections(em, projectId);
    if (!t.openedAt) {
      return { projectId, sealed: true, bidDeadline: t.bidDeadline, openedAt: null, objectionsUntil: null, sections: sections.map((s) => ({ no: s.no, name: s.name, status: s.status, bidCount: null, bids: [] })) };
    }
    const lines = rowsOf<OpeningLineView & { sectionId: string; priceFen: string }>(
      await em.query(
        `SELECT b.section_id AS "sectionId", b.id AS "bidId", o.name AS "organisationName", b.price_fen::text AS "priceFen", coalesce(d.status, 'none') AS "depositStatus",
                b.submitted_at AS "submittedAt", b.bid_digest AS "bidDigest", true AS "documentsVerified"
         FROM tender_bid b JOIN tender_section s ON s.id = b.section_id JOIN organisation o ON o.id = b.organisation_id
         LEFT JOIN tender_deposit d ON d.section_id = b.section_id AND d.organisation_id = b.organisation_id
         WHERE s.project_id = $1 AND b.status = 'submitted' ORDER BY s.no, b.submitted_at`,
        [projectId],
      ),
    );
    return {
      projectId,
      sealed: false,
      bidDeadline: t.bidDeadline,
      openedAt: t.openedAt,
      objectionsUntil: t.openingObjectionsUntil,
      sections: sections.map((s) => {
        const bids = lines.filter((l) => l.sectionId === s.id);
        return {
          no: s.no,
          name: s.name,
          status: s.status,
          bidCount: bids.length,
          // A failed section's bids were never opened: its record lists how many came, not what they said.
          bids: s.status === 'failed' ? [] : bids.map(({ sectionId: _s, priceFen, ...l }) => ({ ...l, price: Money.ofFen(priceFen).toYuan() })),
        };
      }),
    };
  }

  /** A bidder of the project objects to the opening, on the spot (条例 44); the centre answers there. */
  async object(actor: Actor, projectId: string, content: string): Promise<OpeningObjectionView> {
    return this.txr.run(async (tx) => {
      const t = await this.tenders.byId(tx.em, projectId, 'share');
      if (!t) throw TenderErrors.TENDER_NOT_FOUND({ id: projectId });
      // Before the opening there is nothing to object to: the documents have their own objection (条例 22).
      if (!t.openedAt) throw TenderErrors.OPENING_NOT_STARTED({ status: t.status, bidDeadline: t.bidDeadline, documentObjections: `/tenders/${projectId}/objections` });
      if (!(await this.tenders.isRegistered(tx.em, projectId, actor.organisationId))) throw TenderErrors.NOT_REGISTERED_BIDDER();
      const bids = await tx.em.query(`SELECT 1 FROM tender_bid b JOIN tender_section s ON s.id = b.section_id WHERE s.project_id = $1 AND b.organisation_id = $2 LIMIT 1`, [projectId, actor.organisationId]);
      if (!bids.length) throw TenderErrors.NOT_PROJECT_BIDDER();
      const [open] = await tx.em.query(`SELECT $1::timestamptz IS NOT NULL AND now() < $1::timestamptz AS open`, [t.openingObjectionsUntil]);
      if (!open.open) throw TenderErrors.OBJECTION_WINDOW_CLOSED({ until: t.openingObjectionsUntil });
      const [row] = rowsOf<OpeningObjectionView>(
        await tx.em.query(`INSERT INTO tender_objection (project_id, stage, organisation_id, content, reply_due) VALUES ($1, 'opening', $2, $3, $4) RETURNING ${OBJECTION_COLUMNS}, true AS mine`, [
          projectId,
          actor.organisationId,
          content,
          t.openingObjectionsUntil,
        ]),
      );
      await this.audit.append(tx.em, { actor, role: Role.Bidder, action: 'tender.opening_objection', subject: { type: TENDER_SUBJECT, id: projectId }, payload: { objectionId: row.id, digest: createHash('sha256').update(content).digest('hex') } });
      return row;
    });
  }

  async reply(actor: Actor, projectId: string, objectionId: string, reply: string): Promise<OpeningObjectionView> {
    return this.txr.run(async (tx) => {
      const [row] = rowsOf<OpeningObjectionView & { stage: string }>(
        await tx.em.query(
          `UPDATE tender_objection SET reply = $3, replied_at = now(), replied_by = $4 WHERE id = $1 AND project_id = $2 AND stage = 'opening' AND reply IS NULL
           RETURNING ${OBJECTION_COLUMNS}, (organisation_id = $5) IS TRUE AS mine`,
          [objectionId, projectId, reply, actor.accountId, actor.organisationId],
        ),
      );
      if (!row) throw TenderErrors.OBJECTION_NOT_FOUND({ id: objectionId });
      await this.audit.append(tx.em, { actor, role: Role.Centre, action: 'tender.opening_objection_replied', subject: { type: TENDER_SUBJECT, id: projectId }, payload: { objectionId, reply } });
      return row;
    });
  }

  /** Objections at the opening: all to the parties, the centre and supervisors; a bidder sees its own and the replies. */
  async objections(actor: Actor, projectId: string): Promise<OpeningObjectionView[]> {
    const t = await this.tenders.byId(this.txr.dataSource.manager, projectId);
    if (!t) throw TenderErrors.TENDER_NOT_FOUND({ id: projectId });
    const all = isParty(actor, t) || operates(actor) || supervises(actor);
    return rowsOf<OpeningObjectionView>(
      await this.txr.dataSource.query(`SELECT ${OBJECTION_COLUMNS}, (organisation_id = $3) IS TRUE AS mine FROM tender_objection WHERE project_id = $1 AND stage = 'opening' AND ($2 OR organisation_id = $3 OR reply IS NOT NULL) ORDER BY raised_at`, [projectId, all, actor.organisationId]),
    );
  }

  /**
   * Decrypts every bid's documents and checks its receipt digest. The rows cannot change after the deadline, so they
   * are streamed on a connection of their own by binary COPY: the bytes arrive as stored, with no hex to encode or parse
   * (which cost four times the decryption).
   */
  private async verifyDocuments(key: Buffer, sectionId: string, prices: Map<string, bigint>): Promise<{ verified: Map<string, boolean>; metadata: Map<string, DocumentMetadata> }> {
    const verified = new Map<string, boolean>();
    const reading: Promise<[string, DocumentMetadata]>[] = [];
    const ids = [...prices.keys()].map(literal).join(',');
    if (!ids) return { verified, metadata: new Map() };
    await copyBinaryRows(this.txr.dataSource, `SELECT id::text, documents_sealed, bid_digest::text FROM tender_bid WHERE id IN (${ids})`, ([id, sealed, digest]) => {
      const bidId = id!.toString();
      const documents = openDocuments(key, bidId, sealed!);
      verified.set(bidId, bidDigest(documents, sectionId, prices.get(bidId)!) === digest!.toString());
      reading.push(documentMetadata(documents).then((m) => [bidId, m]));
    });
    return { verified, metadata: new Map(await Promise.all(reading)) };
  }

  private async refundsDue(tx: Tx, sectionId: string, due: Date): Promise<void> {
    await tx.em.query(`UPDATE tender_deposit SET refund_due = $2 WHERE section_id = $1 AND status IN ('declared','confirmed') AND refund_due IS NULL`, [sectionId, due]);
  }
}

const OBJECTION_COLUMNS = `id, stage, content, raised_at AS "raisedAt", reply, replied_at AS "repliedAt", reply_due AS "replyDue"`;
