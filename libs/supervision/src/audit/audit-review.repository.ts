import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { MILESTONE_SUBJECT, PROJECT_CHILD_SUBJECTS, PROJECT_ID_SUBJECTS } from './project-subjects';

export interface AuditSearch {
  projectId?: string;
  organisationId?: string;
  accountId?: string;
  action?: string;
  from?: Date;
  to?: Date;
  /** null: every domain */
  domains: string[] | null;
  limit: number;
  offset: number;
}

export interface AuditSearchRow {
  /** insertion order */
  id: string;
  /** the place in the chain; null until the sequencer links the entry (search rows only: the trail holds linked ones) */
  seq: string | null;
  occurredAt: Date;
  actorId: string | null;
  actorUsername: string | null;
  actorName: string | null;
  actorRole: string | null;
  organisationId: string | null;
  organisationName: string | null;
  action: string;
  subjectType: string;
  subjectId: string;
  payloadDigest: string;
  payload: unknown;
  /** the stored bytes the payload digest covers (trail rows only: the export carries them as `canonicalPayload`) */
  payloadCanonical?: string;
  prevHash: string | null;
  hash: string | null;
  /** the project the event belongs to (search rows only) */
  project?: { id: string; code: string; name: string } | null;
}

export interface ProjectRow {
  id: string;
  code: string;
  name: string;
  domain: string;
}

/** The counted total stops here: enough to page, cheap on a chain of millions. */
export const COUNT_CAP = 10_000;

const CHILD_IDS = (p: string) => PROJECT_CHILD_SUBJECTS.map((c) => `SELECT '${c.type}'::text, id::text FROM ${c.table} WHERE project_id = ${p}`);

/** Every (subject_type, subject_id) of project $p; `$pt` is PROJECT_ID_SUBJECTS. */
const SUBJECTS_OF = (p: string, pt: string) => `
  SELECT t, ${p}::text FROM unnest(${pt}::text[]) t
  UNION ALL ${CHILD_IDS(`(${p}::text)::uuid`).join(' UNION ALL ')}
  UNION ALL SELECT '${MILESTONE_SUBJECT}', m.id::text FROM milestone m
    WHERE (m.subject_type = ANY(${pt}) AND m.subject_id = ${p}::text)
       ${PROJECT_CHILD_SUBJECTS.map((c) => `OR (m.subject_type = '${c.type}' AND m.subject_id IN (SELECT id::text FROM ${c.table} WHERE project_id = (${p}::text)::uuid))`).join('\n       ')}`;

/** The project an event belongs to, or NULL (used to keep a regulator to its domain when no project is named). */
const PROJECT_OF = (type: string, id: string, pt: string): string => `CASE
    WHEN ${type} = ANY(${pt}) THEN ${id}
    ${PROJECT_CHILD_SUBJECTS.map((c) => `WHEN ${type} = '${c.type}' THEN (SELECT c.project_id::text FROM ${c.table} c WHERE c.id = (${id})::uuid)`).join('\n    ')}
  END`;

const PROJECT_OF_EVENT = (pt: string) => `CASE
    WHEN e.subject_type = '${MILESTONE_SUBJECT}' THEN (SELECT ${PROJECT_OF('m.subject_type', 'm.subject_id', pt)} FROM milestone m WHERE m.id = e.subject_id::uuid)
    ELSE ${PROJECT_OF('e.subject_type', 'e.subject_id', pt)}
  END`;

const LINK_COLUMNS = `e.id::text AS "id", e.seq::text AS "seq", e.occurred_at AS "occurredAt", e.actor_id AS "actorId", e.actor_role AS "actorRole",
  e.organisation_id AS "organisationId", e.action, e.subject_type AS "subjectType", e.subject_id AS "subjectId",
  e.payload_digest AS "payloadDigest", e.payload, e.prev_hash AS "prevHash", e.hash`;

