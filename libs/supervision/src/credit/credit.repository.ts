import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { rowsOf } from '@app/platform/database/rows';

export type CreditKind = 'yellow_card' | 'red_card' | 'complaint_upheld' | 'penalty' | 'rating';

export interface NewCreditEntry {
  organisationId: string;
  kind: CreditKind;
  points: number;
  /** what the entry stands on (a card, a complaint, a penalty decision); one entry per kind and reference */
  reference?: { type: string; id: string };
  note?: string | null;
  projectId?: string | null;
  recordedBy?: string | null;
}

export interface CreditEntryRow {
  id: string;
  organisationId: string;
  kind: CreditKind;
  points: number;
  referenceType: string | null;
  referenceId: string | null;
  note: string | null;
  projectId: string | null;
  occurredAt: Date;
  recordedBy: string | null;
}

export interface CreditRow {
  organisationId: string;
  score: number;
  pointsTotal: number;
  ratingPoints: number;
  entries: number;
  ratedAt: Date | null;
  updatedAt: Date;
}

export interface OrganisationRow {
  id: string;
  name: string;
  uscc: string;
}

export interface OrganisationHitRow extends OrganisationRow {
  region: string | null;
  score: number;
}

export interface PublicHitRow {
  name: string;
  uscc: string;
  score: number;
}

/**
 * An organisation the platform has already made public (docs/credit.md, 信用查询): a party of a published project
 * (owner or agent, on every project page), an e-mall purchaser, a name in a public notice (winner, buyer, supplier of a
 * result or contract), a bidder in an opened tender's public opening record (唱标), or one with a published credit
 * decision against it (行政处罚, upheld complaint). Nobody else: registering, bidding before the opening or being carded
 * does not put a name in the public search.
 */
const PUBLISHED_ORGANISATION = `(
  EXISTS (SELECT 1 FROM trading_project p WHERE p.published_at IS NOT NULL AND (p.owner_organisation_id = o.id OR p.agent_organisation_id = o.id))
  OR EXISTS (SELECT 1 FROM procurement_requirement r WHERE r.purchaser_organisation_id = o.id)
  OR EXISTS (SELECT 1 FROM portal_notice n WHERE n.organisation_name = o.name)
  OR EXISTS (SELECT 1 FROM tender_bid b WHERE b.organisation_id = o.id AND b.status = 'submitted' AND b.opened_at IS NOT NULL AND b.price_fen IS NOT NULL)
  OR EXISTS (SELECT 1 FROM credit_entry e WHERE e.organisation_id = o.id AND e.kind IN ('penalty', 'complaint_upheld'))
)`;

/** LIKE pattern text with its wildcards taken literally. */
const literal = (k: string) => k.replace(/[\\%_]/g, (c) => `\\${c}`);

const ENTRY = `SELECT id, organisation_id AS "organisationId", kind, points, reference_type AS "referenceType", reference_id AS "referenceId",
  note, project_id AS "projectId", occurred_at AS "occurredAt", recorded_by AS "recordedBy" FROM credit_entry`;
const CREDIT = `SELECT organisation_id AS "organisationId", score, points_total AS "pointsTotal", rating_points AS "ratingPoints", entries,
  rated_at AS "ratedAt", updated_at AS "updatedAt" FROM organisation_credit`;

/** credit_entry and organisation_credit; reads procurement's supplier_score (never writes it). */
@Injectable()
export class CreditRepository {
  async organisation(em: EntityManager, id: string): Promise<OrganisationRow | undefined> {
    return rowsOf<OrganisationRow>(await em.query(`SELECT id, name, trim(uscc) AS uscc FROM organisation WHERE id = $1`, [id]))[0];
  }

  async organisationByUscc(em: EntityManager, uscc: string): Promise<OrganisationRow | undefined> {
    return rowsOf<OrganisationRow>(await em.query(`SELECT id, name, trim(uscc) AS uscc FROM organisation WHERE uscc = $1`, [uscc]))[0];
  }

  /**
   * Organisations whose name contains `fragment` or whose USCC starts with `usccPrefix` (when given), with the
   * current score (no organisation_credit row: 100); USCC matches first, then by name. Indexed (migration 1970).
   */
  async search(em: EntityManager, fragment: string, usccPrefix: string | null, limit: number, offset: number): Promise<{ rows: OrganisationHitRow[]; total: number }> {
    const where = usccPrefix === null ? `o.name ILIKE $1` : `(o.name ILIKE $1 OR o.uscc LIKE $2)`;
    const params = [`%${literal(fragment)}%`, usccPrefix === null ? null : `${literal(usccPrefix)}%`];
    const rows = rowsOf<OrganisationHitRow>(
      await em.query(
        `SELECT o.id, o.name, trim(o.uscc) AS uscc, o.region, coalesce(c.score, 100) AS score
           FROM organisation o LEFT JOIN organisation_credit c ON c.organisation_id = o.id
          WHERE ${where}
          ORDER BY ($2::text IS NOT NULL AND o.uscc LIKE $2) DESC, o.name, o.id LIMIT $3 OFFSET $4`,
        [...params, limit, offset],
      ),
    );
    const [{ n }] = await em.query(`SELECT count(*)::int AS n FROM organisation o WHERE ${where}`, usccPrefix === null ? params.slice(0, 1) : params);
    return { rows, total: n };
  }

