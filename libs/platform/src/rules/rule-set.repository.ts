import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { TradingDomain } from '../auth/roles';
import { RuleParams } from './rule-spec';
import { RuleSet, RuleSetStatus } from './rule-set.entity';

export interface RuleSetFilter {
  domain?: TradingDomain;
  sandbox?: boolean;
  status?: RuleSetStatus;
}

/** Every query on rule_set. Locks: the line's active row first, then a draft, so two writers never deadlock. */
@Injectable()
export class RuleSetRepository {
  list(em: EntityManager, f: RuleSetFilter): Promise<RuleSet[]> {
    return em.getRepository(RuleSet).find({
      where: { ...(f.domain && { domain: f.domain }), ...(f.sandbox !== undefined && { isSandbox: f.sandbox }), ...(f.status && { status: f.status }) },
      order: { domain: 'ASC', isSandbox: 'ASC', version: 'DESC' },
    });
  }

  byId(em: EntityManager, id: string, lock = false): Promise<RuleSet | null> {
    return em.getRepository(RuleSet).findOne({ where: { id }, ...(lock && { lock: { mode: 'pessimistic_write' as const } }) });
  }

  active(em: EntityManager, domain: TradingDomain, sandbox: boolean, lock = false): Promise<RuleSet | null> {
    return em.getRepository(RuleSet).findOne({ where: { domain, isSandbox: sandbox, status: 'active' }, ...(lock && { lock: { mode: 'pessimistic_write' as const } }) });
  }

  async insertDraft(em: EntityManager, d: { domain: TradingDomain; sandbox: boolean; name: string; params: RuleParams; basedOn: string; createdBy: string | null }): Promise<RuleSet> {
    const [{ id }] = await em.query(
      `INSERT INTO rule_set (domain, version, name, status, is_sandbox, params, based_on, created_by)
       SELECT $1, coalesce(max(version), 0) + 1, $3, 'draft', $2, $4, $5, $6 FROM rule_set WHERE domain = $1 AND is_sandbox = $2
       RETURNING id`,
      [d.domain, d.sandbox, d.name, JSON.stringify(d.params), d.basedOn, d.createdBy],
    );
    return (await this.byId(em, id))!;
  }

  async updateDraft(em: EntityManager, id: string, name: string, params: RuleParams): Promise<void> {
    await em.query(`UPDATE rule_set SET name = $2, params = $3 WHERE id = $1 AND status = 'draft'`, [id, name, JSON.stringify(params)]);
  }

  async retire(em: EntityManager, id: string): Promise<void> {
    await em.query(`UPDATE rule_set SET status = 'retired' WHERE id = $1 AND status = 'active'`, [id]);
  }

  /** In force from the database's now(), the same clock every deadline is judged by. */
  async activate(em: EntityManager, id: string, publishedBy: string | null): Promise<void> {
    await em.query(`UPDATE rule_set SET status = 'active', published_by = $2, published_at = now(), effective_from = now() WHERE id = $1 AND status = 'draft'`, [id, publishedBy]);
  }
}
