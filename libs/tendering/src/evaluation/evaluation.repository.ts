import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { rowsOf } from '@app/platform/database/rows';
import { MyEvaluationRow, SectionRow } from '../tenders/tender.types';
import { EvaluationReport, StoredScore } from './evaluation-report';

const SECTION = `
  SELECT id, project_id AS "projectId", no, name, estimate_fen::text AS "estimateFen", deposit_fen::text AS "depositFen", status, draw_id AS "drawId",
         report, reported_at AS "reportedAt", publicity_until AS "publicityUntil"
  FROM tender_section`;

const SCORE = `bid_id AS "bidId", expert_account_id AS "accountId", technical, business, adjustment_fen::text AS "adjustmentFen", disqualify_reason AS "disqualifyReason", scored_at AS "scoredAt"`;

const OBJECTION = `o.id, o.project_id AS "projectId", o.section_id AS "sectionId", o.stage, o.organisation_id AS "organisationId", g.name AS "organisationName",
  o.content, o.raised_at AS "raisedAt", o.reply, o.replied_at AS "repliedAt", o.reply_due AS "replyDue"`;

const AWARD = `w.section_id AS "sectionId", w.bid_id AS "bidId", w.organisation_id AS "organisationId", g.name AS "winner", w.price_fen::text AS "priceFen",
  w.awarded_at AS "awardedAt", w.contract_due AS "contractDue", w.contract_signed_at AS "contractSignedAt", w.contract_amount_fen::text AS "contractAmountFen"`;

export interface EvaluationBidRow {
  bidId: string;
  organisationId: string;
  bidderName: string;
  priceFen: string;
  submittedAt: Date;
  documentsSha256: string;
  documentsSize: number;
}

export type ScoreRow = Omit<StoredScore, 'adjustmentFen'> & { adjustmentFen: string; scoredAt: Date };

export interface ObjectionRow {
  id: string;
  projectId: string;
  sectionId: string | null;
  stage: 'documents' | 'opening' | 'publicity';
  organisationId: string;
  organisationName: string;
  content: string;
  raisedAt: Date;
  reply: string | null;
  repliedAt: Date | null;
  replyDue: Date | null;
}

export interface AwardRow {
  sectionId: string;
  bidId: string;
  organisationId: string;
  winner: string;
  priceFen: string;
  awardedAt: Date;
  contractDue: Date;
  contractSignedAt: Date | null;
  contractAmountFen: string | null;
}

export type ReportedSection = SectionRow & { report: EvaluationReport | null };

export interface SignatureRow {
  accountId: string;
  expertId: string;
  dissent: string | null;
  signedAt: Date;
}

/** Every query of the evaluation, the publicity, the award and the contract. */
@Injectable()
export class EvaluationRepository {
  async section(em: EntityManager, projectId: string, no: number, lock: false | 'update' | 'share' = false): Promise<ReportedSection | undefined> {
    const suffix = lock === 'update' ? 'FOR UPDATE' : lock === 'share' ? 'FOR SHARE' : '';
    const [row] = rowsOf<ReportedSection>(await em.query(`${SECTION} WHERE project_id = $1 AND no = $2 ${suffix}`, [projectId, no]));
    return row;
  }

  async sections(em: EntityManager, projectId: string): Promise<ReportedSection[]> {
    return rowsOf<ReportedSection>(await em.query(`${SECTION} WHERE project_id = $1 ORDER BY no`, [projectId]));
  }

  async startEvaluation(em: EntityManager, sectionId: string, drawId: string): Promise<void> {
    await em.query(`UPDATE tender_section SET status = 'evaluating', draw_id = $2 WHERE id = $1`, [sectionId, drawId]);
  }

  /** The section's current bids, opened: price and documents' digest, never the documents. */
  async bids(em: EntityManager, sectionId: string): Promise<EvaluationBidRow[]> {
    return rowsOf<EvaluationBidRow>(
      await em.query(
        `SELECT b.id AS "bidId", b.organisation_id AS "organisationId", o.name AS "bidderName", b.price_fen::text AS "priceFen", coalesce(b.received_at, b.submitted_at) AS "submittedAt",
                b.documents_sha256 AS "documentsSha256", b.documents_size AS "documentsSize"
         FROM tender_bid b JOIN organisation o ON o.id = b.organisation_id
         WHERE b.section_id = $1 AND b.status = 'submitted' AND b.opened_at IS NOT NULL ORDER BY coalesce(b.received_at, b.submitted_at), b.id`,
        [sectionId],
      ),
    );
  }

  async hasBid(em: EntityManager, sectionId: string, organisationId: string | null): Promise<boolean> {
    if (!organisationId) return false;
    const rows = await em.query(`SELECT 1 FROM tender_bid WHERE section_id = $1 AND organisation_id = $2 AND status = 'submitted'`, [sectionId, organisationId]);
    return rows.length > 0;
  }

