import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { rowsOf } from '@app/platform/database/rows';
import { RequirementStatus } from './rules/quote-outcome';

export interface RequirementItem {
  description: string;
  quantity: number;
  unit: string;
  specs: string | null;
}

/** What the quote round is decided by, frozen from the rule set in force when the requirement was published. */
export interface QuoteRuleSnapshot {
  quoteWindow: { value: number; unit: string };
  minQuotes: number;
  directPurchaseThresholdFen: string;
}

export interface RequirementRow {
  id: string;
  purchaserOrganisationId: string;
  purchaserName: string;
  title: string;
  categoryCode: string;
  items: RequirementItem[];
  deliveryRegion: string;
  deliveryDate: string;
  maxPriceFen: string;
  budgetLineId: string;
  ruleSetId: string;
  ruleSetVersion: number;
  ruleSandbox: boolean;
  rules: QuoteRuleSnapshot;
  round: number;
  status: RequirementStatus;
  quoteDeadline: Date;
  deadlineMilestoneId: string | null;
  dataKeyWrapped: Buffer;
  closedAt: Date | null;
  winnerQuoteId: string | null;
  orderId: string | null;
  switchReason: string | null;
  createdAt: Date;
  /** the kernel's project of this online quote (NULL for requirements made before it had one) */
  projectId: string | null;
  projectStatus: string | null;
}

export interface QuoteRow {
  id: string;
  round: number;
  organisationId: string;
  organisationName: string;
  receivedAt: Date | null;
  submittedAt: Date;
  status: string;
  quoteDigest: string;
  totalFen: string | null;
  itemPrices: string[] | null;
  valid: boolean | null;
  invalidReason: string | null;
  openedAt: Date | null;
}

/** The project gate's resolver (@ProjectWrite('procurement-requirement')): the online quote's kernel project. */
export const PROJECT_OF_REQUIREMENT = `SELECT project_id FROM procurement_requirement WHERE id = $1::uuid`;

/**
 * The project gate's resolver (@ProjectWrite('procurement-order')): an order an online quote awarded belongs to that
 * quote's project, so a suspension holds its confirmation, delivery, acceptance and payment; a direct order has none.
 */
export const PROJECT_OF_ORDER = `SELECT r.project_id FROM procurement_order o JOIN procurement_requirement r ON o.source = 'quote' AND r.id = o.source_id WHERE o.id = $1::uuid`;

const REQUIREMENT = `
  SELECT r.id, r.purchaser_organisation_id AS "purchaserOrganisationId", o.name AS "purchaserName", r.title, r.category_code AS "categoryCode", r.items,
         r.delivery_region AS "deliveryRegion", to_char(r.delivery_date, 'YYYY-MM-DD') AS "deliveryDate", r.max_price_fen::text AS "maxPriceFen",
         r.budget_line_id AS "budgetLineId", r.rule_set_id AS "ruleSetId", r.rule_set_version AS "ruleSetVersion", r.rule_sandbox AS "ruleSandbox", r.rules,
         r.round, r.status, r.quote_deadline AS "quoteDeadline", r.deadline_milestone_id AS "deadlineMilestoneId", r.data_key_wrapped AS "dataKeyWrapped",
         r.closed_at AS "closedAt", r.winner_quote_id AS "winnerQuoteId", r.order_id AS "orderId", r.switch_reason AS "switchReason", r.created_at AS "createdAt",
         r.project_id AS "projectId", (SELECT p.status FROM trading_project p WHERE p.id = r.project_id) AS "projectStatus"
  FROM procurement_requirement r JOIN organisation o ON o.id = r.purchaser_organisation_id`;

const QUOTE = `
  SELECT q.id, q.round, q.organisation_id AS "organisationId", o.name AS "organisationName", q.received_at AS "receivedAt", q.submitted_at AS "submittedAt", q.status, q.quote_digest AS "quoteDigest",
         q.total_fen::text AS "totalFen", q.item_prices AS "itemPrices", q.valid, q.invalid_reason AS "invalidReason", q.opened_at AS "openedAt"
  FROM procurement_quote q JOIN organisation o ON o.id = q.organisation_id`;

