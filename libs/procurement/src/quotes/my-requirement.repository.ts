import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { rowsOf } from '@app/platform/database/rows';
import { RequirementStatus } from './rules/quote-outcome';

/** A requirement of the caller's organisation; the counts are of the current round's quotes opened at its deadline. */
export interface MyRequirementRow {
  id: string;
  title: string;
  categoryCode: string;
  maxPriceFen: string;
  round: number;
  status: RequirementStatus;
  quoteDeadline: Date;
  closedAt: Date | null;
  switchReason: string | null;
  createdAt: Date;
  quoteCount: number;
  validQuoteCount: number;
  winnerName: string | null;
  winnerPriceFen: string | null;
  orderId: string | null;
  orderNo: string | null;
  orderStatus: string | null;
}

const WHERE = `WHERE r.purchaser_organisation_id = $1 AND ($2::text IS NULL OR r.status = $2)`;

/** The purchaser's side of online quotes, read only: its requirements, newest first (procurement_requirement_purchaser_idx). */
@Injectable()
export class MyRequirementRepository {
  async page(em: EntityManager, organisationId: string, status: RequirementStatus | null, page: number, pageSize: number): Promise<{ items: MyRequirementRow[]; total: number }> {
    const items = rowsOf<MyRequirementRow>(
      await em.query(
        `SELECT r.id, r.title, r.category_code AS "categoryCode", r.max_price_fen::text AS "maxPriceFen", r.round, r.status, r.quote_deadline AS "quoteDeadline",
                r.closed_at AS "closedAt", r.switch_reason AS "switchReason", r.created_at AS "createdAt",
                (SELECT count(*)::int FROM procurement_quote q WHERE q.requirement_id = r.id AND q.round = r.round AND q.status = 'submitted' AND q.opened_at IS NOT NULL) AS "quoteCount",
                (SELECT count(*)::int FROM procurement_quote q WHERE q.requirement_id = r.id AND q.round = r.round AND q.status = 'submitted' AND q.opened_at IS NOT NULL AND q.valid) AS "validQuoteCount",
                wo.name AS "winnerName", w.total_fen::text AS "winnerPriceFen", po.id AS "orderId", po.no AS "orderNo", po.status AS "orderStatus"
         FROM procurement_requirement r
         LEFT JOIN procurement_quote w ON w.id = r.winner_quote_id AND w.opened_at IS NOT NULL
         LEFT JOIN organisation wo ON wo.id = w.organisation_id
         LEFT JOIN procurement_order po ON po.id = r.order_id
         ${WHERE}
         ORDER BY r.created_at DESC, r.id
         LIMIT $3 OFFSET $4`,
        [organisationId, status, pageSize, (page - 1) * pageSize],
      ),
    );
    const [{ total }] = await em.query(`SELECT count(*)::int AS total FROM procurement_requirement r ${WHERE}`, [organisationId, status]);
    return { items, total };
  }
}