/** All SQL of audit review. Reads audit_event and, to map subjects to projects, trading_project, lot, expert_draw, milestone. */
@Injectable()
export class AuditReviewRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async project(id: string, em: EntityManager = this.ds.manager): Promise<ProjectRow | null> {
    const [row] = await em.query(`SELECT id, code, name, domain FROM trading_project WHERE id = $1`, [id]);
    return row ?? null;
  }

  /** The WHERE of a search, shared by the page and the count. Exposed for the EXPLAIN test. */
  searchSql(s: AuditSearch): { where: string; params: unknown[] } {
    const params: unknown[] = [];
    const conds: string[] = [];
    const p = (v: unknown) => `$${params.push(v)}`;
    let projectTypes: string | undefined;
    const pt = () => (projectTypes ??= `${p(PROJECT_ID_SUBJECTS)}::text[]`);
    if (s.projectId) conds.push(`(e.subject_type, e.subject_id) IN (${SUBJECTS_OF(p(s.projectId), pt())})`);
    if (s.organisationId) conds.push(`e.organisation_id = ${p(s.organisationId)}`);
    if (s.accountId) conds.push(`e.actor_id = ${p(s.accountId)}`);
    if (s.action) conds.push(`e.action = ${p(s.action)}`);
    if (s.from) conds.push(`e.occurred_at >= ${p(s.from)}`);
    if (s.to) conds.push(`e.occurred_at < ${p(s.to)}`);
    if (s.domains) conds.push(`(${PROJECT_OF_EVENT(pt())}) IN (SELECT id::text FROM trading_project WHERE domain = ANY(${p(s.domains)}))`);
    return { where: conds.length ? `WHERE ${conds.join(' AND ')}` : '', params };
  }

  async search(s: AuditSearch, em: EntityManager = this.ds.manager): Promise<{ rows: AuditSearchRow[]; total: number; totalCapped: boolean }> {
    const { where, params } = this.searchSql(s);
    const pt = `$${params.length + 1}::text[]`;
    const rows: AuditSearchRow[] = await em.query(
      `SELECT x.*, CASE WHEN pr.id IS NULL THEN NULL ELSE jsonb_build_object('id', pr.id, 'code', pr.code, 'name', pr.name) END AS project
       FROM (SELECT ${LINK_COLUMNS}, a.username AS "actorUsername", a.display_name AS "actorName", o.name AS "organisationName",
                    (${PROJECT_OF_EVENT(pt)}) AS "projectId"
               FROM (SELECT * FROM audit_event e ${where} ORDER BY e.id DESC LIMIT ${s.limit} OFFSET ${s.offset}) e
               LEFT JOIN account a ON a.id = e.actor_id
               LEFT JOIN organisation o ON o.id = e.organisation_id) x
       LEFT JOIN trading_project pr ON pr.id::text = x."projectId"
       ORDER BY x.id::bigint DESC`,
      [...params, PROJECT_ID_SUBJECTS],
    );
    const [{ n }] = await em.query(`SELECT count(*)::int AS n FROM (SELECT 1 FROM audit_event e ${where} LIMIT ${COUNT_CAP + 1}) x`, params);
    return { rows, total: Math.min(n, COUNT_CAP), totalCapped: n > COUNT_CAP };
  }

  async explainSearch(s: AuditSearch, em: EntityManager = this.ds.manager): Promise<string> {
    const { where, params } = this.searchSql(s);
    const plan: { 'QUERY PLAN': string }[] = await em.query(`EXPLAIN SELECT * FROM audit_event e ${where} ORDER BY e.id DESC LIMIT ${s.limit} OFFSET ${s.offset}`, params);
    return plan.map((r) => r['QUERY PLAN']).join('\n');
  }

  /**
   * The project's links in chain order and the head, from one snapshot so the head is not behind the links. Only linked
   * entries: the caller asks the sequencer to link what is pending first (an export is a piece of the chain).
   */
  async trail(projectId: string): Promise<{ project: ProjectRow | null; subjects: { type: string; id: string }[]; events: AuditSearchRow[]; head: { seq: string; hash: string }; at: Date }> {
    return this.ds.transaction('REPEATABLE READ', async (em) => {
      const project = await this.project(projectId, em);
      const subjects: { type: string; id: string }[] = await em.query(`SELECT t AS type, id FROM (${SUBJECTS_OF('$2', '$1::text[]')}) s(t, id) ORDER BY 1, 2`, [PROJECT_ID_SUBJECTS, projectId]);
      const events: AuditSearchRow[] = project
        ? await em.query(`SELECT ${LINK_COLUMNS}, e.payload_canonical AS "payloadCanonical" FROM audit_event e WHERE (e.subject_type, e.subject_id) IN (${SUBJECTS_OF('$2', '$1::text[]')}) AND e.seq IS NOT NULL ORDER BY e.seq`, [PROJECT_ID_SUBJECTS, projectId])
        : [];
      const [head] = await em.query(`SELECT last_seq::text AS seq, last_hash AS hash, date_trunc('milliseconds', now()) AS at FROM audit_chain_head WHERE id = 1`);
      return { project, subjects, events, head: { seq: head.seq, hash: head.hash }, at: head.at };
    });
  }

  /** The names of organisations a page of events names in its payloads (winner, buyer, depositor …). */
  async organisationNames(ids: string[]): Promise<Record<string, string>> {
    if (!ids.length) return {};
    const rows: { id: string; name: string }[] = await this.ds.query(`SELECT id, name FROM organisation WHERE id = ANY($1::uuid[])`, [ids]);
    return Object.fromEntries(rows.map((r) => [r.id, r.name]));
  }
}
