import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { TradingDomain } from '@app/platform/auth/roles';
import { rowsOf } from '@app/platform/database/rows';
import { RuleSnapshot } from '@app/trading/rules/rule-snapshot';
import { TenderStatus } from '../rules/tender-state';
import { DocumentRow, SectionRow, TenderListRow, TenderRow } from './tender.types';
import { DepositMethod, DepositStatus } from '../rules/deposit-state';

const TENDER = `
  SELECT t.project_id AS "projectId", p.code, p.name, p.region, p.status AS "domainStatus", p.owner_organisation_id AS "ownerOrganisationId",
         p.agent_organisation_id AS "agentOrganisationId", o.name AS "ownerName", a.name AS "agentName", t.kind, t.estimate_fen::text AS "estimateFen",
         t.evaluation_method AS "evaluationMethod", t.qualification, t.status, t.return_reasons AS "returnReasons",
         t.documents_available_at AS "documentsAvailableAt", t.bid_deadline AS "bidDeadline", t.deadline_milestone_id AS "deadlineMilestoneId",
         t.opened_at AS "openedAt", t.opening_objections_until AS "openingObjectionsUntil", t.data_key_wrapped AS "dataKeyWrapped", t.retender_of AS "retenderOf"
  FROM tender t JOIN trading_project p ON p.id = t.project_id JOIN organisation o ON o.id = p.owner_organisation_id
  LEFT JOIN organisation a ON a.id = p.agent_organisation_id`;

const SECTION = `
  SELECT id, project_id AS "projectId", no, name, estimate_fen::text AS "estimateFen", deposit_fen::text AS "depositFen", status, draw_id AS "drawId",
         report, reported_at AS "reportedAt", publicity_until AS "publicityUntil"
  FROM tender_section`;

/** The project gate's resolver (@ProjectWrite('tender-deposit')): a deposit's project. */
export const PROJECT_OF_TENDER_DEPOSIT = `SELECT s.project_id FROM tender_deposit d JOIN tender_section s ON s.id = d.section_id WHERE d.id = $1::uuid`;

/** Every query on tenders, their sections and documents. */
@Injectable()
export class TenderRepository {
  async insert(em: EntityManager, t: { projectId: string; kind: string; estimateFen: bigint; evaluationMethod: string; qualification: string; dataKeyWrapped: Buffer; retenderOf?: string | null }): Promise<void> {
    await em.query(`INSERT INTO tender (project_id, kind, estimate_fen, evaluation_method, qualification, data_key_wrapped, retender_of) VALUES ($1,$2,$3,$4,$5,$6,$7)`, [
      t.projectId,
      t.kind,
      t.estimateFen.toString(),
      t.evaluationMethod,
      t.qualification,
      t.dataKeyWrapped,
      t.retenderOf ?? null,
    ]);
  }

  async insertSection(em: EntityManager, s: { projectId: string; no: number; name: string; estimateFen: bigint; depositFen: bigint }): Promise<void> {
    await em.query(`INSERT INTO tender_section (project_id, no, name, estimate_fen, deposit_fen) VALUES ($1,$2,$3,$4,$5)`, [s.projectId, s.no, s.name, s.estimateFen.toString(), s.depositFen.toString()]);
  }

  async byId(em: EntityManager, projectId: string, lock: false | 'update' | 'share' = false): Promise<TenderRow | undefined> {
    const suffix = lock === 'update' ? 'FOR UPDATE OF t' : lock === 'share' ? 'FOR SHARE OF t' : '';
    const [row] = rowsOf<TenderRow>(await em.query(`${TENDER} WHERE t.project_id = $1 ${suffix}`, [projectId]));
    return row;
  }

  async setStatus(em: EntityManager, projectId: string, status: TenderStatus, extra: { returnReasons?: string[] | null } = {}): Promise<void> {
    await em.query(`UPDATE tender SET status = $2, return_reasons = CASE WHEN $3::boolean THEN $4::jsonb ELSE return_reasons END, updated_at = now() WHERE project_id = $1`, [
      projectId,
      status,
      extra.returnReasons !== undefined,
      extra.returnReasons ? JSON.stringify(extra.returnReasons) : null,
    ]);
  }

