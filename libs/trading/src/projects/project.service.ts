import { Injectable } from '@nestjs/common';
import { AuditService } from '@app/platform/audit/audit.service';
import { Actor, hasRole, Role, TradingDomain } from '@app/platform/auth/roles';
import { Tx, TransactionRunner } from '@app/platform/database/transaction-runner';
import { MilestoneService } from '@app/platform/milestones/milestone.service';
import { RuleParams } from '@app/platform/rules/rule-params';
import { RuleSetService } from '@app/platform/rules/rule-set.service';
import { CreateProjectDto } from '../dto/project.dto';
import { ProjectEvent, transition } from '../rules/project-state';
import { TradingErrors } from '../trading-errors';
import { ProjectRepository, ProjectRow } from './project.repository';

export const PROJECT_SUBJECT = 'trading_project';

export interface RuleSnapshot {
  ruleSetId: string;
  domain: TradingDomain;
  version: number;
  sandbox: boolean;
  params: RuleParams;
}

/** The shared kernel of every trading domain: a project, its rule snapshot, suspension by supervisors. */
@Injectable()
export class ProjectService {
  constructor(
    private readonly txr: TransactionRunner,
    private readonly projects: ProjectRepository,
    private readonly rules: RuleSetService,
    private readonly milestones: MilestoneService,
    private readonly audit: AuditService,
  ) {}

  async register(actor: Actor, dto: CreateProjectDto): Promise<ProjectRow> {
    const asAgent = hasRole(actor, Role.Agent) && dto.ownerOrganisationId && dto.ownerOrganisationId !== actor.organisationId;
    if (!actor.organisationId || (dto.ownerOrganisationId && !asAgent)) throw TradingErrors.PROJECT_NOT_YOURS();
    return this.txr.run(async (tx) => {
      const owner = asAgent ? dto.ownerOrganisationId! : actor.organisationId!;
      const [exists] = await tx.em.query(`SELECT 1 FROM organisation WHERE id = $1`, [owner]);
      if (!exists) throw TradingErrors.PROJECT_NOT_YOURS({ ownerOrganisationId: owner });
      const row = await this.projects.insert(tx.em, {
        domain: dto.domain,
        name: dto.name,
        region: dto.region ?? null,
        owner,
        agent: asAgent ? actor.organisationId : null,
        createdBy: actor.accountId!,
        sandbox: dto.ruleSet === 'sandbox',
      });
      await this.audit.append(tx.em, { actor, action: 'project.registered', subject: { type: PROJECT_SUBJECT, id: row.id }, payload: { code: row.code, domain: row.domain, name: row.name, sandbox: row.wantsSandbox } });
      return row;
    });
  }

  async get(actor: Actor, id: string): Promise<ProjectRow> {
    const row = await this.projects.byId(this.txr.dataSource.manager, id);
    if (!row || !this.maySee(actor, row)) throw TradingErrors.PROJECT_NOT_FOUND({ id });
    return row;
  }

  /** Publishing snapshots the rule set in force: later versions never change a published project. */
  async publish(actor: Actor, id: string): Promise<ProjectRow> {
    return this.change(actor, id, 'publish', async (tx, row) => {
      const ruleSet = await this.rules.inForce(tx.em, row.domain, row.wantsSandbox);
      const snapshot: RuleSnapshot = { ruleSetId: ruleSet.id, domain: ruleSet.domain, version: ruleSet.version, sandbox: ruleSet.isSandbox, params: ruleSet.params };
      await this.projects.markPublished(tx.em, id, ruleSet.id, snapshot);
      return { ruleSetId: ruleSet.id, version: ruleSet.version, sandbox: ruleSet.isSandbox };
    });
  }

  /** A supervisor's suspension pauses every pending milestone of the project; resuming shifts them. */
  async suspend(actor: Actor, id: string, resume: boolean): Promise<ProjectRow> {
    return this.change(actor, id, resume ? 'resume' : 'suspend', async (tx) => {
      await this.projects.setStatus(tx.em, id, resume ? 'published' : 'suspended');
      const moved = resume ? await this.milestones.resumeSubject(tx, PROJECT_SUBJECT, id, actor) : await this.milestones.pauseSubject(tx, PROJECT_SUBJECT, id, actor);
      return { milestones: moved.map((m) => ({ id: m.id, dueAt: m.dueAt })) };
    });
  }

  async rulesOf(projectId: string): Promise<RuleSnapshot> {
    const row = await this.projects.byId(this.txr.dataSource.manager, projectId);
    if (!row?.ruleSnapshot) throw TradingErrors.PROJECT_STATE_CONFLICT({ id: projectId, reason: 'not published' });
    return row.ruleSnapshot as RuleSnapshot;
  }

  publicList(domain: TradingDomain | undefined, page = 1, pageSize = 20) {
    return this.projects.publicPage(this.txr.dataSource.manager, domain, page, pageSize);
  }

  private async change(actor: Actor, id: string, event: ProjectEvent, apply: (tx: Tx, row: ProjectRow) => Promise<Record<string, unknown>>): Promise<ProjectRow> {
    return this.txr.run(async (tx) => {
      const row = await this.projects.byId(tx.em, id, true);
      if (!row) throw TradingErrors.PROJECT_NOT_FOUND({ id });
      if (event === 'suspend' || event === 'resume') this.requireScope(actor, row);
      else if (!this.maySee(actor, row)) throw TradingErrors.PROJECT_NOT_FOUND({ id });
      const t = transition(row.status, event);
      if (!t.ok) throw TradingErrors.PROJECT_STATE_CONFLICT({ status: row.status, event, allowed: t.allowed });
      const detail = await apply(tx, row);
      await this.audit.append(tx.em, { actor, action: `project.${event === 'publish' ? 'published' : event === 'suspend' ? 'suspended' : 'resumed'}`, subject: { type: PROJECT_SUBJECT, id }, payload: { from: row.status, to: t.next, ...detail } });
      return (await this.projects.byId(tx.em, id))!;
    });
  }

  /** Parties see their project; the centre and the office see all; a regulator sees its own domain. */
  private maySee(actor: Actor, row: ProjectRow): boolean {
    if (hasRole(actor, Role.Centre) || hasRole(actor, Role.Office) || hasRole(actor, Role.Committee)) return true;
    if (actor.roles.some((g) => g.role === Role.Regulator && g.domain === row.domain)) return true;
    return actor.organisationId !== null && (actor.organisationId === row.ownerOrganisationId || actor.organisationId === row.agentOrganisationId);
  }

  private requireScope(actor: Actor, row: ProjectRow): void {
    if (hasRole(actor, Role.Office)) return;
    if (!actor.roles.some((g) => g.role === Role.Regulator && g.domain === row.domain)) throw TradingErrors.PROJECT_NOT_IN_SCOPE({ domain: row.domain });
  }
}
