import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { TradingDomain } from '@app/platform/auth/roles';
import { ProjectStatus } from '../rules/project-state';

export interface ProjectRow {
  id: string;
  code: string;
  domain: TradingDomain;
  name: string;
  region: string | null;
  ownerOrganisationId: string;
  agentOrganisationId: string | null;
  status: ProjectStatus;
  wantsSandbox: boolean;
  ruleSetId: string | null;
  ruleSnapshot: unknown;
  publishedAt: Date | null;
  suspendedAt: Date | null;
  createdAt: Date;
}

const COLUMNS = `id, code, domain, name, region, owner_organisation_id AS "ownerOrganisationId", agent_organisation_id AS "agentOrganisationId",
  status, wants_sandbox AS "wantsSandbox", rule_set_id AS "ruleSetId", rule_snapshot AS "ruleSnapshot", published_at AS "publishedAt",
  suspended_at AS "suspendedAt", created_at AS "createdAt"`;

const CODE_PREFIX: Record<TradingDomain, string> = { tendering: 'GC', land: 'TD', procurement: 'CG', rural: 'NC' };

/** Every query on trading_project. */
@Injectable()
export class ProjectRepository {
  async insert(em: EntityManager, p: { domain: TradingDomain; name: string; region: string | null; owner: string; agent: string | null; createdBy: string; sandbox: boolean }): Promise<ProjectRow> {
    const [row] = await em.query(
      `INSERT INTO trading_project (code, domain, name, region, owner_organisation_id, agent_organisation_id, created_by, wants_sandbox)
       VALUES ($1 || '-' || to_char(now() AT TIME ZONE 'Asia/Shanghai', 'YYYY') || '-' || lpad(nextval('trading_project_code_seq')::text, 6, '0'), $2, $3, $4, $5, $6, $7, $8)
       RETURNING ${COLUMNS}`,
      [CODE_PREFIX[p.domain], p.domain, p.name, p.region, p.owner, p.agent, p.createdBy, p.sandbox],
    );
    return row;
  }

  async byId(em: EntityManager, id: string, lock = false): Promise<ProjectRow | undefined> {
    const [row] = await em.query(`SELECT ${COLUMNS} FROM trading_project WHERE id = $1 ${lock ? 'FOR UPDATE' : ''}`, [id]);
    return row;
  }

  async markPublished(em: EntityManager, id: string, ruleSetId: string, snapshot: unknown): Promise<void> {
    await em.query(
      `UPDATE trading_project SET status = 'published', rule_set_id = $2, rule_snapshot = $3, published_at = now(), updated_at = now() WHERE id = $1`,
      [id, ruleSetId, JSON.stringify(snapshot)],
    );
  }

  async setStatus(em: EntityManager, id: string, status: ProjectStatus): Promise<void> {
    await em.query(
      `UPDATE trading_project SET status = $2, suspended_at = CASE WHEN $2 = 'suspended' THEN now() ELSE NULL END, updated_at = now() WHERE id = $1`,
      [id, status],
    );
  }

  async publicPage(em: EntityManager, domain: TradingDomain | undefined, page: number, pageSize: number) {
    const where = `status <> 'draft' AND status <> 'cancelled' ${domain ? 'AND domain = $3' : ''}`;
    const args: unknown[] = [pageSize, (page - 1) * pageSize, ...(domain ? [domain] : [])];
    const items = await em.query(
      `SELECT p.id, p.code, p.domain, p.name, p.region, p.status, p.published_at AS "publishedAt", o.name AS "ownerName"
       FROM trading_project p JOIN organisation o ON o.id = p.owner_organisation_id
       WHERE ${where.replace(/status/g, 'p.status').replace('domain =', 'p.domain =')} ORDER BY p.published_at DESC, p.id LIMIT $1 OFFSET $2`,
      args,
    );
    const [{ total }] = await em.query(`SELECT count(*)::int AS total FROM trading_project WHERE ${where.replace('$3', '$1')}`, domain ? [domain] : []);
    return { items, total, page, pageSize };
  }
}