  async setSchedule(em: EntityManager, projectId: string, s: { documentsAvailableAt?: Date; bidDeadline: Date; deadlineMilestoneId: string }): Promise<void> {
    await em.query(
      `UPDATE tender SET documents_available_at = coalesce($2, documents_available_at), bid_deadline = $3, deadline_milestone_id = $4, updated_at = now() WHERE project_id = $1`,
      [projectId, s.documentsAvailableAt ?? null, s.bidDeadline, s.deadlineMilestoneId],
    );
  }

  /** The deadline bidders read and the bid SQL checks, moved with its milestone by a suspension. */
  async shiftBidDeadline(em: EntityManager, projectId: string, to: Date): Promise<void> {
    await em.query(`UPDATE tender SET bid_deadline = $2, updated_at = now() WHERE project_id = $1`, [projectId, to]);
  }

  async shiftOpeningObjections(em: EntityManager, projectId: string, to: Date): Promise<void> {
    await em.query(`UPDATE tender SET opening_objections_until = $2, updated_at = now() WHERE project_id = $1`, [projectId, to]);
  }

  async shiftPublicity(em: EntityManager, projectId: string, sectionId: string, to: Date): Promise<void> {
    await em.query(`UPDATE tender_section SET publicity_until = $3 WHERE project_id = $1 AND id = $2`, [projectId, sectionId, to]);
  }

  async shiftReplyDue(em: EntityManager, projectId: string, objectionId: string, to: Date): Promise<void> {
    await em.query(`UPDATE tender_objection SET reply_due = $3 WHERE project_id = $1 AND id = $2 AND replied_at IS NULL`, [projectId, objectionId, to]);
  }

  async unansweredObjections(em: EntityManager, projectId: string): Promise<{ id: string; stage: 'documents' | 'opening' | 'publicity'; replyDue: Date }[]> {
    return rowsOf(await em.query(`SELECT id, stage, reply_due AS "replyDue" FROM tender_objection WHERE project_id = $1 AND replied_at IS NULL AND reply_due IS NOT NULL ORDER BY raised_at`, [projectId]));
  }

  /** The rules frozen into the project (read here so that the freeze needs no kernel service). */
  async ruleSnapshot(em: EntityManager, projectId: string): Promise<RuleSnapshot<TradingDomain.Tendering>> {
    const [row] = rowsOf<{ snapshot: RuleSnapshot<TradingDomain.Tendering> }>(await em.query(`SELECT rule_snapshot AS snapshot FROM trading_project WHERE id = $1`, [projectId]));
    return row.snapshot;
  }

  async markOpened(em: EntityManager, projectId: string, status: 'opened' | 'failed', objectionsUntil: Date | null): Promise<void> {
    await em.query(`UPDATE tender SET status = $2, opened_at = now(), opening_objections_until = $3, updated_at = now() WHERE project_id = $1`, [projectId, status, objectionsUntil]);
  }

  async sections(em: EntityManager, projectId: string): Promise<SectionRow[]> {
    return rowsOf<SectionRow>(await em.query(`${SECTION} WHERE project_id = $1 ORDER BY no`, [projectId]));
  }

  async section(em: EntityManager, projectId: string, no: number, lock = false): Promise<SectionRow | undefined> {
    const [row] = rowsOf<SectionRow>(await em.query(`${SECTION} WHERE project_id = $1 AND no = $2 ${lock ? 'FOR UPDATE' : ''}`, [projectId, no]));
    return row;
  }

  async sectionById(em: EntityManager, id: string): Promise<SectionRow | undefined> {
    const [row] = rowsOf<SectionRow>(await em.query(`${SECTION} WHERE id = $1`, [id]));
    return row;
  }

  async setSectionStatus(em: EntityManager, id: string, status: SectionRow['status']): Promise<void> {
    await em.query(`UPDATE tender_section SET status = $2 WHERE id = $1`, [id, status]);
  }

