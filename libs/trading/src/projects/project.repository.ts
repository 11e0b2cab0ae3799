import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { TradingDomain } from '@app/platform/auth/roles';
import { ProjectStatus } from '../rules/project-state';
import { RuleSnapshot } from '../rules/rule-snapshot';

export type RuleKind = 'standard' | 'sandbox';

export interface ProjectRow {
  id: string;
  code: string;
  domain: TradingDomain;
  name: string;
  region: string;
  ownerOrganisationId: string;
  ownerName: string;
  ownerUscc: string;
  agentOrganisationId: string | null;
  agentName: string | null;
  agentUscc: string | null;
  status: ProjectStatus;
  ruleKind: RuleKind;
  ruleSetId: string | null;
  ruleSnapshot: RuleSnapshot | null;
  publishedAt: Date | null;
  suspendedAt: Date | null;
  suspensionReason: string | null;
  createdAt: Date;
  updatedAt: Date;
  version: number;
}

export interface PublicProjectRow {
  id: string;
  code: string;
  domain: TradingDomain;
  name: string;
  region: string;
  status: ProjectStatus;
  publishedAt: Date;
  ownerName: string;
  agentName: string | null;
  ruleSetVersion: number;
  sandbox: boolean;
}

const SELECT = `
  SELECT p.id, p.code, p.domain, p.name, p.region, p.owner_organisation_id AS "ownerOrganisationId", o.name AS "ownerName", o.uscc AS "ownerUscc",
         p.agent_organisation_id AS "agentOrganisationId", a.name AS "agentName", a.uscc AS "agentUscc", p.status, p.rule_kind AS "ruleKind",
         p.rule_set_id AS "ruleSetId", p.rule_snapshot AS "ruleSnapshot", p.published_at AS "publishedAt",
         p.suspended_at AS "suspendedAt", p.suspension_reason AS "suspensionReason", p.created_at AS "createdAt",
         p.updated_at AS "updatedAt", p.version
  FROM trading_project p JOIN organisation o ON o.id = p.owner_organisation_id LEFT JOIN organisation a ON a.id = p.agent_organisation_id`;

// 工程 GC, 土地 TD, 采购 CG, 农村 NC: the code says the domain and the year (Asia/Shanghai) it was registered in.
const CODE_PREFIX: Record<TradingDomain, string> = { tendering: 'GC', land: 'TD', procurement: 'CG', rural: 'NC' };

/** Every query on trading_project. Each write bumps `version`, so a reader can tell a row changed. */
/** The operators' finder counts at most this many projects (as the audit search and product search do). */
export const PUBLIC_COUNT_CAP = 10_000;

export interface ProjectListRow {
  id: string;
  code: string;
  domain: TradingDomain;
  name: string;
  region: string;
  status: ProjectStatus;
  ownerName: string;
  agentName: string | null;
  publishedAt: Date | null;
  createdAt: Date;
}

export interface ProjectListFilter {
  /** a name fragment or the start of the code */
  q?: string;
  /** only these domains (a regulator's scope, or the one asked for) */
  domains?: TradingDomain[];
  statuses?: ProjectStatus[];
}

const likeLiteral = (k: string) => k.replace(/[\\%_]/g, (c) => `\\${c}`);

@Injectable()
export class ProjectRepository {
  async insert(em: EntityManager, p: { domain: TradingDomain; name: string; region: string; owner: string; agent: string | null; createdBy: string; ruleKind: RuleKind }): Promise<ProjectRow> {
    const [{ id }] = await em.query(
      `INSERT INTO trading_project (code, domain, name, region, owner_organisation_id, agent_organisation_id, created_by, rule_kind)
       VALUES ($1 || '-' || to_char(now() AT TIME ZONE 'Asia/Shanghai', 'YYYY') || '-' || lpad(nextval('trading_project_code_seq')::text, 6, '0'),
               $2, $3, $4, $5, $6, $7, $8)
       RETURNING id`,
      [CODE_PREFIX[p.domain], p.domain, p.name, p.region, p.owner, p.agent, p.createdBy, p.ruleKind],
    );
    return (await this.byId(em, id))!;
  }

  async byId(em: EntityManager, id: string, lock = false): Promise<ProjectRow | undefined> {
    const [row] = await em.query(`${SELECT} WHERE p.id = $1 ${lock ? 'FOR UPDATE OF p' : ''}`, [id]);
    return row;
  }

