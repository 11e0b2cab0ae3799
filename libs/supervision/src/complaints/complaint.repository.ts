import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { TradingDomain } from '@app/platform/auth/roles';
import { rowsOf } from '@app/platform/database/rows';
import { PROJECT_SUBJECT } from '@app/trading';
import { ComplaintStatus } from './rules/complaint-state';

export interface ProjectFactsRow {
  id: string;
  code: string;
  name: string;
  domain: TradingDomain;
  status: string;
  ownerOrganisationId: string;
  agentOrganisationId: string | null;
  suspendedAt: Date | null;
  ruleSnapshot: { sandbox: boolean; params: { periods: Record<string, unknown> } } | null;
}

export interface ObjectionRow {
  id: string;
  organisationId: string;
  repliedAt: Date | null;
  replyDue: Date | null;
}

export interface ComplaintRow {
  id: string;
  projectId: string;
  projectCode: string;
  projectName: string;
  domain: TradingDomain;
  projectStatus: string;
  projectSuspendedAt: Date | null;
  objectionId: string | null;
  complainantOrganisationId: string;
  complainantName: string;
  respondentOrganisationId: string;
  respondentName: string;
  grounds: string;
  status: ComplaintStatus;
  filedAt: Date;
  acceptanceDue: Date;
  handledAt: Date | null;
  handledBy: string | null;
  handledRole: string | null;
  handlingNote: string | null;
  handledOnTime: boolean | null;
  decisionDue: Date | null;
  outcome: 'upheld' | 'dismissed' | null;
  decision: string | null;
  decidedAt: Date | null;
  decidedBy: string | null;
  decidedRole: string | null;
  decidedOnTime: boolean | null;
  withdrawnAt: Date | null;
  withdrawalReason: string | null;
}

export interface EvidenceRow {
  id: string;
  complaintId: string;
  no: number;
  fileName: string;
  mediaType: string;
  size: number;
  sha256: string;
}

export interface SuspensionRow {
  id: string;
  complaintId: string;
  reason: string;
  suspendedAt: Date;
  pausedMilestones: number;
  resumedAt: Date | null;
  resumeNote: string | null;
  shiftedMilestones: number | null;
}

export interface PublicDecisionRow {
  id: string;
  projectCode: string;
  projectName: string;
  domain: TradingDomain;
  complainantName: string;
  outcome: 'upheld' | 'dismissed';
  decision: string;
  decidedAt: Date;
}

export interface ComplaintFilter {
  complainantOrganisationId?: string;
  status?: ComplaintStatus;
  projectId?: string;
  /** null: every domain */
  domains: string[] | null;
  overdue?: boolean;
  limit: number;
  offset: number;
}

const COMPLAINT = `
  SELECT c.id, c.project_id AS "projectId", p.code AS "projectCode", p.name AS "projectName", p.domain, p.status AS "projectStatus",
         p.suspended_at AS "projectSuspendedAt", c.objection_id AS "objectionId",
         c.complainant_organisation_id AS "complainantOrganisationId", co.name AS "complainantName",
         c.respondent_organisation_id AS "respondentOrganisationId", ro.name AS "respondentName", c.grounds, c.status,
         c.filed_at AS "filedAt", c.acceptance_due AS "acceptanceDue", c.handled_at AS "handledAt", c.handled_by AS "handledBy",
         c.handled_role AS "handledRole", c.handling_note AS "handlingNote", c.handled_on_time AS "handledOnTime",
         c.decision_due AS "decisionDue", c.outcome, c.decision, c.decided_at AS "decidedAt", c.decided_by AS "decidedBy",
         c.decided_role AS "decidedRole", c.decided_on_time AS "decidedOnTime", c.withdrawn_at AS "withdrawnAt",
         c.withdrawal_reason AS "withdrawalReason"
  FROM complaint c
  JOIN trading_project p ON p.id = c.project_id
  JOIN organisation co ON co.id = c.complainant_organisation_id
  JOIN organisation ro ON ro.id = c.respondent_organisation_id`;

const SUSPENSION = `id, complaint_id AS "complaintId", reason, suspended_at AS "suspendedAt", paused_milestones AS "pausedMilestones",
  resumed_at AS "resumedAt", resume_note AS "resumeNote", shifted_milestones AS "shiftedMilestones"`;

/**
 * All SQL of complaints. Keeps complaint, complaint_evidence and complaint_suspension; reads trading_project,
 * organisation and tender_objection, never writes them (the project's suspension goes through the kernel).
 */
@Injectable()
export class ComplaintRepository {
  async project(em: EntityManager, id: string): Promise<ProjectFactsRow | undefined> {
    return rowsOf<ProjectFactsRow>(
      await em.query(
        `SELECT id, code, name, domain, status, owner_organisation_id AS "ownerOrganisationId", agent_organisation_id AS "agentOrganisationId",
                suspended_at AS "suspendedAt", rule_snapshot AS "ruleSnapshot"
         FROM trading_project WHERE id = $1`,
        [id],
      ),
    )[0];
  }