  async insertDocument(em: EntityManager, d: { projectId: string; kind: 'tender' | 'amendment'; fileName: string; sha256: string; content: Buffer; note: string | null; createdBy: string }): Promise<DocumentRow> {
    const [row] = rowsOf<DocumentRow>(
      await em.query(
        `INSERT INTO tender_document (project_id, kind, file_name, sha256, size, content, note, created_by) VALUES ($1,$2,$3,$4,$5,$6,$7,$8)
         RETURNING id, kind, file_name AS "fileName", sha256, size, note, created_at AS "createdAt"`,
        [d.projectId, d.kind, d.fileName, d.sha256, d.content.length, d.content, d.note, d.createdBy],
      ),
    );
    return row;
  }

  /** Amendments that moved the bid deadline, as audited in their transaction (`tender.amended`), oldest first. */
  async deadlineChanges(em: EntityManager, projectId: string): Promise<DeadlineChange[]> {
    return rowsOf<DeadlineChange>(
      await em.query(
        `SELECT occurred_at AS at, (payload->>'previousDeadline')::timestamptz AS "previousDeadline", (payload->>'bidDeadline')::timestamptz AS "bidDeadline",
                payload->>'documentId' AS "documentId"
         FROM audit_event WHERE subject_type = 'tender' AND subject_id = $1 AND action = 'tender.amended' AND (payload->>'moved')::boolean ORDER BY id`,
        [projectId],
      ),
    );
  }

  async documents(em: EntityManager, projectId: string): Promise<DocumentRow[]> {
    return rowsOf<DocumentRow>(await em.query(`SELECT id, kind, file_name AS "fileName", sha256, size, note, created_at AS "createdAt" FROM tender_document WHERE project_id = $1 ORDER BY created_at`, [projectId]));
  }

  async documentContent(em: EntityManager, projectId: string, id: string): Promise<{ fileName: string; content: Buffer; sha256: string } | undefined> {
    const [row] = rowsOf<{ fileName: string; content: Buffer; sha256: string }>(await em.query(`SELECT file_name AS "fileName", content, sha256 FROM tender_document WHERE project_id = $1 AND id = $2`, [projectId, id]));
    return row;
  }

  async isRegistered(em: EntityManager, projectId: string, organisationId: string | null): Promise<boolean> {
    if (!organisationId) return false;
    const rows = await em.query(`SELECT 1 FROM tender_registration WHERE project_id = $1 AND organisation_id = $2`, [projectId, organisationId]);
    return rows.length > 0;
  }

  /** The organisation's current credit score as supervision keeps it in organisation_credit; no row: no record (100). */
  async creditScore(em: EntityManager, organisationId: string): Promise<number> {
    const [row] = await em.query(`SELECT score FROM organisation_credit WHERE organisation_id = $1`, [organisationId]);
    return row ? Number(row.score) : 100;
  }

  async register(em: EntityManager, projectId: string, organisationId: string, accountId: string): Promise<boolean> {
    const rows = rowsOf<unknown>(await em.query(`INSERT INTO tender_registration (project_id, organisation_id, registered_by) VALUES ($1,$2,$3) ON CONFLICT DO NOTHING RETURNING 1`, [projectId, organisationId, accountId]));
    return rows.length > 0;
  }

  async registeredBidders(em: EntityManager, projectId: string): Promise<{ organisationId: string; uscc: string; accountIds: string[] }[]> {
    return rowsOf(
      await em.query(
        `SELECT r.organisation_id AS "organisationId", o.uscc, coalesce(array_agg(a.id) FILTER (WHERE a.id IS NOT NULL), '{}') AS "accountIds"
         FROM tender_registration r JOIN organisation o ON o.id = r.organisation_id LEFT JOIN account a ON a.organisation_id = r.organisation_id
         WHERE r.project_id = $1 GROUP BY 1, 2`,
        [projectId],
      ),
    );
  }