/** All SQL of online quotes. The catalogue's agreement table is read here and nowhere else in this folder. */
@Injectable()
export class QuoteRepository {
  async byId(em: EntityManager, id: string, lock?: 'share' | 'update'): Promise<RequirementRow | null> {
    // FOR SHARE / FOR UPDATE OF r: the organisation row is only read.
    const [row] = rowsOf<RequirementRow>(await em.query(`${REQUIREMENT} WHERE r.id = $1${lock ? ` FOR ${lock.toUpperCase()} OF r` : ''}`, [id]));
    return row ?? null;
  }

  async list(em: EntityManager, limit: number): Promise<RequirementRow[]> {
    return rowsOf<RequirementRow>(await em.query(`${REQUIREMENT} ORDER BY r.created_at DESC LIMIT $1`, [limit]));
  }

  async categoryExists(em: EntityManager, code: string): Promise<boolean> {
    return (await em.query(`SELECT 1 FROM procurement_category WHERE code = $1`, [code])).length > 0;
  }

  /** The organisations among `organisationIds` holding an agreement (协议供货 or 定点采购) for the category or a branch above it, in force on `at`'s day. */
  async qualified(em: EntityManager, categoryCode: string, organisationIds: string[], at: Date): Promise<Set<string>> {
    if (!organisationIds.length) return new Set();
    const rows = rowsOf<{ id: string }>(
      await em.query(
        `SELECT DISTINCT a.organisation_id AS id
         FROM procurement_agreement a
         WHERE a.organisation_id = ANY($2::uuid[]) AND ($1 = a.category_code OR $1 LIKE a.category_code || '.%')
           AND a.valid_from <= ($3::timestamptz AT TIME ZONE 'Asia/Shanghai')::date AND a.valid_until >= ($3::timestamptz AT TIME ZONE 'Asia/Shanghai')::date`,
        [categoryCode, organisationIds, at],
      ),
    );
    return new Set(rows.map((r) => r.id));
  }

  async budgetLine(em: EntityManager, id: string, organisationId: string): Promise<{ remainingFen: bigint } | null> {
    const [row] = await em.query(`SELECT (amount_fen - used_fen)::text AS remaining FROM budget_line WHERE id = $1 AND organisation_id = $2`, [id, organisationId]);
    return row ? { remainingFen: BigInt(row.remaining) } : null;
  }

  async insert(
    em: EntityManager,
    r: Omit<RequirementRow, 'id' | 'purchaserName' | 'round' | 'status' | 'deadlineMilestoneId' | 'closedAt' | 'winnerQuoteId' | 'orderId' | 'switchReason' | 'createdAt' | 'projectStatus'> & { id: string; createdBy: string },
  ): Promise<void> {
    await em.query(
      `INSERT INTO procurement_requirement (id, purchaser_organisation_id, created_by, title, category_code, items, delivery_region, delivery_date, max_price_fen, budget_line_id,
         rule_set_id, rule_set_version, rule_sandbox, rules, quote_deadline, data_key_wrapped, project_id)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17)`,
      [
        r.id,
        r.purchaserOrganisationId,
        r.createdBy,
        r.title,
        r.categoryCode,
        JSON.stringify(r.items),
        r.deliveryRegion,
        r.deliveryDate,
        r.maxPriceFen,
        r.budgetLineId,
        r.ruleSetId,
        r.ruleSetVersion,
        r.ruleSandbox,
        JSON.stringify(r.rules),
        r.quoteDeadline,
        r.dataKeyWrapped,
        r.projectId,
      ],
    );
  }

  /** A suspension's new time for the round's deadline (its milestone shifts with the project to the same instant). */
  async shiftDeadline(em: EntityManager, id: string, round: number, quoteDeadline: Date): Promise<void> {
    await em.query(`UPDATE procurement_requirement SET quote_deadline = $3, updated_at = now() WHERE id = $1 AND round = $2 AND status = 'quoting'`, [id, round, quoteDeadline]);
  }

  async byProject(em: EntityManager, projectId: string): Promise<RequirementRow | null> {
    const [row] = rowsOf<RequirementRow>(await em.query(`${REQUIREMENT} WHERE r.project_id = $1 FOR UPDATE OF r`, [projectId]));
    return row ?? null;
  }

  async setDeadline(em: EntityManager, id: string, round: number, quoteDeadline: Date, milestoneId: string): Promise<void> {
    await em.query(`UPDATE procurement_requirement SET round = $2, status = 'quoting', quote_deadline = $3, deadline_milestone_id = $4, closed_at = NULL, updated_at = now() WHERE id = $1`, [
      id,
      round,
      quoteDeadline,
      milestoneId,
    ]);
  }

