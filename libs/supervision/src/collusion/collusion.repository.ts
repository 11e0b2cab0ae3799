import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { rowsOf } from '@app/platform/database/rows';
import { BidFacts, DepositFacts, SignalKind } from './rules/signals';

export interface SectionRow {
  id: string;
  no: number;
}

/** A section or a quote round, the unit a scan compares bids within. */
export type RoundRef = { kind: 'tender_section'; projectId: string; sectionId: string } | { kind: 'quote_round'; requirementId: string; round: number };

export interface SignalRow {
  id: string;
  roundKind: 'tender_section' | 'quote_round';
  projectId: string | null;
  sectionId: string | null;
  sectionNo: number | null;
  requirementId: string | null;
  round: number | null;
  kind: SignalKind;
  evidence: unknown;
  evidenceDigest: string;
  status: 'open' | 'dismissed' | 'confirmed';
  reviewNote: string | null;
  reviewedBy: string | null;
  reviewedAt: Date | null;
  foundAt: Date;
}

const SIGNAL = `
  SELECT c.id, CASE WHEN c.section_id IS NULL THEN 'quote_round' ELSE 'tender_section' END AS "roundKind",
         c.project_id AS "projectId", c.section_id AS "sectionId", s.no AS "sectionNo", c.requirement_id AS "requirementId", c.round,
         c.kind, c.evidence, c.evidence_digest AS "evidenceDigest", c.status, c.review_note AS "reviewNote", c.reviewed_by AS "reviewedBy",
         c.reviewed_at AS "reviewedAt", c.found_at AS "foundAt"
  FROM collusion_signal c LEFT JOIN tender_section s ON s.id = c.section_id`;

const OPENED_SECTION = `status IN ('opened','evaluating','publicity','awarded')`;

export const roundKey = (r: RoundRef): string => (r.kind === 'tender_section' ? `section:${r.sectionId}` : `quote:${r.requirementId}:${r.round}`);

/** Reads the tender and quote tables (never writes them) and keeps collusion_signal and collusion_scan. */
@Injectable()
export class CollusionRepository {
  async tender(em: EntityManager, projectId: string): Promise<{ projectId: string } | undefined> {
    return rowsOf<{ projectId: string }>(await em.query(`SELECT project_id AS "projectId" FROM tender WHERE project_id = $1`, [projectId]))[0];
  }

  async requirement(em: EntityManager, id: string): Promise<{ id: string } | undefined> {
    return rowsOf<{ id: string }>(await em.query(`SELECT id FROM procurement_requirement WHERE id = $1`, [id]))[0];
  }

  /** Sections past their opening: opened, or further along in evaluation and award. */
  async openedSections(em: EntityManager, projectId: string): Promise<SectionRow[]> {
    return rowsOf<SectionRow>(await em.query(`SELECT id, no FROM tender_section WHERE project_id = $1 AND ${OPENED_SECTION} ORDER BY no`, [projectId]));
  }

  /** Rounds of a requirement whose quotes have been opened at the deadline. */
  async openedRounds(em: EntityManager, requirementId: string): Promise<number[]> {
    return rowsOf<{ round: number }>(
      await em.query(`SELECT DISTINCT round FROM procurement_quote WHERE requirement_id = $1 AND opened_at IS NOT NULL ORDER BY round`, [requirementId]),
    ).map((r) => r.round);
  }

  /** Opened sections and quote rounds that no scan has recorded yet, oldest first. */
  async unscanned(em: EntityManager, limit: number): Promise<RoundRef[]> {
    const rows = rowsOf<{ kind: 'tender_section' | 'quote_round'; projectId: string | null; sectionId: string | null; requirementId: string | null; round: number | null }>(
      await em.query(
        `SELECT * FROM (
           SELECT 'tender_section' AS kind, s.project_id AS "projectId", s.id AS "sectionId", NULL::uuid AS "requirementId", NULL::int AS round, t.opened_at AS at
           FROM tender_section s JOIN tender t ON t.project_id = s.project_id
           WHERE s.${OPENED_SECTION} AND NOT EXISTS (SELECT 1 FROM collusion_scan c WHERE c.round_key = 'section:' || s.id)
           UNION ALL
           SELECT 'quote_round', NULL, NULL, q.requirement_id, q.round, min(q.opened_at)
           FROM procurement_quote q WHERE q.opened_at IS NOT NULL
             AND NOT EXISTS (SELECT 1 FROM collusion_scan c WHERE c.round_key = 'quote:' || q.requirement_id || ':' || q.round)
           GROUP BY q.requirement_id, q.round
         ) r ORDER BY at NULLS FIRST LIMIT $1`,
        [limit],
      ),
    );
    return rows.map((r) => (r.kind === 'tender_section' ? { kind: r.kind, projectId: r.projectId!, sectionId: r.sectionId! } : { kind: r.kind, requirementId: r.requirementId!, round: r.round! }));
  }

  /** Claims a round for this scan; false when another scan holds or has recorded it (the insert waits for it). */
  async claim(em: EntityManager, r: RoundRef): Promise<boolean> {
    return rowsOf(await em.query(`INSERT INTO collusion_scan (round_key, signals) VALUES ($1, 0) ON CONFLICT DO NOTHING RETURNING round_key`, [roundKey(r)])).length > 0;
  }

