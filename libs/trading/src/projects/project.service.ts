import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuditService } from '@app/platform/audit/audit.service';
import { Actor, hasRole, Role, SYSTEM_ACTOR, TradingDomain } from '@app/platform/auth/roles';
import { Counting, shiftedDue } from '@app/platform/calendar/working-time';
import { Tx, TransactionRunner } from '@app/platform/database/transaction-runner';
import { Milestone } from '@app/platform/milestones/milestone.entity';
import { MilestoneService } from '@app/platform/milestones/milestone.service';
import { RuleSetService } from '@app/platform/rules/rule-set.service';
import { CreateProjectDto, ProjectListQuery, PublicProjectQuery } from '../dto/project.dto';
import { ProjectListPage, projectView, ProjectView } from '../dto/project.view';
import { maySupervise, readAccess, registration, supervisingRole } from '../rules/project-access';
import { ProjectEvent, transition } from '../rules/project-state';
import { RuleSnapshot } from '../rules/rule-snapshot';
import { ProjectFreezes } from '../suspension/project-freezes';
import { SuspensionRepository } from '../suspension/suspension.repository';
import { TradingErrors } from '../trading-errors';
import { ProjectParticipants } from './project-participants';
import { ProjectRepository, ProjectRow } from './project.repository';
import { PublicPageBytes, PublicProjectPages } from './public-project-pages';

/** Milestones of a project use this subject, so that suspending the project pauses every one of them. */
export const PROJECT_SUBJECT = 'trading_project';

/** What shared services (expert draws, scheduling) need to know of a project, parties by USCC. */
export interface ProjectFacts {
  id: string;
  code: string;
  name: string;
  domain: TradingDomain;
  region: string;
  status: ProjectRow['status'];
  ownerOrganisationId: string;
  ownerUscc: string;
  agentOrganisationId: string | null;
  agentUscc: string | null;
  bidderUsccs: string[];
}

export interface ProjectMilestone {
  kind: string;
  dueAt: Date;
  payload?: Record<string, unknown>;
  /** 'working' when `dueAt` comes from a period counted in working days (`countingOf(period)`): a suspension keeps its working time */
  counting?: Counting;
}

/** The shared kernel of every trading domain: a project, the rules frozen into it, its suspension by supervisors. */
@Injectable()
export class ProjectService {
  constructor(
    private readonly txr: TransactionRunner,
    private readonly projects: ProjectRepository,
    private readonly rules: RuleSetService,
    private readonly milestones: MilestoneService,
    private readonly audit: AuditService,
    private readonly participants: ProjectParticipants,
    private readonly freezes: ProjectFreezes,
    private readonly suspensions: SuspensionRepository,
    private readonly publicPages: PublicProjectPages,
  ) {}

  /** Registers a draft; pass the caller's transaction to register a domain's own record with it, all or nothing. */
  async register(actor: Actor, dto: CreateProjectDto, outer?: Tx): Promise<ProjectView> {
    const parties = registration(actor, dto.ownerOrganisationId);
    if (!parties.ok) throw TradingErrors[parties.refusal]({ ownerOrganisationId: dto.ownerOrganisationId ?? null });
    const ruleKind = dto.ruleSet ?? 'standard';
    this.rules.assertSandboxAllowed(ruleKind === 'sandbox');
    return this.inTx(outer, async (tx) => {
      if (!(await this.projects.organisationExists(tx.em, parties.owner))) throw TradingErrors.PROJECT_OWNER_UNKNOWN({ ownerOrganisationId: parties.owner });
      const row = await this.projects.insert(tx.em, {
        domain: dto.domain,
        name: dto.name,
        region: dto.region,
        owner: parties.owner,
        agent: parties.agent,
        createdBy: actor.accountId!,
        ruleKind,
      });
      await this.audit.append(tx.em, {
        actor,
        role: parties.role,
        action: 'project.registered',
        subject: { type: PROJECT_SUBJECT, id: row.id },
        payload: { code: row.code, domain: row.domain, name: row.name, region: row.region, owner: row.ownerOrganisationId, agent: row.agentOrganisationId, ruleKind },
      });
      return projectView(row);
    });
  }

  async get(actor: Actor, id: string): Promise<ProjectView> {
    const row = await this.projects.byId(this.txr.dataSource.manager, id);
    if (!row) throw TradingErrors.PROJECT_NOT_FOUND({ id });
    const access = readAccess(actor, row);
    if (access === 'out-of-scope') throw TradingErrors.PROJECT_NOT_IN_SCOPE({ domain: row.domain });
    if (access === 'hidden') throw TradingErrors.PROJECT_NOT_FOUND({ id });
    return projectView(row);
  }

