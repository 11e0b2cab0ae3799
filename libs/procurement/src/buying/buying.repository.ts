import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { rowsOf } from '@app/platform/database/rows';
import { BudgetLineRow, OrderItemRow, OrderRow, ProductForSale, RatingRow } from './buying.types';
import { OrderStatus } from './rules/order-state';

const BUDGET = `
  SELECT b.id, b.organisation_id AS "organisationId", o.name AS "organisationName", b.code, b.name, b.year,
         b.amount_fen::text AS "amountFen", b.used_fen::text AS "usedFen", b.created_at AS "createdAt"
  FROM budget_line b JOIN organisation o ON o.id = b.organisation_id`;

const ORDER = `
  SELECT r.id, r.no, r.purchaser_organisation_id AS "purchaserOrganisationId", p.name AS "purchaserName",
         r.supplier_organisation_id AS "supplierOrganisationId", s.name AS "supplierName", r.budget_line_id AS "budgetLineId",
         b.code AS "budgetCode", b.name AS "budgetName", r.source, r.source_id AS "sourceId", r.total_fen::text AS "totalFen", r.status,
         r.rule_set_id AS "ruleSetId", r.rule_set_version AS "ruleSetVersion", r.sandbox, r.rules, r.placed_at AS "placedAt",
         r.confirm_due AS "confirmDue", r.confirmed_at AS "confirmedAt", r.delivered_at AS "deliveredAt", r.delivery_note AS "deliveryNote",
         r.accept_due AS "acceptDue", r.accepted_at AS "acceptedAt", r.rejected_at AS "rejectedAt", r.rejection_reasons AS "rejectionReasons",
         r.payment_due AS "paymentDue", r.paid_at AS "paidAt", r.payment_reference AS "paymentReference", r.cancelled_at AS "cancelledAt",
         r.due_at AS "dueAt", r.warn_at AS "warnAt"
  FROM procurement_order r JOIN organisation p ON p.id = r.purchaser_organisation_id JOIN organisation s ON s.id = r.supplier_organisation_id
  JOIN budget_line b ON b.id = r.budget_line_id`;

const RATING = `
  SELECT g.order_id AS "orderId", r.no AS "orderNo", g.supplier_organisation_id AS "supplierOrganisationId", g.purchaser_organisation_id AS "purchaserOrganisationId",
         p.name AS "purchaserName", g.quality, g.delivery, g.service, g.comment, g.rated_at AS "ratedAt", g.reply, g.replied_at AS "repliedAt"
  FROM procurement_rating g JOIN procurement_order r ON r.id = g.order_id JOIN organisation p ON p.id = g.purchaser_organisation_id`;

/** Every query on budget lines, orders and ratings; the catalogue's procurement_product and supplier_score tables are read and updated here only. */
@Injectable()
export class BuyingRepository {
  async insertBudgetLine(em: EntityManager, b: { organisationId: string; code: string; name: string; year: number; amountFen: bigint; createdBy: string }): Promise<string | undefined> {
    const [row] = rowsOf<{ id: string }>(
      await em.query(
        `INSERT INTO budget_line (organisation_id, code, name, year, amount_fen, created_by) VALUES ($1,$2,$3,$4,$5,$6) ON CONFLICT (organisation_id, year, code) DO NOTHING RETURNING id`,
        [b.organisationId, b.code, b.name, b.year, b.amountFen.toString(), b.createdBy],
      ),
    );
    return row?.id;
  }

  async budgetLine(em: EntityManager, id: string): Promise<BudgetLineRow | undefined> {
    const [row] = rowsOf<BudgetLineRow>(await em.query(`${BUDGET} WHERE b.id = $1`, [id]));
    return row;
  }

  async budgetLines(em: EntityManager, organisationId: string | null): Promise<BudgetLineRow[]> {
    return rowsOf<BudgetLineRow>(await em.query(`${BUDGET} WHERE ($1::uuid IS NULL OR b.organisation_id = $1) ORDER BY b.year DESC, b.code LIMIT 500`, [organisationId]));
  }

  /** 预算控制: takes the amount only if the line still holds it; `undefined` means it does not (or is not the organisation's). */
  async takeBudget(em: EntityManager, id: string, organisationId: string, amountFen: bigint): Promise<{ usedFen: string } | undefined> {
    const [row] = rowsOf<{ usedFen: string }>(
      await em.query(
        `UPDATE budget_line SET used_fen = used_fen + $3, updated_at = now() WHERE id = $1 AND organisation_id = $2 AND amount_fen - used_fen >= $3 RETURNING used_fen::text AS "usedFen"`,
        [id, organisationId, amountFen.toString()],
      ),
    );
    return row;
  }