  async tenderObjection(em: EntityManager, projectId: string, id: string): Promise<ObjectionRow | undefined> {
    return rowsOf<ObjectionRow>(
      await em.query(
        `SELECT id, organisation_id AS "organisationId", replied_at AS "repliedAt", reply_due AS "replyDue" FROM tender_objection WHERE project_id = $1 AND id = $2`,
        [projectId, id],
      ),
    )[0];
  }

  async organisationExists(em: EntityManager, id: string): Promise<boolean> {
    return rowsOf(await em.query(`SELECT 1 FROM organisation WHERE id = $1`, [id])).length > 0;
  }

  /** The new complaint's id, or undefined when an open complaint on the same objection exists. */
  async insert(
    em: EntityManager,
    c: { projectId: string; objectionId: string | null; complainant: string; filedBy: string; respondent: string; grounds: string; filedAt: Date; acceptanceDue: Date },
  ): Promise<string | undefined> {
    return rowsOf<{ id: string }>(
      await em.query(
        `INSERT INTO complaint (project_id, objection_id, complainant_organisation_id, filed_by, respondent_organisation_id, grounds, filed_at, acceptance_due)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8)
         ON CONFLICT (objection_id) WHERE status IN ('filed','accepted') DO NOTHING RETURNING id`,
        [c.projectId, c.objectionId, c.complainant, c.filedBy, c.respondent, c.grounds, c.filedAt, c.acceptanceDue],
      ),
    )[0]?.id;
  }

  async insertEvidence(em: EntityManager, e: { complaintId: string; no: number; fileName: string; mediaType: string; sha256: string; content: Buffer }): Promise<void> {
    await em.query(`INSERT INTO complaint_evidence (complaint_id, no, file_name, media_type, size, sha256, content) VALUES ($1,$2,$3,$4,$5,$6,$7)`, [
      e.complaintId,
      e.no,
      e.fileName,
      e.mediaType,
      e.content.length,
      e.sha256,
      e.content,
    ]);
  }

  async byId(em: EntityManager, id: string, lock = false): Promise<ComplaintRow | undefined> {
    return rowsOf<ComplaintRow>(await em.query(`${COMPLAINT} WHERE c.id = $1 ${lock ? 'FOR UPDATE OF c' : ''}`, [id]))[0];
  }

  filterSql(f: ComplaintFilter): { where: string; params: unknown[] } {
    const params: unknown[] = [];
    const conds: string[] = [];
    const p = (v: unknown) => `$${params.push(v)}`;
    if (f.complainantOrganisationId) conds.push(`c.complainant_organisation_id = ${p(f.complainantOrganisationId)}`);
    if (f.status) conds.push(`c.status = ${p(f.status)}`);
    if (f.projectId) conds.push(`c.project_id = ${p(f.projectId)}`);
    if (f.domains) conds.push(`p.domain = ANY(${p(f.domains)}::text[])`);
    if (f.overdue === true) conds.push(`((c.status = 'filed' AND c.acceptance_due < now()) OR (c.status = 'accepted' AND c.decision_due < now()))`);
    if (f.overdue === false) conds.push(`NOT ((c.status = 'filed' AND c.acceptance_due < now()) OR (c.status = 'accepted' AND c.decision_due < now()))`);
    return { where: conds.length ? `WHERE ${conds.join(' AND ')}` : '', params };
  }

  async list(em: EntityManager, f: ComplaintFilter): Promise<{ rows: ComplaintRow[]; total: number }> {
    const { where, params } = this.filterSql(f);
    const rows = rowsOf<ComplaintRow>(await em.query(`${COMPLAINT} ${where} ORDER BY c.filed_at DESC, c.id LIMIT ${f.limit} OFFSET ${f.offset}`, params));
    const [{ n }] = await em.query(`SELECT count(*)::int AS n FROM complaint c JOIN trading_project p ON p.id = c.project_id ${where}`, params);
    return { rows, total: n };
  }

  async evidence(em: EntityManager, complaintIds: string[]): Promise<EvidenceRow[]> {
    return rowsOf<EvidenceRow>(
      await em.query(
        `SELECT id, complaint_id AS "complaintId", no, file_name AS "fileName", media_type AS "mediaType", size, sha256
         FROM complaint_evidence WHERE complaint_id = ANY($1::uuid[]) ORDER BY complaint_id, no`,
        [complaintIds],
      ),
    );
  }

  async evidenceContent(em: EntityManager, complaintId: string, id: string): Promise<{ fileName: string; mediaType: string; sha256: string; content: Buffer } | undefined> {
    return rowsOf<{ fileName: string; mediaType: string; sha256: string; content: Buffer }>(
      await em.query(`SELECT file_name AS "fileName", media_type AS "mediaType", sha256, content FROM complaint_evidence WHERE complaint_id = $1 AND id = $2`, [complaintId, id]),
    )[0];
  }