  async close(em: EntityManager, id: string, status: 'failed' | 'awarded', winnerQuoteId: string | null): Promise<void> {
    await em.query(`UPDATE procurement_requirement SET status = $2, winner_quote_id = $3, closed_at = now(), updated_at = now() WHERE id = $1`, [id, status, winnerQuoteId]);
  }

  async setOrder(em: EntityManager, id: string, orderId: string): Promise<void> {
    await em.query(`UPDATE procurement_requirement SET order_id = $2, updated_at = now() WHERE id = $1`, [id, orderId]);
  }

  async switchMethod(em: EntityManager, id: string, reason: string): Promise<void> {
    await em.query(`UPDATE procurement_requirement SET status = 'switched', switch_reason = $2, updated_at = now() WHERE id = $1`, [id, reason]);
  }

  /** Marks the organisation's live quote of the round replaced; returns its id. */
  async replaceLive(em: EntityManager, requirementId: string, round: number, organisationId: string): Promise<string | null> {
    const rows = rowsOf<{ id: string }>(
      await em.query(`UPDATE procurement_quote SET status = 'replaced' WHERE requirement_id = $1 AND round = $2 AND organisation_id = $3 AND status = 'submitted' RETURNING id`, [
        requirementId,
        round,
        organisationId,
      ]),
    );
    return rows[0]?.id ?? null;
  }

  async insertQuote(em: EntityManager, q: { id: string; requirementId: string; round: number; organisationId: string; submittedBy: string; sealed: Buffer; digest: string; clientIp: string | null; deviceId: string | null; receivedAt: Date }): Promise<void> {
    await em.query(
      `INSERT INTO procurement_quote (id, requirement_id, round, organisation_id, submitted_by, sealed, quote_digest, client_ip, device_id, received_at) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10)`,
      [q.id, q.requirementId, q.round, q.organisationId, q.submittedBy, q.sealed, q.digest, q.clientIp, q.deviceId, q.receivedAt],
    );
  }

  /** The round's live quotes with their sealed boxes, for the deadline's opening. */
  async sealedOfRound(em: EntityManager, requirementId: string, round: number): Promise<{ id: string; organisationId: string; submittedAt: Date; receivedAt: Date; sealed: Buffer; digest: string }[]> {
    return rowsOf(
      await em.query(
        `SELECT id, organisation_id AS "organisationId", submitted_at AS "submittedAt", coalesce(received_at, submitted_at) AS "receivedAt", sealed, quote_digest AS digest
         FROM procurement_quote WHERE requirement_id = $1 AND round = $2 AND status = 'submitted' ORDER BY submitted_at, id`,
        [requirementId, round],
      ),
    );
  }

  async markOpened(em: EntityManager, opened: { id: string; totalFen: bigint; itemPrices: string[] | null; valid: boolean; invalidReason: string | null }[]): Promise<void> {
    if (!opened.length) return;
    await em.query(
      `UPDATE procurement_quote q SET total_fen = v.total::bigint, item_prices = v.items::jsonb, valid = v.valid, invalid_reason = v.reason, opened_at = now()
       FROM unnest($1::uuid[], $2::text[], $3::text[], $4::boolean[], $5::text[]) AS v(id, total, items, valid, reason) WHERE q.id = v.id`,
      [opened.map((o) => o.id), opened.map((o) => o.totalFen.toString()), opened.map((o) => (o.itemPrices ? JSON.stringify(o.itemPrices) : null)), opened.map((o) => o.valid), opened.map((o) => o.invalidReason)],
    );
  }

  async quotes(em: EntityManager, requirementId: string, where: { organisationId?: string; liveOnly?: boolean } = {}): Promise<QuoteRow[]> {
    return rowsOf<QuoteRow>(
      await em.query(
        `${QUOTE} WHERE q.requirement_id = $1 AND ($2::uuid IS NULL OR q.organisation_id = $2) AND (NOT $3 OR q.status = 'submitted') ORDER BY q.round, q.submitted_at, q.id`,
        [requirementId, where.organisationId ?? null, where.liveOnly ?? false],
      ),
    );
  }

  async quote(em: EntityManager, quoteId: string): Promise<QuoteRow | null> {
    const [row] = rowsOf<QuoteRow>(await em.query(`${QUOTE} WHERE q.id = $1`, [quoteId]));
    return row ?? null;
  }
}
