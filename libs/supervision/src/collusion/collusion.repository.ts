import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { rowsOf } from '@app/platform/database/rows';
import { BidFacts, DepositFacts, SignalKind } from './rules/signals';

export interface SectionRow {
  id: string;
  no: number;
}

export interface SignalRow {
  id: string;
  projectId: string;
  sectionId: string;
  sectionNo: number;
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
  SELECT c.id, c.project_id AS "projectId", c.section_id AS "sectionId", s.no AS "sectionNo", c.kind, c.evidence,
         c.evidence_digest AS "evidenceDigest", c.status, c.review_note AS "reviewNote", c.reviewed_by AS "reviewedBy",
         c.reviewed_at AS "reviewedAt", c.found_at AS "foundAt"
  FROM collusion_signal c JOIN tender_section s ON s.id = c.section_id`;

/** Reads the tender tables (never writes them) and keeps collusion_signal. */
@Injectable()
export class CollusionRepository {
  async tender(em: EntityManager, projectId: string): Promise<{ projectId: string } | undefined> {
    return rowsOf<{ projectId: string }>(await em.query(`SELECT project_id AS "projectId" FROM tender WHERE project_id = $1`, [projectId]))[0];
  }

  /** Sections past their opening: opened, or further along in evaluation and award. */
  async openedSections(em: EntityManager, projectId: string): Promise<SectionRow[]> {
    return rowsOf<SectionRow>(
      await em.query(`SELECT id, no FROM tender_section WHERE project_id = $1 AND status IN ('opened','evaluating','publicity','awarded') ORDER BY no`, [projectId]),
    );
  }

  /** The current, opened bid of each organisation. */
  async openedBids(em: EntityManager, sectionId: string): Promise<BidFacts[]> {
    const rows = rowsOf<{ bidId: string; organisationId: string; documentsSha256: string; clientIp: string | null; priceFen: string }>(
      await em.query(
        `SELECT id AS "bidId", organisation_id AS "organisationId", documents_sha256 AS "documentsSha256", client_ip AS "clientIp", price_fen AS "priceFen"
         FROM tender_bid WHERE section_id = $1 AND status = 'submitted' AND opened_at IS NOT NULL`,
        [sectionId],
      ),
    );
    return rows.map((r) => ({ ...r, priceFen: BigInt(r.priceFen) }));
  }

  async deposits(em: EntityManager, sectionId: string): Promise<DepositFacts[]> {
    return rowsOf<DepositFacts>(
      await em.query(`SELECT id AS "depositId", organisation_id AS "organisationId", payer_account AS "payerAccount" FROM tender_deposit WHERE section_id = $1`, [sectionId]),
    );
  }

  /** The new signal's id, or undefined when the same (section, kind, evidence) is stored already. */
  async insert(em: EntityManager, s: { projectId: string; sectionId: string; kind: SignalKind; evidence: unknown; digest: string; foundBy: string | null }): Promise<string | undefined> {
    const rows = rowsOf<{ id: string }>(
      await em.query(
        `INSERT INTO collusion_signal (project_id, section_id, kind, evidence, evidence_digest, found_by) VALUES ($1,$2,$3,$4,$5,$6)
         ON CONFLICT (section_id, kind, evidence_digest) DO NOTHING RETURNING id`,
        [s.projectId, s.sectionId, s.kind, JSON.stringify(s.evidence), s.digest, s.foundBy],
      ),
    );
    return rows[0]?.id;
  }

  async list(em: EntityManager, f: { projectId?: string; status?: string; limit: number }): Promise<SignalRow[]> {
    return rowsOf<SignalRow>(
      await em.query(
        `${SIGNAL} WHERE ($1::uuid IS NULL OR c.project_id = $1) AND ($2::text IS NULL OR c.status = $2)
         ORDER BY c.found_at DESC, s.no, c.kind, c.id LIMIT $3`,
        [f.projectId ?? null, f.status ?? null, f.limit],
      ),
    );
  }

  async byIds(em: EntityManager, ids: string[]): Promise<SignalRow[]> {
    return rowsOf<SignalRow>(await em.query(`${SIGNAL} WHERE c.id = ANY($1::uuid[]) ORDER BY s.no, c.kind, c.id`, [ids]));
  }

  async lock(em: EntityManager, id: string): Promise<SignalRow | undefined> {
    return rowsOf<SignalRow>(await em.query(`${SIGNAL} WHERE c.id = $1 FOR UPDATE OF c`, [id]))[0];
  }

  async review(em: EntityManager, id: string, status: 'dismissed' | 'confirmed', note: string, by: string | null): Promise<void> {
    await em.query(`UPDATE collusion_signal SET status = $2, review_note = $3, reviewed_by = $4, reviewed_at = now() WHERE id = $1`, [id, status, note, by]);
  }
}