  async scores(em: EntityManager, sectionId: string): Promise<ScoreRow[]> {
    return rowsOf<ScoreRow>(await em.query(`SELECT ${SCORE} FROM tender_score WHERE bid_id IN (SELECT id FROM tender_bid WHERE section_id = $1) ORDER BY bid_id, expert_account_id`, [sectionId]));
  }

  async scoresBy(em: EntityManager, sectionId: string, accountId: string): Promise<ScoreRow[]> {
    return rowsOf<ScoreRow>(await em.query(`SELECT ${SCORE} FROM tender_score WHERE expert_account_id = $2 AND bid_id IN (SELECT id FROM tender_bid WHERE section_id = $1)`, [sectionId, accountId]));
  }

  async upsertScore(em: EntityManager, s: { bidId: string; accountId: string; technical: number[]; business: number[]; adjustmentFen: bigint; disqualifyReason: string | null }): Promise<ScoreRow> {
    const [row] = rowsOf<ScoreRow>(
      await em.query(
        `INSERT INTO tender_score (bid_id, expert_account_id, technical, business, adjustment_fen, disqualify_reason) VALUES ($1,$2,$3::int[],$4::int[],$5,$6)
         ON CONFLICT (bid_id, expert_account_id) DO UPDATE SET technical = EXCLUDED.technical, business = EXCLUDED.business, adjustment_fen = EXCLUDED.adjustment_fen,
           disqualify_reason = EXCLUDED.disqualify_reason, scored_at = now()
         RETURNING ${SCORE}`,
        [s.bidId, s.accountId, s.technical, s.business, s.adjustmentFen.toString(), s.disqualifyReason],
      ),
    );
    return row;
  }

  async saveReport(em: EntityManager, sectionId: string, report: EvaluationReport, status: 'evaluating' | 'failed'): Promise<Date> {
    const [row] = rowsOf<{ reportedAt: Date }>(
      await em.query(`UPDATE tender_section SET report = $2::jsonb, reported_at = now(), status = $3 WHERE id = $1 RETURNING reported_at AS "reportedAt"`, [sectionId, JSON.stringify(report), status]),
    );
    return row.reportedAt;
  }

  async startPublicity(em: EntityManager, sectionId: string, until: Date): Promise<void> {
    await em.query(`UPDATE tender_section SET status = 'publicity', publicity_until = $2 WHERE id = $1`, [sectionId, until]);
  }

  async setSectionStatus(em: EntityManager, sectionId: string, status: 'awarded' | 'failed'): Promise<void> {
    await em.query(`UPDATE tender_section SET status = $2 WHERE id = $1`, [sectionId, status]);
  }

  async insertObjection(em: EntityManager, o: { projectId: string; sectionId: string; organisationId: string; content: string; replyDue: Date }): Promise<string> {
    const [row] = rowsOf<{ id: string }>(
      await em.query(`INSERT INTO tender_objection (project_id, section_id, stage, organisation_id, content, reply_due) VALUES ($1,$2,'publicity',$3,$4,$5) RETURNING id`, [
        o.projectId,
        o.sectionId,
        o.organisationId,
        o.content,
        o.replyDue,
      ]),
    );
    return row.id;
  }

  async objection(em: EntityManager, projectId: string, id: string, lock = false): Promise<ObjectionRow | undefined> {
    const [row] = rowsOf<ObjectionRow>(
      await em.query(`SELECT ${OBJECTION} FROM tender_objection o JOIN organisation g ON g.id = o.organisation_id WHERE o.project_id = $1 AND o.id = $2 ${lock ? 'FOR UPDATE OF o' : ''}`, [projectId, id]),
    );
    return row;
  }

  async objections(em: EntityManager, sectionId: string): Promise<ObjectionRow[]> {
    return rowsOf<ObjectionRow>(await em.query(`SELECT ${OBJECTION} FROM tender_objection o JOIN organisation g ON g.id = o.organisation_id WHERE o.section_id = $1 ORDER BY o.raised_at, o.id`, [sectionId]));
  }

  async unansweredPublicityObjections(em: EntityManager, sectionId: string): Promise<{ id: string; replyDue: Date | null }[]> {
    return rowsOf(await em.query(`SELECT id, reply_due AS "replyDue" FROM tender_objection WHERE section_id = $1 AND stage = 'publicity' AND replied_at IS NULL ORDER BY raised_at`, [sectionId]));
  }

  async reply(em: EntityManager, id: string, reply: string, accountId: string): Promise<void> {
    await em.query(`UPDATE tender_objection SET reply = $2, replied_at = now(), replied_by = $3 WHERE id = $1`, [id, reply, accountId]);
  }

