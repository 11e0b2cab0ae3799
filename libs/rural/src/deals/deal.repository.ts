import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { TradingDomain } from '@app/platform/auth/roles';
import { rowsOf } from '@app/platform/database/rows';
import type { RuleSnapshot } from '@app/trading';
import { DealStatus } from '../rules/deal-state';
import { DealWaiting } from '../dto/deal.dto';
import { ApplicationRow, ApplicationStatus, DealDeskRow, DealRow, DocumentRow, KindRow, ListingRow } from './deal.types';

const DEAL = `
  SELECT d.project_id AS "projectId", p.code, p.name, p.region, p.status AS "projectStatus", p.owner_organisation_id AS "ownerOrganisationId",
         p.agent_organisation_id AS "agentOrganisationId", o.name AS "ownerName", a.name AS "agentName", d.kind, k.name_zh AS "kindZh", k.name_en AS "kindEn",
         d.description, d.quantity::text AS quantity, d.unit, d.term_months AS "termMonths", d.listing_price_fen::text AS "listingPriceFen",
         d.increment_fen::text AS "incrementFen", d.deposit_fen::text AS "depositFen", d.status, d.round, d.resolution_body AS "resolutionBody",
         d.resolution_votes_for AS "resolutionVotesFor", d.resolution_votes_total AS "resolutionVotesTotal", to_char(d.resolution_date, 'YYYY-MM-DD') AS "resolutionDate",
         d.resolution_document_id AS "resolutionDocumentId", d.approval_authority AS "approvalAuthority", to_char(d.approval_date, 'YYYY-MM-DD') AS "approvalDate",
         d.approval_document_id AS "approvalDocumentId", d.method, d.buyer_organisation_id AS "buyerOrganisationId", b.name AS "buyerName",
         d.deal_price_fen::text AS "dealPriceFen", d.concluded_at AS "concludedAt", d.publicity_until AS "publicityUntil", d.contract_no AS "contractNo",
         d.contract_signed_at AS "contractSignedAt", d.contract_amount_fen::text AS "contractAmountFen"
  FROM rural_deal d JOIN trading_project p ON p.id = d.project_id JOIN organisation o ON o.id = p.owner_organisation_id JOIN rural_kind k ON k.code = d.kind
  LEFT JOIN organisation a ON a.id = p.agent_organisation_id LEFT JOIN organisation b ON b.id = d.buyer_organisation_id`;

const LISTING = `
  SELECT project_id AS "projectId", round, price_fen::text AS "priceFen", lot_id AS "lotId", starts_at AS "startsAt", ends_at AS "endsAt",
         milestone_id AS "milestoneId", outcome, qualified, closed_at AS "closedAt"
  FROM rural_listing`;

const APPLICATION = `
  SELECT r.id, r.project_id AS "projectId", r.round, r.organisation_id AS "organisationId", o.name AS "organisationName", r.method, r.reference,
         r.amount_fen::text AS "amountFen", r.status, r.paddle, r.declared_at AS "declaredAt", r.received_at AS "receivedAt", r.confirmed_at AS "confirmedAt", r.refund_due AS "refundDue",
         r.refunded_at AS "refundedAt"
  FROM rural_application r JOIN organisation o ON o.id = r.organisation_id`;

const DOCUMENT = `SELECT id, kind, file_name AS "fileName", sha256, size, created_at AS "createdAt" FROM rural_document`;

const countOf = (condition: string) => `(SELECT count(*)::int FROM rural_application x WHERE x.project_id = d.project_id AND ${condition})`;
const DEAL_DESK = DEAL.replace(
  'SELECT',
  `SELECT ${countOf(`x.round = d.round AND x.status = 'declared'`)} AS "declaredApplications", ${countOf(`x.round = d.round AND x.status = 'qualified'`)} AS "qualifiedApplications",
          ${countOf(`x.status = 'refund_due'`)} AS "refundsDue",`,
);

export interface NewDeal {
  projectId: string;
  kind: string;
  description: string;
  quantity: string;
  unit: string;
  termMonths: number | null;
  listingPriceFen: bigint;
  incrementFen: bigint;
  depositFen: bigint;
}

/** The project gate's resolver (@ProjectWrite('rural-application')): an application's deal, which is its project. */
export const PROJECT_OF_RURAL_APPLICATION = `SELECT project_id FROM rural_application WHERE id = $1::uuid`;