  /**
   * Publishing freezes the rule set in force into the project: later versions never change it. The centre publishes,
   * except where the owner publishes its own project directly (an e-mall purchaser's online quote: `role` owner).
   */
  async publish(actor: Actor, id: string, outer?: Tx, role: Role = Role.Centre): Promise<ProjectView> {
    return this.change(actor, role, id, 'publish', outer, async (tx, row) => {
      const ruleSet = await this.rules.inForce(tx.em, row.domain, row.ruleKind === 'sandbox');
      const snapshot: RuleSnapshot = {
        ruleSetId: ruleSet.id,
        domain: ruleSet.domain,
        version: ruleSet.version,
        name: ruleSet.name,
        sandbox: ruleSet.isSandbox,
        effectiveFrom: ruleSet.effectiveFrom!.toISOString(),
        params: ruleSet.params as RuleSnapshot['params'],
      };
      await this.projects.markPublished(tx.em, id, snapshot);
      return { ruleSetId: ruleSet.id, version: ruleSet.version, sandbox: ruleSet.isSandbox };
    });
  }

  /**
   * A supervisor's suspension (中止) freezes the project: every pending milestone pauses and every period the domains
   * registered (ProjectFreezes) is recorded with what it had left, in one suspension record that the portal's 中止公告
   * and OCDS read. Pass the caller's transaction to suspend with its own record (a complaint), all or nothing.
   */
  async suspend(actor: Actor, id: string, reason: string, outer?: Tx): Promise<ProjectView> {
    const role = supervisingRole(actor);
    return this.change(actor, role, id, 'suspend', outer, async (tx, row) => {
      await this.projects.suspend(tx.em, id, reason);
      const at = (await this.projects.byId(tx.em, id))!.suspendedAt!;
      const paused = await this.milestones.pauseSubject(tx, PROJECT_SUBJECT, id, actor);
      const frozen = await this.freezes.freeze(tx, row.domain, id, at);
      const suspensionId = await this.suspensions.open(tx.em, { projectId: id, suspendedAt: at, reason, by: actor.accountId, role, frozen });
      return { reason, suspensionId, suspendedAt: at, milestones: paused.map(describe), frozen };
    });
  }

  /**
   * Resuming (恢复) gives every frozen period and paused milestone what it had left at the suspension, counted from now:
   * plain time, or working time for a period counted in working days. The new times close the suspension record.
   */
  async resume(actor: Actor, id: string, note?: string, outer?: Tx): Promise<ProjectView> {
    const role = supervisingRole(actor);
    return this.change(actor, role, id, 'resume', outer, async (tx, row) => {
      const record = await this.suspensions.current(tx.em, id);
      const suspendedAt = record?.suspendedAt ?? row.suspendedAt!;
      await this.projects.resume(tx.em, id);
      const [{ now }] = await tx.em.query(`SELECT now() AS now`);
      const shifted = await this.freezes.resume(tx, row.domain, id, record?.frozen ?? [], suspendedAt, now);
      const resumed = await this.milestones.resumeSubject(tx, PROJECT_SUBJECT, id, actor, (m, at) => shiftedDue(m.dueAt, suspendedAt, at, m.counting));
      if (record) await this.suspensions.close(tx.em, record.id, { resumedAt: now, by: actor.accountId, role, note: note ?? null, shifted });
      return { note: note ?? null, suspensionId: record?.id ?? null, suspendedAt, resumedAt: now, milestones: resumed.map(describe), shifted };
    });
  }

  /**
   * The operators' finder, so that nobody types a project id: the centre and the office see every project, a regulator
   * its own domain (asking for another one is out of scope).
   */
  async operatorList(actor: Actor, q: ProjectListQuery): Promise<ProjectListPage> {
    const page = q.page ?? 1;
    const pageSize = q.pageSize ?? 20;
    let domains = q.domain ? [q.domain] : undefined;
    if (!hasRole(actor, Role.Centre) && !hasRole(actor, Role.Office)) {
      const mine = actor.roles.filter((g) => g.role === Role.Regulator && g.domain !== null).map((g) => g.domain as TradingDomain);
      if (q.domain && !mine.includes(q.domain)) throw TradingErrors.PROJECT_NOT_IN_SCOPE({ domain: q.domain });
      domains = q.domain ? [q.domain] : mine;
    }
    const { items, total, totalCapped } = await this.projects.operatorPage(this.txr.dataSource.manager, { q: q.q?.trim() || undefined, domains, statuses: q.status }, page, pageSize);
    return { items, total, totalCapped, page, pageSize };
  }

