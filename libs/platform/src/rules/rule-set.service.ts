import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { Actor, Role, TradingDomain } from '../auth/roles';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { TransactionRunner } from '../database/transaction-runner';
import { RULE_SPECS } from './defaults';
import { CreateRuleSetDto, RuleSetQuery, UpdateRuleSetDto } from './dto/rule-set.dto';
import { RuleSetDiffView, ruleSetRef, RuleSetView, ruleSetView } from './dto/rule-set.view';
import { RuleErrors } from './rule-errors';
import { applyChanges, diffParams } from './rule-params';
import { RuleSet } from './rule-set.entity';
import { RuleSetRepository } from './rule-set.repository';
import { RuleParams } from './rule-spec';
import { validateParams } from './validate-params';

/** The committee's versioned rules (交易规则统一化): drafts change; published versions never do. */
@Injectable()
export class RuleSetService {
  constructor(
    private readonly txr: TransactionRunner,
    private readonly repo: RuleSetRepository,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async list(q: RuleSetQuery): Promise<RuleSetView[]> {
    return (await this.repo.list(this.txr.dataSource.manager, q)).map(ruleSetView);
  }

  async get(id: string): Promise<RuleSetView> {
    return ruleSetView(await this.found(this.txr.dataSource.manager, id));
  }

  async diff(id: string, otherId: string): Promise<RuleSetDiffView> {
    const em = this.txr.dataSource.manager;
    const [a, b] = [await this.found(em, id), await this.found(em, otherId)];
    if (a.domain !== b.domain) throw RuleErrors.RULE_SETS_NOT_COMPARABLE({ domains: [a.domain, b.domain] });
    return { from: ruleSetRef(a), to: ruleSetRef(b), changes: diffParams(RULE_SPECS[a.domain], a.params, b.params) };
  }

  /**
   * The version a project snapshots when it is published: the standard line's active version, or the sandbox
   * line's outside production. Runs in the caller's transaction.
   */
  async inForce(em: EntityManager, domain: TradingDomain, sandbox: boolean): Promise<RuleSet> {
    this.assertSandboxAllowed(sandbox);
    const row = await this.repo.active(em, domain, sandbox);
    if (!row) throw RuleErrors.NO_ACTIVE_RULE_SET({ domain, sandbox });
    return row;
  }

  /** Sandbox rules run on seconds: refused in production, whoever asks (committee, centre, owner). */
  assertSandboxAllowed(sandbox: boolean): void {
    if (sandbox && this.config.nodeEnv === 'production') throw RuleErrors.SANDBOX_FORBIDDEN_IN_PRODUCTION();
  }

  async createDraft(actor: Actor, dto: CreateRuleSetDto): Promise<RuleSetView> {
    const sandbox = dto.sandbox ?? false;
    this.assertSandboxAllowed(sandbox);
    return this.txr.run(async (tx) => {
      // Locking the version in force serialises drafts of one line, so version numbers never collide.
      const base = await this.repo.active(tx.em, dto.domain, sandbox, true);
      if (!base) throw RuleErrors.NO_ACTIVE_RULE_SET({ domain: dto.domain, sandbox });
      const params = this.changed(dto.domain, base.params, dto.changes, sandbox);
      const row = await this.repo.insertDraft(tx.em, { domain: dto.domain, sandbox, name: dto.name, params, basedOn: base.id, createdBy: actor.accountId });
      await this.audit.append(tx.em, {
        actor,
        role: Role.Committee,
        action: 'rule_set.drafted',
        subject: { type: 'rule_set', id: row.id },
        payload: { domain: row.domain, version: row.version, sandbox, name: row.name, basedOn: base.id, changes: diffParams(RULE_SPECS[row.domain], base.params, params) },
      });
      return ruleSetView(row);
    });
  }

  async updateDraft(actor: Actor, id: string, dto: UpdateRuleSetDto): Promise<RuleSetView> {
    return this.txr.run(async (tx) => {
      const row = await this.found(tx.em, id, true);
      if (row.status !== 'draft') throw RuleErrors.RULE_SET_IMMUTABLE({ id, status: row.status });
      this.assertSandboxAllowed(row.isSandbox);
      const params = this.changed(row.domain, row.params, dto.changes, row.isSandbox);
      const name = dto.name ?? row.name;
      await this.repo.updateDraft(tx.em, id, name, params);
      await this.audit.append(tx.em, {
        actor,
        role: Role.Committee,
        action: 'rule_set.updated',
        subject: { type: 'rule_set', id },
        payload: { ...(name !== row.name && { name: { from: row.name, to: name } }), changes: diffParams(RULE_SPECS[row.domain], row.params, params) },
      });
      return ruleSetView((await this.repo.byId(tx.em, id))!);
    });
  }

  async publish(actor: Actor, id: string): Promise<RuleSetView> {
    return this.txr.run(async (tx) => {
      const peek = await this.found(tx.em, id);
      this.assertSandboxAllowed(peek.isSandbox);
      const current = await this.repo.active(tx.em, peek.domain, peek.isSandbox, true);
      const row = await this.found(tx.em, id, true);
      if (row.status !== 'draft') throw RuleErrors.RULE_SET_IMMUTABLE({ id, status: row.status });
      // A draft copied from a version that another publication replaced would silently undo that publication.
      if (current && row.basedOn !== current.id) throw RuleErrors.RULE_SET_STALE({ id, basedOn: row.basedOn, inForce: current.id });
      const problems = validateParams(RULE_SPECS[row.domain], row.params, row.isSandbox);
      if (problems.length) throw RuleErrors.RULE_SET_INVALID({ problems });
      if (current) await this.repo.retire(tx.em, current.id);
      await this.repo.activate(tx.em, id, actor.accountId);
      await this.audit.append(tx.em, {
        actor,
        role: Role.Committee,
        action: 'rule_set.published',
        subject: { type: 'rule_set', id },
        payload: { domain: row.domain, version: row.version, sandbox: row.isSandbox, retired: current ? { id: current.id, version: current.version } : null },
      });
      return ruleSetView((await this.repo.byId(tx.em, id))!);
    });
  }

  private async found(em: EntityManager, id: string, lock = false): Promise<RuleSet> {
    const row = await this.repo.byId(em, id, lock);
    if (!row) throw RuleErrors.RULE_SET_NOT_FOUND({ id });
    return row;
  }

  /** The base with the changes applied, or RULE_SET_INVALID listing every problem (nothing is written). */
  private changed(domain: TradingDomain, base: RuleParams, changes: unknown, sandbox: boolean): RuleParams {
    const { params, problems } = applyChanges(base, changes);
    if (!problems.length) problems.push(...validateParams(RULE_SPECS[domain], params, sandbox));
    if (problems.length) throw RuleErrors.RULE_SET_INVALID({ problems });
    return params;
  }
}