/** Every query on rural deals, their listing rounds, applications, documents and the kind catalogue. */
@Injectable()
export class DealRepository {
  /** The rules frozen into the deal's project when it was first listed (the worker reads them without the kernel's api module). */
  async rulesOf(em: EntityManager, projectId: string): Promise<RuleSnapshot<TradingDomain.Rural>> {
    const [row] = await em.query(`SELECT rule_snapshot AS snapshot FROM trading_project WHERE id = $1 AND domain = 'rural'`, [projectId]);
    if (!row?.snapshot) throw new Error(`rural project ${projectId} has no rule snapshot`);
    return row.snapshot;
  }

  async kinds(em: EntityManager): Promise<KindRow[]> {
    return rowsOf<KindRow>(await em.query(`SELECT code, name_zh AS "nameZh", name_en AS "nameEn" FROM rural_kind ORDER BY created_at, code`));
  }

  async kindExists(em: EntityManager, code: string): Promise<boolean> {
    return (await em.query(`SELECT 1 FROM rural_kind WHERE code = $1`, [code])).length > 0;
  }

  /** false when the code is taken */
  async insertKind(em: EntityManager, k: KindRow, createdBy: string): Promise<boolean> {
    const rows = rowsOf(await em.query(`INSERT INTO rural_kind (code, name_zh, name_en, created_by) VALUES ($1,$2,$3,$4) ON CONFLICT DO NOTHING RETURNING 1`, [k.code, k.nameZh, k.nameEn, createdBy]));
    return rows.length > 0;
  }

  async insert(em: EntityManager, d: NewDeal): Promise<void> {
    await em.query(
      `INSERT INTO rural_deal (project_id, kind, description, quantity, unit, term_months, listing_price_fen, increment_fen, deposit_fen) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9)`,
      [d.projectId, d.kind, d.description, d.quantity, d.unit, d.termMonths, d.listingPriceFen.toString(), d.incrementFen.toString(), d.depositFen.toString()],
    );
  }

  async byId(em: EntityManager, projectId: string, lock = false): Promise<DealRow | undefined> {
    const [row] = rowsOf<DealRow>(await em.query(`${DEAL} WHERE d.project_id = $1 ${lock ? 'FOR UPDATE OF d' : ''}`, [projectId]));
    return row;
  }

  async setStatus(em: EntityManager, projectId: string, status: DealStatus): Promise<void> {
    await em.query(`UPDATE rural_deal SET status = $2, updated_at = now() WHERE project_id = $1`, [projectId, status]);
  }

  async setResolution(em: EntityManager, projectId: string, r: { body: string; votesFor: number; votesTotal: number; date: string; documentId: string }): Promise<void> {
    await em.query(
      `UPDATE rural_deal SET resolution_body = $2, resolution_votes_for = $3, resolution_votes_total = $4, resolution_date = $5, resolution_document_id = $6, updated_at = now() WHERE project_id = $1`,
      [projectId, r.body, r.votesFor, r.votesTotal, r.date, r.documentId],
    );
  }

  async setApproval(em: EntityManager, projectId: string, a: { authority: string; date: string; documentId: string }): Promise<void> {
    await em.query(`UPDATE rural_deal SET approval_authority = $2, approval_date = $3, approval_document_id = $4, updated_at = now() WHERE project_id = $1`, [projectId, a.authority, a.date, a.documentId]);
  }

  /** A relisting: the next round at the new price, waiting for the centre to list it. */
  async relist(em: EntityManager, projectId: string, priceFen: bigint): Promise<void> {
    await em.query(`UPDATE rural_deal SET status = 'relisting', round = round + 1, listing_price_fen = $2, updated_at = now() WHERE project_id = $1`, [projectId, priceFen.toString()]);
  }

  async conclude(em: EntityManager, projectId: string, c: { method: 'agreement' | 'live'; buyerOrganisationId: string; priceFen: bigint; publicityUntil: Date }): Promise<void> {
    await em.query(
      `UPDATE rural_deal SET status = 'concluded', method = $2, buyer_organisation_id = $3, deal_price_fen = $4, concluded_at = now(), publicity_until = $5, updated_at = now() WHERE project_id = $1`,
      [projectId, c.method, c.buyerOrganisationId, c.priceFen.toString(), c.publicityUntil],
    );
  }

  async contract(em: EntityManager, projectId: string, c: { contractNo: string; signedAt: Date; amountFen: bigint }): Promise<void> {
    await em.query(`UPDATE rural_deal SET status = 'contracted', contract_no = $2, contract_signed_at = $3, contract_amount_fen = $4, updated_at = now() WHERE project_id = $1`, [
      projectId,
      c.contractNo,
      c.signedAt,
      c.amountFen.toString(),
    ]);
  }

