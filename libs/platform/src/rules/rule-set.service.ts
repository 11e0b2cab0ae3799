import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { Actor, TradingDomain } from '../auth/roles';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { rowsOf } from '../database/rows';
import { TransactionRunner } from '../database/transaction-runner';
import { RULE_SPECS } from './defaults';
import { CreateRuleSetDto, UpdateRuleSetDto } from './dto/rule-set.dto';
import { RuleErrors } from './rule-errors';
import { crossChecks, diffParams, RuleParams, validateParams } from './rule-params';
import { RuleSet } from './rule-set.entity';

type Changes = Record<string, Record<string, unknown>> | undefined;

function applyChanges(base: RuleParams, changes: Changes): RuleParams {
  const next = structuredClone(base) as unknown as Record<string, Record<string, unknown>>;
  for (const [section, values] of Object.entries(changes ?? {})) {
    next[section] = { ...(next[section] ?? {}), ...(values && typeof values === 'object' ? values : { invalid: values }) };
  }
  return next as unknown as RuleParams;
}

/** The committee's versioned rules (交易规则统一化): drafts change, published versions never do. */
@Injectable()
export class RuleSetService {
  constructor(
    private readonly txr: TransactionRunner,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  list(domain?: TradingDomain): Promise<RuleSet[]> {
    return this.txr.dataSource.getRepository(RuleSet).find({ where: domain ? { domain } : {}, order: { domain: 'ASC', isSandbox: 'ASC', version: 'DESC' } });
  }

  async get(id: string, em: EntityManager = this.txr.dataSource.manager): Promise<RuleSet> {
    const row = await em.getRepository(RuleSet).findOneBy({ id });
    if (!row) throw RuleErrors.RULE_SET_NOT_FOUND({ id });
    return row;
  }

  async diff(id: string, otherId: string) {
    const [a, b] = [await this.get(id), await this.get(otherId)];
    return { from: { id: a.id, domain: a.domain, version: a.version }, to: { id: b.id, domain: b.domain, version: b.version }, changes: diffParams(a.params, b.params) };
  }

  /** The version a project snapshots when it is published: the active one, sandbox only outside production. */
  async inForce(em: EntityManager, domain: TradingDomain, sandbox: boolean): Promise<RuleSet> {
    this.refuseSandboxInProduction(sandbox);
    const row = await em.getRepository(RuleSet).findOneBy({ domain, isSandbox: sandbox, status: 'active' });
    if (!row) throw RuleErrors.NO_ACTIVE_RULE_SET({ domain, sandbox });
    return row;
  }

  async createDraft(actor: Actor, dto: CreateRuleSetDto): Promise<RuleSet> {
    const sandbox = dto.sandbox ?? false;
    this.refuseSandboxInProduction(sandbox);
    return this.txr.run(async (tx) => {
      const base = await this.inForce(tx.em, dto.domain, sandbox);
      const params = this.checked(dto.domain, applyChanges(base.params, dto.changes), sandbox);
      const [{ next }] = await tx.em.query(`SELECT coalesce(max(version), 0) + 1 AS next FROM rule_set WHERE domain = $1 AND is_sandbox = $2`, [dto.domain, sandbox]);
      const repo = tx.em.getRepository(RuleSet);
      const row = await repo.save(repo.create({ domain: dto.domain, version: next, name: dto.name, status: 'draft', isSandbox: sandbox, params, basedOn: base.id, createdBy: actor.accountId }));
      await this.audit.append(tx.em, { actor, action: 'rule_set.drafted', subject: { type: 'rule_set', id: row.id }, payload: { domain: row.domain, version: row.version, sandbox, changes: diffParams(base.params, params) } });
      return repo.findOneByOrFail({ id: row.id });
    });
  }

  async updateDraft(actor: Actor, id: string, dto: UpdateRuleSetDto): Promise<RuleSet> {
    return this.txr.run(async (tx) => {
      const row = await tx.em.getRepository(RuleSet).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!row) throw RuleErrors.RULE_SET_NOT_FOUND({ id });
      if (row.status !== 'draft') throw RuleErrors.RULE_SET_IMMUTABLE({ id, status: row.status });
      const params = this.checked(row.domain, applyChanges(row.params, dto.changes), row.isSandbox);
      const changes = diffParams(row.params, params);
      await tx.em.getRepository(RuleSet).update({ id }, { params, name: dto.name ?? row.name });
      await this.audit.append(tx.em, { actor, action: 'rule_set.updated', subject: { type: 'rule_set', id }, payload: { name: dto.name, changes } });
      return this.get(id, tx.em);
    });
  }

  async publish(actor: Actor, id: string): Promise<RuleSet> {
    return this.txr.run(async (tx) => {
      const row = await tx.em.getRepository(RuleSet).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!row) throw RuleErrors.RULE_SET_NOT_FOUND({ id });
      if (row.status !== 'draft') throw RuleErrors.RULE_SET_IMMUTABLE({ id, status: row.status });
      this.refuseSandboxInProduction(row.isSandbox);
      const retired = rowsOf<{ id: string }>(await tx.em.query(`UPDATE rule_set SET status = 'retired' WHERE domain = $1 AND is_sandbox = $2 AND status = 'active' RETURNING id`, [row.domain, row.isSandbox]));
      await tx.em.query(`UPDATE rule_set SET status = 'active', published_by = $2, published_at = now() WHERE id = $1`, [id, actor.accountId]);
      await this.audit.append(tx.em, { actor, action: 'rule_set.published', subject: { type: 'rule_set', id }, payload: { domain: row.domain, version: row.version, sandbox: row.isSandbox, retired: retired.map((r) => r.id) } });
      return this.get(id, tx.em);
    });
  }

  private checked(domain: TradingDomain, params: RuleParams, sandbox: boolean): RuleParams {
    const problems = validateParams(RULE_SPECS[domain], params, sandbox);
    if (problems.length === 0) problems.push(...crossChecks(domain, params));
    if (problems.length) throw RuleErrors.RULE_SET_INVALID({ problems });
    return params;
  }

  private refuseSandboxInProduction(sandbox: boolean): void {
    if (sandbox && this.config.nodeEnv === 'production') throw RuleErrors.SANDBOX_FORBIDDEN_IN_PRODUCTION();
  }
}