  async suspensions(em: EntityManager, complaintIds: string[]): Promise<SuspensionRow[]> {
    return rowsOf<SuspensionRow>(await em.query(`SELECT ${SUSPENSION} FROM complaint_suspension WHERE complaint_id = ANY($1::uuid[]) ORDER BY complaint_id, suspended_at`, [complaintIds]));
  }

  async openSuspension(em: EntityManager, complaintId: string): Promise<SuspensionRow | undefined> {
    return rowsOf<SuspensionRow>(await em.query(`SELECT ${SUSPENSION} FROM complaint_suspension WHERE complaint_id = $1 AND resumed_at IS NULL FOR UPDATE`, [complaintId]))[0];
  }

  async accept(em: EntityManager, id: string, s: { by: string; role: string; note: string | null; onTime: boolean; decisionDue: Date }): Promise<void> {
    await em.query(
      `UPDATE complaint SET status = 'accepted', handled_at = now(), handled_by = $2, handled_role = $3, handling_note = $4, handled_on_time = $5, decision_due = $6, updated_at = now()
       WHERE id = $1 AND status = 'filed'`,
      [id, s.by, s.role, s.note, s.onTime, s.decisionDue],
    );
  }

  async reject(em: EntityManager, id: string, s: { by: string; role: string; reasons: string; onTime: boolean }): Promise<void> {
    await em.query(
      `UPDATE complaint SET status = 'rejected', handled_at = now(), handled_by = $2, handled_role = $3, handling_note = $4, handled_on_time = $5, updated_at = now()
       WHERE id = $1 AND status = 'filed'`,
      [id, s.by, s.role, s.reasons, s.onTime],
    );
  }

  async decide(em: EntityManager, id: string, s: { by: string; role: string; outcome: string; decision: string; onTime: boolean }): Promise<void> {
    await em.query(
      `UPDATE complaint SET status = 'decided', outcome = $4, decision = $5, decided_at = now(), decided_by = $2, decided_role = $3, decided_on_time = $6, updated_at = now()
       WHERE id = $1 AND status = 'accepted'`,
      [id, s.by, s.role, s.outcome, s.decision, s.onTime],
    );
  }

  async withdraw(em: EntityManager, id: string, reason: string | null): Promise<void> {
    await em.query(`UPDATE complaint SET status = 'withdrawn', withdrawn_at = now(), withdrawal_reason = $2, updated_at = now() WHERE id = $1 AND status IN ('filed','accepted')`, [id, reason]);
  }

  async insertSuspension(em: EntityManager, s: { complaintId: string; projectId: string; reason: string; suspendedAt: Date; by: string; paused: number }): Promise<void> {
    await em.query(`INSERT INTO complaint_suspension (complaint_id, project_id, reason, suspended_at, suspended_by, paused_milestones) VALUES ($1,$2,$3,$4,$5,$6)`, [
      s.complaintId,
      s.projectId,
      s.reason,
      s.suspendedAt,
      s.by,
      s.paused,
    ]);
  }

  async closeSuspension(em: EntityManager, id: string, s: { by: string | null; note: string | null; shifted: number }): Promise<void> {
    await em.query(`UPDATE complaint_suspension SET resumed_at = now(), resumed_by = $2, resume_note = $3, shifted_milestones = $4 WHERE id = $1 AND resumed_at IS NULL`, [id, s.by, s.note, s.shifted]);
  }

  /** The project's milestones standing paused (the kernel pauses and resumes them under the project's subject). */
  async pausedMilestones(em: EntityManager, projectId: string): Promise<number> {
    const [{ n }] = await em.query(`SELECT count(*)::int AS n FROM milestone WHERE subject_type = $2 AND subject_id = $1 AND status = 'paused'`, [projectId, PROJECT_SUBJECT]);
    return n;
  }

  async publicDecisions(em: EntityManager, f: { domain?: string; projectId?: string; limit: number; offset: number }): Promise<{ rows: PublicDecisionRow[]; total: number }> {
    const where = `WHERE c.status = 'decided' AND ($1::text IS NULL OR p.domain = $1) AND ($2::uuid IS NULL OR c.project_id = $2)`;
    const params = [f.domain ?? null, f.projectId ?? null];
    const rows = rowsOf<PublicDecisionRow>(
      await em.query(
        `SELECT c.id, p.code AS "projectCode", p.name AS "projectName", p.domain, co.name AS "complainantName", c.outcome, c.decision, c.decided_at AS "decidedAt"
         FROM complaint c JOIN trading_project p ON p.id = c.project_id JOIN organisation co ON co.id = c.complainant_organisation_id
         ${where} ORDER BY c.decided_at DESC, c.id LIMIT ${f.limit} OFFSET ${f.offset}`,
        params,
      ),
    );
    const [{ n }] = await em.query(`SELECT count(*)::int AS n FROM complaint c JOIN trading_project p ON p.id = c.project_id ${where}`, params);
    return { rows, total: n };
  }
}