  async insertDocument(em: EntityManager, d: { projectId: string; kind: DocumentRow['kind']; fileName: string; sha256: string; content: Buffer; createdBy: string }): Promise<DocumentRow> {
    const [row] = rowsOf<DocumentRow>(
      await em.query(
        `INSERT INTO rural_document (project_id, kind, file_name, sha256, size, content, created_by) VALUES ($1,$2,$3,$4,$5,$6,$7)
         RETURNING id, kind, file_name AS "fileName", sha256, size, created_at AS "createdAt"`,
        [d.projectId, d.kind, d.fileName, d.sha256, d.content.length, d.content, d.createdBy],
      ),
    );
    return row;
  }

  async documents(em: EntityManager, projectId: string): Promise<DocumentRow[]> {
    return rowsOf<DocumentRow>(await em.query(`${DOCUMENT} WHERE project_id = $1 ORDER BY created_at`, [projectId]));
  }

  async insertListing(em: EntityManager, l: { projectId: string; round: number; priceFen: bigint; lotId: string; startsAt: Date; endsAt: Date; milestoneId: string }): Promise<void> {
    await em.query(`INSERT INTO rural_listing (project_id, round, price_fen, lot_id, starts_at, ends_at, milestone_id) VALUES ($1,$2,$3,$4,$5,$6,$7)`, [
      l.projectId,
      l.round,
      l.priceFen.toString(),
      l.lotId,
      l.startsAt,
      l.endsAt,
      l.milestoneId,
    ]);
  }

  async listing(em: EntityManager, projectId: string, round: number): Promise<ListingRow | undefined> {
    const [row] = rowsOf<ListingRow>(await em.query(`${LISTING} WHERE project_id = $1 AND round = $2`, [projectId, round]));
    return row;
  }

  /** A suspension moves the listing's end with its milestone (applications are checked against this column). */
  async shiftListingEnd(em: EntityManager, projectId: string, round: number, to: Date): Promise<void> {
    await em.query(`UPDATE rural_listing SET ends_at = $3 WHERE project_id = $1 AND round = $2 AND closed_at IS NULL`, [projectId, round, to]);
  }

  async shiftPublicity(em: EntityManager, projectId: string, to: Date): Promise<void> {
    await em.query(`UPDATE rural_deal SET publicity_until = $2, updated_at = now() WHERE project_id = $1`, [projectId, to]);
  }

  async listingByLot(em: EntityManager, lotId: string): Promise<ListingRow | undefined> {
    const [row] = rowsOf<ListingRow>(await em.query(`${LISTING} WHERE lot_id = $1`, [lotId]));
    return row;
  }

  async listings(em: EntityManager, projectId: string): Promise<ListingRow[]> {
    return rowsOf<ListingRow>(await em.query(`${LISTING} WHERE project_id = $1 ORDER BY round`, [projectId]));
  }

  async closeListing(em: EntityManager, projectId: string, round: number, outcome: NonNullable<ListingRow['outcome']>, qualified: number): Promise<void> {
    await em.query(`UPDATE rural_listing SET outcome = $3, qualified = $4, closed_at = now() WHERE project_id = $1 AND round = $2`, [projectId, round, outcome, qualified]);
  }

  /** A declaration, or a new one replacing the previous while the centre has not confirmed it; undefined when it has. */
  async upsertApplication(em: EntityManager, a: { projectId: string; round: number; organisationId: string; accountId: string; method: string; reference: string; payerAccount: string | null; amountFen: bigint; receivedAt: Date }): Promise<string | undefined> {
    const [row] = rowsOf<{ id: string }>(
      await em.query(
        `INSERT INTO rural_application (project_id, round, organisation_id, applied_by, method, reference, payer_account, amount_fen, received_at) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9)
         ON CONFLICT (project_id, round, organisation_id) DO UPDATE SET method = EXCLUDED.method, reference = EXCLUDED.reference, payer_account = EXCLUDED.payer_account,
           amount_fen = EXCLUDED.amount_fen, applied_by = EXCLUDED.applied_by, declared_at = now(), received_at = EXCLUDED.received_at WHERE rural_application.status = 'declared'
         RETURNING id`,
        [a.projectId, a.round, a.organisationId, a.accountId, a.method, a.reference, a.payerAccount, a.amountFen.toString(), a.receivedAt],
      ),
    );
    return row?.id;
  }