  /** A public list page, serialized, from this process's cache of pages (PublicProjectPages). */
  publicList(q: PublicProjectQuery): Promise<PublicPageBytes> {
    return this.publicPages.page(q.domain, q.page ?? 1, q.pageSize ?? 20);
  }

  async facts(projectId: string, em: EntityManager = this.txr.dataSource.manager): Promise<ProjectFacts> {
    const row = await this.projects.byId(em, projectId);
    if (!row) throw TradingErrors.PROJECT_NOT_FOUND({ id: projectId });
    return {
      id: row.id,
      code: row.code,
      name: row.name,
      domain: row.domain,
      region: row.region,
      status: row.status,
      ownerOrganisationId: row.ownerOrganisationId,
      ownerUscc: row.ownerUscc,
      agentOrganisationId: row.agentOrganisationId,
      agentUscc: row.agentUscc,
      bidderUsccs: await this.participants.of(em, row.domain, row.id),
    };
  }

  /**
   * The rules a published project runs by, typed for its domain. Pass the domain a caller works in, and a
   * project of another domain is refused; pass the caller's transaction to read inside it.
   */
  async rulesOf<D extends TradingDomain = TradingDomain>(projectId: string, domain?: D, em: EntityManager = this.txr.dataSource.manager): Promise<RuleSnapshot<D>> {
    const row = await this.projects.byId(em, projectId);
    if (!row) throw TradingErrors.PROJECT_NOT_FOUND({ id: projectId });
    if (domain !== undefined && row.domain !== domain) throw TradingErrors.PROJECT_WRONG_DOMAIN({ id: projectId, domain: row.domain, expected: domain });
    if (!row.ruleSnapshot) throw TradingErrors.PROJECT_STATE_CONFLICT({ id: projectId, status: row.status, reason: 'not published: no rules yet' });
    return row.ruleSnapshot as RuleSnapshot<D>;
  }

  /**
   * Schedules a milestone of a published project in the caller's transaction, under the project's subject so
   * that suspension pauses it. The row lock (FOR SHARE) makes a concurrent suspension wait and then see it.
   */
  async schedule(tx: Tx, projectId: string, m: ProjectMilestone, actor: Actor = SYSTEM_ACTOR): Promise<Milestone> {
    const [row] = await tx.em.query(`SELECT status FROM trading_project WHERE id = $1 FOR SHARE`, [projectId]);
    if (!row) throw TradingErrors.PROJECT_NOT_FOUND({ id: projectId });
    if (row.status !== 'published') throw TradingErrors.PROJECT_STATE_CONFLICT({ id: projectId, status: row.status, reason: 'milestones need a published project' });
    return this.milestones.schedule(tx, { ...m, subjectType: PROJECT_SUBJECT, subjectId: projectId }, actor);
  }

  private inTx<T>(outer: Tx | undefined, work: (tx: Tx) => Promise<T>): Promise<T> {
    return outer ? work(outer) : this.txr.run(work);
  }

  /** One state change: lock, check who and whether the state machine allows it, apply, audit last. */
  private async change(actor: Actor, role: Role, id: string, event: ProjectEvent, outer: Tx | undefined, apply: (tx: Tx, row: ProjectRow) => Promise<Record<string, unknown>>): Promise<ProjectView> {
    const view = await this.inTx(outer, async (tx) => {
      const row = await this.projects.byId(tx.em, id, true);
      if (!row) throw TradingErrors.PROJECT_NOT_FOUND({ id });
      if ((event === 'suspend' || event === 'resume') && !maySupervise(actor, row.domain)) throw TradingErrors.PROJECT_NOT_IN_SCOPE({ domain: row.domain });
      const t = transition(row.status, event);
      if (!t.ok) throw TradingErrors.PROJECT_STATE_CONFLICT({ id, status: row.status, event, allowed: t.allowed });
      const detail = await apply(tx, row);
      await this.audit.append(tx.em, { actor, role, action: `project.${PAST[event]}`, subject: { type: PROJECT_SUBJECT, id }, payload: { from: row.status, to: t.next, ...detail } });
      return projectView((await this.projects.byId(tx.em, id))!);
    });
    // Committed: this process's next list shows it at once; the others drop their pages on PostgreSQL's notification.
    if (!outer) this.publicPages.invalidate();
    return view;
  }
}

const PAST: Record<ProjectEvent, string> = { publish: 'published', suspend: 'suspended', resume: 'resumed', close: 'closed', cancel: 'cancelled' };

const describe = (m: Milestone) => ({ id: m.id, kind: m.kind, dueAt: m.dueAt, counting: m.counting });