  /**
   * 信用查询 by name for the public: organisations whose name contains `fragment` AND that the platform has already
   * published (see PUBLISHED_ORGANISATION), by name; with the score (no organisation_credit row: 100). The trigram
   * index (migration 1970) finds the name candidates; each candidate is then checked against the public records.
   */
  async publicSearch(em: EntityManager, fragment: string, limit: number, offset: number): Promise<{ rows: PublicHitRow[]; total: number }> {
    const where = `o.name ILIKE $1 AND ${PUBLISHED_ORGANISATION}`;
    const rows = rowsOf<PublicHitRow>(
      await em.query(
        `SELECT o.name, trim(o.uscc) AS uscc, coalesce(c.score, 100) AS score
           FROM organisation o LEFT JOIN organisation_credit c ON c.organisation_id = o.id
          WHERE ${where} ORDER BY o.name, o.id LIMIT $2 OFFSET $3`,
        [`%${literal(fragment)}%`, limit, offset],
      ),
    );
    const [{ n }] = await em.query(`SELECT count(*)::int AS n FROM organisation o WHERE ${where}`, [`%${literal(fragment)}%`]);
    return { rows, total: n };
  }

  async projectExists(em: EntityManager, id: string): Promise<boolean> {
    return (await em.query(`SELECT 1 FROM trading_project WHERE id = $1`, [id])).length > 0;
  }

  /** The organisation's score row, created at 100 if absent and locked until commit: one recomputation at a time. */
  async lock(em: EntityManager, organisationId: string): Promise<void> {
    await em.query(
      `INSERT INTO organisation_credit (organisation_id, score, points_total, rating_points, entries) VALUES ($1, 100, 0, 0, 0) ON CONFLICT (organisation_id) DO NOTHING`,
      [organisationId],
    );
    await em.query(`SELECT 1 FROM organisation_credit WHERE organisation_id = $1 FOR UPDATE`, [organisationId]);
  }

  /** The new entry's id, or undefined when the same kind and reference is on record already. */
  async insert(em: EntityManager, e: NewCreditEntry): Promise<string | undefined> {
    const rows = rowsOf<{ id: string }>(
      await em.query(
        `INSERT INTO credit_entry (organisation_id, kind, points, reference_type, reference_id, note, project_id, recorded_by)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8) ON CONFLICT (kind, reference_type, reference_id) DO NOTHING RETURNING id`,
        [e.organisationId, e.kind, e.points, e.reference?.type ?? null, e.reference?.id ?? null, e.note ?? null, e.projectId ?? null, e.recordedBy ?? null],
      ),
    );
    return rows[0]?.id;
  }

  async totals(em: EntityManager, organisationId: string): Promise<{ pointsTotal: number; entries: number }> {
    const [r] = rowsOf<{ pointsTotal: number; entries: number }>(
      await em.query(`SELECT coalesce(sum(points), 0)::int AS "pointsTotal", count(*)::int AS entries FROM credit_entry WHERE organisation_id = $1`, [organisationId]),
    );
    return r;
  }

  async rating(em: EntityManager, organisationId: string): Promise<{ avg: number; count: number; updatedAt: Date } | undefined> {
    const [r] = rowsOf<{ avg: string; count: number; updatedAt: Date }>(
      await em.query(`SELECT rating_avg AS avg, rating_count AS count, updated_at AS "updatedAt" FROM supplier_score WHERE organisation_id = $1`, [organisationId]),
    );
    return r ? { avg: Number(r.avg), count: r.count, updatedAt: r.updatedAt } : undefined;
  }

  async saveScore(em: EntityManager, c: Omit<CreditRow, 'updatedAt'>): Promise<void> {
    await em.query(
      `UPDATE organisation_credit SET score = $2, points_total = $3, rating_points = $4, entries = $5, rated_at = $6, updated_at = now() WHERE organisation_id = $1`,
      [c.organisationId, c.score, c.pointsTotal, c.ratingPoints, c.entries, c.ratedAt],
    );
  }

  async credit(em: EntityManager, organisationId: string): Promise<CreditRow | undefined> {
    return rowsOf<CreditRow>(await em.query(`${CREDIT} WHERE organisation_id = $1`, [organisationId]))[0];
  }

  async entries(em: EntityManager, organisationId: string, limit: number, offset: number): Promise<{ rows: CreditEntryRow[]; total: number }> {
    const rows = rowsOf<CreditEntryRow>(await em.query(`${ENTRY} WHERE organisation_id = $1 ORDER BY occurred_at DESC, id LIMIT $2 OFFSET $3`, [organisationId, limit, offset]));
    const [{ n }] = await em.query(`SELECT count(*)::int AS n FROM credit_entry WHERE organisation_id = $1`, [organisationId]);
    return { rows, total: n };
  }

  async entry(em: EntityManager, id: string): Promise<CreditEntryRow | undefined> {
    return rowsOf<CreditEntryRow>(await em.query(`${ENTRY} WHERE id = $1`, [id]))[0];
  }

  /** Organisations whose e-mall ratings changed since their score was last computed (or that have no score yet). */
  async staleRatings(em: EntityManager, limit: number): Promise<string[]> {
    const rows = rowsOf<{ id: string }>(
      await em.query(
        `SELECT s.organisation_id AS id FROM supplier_score s LEFT JOIN organisation_credit c ON c.organisation_id = s.organisation_id
         WHERE c.organisation_id IS NULL OR c.rated_at IS DISTINCT FROM s.updated_at ORDER BY s.updated_at LIMIT $1`,
        [limit],
      ),
    );
    return rows.map((r) => r.id);
  }
}