  async releaseBudget(em: EntityManager, id: string, amountFen: bigint): Promise<void> {
    await em.query(`UPDATE budget_line SET used_fen = used_fen - $2, updated_at = now() WHERE id = $1`, [id, amountFen.toString()]);
  }

  /** Products on offer, locked against a price change until the order commits. */
  async productsForSale(em: EntityManager, ids: string[]): Promise<ProductForSale[]> {
    return rowsOf<ProductForSale>(
      await em.query(
        `SELECT id, organisation_id AS "supplierOrganisationId", concat_ws(' ', name, brand, model) AS description, price_fen::text AS "priceFen", status = 'on_sale' AS "onSale"
         FROM procurement_product WHERE id = ANY($1::uuid[]) ORDER BY id FOR SHARE`,
        [ids],
      ),
    );
  }

  async insertOrder(
    em: EntityManager,
    o: { purchaserOrganisationId: string; supplierOrganisationId: string; budgetLineId: string; source: 'direct' | 'quote'; sourceId: string | null; totalFen: bigint; ruleSetId: string; ruleSetVersion: number; sandbox: boolean; rules: unknown; placedBy: string | null; placedAt: Date; confirmDue: Date; warnAt: Date },
  ): Promise<{ id: string; no: string }> {
    const [row] = rowsOf<{ id: string; no: string }>(
      await em.query(
        `INSERT INTO procurement_order (no, purchaser_organisation_id, supplier_organisation_id, budget_line_id, source, source_id, total_fen, rule_set_id, rule_set_version, sandbox, rules,
                                        placed_by, placed_at, confirm_due, due_at, warn_at)
         VALUES ('DD' || to_char($12::timestamptz AT TIME ZONE 'Asia/Shanghai', 'YYYYMMDD') || lpad(nextval('procurement_order_no_seq')::text, 6, '0'),
                 $1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$13,$14)
         RETURNING id, no`,
        [o.purchaserOrganisationId, o.supplierOrganisationId, o.budgetLineId, o.source, o.sourceId, o.totalFen.toString(), o.ruleSetId, o.ruleSetVersion, o.sandbox, JSON.stringify(o.rules), o.placedBy, o.placedAt, o.confirmDue, o.warnAt],
      ),
    );
    return row;
  }

  async insertItem(em: EntityManager, orderId: string, i: { lineNo: number; productId: string | null; description: string; quantity: number; unitPriceFen: bigint }): Promise<void> {
    await em.query(`INSERT INTO procurement_order_item (order_id, line_no, product_id, description, quantity, unit_price_fen, amount_fen) VALUES ($1,$2,$3,$4,$5,$6,$7)`, [
      orderId,
      i.lineNo,
      i.productId,
      i.description,
      i.quantity,
      i.unitPriceFen.toString(),
      (i.unitPriceFen * BigInt(i.quantity)).toString(),
    ]);
  }

  async order(em: EntityManager, id: string, lock = false): Promise<OrderRow | undefined> {
    const [row] = rowsOf<OrderRow>(await em.query(`${ORDER} WHERE r.id = $1 ${lock ? 'FOR UPDATE OF r' : ''}`, [id]));
    return row;
  }

  async items(em: EntityManager, orderId: string): Promise<OrderItemRow[]> {
    return rowsOf<OrderItemRow>(
      await em.query(
        `SELECT line_no AS "lineNo", product_id AS "productId", description, quantity, unit_price_fen::text AS "unitPriceFen", amount_fen::text AS "amountFen"
         FROM procurement_order_item WHERE order_id = $1 ORDER BY line_no`,
        [orderId],
      ),
    );
  }

  /**
   * Moves an order from one status to the next, with the step's timestamps (`set`, trusted SQL from the service) and the
   * next pending step's due and warning times. Returns false when another request moved it first.
   */
  async move(em: EntityManager, id: string, from: OrderStatus, to: OrderStatus, set: string, params: unknown[], due: { dueAt: Date; warnAt: Date } | null): Promise<boolean> {
    const rows = rowsOf<unknown>(
      await em.query(`UPDATE procurement_order SET status = $3, due_at = $4, warn_at = $5, updated_at = now()${set ? ', ' + set : ''} WHERE id = $1 AND status = $2 RETURNING id`, [
        id,
        from,
        to,
        due?.dueAt ?? null,
        due?.warnAt ?? null,
        ...params,
      ]),
    );
    return rows.length > 0;
  }