  async organisationExists(em: EntityManager, id: string): Promise<boolean> {
    return (await em.query(`SELECT 1 FROM organisation WHERE id = $1`, [id])).length > 0;
  }

  async markPublished(em: EntityManager, id: string, snapshot: RuleSnapshot): Promise<void> {
    await em.query(
      `UPDATE trading_project SET status = 'published', rule_set_id = $2, rule_snapshot = $3, published_at = now(), updated_at = now(), version = version + 1
       WHERE id = $1 AND status = 'draft'`,
      [id, snapshot.ruleSetId, JSON.stringify(snapshot)],
    );
  }

  async suspend(em: EntityManager, id: string, reason: string): Promise<void> {
    await em.query(
      `UPDATE trading_project SET status = 'suspended', suspended_at = now(), suspension_reason = $2, updated_at = now(), version = version + 1
       WHERE id = $1 AND status = 'published'`,
      [id, reason],
    );
  }

  async resume(em: EntityManager, id: string): Promise<void> {
    await em.query(
      `UPDATE trading_project SET status = 'published', suspended_at = NULL, suspension_reason = NULL, updated_at = now(), version = version + 1
       WHERE id = $1 AND status = 'suspended'`,
      [id],
    );
  }

  /** Published projects (suspended, closed and cancelled after publication included), newest first. */
  async publicPage(em: EntityManager, domain: TradingDomain | undefined, page: number, pageSize: number): Promise<{ items: PublicProjectRow[]; total: number }> {
    const filter = domain ? `AND p.domain = $3` : '';
    const items = await em.query(
      `SELECT p.id, p.code, p.domain, p.name, p.region, p.status, p.published_at AS "publishedAt", o.name AS "ownerName", a.name AS "agentName",
              p.rule_set_version AS "ruleSetVersion", p.rule_kind = 'sandbox' AS sandbox
       FROM trading_project p JOIN organisation o ON o.id = p.owner_organisation_id LEFT JOIN organisation a ON a.id = p.agent_organisation_id
       WHERE p.published_at IS NOT NULL ${filter}
       ORDER BY p.published_at DESC, p.id LIMIT $1 OFFSET $2`,
      [pageSize, (page - 1) * pageSize, ...(domain ? [domain] : [])],
    );
    // Kept by the publishing transaction (migration 1764000002600), not counted per request.
    const [{ total }] = await em.query(`SELECT coalesce(sum(published), 0)::int AS total FROM public_project_count ${domain ? 'WHERE domain = $1' : ''}`, domain ? [domain] : []);
    return { items, total };
  }

  /**
   * The operators' project finder: every registered project (drafts included), newest registration first, by name
   * fragment (trigram index) or code prefix, domain and status. Counted up to PUBLIC_COUNT_CAP like the public list.
   */
  async operatorPage(em: EntityManager, f: ProjectListFilter, page: number, pageSize: number): Promise<{ items: ProjectListRow[]; total: number; totalCapped: boolean }> {
    const params: unknown[] = [];
    const p = (v: unknown) => `$${params.push(v)}`;
    const conds: string[] = [];
    if (f.q) conds.push(`(p.name ILIKE ${p(`%${likeLiteral(f.q)}%`)} OR p.code ILIKE ${p(`${likeLiteral(f.q)}%`)})`);
    if (f.domains) conds.push(`p.domain = ANY(${p(f.domains)}::text[])`);
    if (f.statuses?.length) conds.push(`p.status = ANY(${p(f.statuses)}::text[])`);
    const where = conds.length ? `WHERE ${conds.join(' AND ')}` : '';
    const filterParams = [...params];
    const items = await em.query(
      `SELECT p.id, p.code, p.domain, p.name, p.region, p.status, o.name AS "ownerName", a.name AS "agentName", p.published_at AS "publishedAt", p.created_at AS "createdAt"
       FROM trading_project p JOIN organisation o ON o.id = p.owner_organisation_id LEFT JOIN organisation a ON a.id = p.agent_organisation_id
       ${where} ORDER BY p.created_at DESC, p.id LIMIT ${p(pageSize)} OFFSET ${p((page - 1) * pageSize)}`,
      params,
    );
    const [{ total }] = await em.query(`SELECT count(*)::int AS total FROM (SELECT 1 FROM trading_project p ${where} LIMIT ${PUBLIC_COUNT_CAP}) c`, filterParams);
    return { items, total, totalCapped: total >= PUBLIC_COUNT_CAP };
  }
}