  async insertAward(em: EntityManager, a: { sectionId: string; bidId: string; organisationId: string; priceFen: bigint; contractDue: Date }): Promise<void> {
    await em.query(`INSERT INTO tender_award (section_id, bid_id, organisation_id, price_fen, contract_due) VALUES ($1,$2,$3,$4,$5)`, [a.sectionId, a.bidId, a.organisationId, a.priceFen.toString(), a.contractDue]);
  }

  async award(em: EntityManager, sectionId: string, lock = false): Promise<AwardRow | undefined> {
    const [row] = rowsOf<AwardRow>(await em.query(`SELECT ${AWARD} FROM tender_award w JOIN organisation g ON g.id = w.organisation_id WHERE w.section_id = $1 ${lock ? 'FOR UPDATE OF w' : ''}`, [sectionId]));
    return row;
  }

  async awards(em: EntityManager, projectId: string): Promise<AwardRow[]> {
    return rowsOf<AwardRow>(
      await em.query(`SELECT ${AWARD} FROM tender_award w JOIN organisation g ON g.id = w.organisation_id JOIN tender_section s ON s.id = w.section_id WHERE s.project_id = $1`, [projectId]),
    );
  }

  async signContract(em: EntityManager, sectionId: string, signedAt: Date, amountFen: bigint): Promise<void> {
    await em.query(`UPDATE tender_award SET contract_signed_at = $2, contract_amount_fen = $3 WHERE section_id = $1`, [sectionId, signedAt, amountFen.toString()]);
  }

  /** Every deposit of the section not yet refunded is due back by `due`, or earlier when it already was. */
  async refundsDue(em: EntityManager, sectionId: string, due: Date): Promise<{ id: string; organisationId: string }[]> {
    return rowsOf(
      await em.query(
        `UPDATE tender_deposit SET refund_due = least(coalesce(refund_due, $2), $2) WHERE section_id = $1 AND status IN ('declared','confirmed') RETURNING id, organisation_id AS "organisationId"`,
        [sectionId, due],
      ),
    );
  }

  /** Who signed the section's report (条例 53), in the order they signed. */
  async signatures(em: EntityManager, sectionId: string): Promise<SignatureRow[]> {
    return rowsOf<SignatureRow>(
      await em.query(
        `SELECT expert_account_id AS "accountId", expert_id::text AS "expertId", dissent, signed_at AS "signedAt" FROM tender_report_signature WHERE section_id = $1 ORDER BY signed_at, expert_id`,
        [sectionId],
      ),
    );
  }

  /** One member's signature; undefined when the member had signed already (the first signature stands). */
  async sign(em: EntityManager, s: { sectionId: string; accountId: string; expertId: string; dissent: string | null }): Promise<SignatureRow | undefined> {
    const [row] = rowsOf<SignatureRow>(
      await em.query(
        `INSERT INTO tender_report_signature (section_id, expert_account_id, expert_id, dissent) VALUES ($1, $2, $3::bigint, $4)
         ON CONFLICT (section_id, expert_account_id) DO NOTHING
         RETURNING expert_account_id AS "accountId", expert_id::text AS "expertId", dissent, signed_at AS "signedAt"`,
        [s.sectionId, s.accountId, s.expertId, s.dissent],
      ),
    );
    return row;
  }

  /** The sections whose committee (one of `drawIds`) the evaluation has seated, with the bids and this expert's scores. */
  async evaluationsOf(em: EntityManager, drawIds: string[], accountId: string): Promise<MyEvaluationRow[]> {
    if (drawIds.length === 0) return [];
    return rowsOf<MyEvaluationRow>(
      await em.query(
        `SELECT s.project_id AS "projectId", p.code, p.name, t.evaluation_method AS "evaluationMethod", s.no AS "sectionNo", s.name AS "sectionName",
                s.status AS "sectionStatus", s.draw_id AS "drawId", s.reported_at AS "reportedAt",
                (SELECT count(*)::int FROM tender_bid b WHERE b.section_id = s.id AND b.status = 'submitted' AND b.opened_at IS NOT NULL) AS "bidCount",
                (SELECT count(*)::int FROM tender_score c JOIN tender_bid b ON b.id = c.bid_id
                  WHERE b.section_id = s.id AND b.status = 'submitted' AND c.expert_account_id = $2) AS "scoredByMe"
         FROM tender_section s JOIN tender t ON t.project_id = s.project_id JOIN trading_project p ON p.id = s.project_id
         WHERE s.draw_id = ANY($1::uuid[])
         ORDER BY (s.status = 'evaluating') DESC, s.reported_at DESC NULLS FIRST, p.code, s.no`,
        [drawIds, accountId],
      ),
    );
  }
}