  async mine(em: EntityManager, organisationId: string, side: 'purchaser' | 'supplier'): Promise<OrderRow[]> {
    const column = side === 'purchaser' ? 'r.purchaser_organisation_id' : 'r.supplier_organisation_id';
    return rowsOf<OrderRow>(await em.query(`${ORDER} WHERE ${column} = $1 ORDER BY r.placed_at DESC LIMIT 200`, [organisationId]));
  }

  /** Pending steps past their warning time (the due index keeps this a range scan); overdue ones first. */
  async attention(em: EntityManager, now: Date): Promise<OrderRow[]> {
    return rowsOf<OrderRow>(await em.query(`${ORDER} WHERE r.due_at IS NOT NULL AND r.warn_at <= $1 ORDER BY r.due_at LIMIT 500`, [now]));
  }

  async insertRating(em: EntityManager, g: { orderId: string; supplierOrganisationId: string; purchaserOrganisationId: string; quality: number; delivery: number; service: number; comment: string; ratedBy: string }): Promise<boolean> {
    const rows = rowsOf<unknown>(
      await em.query(
        `INSERT INTO procurement_rating (order_id, supplier_organisation_id, purchaser_organisation_id, quality, delivery, service, comment, rated_by)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8) ON CONFLICT (order_id) DO NOTHING RETURNING 1`,
        [g.orderId, g.supplierOrganisationId, g.purchaserOrganisationId, g.quality, g.delivery, g.service, g.comment, g.ratedBy],
      ),
    );
    return rows.length > 0;
  }

  async reply(em: EntityManager, orderId: string, reply: string, by: string): Promise<boolean> {
    const rows = rowsOf<unknown>(await em.query(`UPDATE procurement_rating SET reply = $2, replied_by = $3, replied_at = now() WHERE order_id = $1 AND reply IS NULL RETURNING 1`, [orderId, reply, by]));
    return rows.length > 0;
  }

  async rating(em: EntityManager, orderId: string): Promise<RatingRow | undefined> {
    const [row] = rowsOf<RatingRow>(await em.query(`${RATING} WHERE g.order_id = $1`, [orderId]));
    return row;
  }

  async ratingsOf(em: EntityManager, supplierOrganisationId: string): Promise<RatingRow[]> {
    return rowsOf<RatingRow>(await em.query(`${RATING} WHERE g.supplier_organisation_id = $1 ORDER BY g.rated_at DESC LIMIT 200`, [supplierOrganisationId]));
  }

  /**
   * Locks the supplier's score row (creating it at zero) so that ratings of one supplier recompute one after another:
   * each recomputation then sees every committed rating, and the average never misses a concurrent one.
   */
  async lockScore(em: EntityManager, supplierOrganisationId: string): Promise<void> {
    await em.query(`INSERT INTO supplier_score (organisation_id) VALUES ($1) ON CONFLICT (organisation_id) DO NOTHING`, [supplierOrganisationId]);
    await em.query(`SELECT 1 FROM supplier_score WHERE organisation_id = $1 FOR UPDATE`, [supplierOrganisationId]);
  }

  /** supplier_score = the mean of (quality + delivery + service) / 3 over all the supplier's ratings, and their count. */
  async recomputeScore(em: EntityManager, supplierOrganisationId: string): Promise<{ ratingAvg: string; ratingCount: number }> {
    const [row] = rowsOf<{ ratingAvg: string; ratingCount: number }>(
      await em.query(
        `UPDATE supplier_score s SET rating_avg = a.avg, rating_count = a.n, updated_at = now()
         FROM (SELECT round(avg((quality + delivery + service) / 3.0), 2) AS avg, count(*)::int AS n FROM procurement_rating WHERE supplier_organisation_id = $1) a
         WHERE s.organisation_id = $1
         RETURNING s.rating_avg::text AS "ratingAvg", s.rating_count AS "ratingCount"`,
        [supplierOrganisationId],
      ),
    );
    return row;
  }

  async score(em: EntityManager, supplierOrganisationId: string): Promise<{ organisationName: string; ratingAvg: string | null; ratingCount: number } | undefined> {
    const [row] = rowsOf<{ organisationName: string; ratingAvg: string | null; ratingCount: number }>(
      await em.query(
        `SELECT o.name AS "organisationName", s.rating_avg::text AS "ratingAvg", coalesce(s.rating_count, 0) AS "ratingCount"
         FROM organisation o LEFT JOIN supplier_score s ON s.organisation_id = o.id WHERE o.id = $1`,
        [supplierOrganisationId],
      ),
    );
    return row;
  }
}