  async application(em: EntityManager, id: string, lock = false): Promise<ApplicationRow | undefined> {
    const [row] = rowsOf<ApplicationRow>(await em.query(`${APPLICATION} WHERE r.id = $1 ${lock ? 'FOR UPDATE OF r' : ''}`, [id]));
    return row;
  }

  async applications(em: EntityManager, projectId: string, organisationId: string | null = null): Promise<ApplicationRow[]> {
    return rowsOf<ApplicationRow>(await em.query(`${APPLICATION} WHERE r.project_id = $1 AND ($2::uuid IS NULL OR r.organisation_id = $2) ORDER BY r.round, r.declared_at`, [projectId, organisationId]));
  }

  async roundApplications(em: EntityManager, projectId: string, round: number): Promise<ApplicationRow[]> {
    return rowsOf<ApplicationRow>(await em.query(`${APPLICATION} WHERE r.project_id = $1 AND r.round = $2 ORDER BY r.paddle NULLS LAST, r.declared_at`, [projectId, round]));
  }

  async qualify(em: EntityManager, id: string, paddle: number): Promise<void> {
    await em.query(`UPDATE rural_application SET status = 'qualified', confirmed_at = now(), paddle = $2 WHERE id = $1`, [id, paddle]);
  }

  /** Every deposit of the round still held, except the buyer's (which becomes part of the price): refund due by `due`. */
  async refundDue(em: EntityManager, projectId: string, round: number, due: Date, buyerOrganisationId: string | null): Promise<string[]> {
    const rows = rowsOf<{ id: string }>(
      await em.query(
        `UPDATE rural_application SET status = CASE WHEN organisation_id = $4 AND status = 'qualified' THEN 'applied_to_price' ELSE 'refund_due' END,
           refund_due = CASE WHEN organisation_id = $4 AND status = 'qualified' THEN NULL ELSE $3::timestamptz END
         WHERE project_id = $1 AND round = $2 AND status IN ('declared','qualified') RETURNING id`,
        [projectId, round, due, buyerOrganisationId],
      ),
    );
    return rows.map((r) => r.id);
  }

  /** Declarations the centre never confirmed, when the listing closes: refund due by `due`. */
  async refundUnconfirmed(em: EntityManager, projectId: string, round: number, due: Date): Promise<number> {
    const rows = rowsOf(await em.query(`UPDATE rural_application SET status = 'refund_due', refund_due = $3 WHERE project_id = $1 AND round = $2 AND status = 'declared' RETURNING 1`, [projectId, round, due]));
    return rows.length;
  }

  async refunded(em: EntityManager, id: string, reference: string): Promise<void> {
    await em.query(`UPDATE rural_application SET status = 'refunded', refunded_at = now(), refund_reference = $2 WHERE id = $1`, [id, reference]);
  }

  async publicPage(em: EntityManager, page: number, pageSize: number): Promise<{ items: DealRow[]; total: number }> {
    const items = rowsOf<DealRow>(await em.query(`${DEAL} WHERE d.status <> 'draft' ORDER BY d.updated_at DESC, d.project_id LIMIT $1 OFFSET $2`, [pageSize, (page - 1) * pageSize]));
    const [{ total }] = await em.query(`SELECT count(*)::int AS total FROM rural_deal WHERE status <> 'draft'`);
    return { items, total };
  }

  /** The centre's desk: every deal, the latest change first; `waiting` keeps the deals where something waits for the centre. */
  async deskPage(em: EntityManager, filter: { status?: DealStatus; waiting?: DealWaiting }, page: number, pageSize: number): Promise<{ items: DealDeskRow[]; total: number }> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (filter.status) where.push(`d.status = $${params.push(filter.status)}`);
    if (filter.waiting === 'listing') where.push(`d.status IN ('draft','relisting')`);
    if (filter.waiting === 'deposits') where.push(`d.status = 'listing' AND EXISTS (SELECT 1 FROM rural_application x WHERE x.project_id = d.project_id AND x.round = d.round AND x.status = 'declared')`);
    if (filter.waiting === 'refunds') where.push(`EXISTS (SELECT 1 FROM rural_application x WHERE x.project_id = d.project_id AND x.status = 'refund_due')`);
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const items = rowsOf<DealDeskRow>(
      await em.query(`${DEAL_DESK} ${clause} ORDER BY d.updated_at DESC, d.project_id LIMIT $${params.length + 1} OFFSET $${params.length + 2}`, [...params, pageSize, (page - 1) * pageSize]),
    );
    const [{ total }] = await em.query(`SELECT count(*)::int AS total FROM rural_deal d ${clause}`, params);
    return { items, total };
  }
}