  async publicPage(em: EntityManager): Promise<TenderRow[]> {
    return rowsOf<TenderRow>(await em.query(`${TENDER} WHERE t.status NOT IN ('submitted','returned','accepted') ORDER BY t.documents_available_at DESC LIMIT 100`));
  }

  /**
   * A page of tenders, newest registration first; `party` limits it to the tenders an organisation owns or acts
   * as agent for (the owner and agent indexes of trading_project), otherwise every tender.
   */
  async page(em: EntityManager, filter: { status?: TenderStatus; party?: string }, page: number, pageSize: number): Promise<{ items: TenderListRow[]; total: number }> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (filter.status) where.push(`t.status = $${params.push(filter.status)}`);
    if (filter.party) where.push(`(p.owner_organisation_id = $${params.push(filter.party)} OR p.agent_organisation_id = $${params.length})`);
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const items = rowsOf<TenderListRow>(
      await em.query(
        `SELECT t.project_id AS "projectId", p.code, p.name, p.region, o.name AS "ownerName", a.name AS "agentName", t.kind, t.estimate_fen::text AS "estimateFen",
                t.evaluation_method AS "evaluationMethod", t.status, t.return_reasons AS "returnReasons", p.created_at AS "registeredAt", t.updated_at AS "updatedAt",
                t.bid_deadline AS "bidDeadline", t.opened_at AS "openedAt",
                (SELECT count(*)::int FROM tender_section s WHERE s.project_id = t.project_id) AS "sectionCount",
                (SELECT count(*)::int FROM tender_document d WHERE d.project_id = t.project_id) AS "documentCount"
         FROM tender t JOIN trading_project p ON p.id = t.project_id JOIN organisation o ON o.id = p.owner_organisation_id
         LEFT JOIN organisation a ON a.id = p.agent_organisation_id
         ${clause}
         ORDER BY p.created_at DESC, t.project_id LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
        [...params, pageSize, (page - 1) * pageSize],
      ),
    );
    const [{ total }] = await em.query(`SELECT count(*)::int AS total FROM tender t JOIN trading_project p ON p.id = t.project_id ${clause}`, params);
    return { items, total };
  }

  /** The organisation's deposit on a section as the deposit state machine sees it, locked against a concurrent refund when asked. */
  async depositFacts(em: EntityManager, sectionId: string, organisationId: string, lock = false): Promise<{ id: string; status: DepositStatus; method: DepositMethod; refundDue: Date | null } | null> {
    const [row] = rowsOf<{ id: string; status: DepositStatus; method: DepositMethod; refundDue: Date | null }>(
      await em.query(`SELECT id, status, method, refund_due AS "refundDue" FROM tender_deposit WHERE section_id = $1 AND organisation_id = $2 ${lock ? 'FOR SHARE' : ''}`, [sectionId, organisationId]),
    );
    return row ?? null;
  }

  /**
   * Sets when an organisation's deposit on a section falls due for refund (never later than an earlier due time), or
   * clears a due time with `null`; a refunded deposit stays as it is. Returns the deposits changed.
   */
  async depositRefundDue(em: EntityManager, sectionId: string, organisationId: string, due: Date | null): Promise<string[]> {
    const rows = rowsOf<{ id: string }>(
      await em.query(
        due === null
          ? `UPDATE tender_deposit SET refund_due = NULL WHERE section_id = $1 AND organisation_id = $2 AND status IN ('declared','confirmed') AND refund_due IS NOT NULL RETURNING id`
          : `UPDATE tender_deposit SET refund_due = least(coalesce(refund_due, $3), $3) WHERE section_id = $1 AND organisation_id = $2 AND status IN ('declared','confirmed') RETURNING id`,
        due === null ? [sectionId, organisationId] : [sectionId, organisationId, due],
      ),
    );
    return rows.map((r) => r.id);
  }
}

/** 截止时间变更: the deadline an amendment replaced and the one it set. */
export interface DeadlineChange {
  at: Date;
  previousDeadline: Date;
  bidDeadline: Date;
  documentId: string;
}