  async recordScan(em: EntityManager, r: RoundRef, signals: number): Promise<void> {
    await em.query(
      `INSERT INTO collusion_scan (round_key, signals) VALUES ($1, $2) ON CONFLICT (round_key) DO UPDATE SET signals = excluded.signals, scanned_at = now()`,
      [roundKey(r), signals],
    );
  }

  /** The current, opened bid of each organisation, with where it came from. */
  async openedBids(em: EntityManager, sectionId: string): Promise<BidFacts[]> {
    const rows = rowsOf<Omit<BidFacts, 'priceFen'> & { priceFen: string }>(
      await em.query(
        `SELECT id AS "bidId", organisation_id AS "organisationId", documents_sha256 AS "documentsSha256", client_ip AS "clientIp", price_fen AS "priceFen",
                device_id AS "deviceId", tool_serial AS "toolSerial", documents_meta AS "documentsMeta"
         FROM tender_bid WHERE section_id = $1 AND status = 'submitted' AND opened_at IS NOT NULL`,
        [sectionId],
      ),
    );
    return rows.map((r) => ({ ...r, priceFen: BigInt(r.priceFen) }));
  }

  /** The live, opened quote of each supplier in a round (valid or not: an over-maximum quote can still be a cover price). */
  async openedQuotes(em: EntityManager, requirementId: string, round: number): Promise<BidFacts[]> {
    const rows = rowsOf<{ bidId: string; organisationId: string; clientIp: string | null; deviceId: string | null; priceFen: string }>(
      await em.query(
        `SELECT id AS "bidId", organisation_id AS "organisationId", client_ip AS "clientIp", device_id AS "deviceId", total_fen AS "priceFen"
         FROM procurement_quote WHERE requirement_id = $1 AND round = $2 AND status = 'submitted' AND opened_at IS NOT NULL`,
        [requirementId, round],
      ),
    );
    return rows.map((r) => ({ ...r, documentsSha256: null, priceFen: BigInt(r.priceFen) }));
  }

  async deposits(em: EntityManager, sectionId: string): Promise<DepositFacts[]> {
    return rowsOf<DepositFacts>(
      await em.query(`SELECT id AS "depositId", organisation_id AS "organisationId", payer_account AS "payerAccount" FROM tender_deposit WHERE section_id = $1`, [sectionId]),
    );
  }

  /** The new signal's id, or undefined when the same (round, kind, evidence) is stored already. */
  async insert(em: EntityManager, r: RoundRef, s: { kind: SignalKind; evidence: unknown; digest: string; foundBy: string | null }): Promise<string | undefined> {
    const section = r.kind === 'tender_section';
    const rows = rowsOf<{ id: string }>(
      await em.query(
        `INSERT INTO collusion_signal (project_id, section_id, requirement_id, round, kind, evidence, evidence_digest, found_by) VALUES ($1,$2,$3,$4,$5,$6,$7,$8)
         ON CONFLICT ${section ? '(section_id, kind, evidence_digest)' : '(requirement_id, round, kind, evidence_digest)'} DO NOTHING RETURNING id`,
        [section ? r.projectId : null, section ? r.sectionId : null, section ? null : r.requirementId, section ? null : r.round, s.kind, JSON.stringify(s.evidence), s.digest, s.foundBy],
      ),
    );
    return rows[0]?.id;
  }

  async list(em: EntityManager, f: { projectId?: string; requirementId?: string; status?: string; roundKinds: ('tender_section' | 'quote_round')[]; limit: number }): Promise<SignalRow[]> {
    return rowsOf<SignalRow>(
      await em.query(
        `${SIGNAL} WHERE ($1::uuid IS NULL OR c.project_id = $1) AND ($2::uuid IS NULL OR c.requirement_id = $2) AND ($3::text IS NULL OR c.status = $3)
           AND (CASE WHEN c.section_id IS NULL THEN 'quote_round' ELSE 'tender_section' END) = ANY($4::text[])
         ORDER BY c.found_at DESC, s.no, c.round, c.kind, c.id LIMIT $5`,
        [f.projectId ?? null, f.requirementId ?? null, f.status ?? null, f.roundKinds, f.limit],
      ),
    );
  }

  async byIds(em: EntityManager, ids: string[]): Promise<SignalRow[]> {
    return rowsOf<SignalRow>(await em.query(`${SIGNAL} WHERE c.id = ANY($1::uuid[]) ORDER BY s.no, c.round, c.kind, c.id`, [ids]));
  }

  async lock(em: EntityManager, id: string): Promise<SignalRow | undefined> {
    return rowsOf<SignalRow>(await em.query(`${SIGNAL} WHERE c.id = $1 FOR UPDATE OF c`, [id]))[0];
  }

  async review(em: EntityManager, id: string, status: 'dismissed' | 'confirmed', note: string, by: string | null): Promise<void> {
    await em.query(`UPDATE collusion_signal SET status = $2, review_note = $3, reviewed_by = $4, reviewed_at = now() WHERE id = $1`, [id, status, note, by]);
  }
}
