import { Injectable } from '@nestjs/common';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { AuditService } from '@app/platform/audit/audit.service';
import { Actor, hasRole, Role, TradingDomain } from '@app/platform/auth/roles';
import { Period, subtractPeriod } from '@app/platform/calendar/period';
import { Clock } from '@app/platform/clock/clock';
import { Sealer } from '@app/platform/crypto/sealer';
import { rowsOf } from '@app/platform/database/rows';
import { TransactionRunner } from '@app/platform/database/transaction-runner';
import { ProjectService } from '@app/trading';
import { DeclineInvitationDto, RequestDrawDto, TopUpDrawDto } from '../dto/draw.dto';
import { DrawMemberView, DrawPage, drawView, DrawView, InvitationView, memberView } from '../dto/draw.view';
import { DrawDeskQuery } from '../dto/project-draws.query';
import { Avoided, screen } from '../rules/avoidance';
import { answerBy, mayAnswer } from '../rules/answer-by';
import { checkCommittee } from '../rules/committee';
import { DRAW_ALGORITHM, seedCommitment } from '../rules/draw-algorithm';
import { DRAW_RECORD_FORMAT, DrawRecord, replayDraw, ReplayResult } from '../rules/replay';
import { drawReadLevel } from './draw-access';
import { DrawErrors } from './draw-errors';
import { DRAW_SUBJECT, DrawEngine, MilestoneKind, SEALED_EXPERT, SEED_PURPOSE } from './draw.engine';
import { DrawRepository } from './draw.repository';
import { DrawRow, Shortfall, StoredContext } from './draw.types';

interface DrawRules {
  periods: Record<string, Period>;
  numbers: Record<string, number>;
  fractions: Record<string, { numerator: number; denominator: number }>;
}

/** The centre requests draws; experts answer; the record opens by the rules of draw-access.ts. */
@Injectable()
export class DrawService {
  constructor(
    private readonly txr: TransactionRunner,
    private readonly draws: DrawRepository,
    private readonly engine: DrawEngine,
    private readonly projects: ProjectService,
    private readonly sealer: Sealer,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** Returns at once with the draw pending; the worker draws. Only the seed's commitment is written before. */
  async request(actor: Actor, dto: RequestDrawDto): Promise<DrawView> {
    const specialties = dto.requirements.map((r) => r.specialty);
    if (new Set(specialties).size !== specialties.length) throw DrawErrors.DRAW_COMMITTEE_INVALID({ problems: [{ field: 'requirements', zh: '同一专业只能出现一次', en: 'each specialty may appear once' }] });
    return this.txr.run(async (tx) => {
      const now = await this.clock.dbNow(tx.em);
      if (dto.sessionStart <= now || dto.sessionEnd <= dto.sessionStart) throw DrawErrors.DRAW_SESSION_INVALID({ now, sessionStart: dto.sessionStart, sessionEnd: dto.sessionEnd });
      const project = await this.projects.facts(dto.projectId, tx.em);
      if (project.status !== 'published') throw DrawErrors.DRAW_PROJECT_NOT_PUBLISHED({ projectId: project.id, status: project.status });
      const rules = (await this.projects.rulesOf(project.id, undefined, tx.em)).params as unknown as DrawRules;
      const experts = dto.requirements.reduce((n, r) => n + r.count, 0);
      const problems = checkCommittee({ experts, ownerRepresentatives: dto.ownerRepresentatives }, { committeeMinSize: rules.numbers.committeeMinSize, expertShare: rules.fractions.expertShare });
      if (problems.length) throw DrawErrors.DRAW_COMMITTEE_INVALID({ problems });
      const unknown = await this.draws.unknownSpecialties(tx.em, specialties);
      if (unknown.length) throw DrawErrors.DRAW_SPECIALTY_UNKNOWN({ specialties: unknown });

      const id = randomUUID();
      const context: StoredContext = {
        projectCode: project.code,
        projectName: project.name,
        ownerUscc: project.ownerUscc,
        agentUscc: project.agentUscc,
        bidderUsccs: [...new Set([...project.bidderUsccs, ...(dto.bidderUsccs ?? [])])].sort(),
        region: project.region,
        avoidOwnRegion: rules.numbers.expertAvoidOwnRegion === 1,
        sameOwnerMax: rules.numbers.expertSameOwnerMax,
        recentSince: subtractPeriod(dto.sessionStart, rules.periods.expertSameOwnerWindow).toISOString(),
        responseWindow: rules.periods.expertResponseWindow,
      };
      const shortfall: Shortfall[] = [];
      const screening = await this.draws.screening(tx.em, id, context, { start: dto.sessionStart, end: dto.sessionEnd });
      for (const r of dto.requirements) {
        const { candidates } = screen(await this.draws.facts(tx.em, r.specialty, screening), context, new Set());
        if (candidates.length < r.count + r.reserves) shortfall.push({ specialty: r.specialty, needed: r.count + r.reserves, available: candidates.length });
      }
      if (shortfall.length) throw DrawErrors.DRAW_POOL_TOO_SMALL({ shortfall });

      const seed = randomBytes(32).toString('hex');
      const commitment = seedCommitment(seed);
      const requirements = dto.requirements.map((r) => ({ specialty: r.specialty, count: r.count, reserves: r.reserves }));
      const committee = { experts, ownerRepresentatives: dto.ownerRepresentatives, size: experts + dto.ownerRepresentatives };
      await this.draws.insert(tx.em, {
        id,
        projectId: project.id,
        domain: project.domain,
        ownerUscc: project.ownerUscc,
        requirements,
        committee,
        context,
        sessionStart: dto.sessionStart,
        sessionEnd: dto.sessionEnd,
        algorithm: DRAW_ALGORITHM,
        seedSealed: this.sealer.seal(SEED_PURPOSE, Buffer.from(seed, 'hex'), `${DRAW_SUBJECT}:${id}`),
        seedCommitment: commitment,
        requestedBy: actor.accountId,
      });
      await this.projects.schedule(tx, project.id, { kind: MilestoneKind.Draw, dueAt: now, payload: { drawId: id } }, actor);
      await this.projects.schedule(tx, project.id, { kind: MilestoneKind.SessionStart, dueAt: dto.sessionStart, payload: { drawId: id } }, actor);
      await this.audit.append(tx.em, {
        actor,
        role: Role.Centre,
        action: 'expert_draw.requested',
        subject: { type: DRAW_SUBJECT, id },
        payload: { projectId: project.id, requirements, committee, sessionStart: dto.sessionStart, sessionEnd: dto.sessionEnd, algorithm: DRAW_ALGORITHM, seedCommitment: commitment, avoidParties: { owner: context.ownerUscc, agent: context.agentUscc, bidders: context.bidderUsccs }, avoidOwnRegion: context.avoidOwnRegion },
      });
      return drawView((await this.draws.byId(tx.em, id))!);
    });
  }

  async get(actor: Actor, id: string): Promise<DrawView> {
    const draw = await this.readable(actor, id);
    return drawView(draw);
  }

  async listForProject(actor: Actor, projectId: string): Promise<DrawView[]> {
    const rows = await this.draws.byProject(this.txr.dataSource.manager, projectId);
    return rows.filter((d) => drawReadLevel(actor, d) !== 'none').map(drawView);
  }

  /**
   * The draws desk: every draw the caller may read, newest request first — the centre and the office all of them, a
   * regulator its own domain (another domain asked for: 403). Summaries only: names stay behind /members.
   */
  async desk(actor: Actor, q: DrawDeskQuery): Promise<DrawPage> {
    const page = q.page ?? 1;
    const pageSize = q.pageSize ?? 20;
    let domains: string[] | undefined = q.domain ? [q.domain] : undefined;
    if (!hasRole(actor, Role.Centre) && !hasRole(actor, Role.Office)) {
      const mine = actor.roles.filter((g) => g.role === Role.Regulator && g.domain !== null).map((g) => g.domain as TradingDomain);
      if (q.domain && !mine.includes(q.domain)) throw DrawErrors.DRAW_NOT_IN_SCOPE({ domain: q.domain });
      domains = q.domain ? [q.domain] : mine;
    }
    const { items, total } = await this.draws.page(this.txr.dataSource.manager, { domains, statuses: q.status }, pageSize, (page - 1) * pageSize);
    return { items: items.filter((d) => drawReadLevel(actor, d) !== 'none').map(drawView), total, page, pageSize };
  }

  async members(actor: Actor, id: string): Promise<DrawMemberView[]> {
    const draw = await this.readable(actor, id, 'members');
    const em = this.txr.dataSource.manager;
    const members = await this.draws.members(em, draw.id);
    const cards = await this.draws.expertCards(em, members.map((m) => m.expertId));
    return members.map((m) => memberView(m, cards.get(m.expertId)));
  }

  /** Everything needed to replay the draw offline: inputs from the rounds, digests and commitments from the audit chain. */
  async record(actor: Actor, id: string): Promise<DrawRecord> {
    const draw = await this.readable(actor, id, 'members');
    const em = this.txr.dataSource.manager;
    const rounds = await this.draws.rounds(em, id);
    type Proof = { specialty: string; poolDigest: string; avoidedDigest?: string; membersCommitment: string };
    const events = rowsOf<{ action: string; payload: { seedCommitment?: string; round?: number; specialties?: Proof[] } }>(await this.draws.auditTrail(em, DRAW_SUBJECT, id));
    const audited = new Map<string, { poolDigest: string; avoidedDigest?: string; membersCommitment: string }>();
    for (const e of events) for (const s of e.payload?.specialties ?? []) audited.set(`${e.payload.round}|${s.specialty}`, { poolDigest: s.poolDigest, avoidedDigest: s.avoidedDigest, membersCommitment: s.membersCommitment });
    const requested = events.find((e) => e.action === 'expert_draw.requested');
    const topUpCommitments = new Map(events.filter((e) => e.action === 'expert_draw.top_up_requested').map((e) => [e.payload.round, e.payload.seedCommitment ?? '']));
    return {
      format: DRAW_RECORD_FORMAT,
      algorithm: draw.algorithm,
      drawId: draw.id,
      seedCommitment: requested?.payload.seedCommitment ?? '',
      revealedSeed: draw.revealedSeed ?? '',
      rounds: rounds.map((r) => ({
        round: r.round,
        specialty: r.specialtyCode,
        wanted: r.wanted,
        candidates: r.candidates,
        avoided: r.avoided as Avoided[],
        picked: r.picked,
        audited: audited.get(`${r.round}|${r.specialtyCode}`) ?? null,
        ...(r.seedCommitment || topUpCommitments.has(r.round) ? { seedCommitment: topUpCommitments.get(r.round) ?? '', seed: r.revealedSeed ?? '' } : {}),
      })),
    };
  }

  /** Recomputes every round from the record and checks the members table says the same. */
  async replay(actor: Actor, id: string): Promise<ReplayResult> {
    const record = await this.record(actor, id);
    const result = replayDraw(record);
    const members = await this.draws.members(this.txr.dataSource.manager, id);
    for (const r of record.rounds) {
      const seated = members.filter((m) => m.round === r.round && m.specialtyCode === r.specialty).sort((a, b) => a.position - b.position).map((m) => m.expertId);
      result.checks.push({ check: 'picked', round: r.round, specialty: r.specialty, ok: seated.join(',') === r.picked.join(','), expected: r.picked, actual: seated });
    }
    result.agrees = result.checks.every((c) => c.ok);
    return result;
  }

  /**
   * 补抽: the seats a committee still lacks (declined, expired, or left empty when a replacement found nobody) are drawn
   * in a new round with a new seed. Once the session has started the evaluation is put off to a new session, since
   * invitations close at the session start; before, the session stays as it is.
   */
  async topUp(actor: Actor, id: string, dto: TopUpDrawDto): Promise<DrawView> {
    return this.txr.run(async (tx) => {
      const draw = await this.draws.byId(tx.em, id, true);
      if (!draw) throw DrawErrors.DRAW_NOT_FOUND({ id });
      if (!['inviting', 'complete', 'short', 'opened'].includes(draw.status)) throw DrawErrors.DRAW_STATE_CONFLICT({ id, status: draw.status, allowed: ['inviting', 'complete', 'short', 'opened'] });
      const now = await this.clock.dbNow(tx.em);
      const started = now >= draw.sessionStart;
      if (started !== (dto.sessionStart !== undefined) || (dto.sessionStart === undefined) !== (dto.sessionEnd === undefined)) {
        throw DrawErrors.DRAW_SESSION_INVALID({ sessionStart: draw.sessionStart, now, reason: started ? 'the session has started: give the new session’s start and end' : 'the session has not started: it stays as it is' });
      }
      if (dto.sessionStart && dto.sessionEnd && (dto.sessionStart <= now || dto.sessionEnd <= dto.sessionStart)) throw DrawErrors.DRAW_SESSION_INVALID({ now, sessionStart: dto.sessionStart, sessionEnd: dto.sessionEnd });
      const members = await this.draws.members(tx.em, id);
      const holding = (m: (typeof members)[number]) => m.status === 'accepted' || (m.status === 'invited' && !started && m.respondBy !== null && now < m.respondBy);
      const missing = draw.requirements
        .map((r) => ({ specialty: r.specialty, missing: r.count - members.filter((m) => m.specialtyCode === r.specialty && holding(m)).length }))
        .filter((m) => m.missing > 0);
      if (missing.length === 0) throw DrawErrors.DRAW_COMMITTEE_FULL({ id, status: draw.status });
      // invitations that can no longer be answered stop holding a seat now, not when their deadline job fires
      const stale = members.filter((m) => m.status === 'invited' && !holding(m));
      for (const m of stale) await this.draws.answer(tx.em, m.id, 'expired', null);
      let session: { from: { start: Date; end: Date }; to: { start: Date; end: Date } } | null = null;
      if (dto.sessionStart && dto.sessionEnd) {
        session = { from: { start: draw.sessionStart, end: draw.sessionEnd }, to: { start: dto.sessionStart, end: dto.sessionEnd } };
        await this.draws.moveSession(tx.em, id, dto.sessionStart, dto.sessionEnd);
        await this.projects.schedule(tx, draw.projectId, { kind: MilestoneKind.SessionStart, dueAt: dto.sessionStart, payload: { drawId: id } }, actor);
        draw.sessionStart = dto.sessionStart;
        draw.sessionEnd = dto.sessionEnd;
      }
      const round = await this.engine.topUp(tx, draw, missing, actor);
      await this.audit.append(tx.em, { actor, role: Role.Centre, action: 'expert_draw.topped_up', subject: { type: DRAW_SUBJECT, id }, payload: { round, missing, expired: stale.map((m) => m.id), session } });
      return drawView((await this.draws.byId(tx.em, id))!);
    });
  }

  /** The evaluation is over: the record opens to supervisors and each expert's evaluation history grows. */
  async finish(actor: Actor, id: string): Promise<DrawView> {
    return this.txr.run(async (tx) => {
      const draw = await this.draws.byId(tx.em, id, true);
      if (!draw) throw DrawErrors.DRAW_NOT_FOUND({ id });
      if (draw.status !== 'opened') throw DrawErrors.DRAW_STATE_CONFLICT({ id, status: draw.status, allowed: ['opened'] });
      const recorded = await this.draws.recordEvaluations(tx.em, draw);
      await this.draws.setStatus(tx.em, id, 'finished', { stamp: 'finished_at' });
      await this.audit.append(tx.em, { actor, role: Role.Centre, action: 'expert_draw.finished', subject: { type: DRAW_SUBJECT, id }, payload: { evaluationsRecorded: recorded } });
      return drawView((await this.draws.byId(tx.em, id))!);
    });
  }

  async invitations(actor: Actor): Promise<InvitationView[]> {
    const expertId = await this.expertOf(actor);
    const rows = await this.draws.invitationsOf(this.txr.dataSource.manager, expertId);
    return rows.map((r) => ({ id: r.id, projectCode: r.projectCode, projectName: r.projectName, specialty: r.specialtyCode, sessionStart: r.sessionStart, sessionEnd: r.sessionEnd, status: r.status, respondBy: r.respondBy, respondedAt: r.respondedAt }));
  }

  accept(actor: Actor, invitationId: string): Promise<InvitationView> {
    return this.answer(actor, invitationId, null);
  }

  decline(actor: Actor, invitationId: string, dto: DeclineInvitationDto): Promise<InvitationView> {
    return this.answer(actor, invitationId, dto.reason.trim());
  }

  /** Locks the draw before the seat (the engine's order); the answer counts only before the deadline, by the database's clock. */
  private async answer(actor: Actor, invitationId: string, declineReason: string | null): Promise<InvitationView> {
    const expertId = await this.expertOf(actor);
    await this.txr.run(async (tx) => {
      const seat = await this.draws.member(tx.em, invitationId);
      if (!seat || seat.expertId !== expertId || seat.status === 'standby') throw DrawErrors.INVITATION_NOT_FOUND({ id: invitationId });
      const draw = (await this.draws.byId(tx.em, seat.drawId, true))!;
      const member = (await this.draws.member(tx.em, invitationId, true))!;
      const now = await this.clock.dbNow(tx.em);
      if (member.status !== 'invited' || !mayAnswer(now, member.respondBy, draw.sessionStart)) {
        throw DrawErrors.INVITATION_CLOSED({ id: invitationId, status: member.status, respondBy: member.respondBy && answerBy(member.respondBy, draw.sessionStart), sessionStart: draw.sessionStart, serverTime: now });
      }
      await this.draws.answer(tx.em, member.id, declineReason === null ? 'accepted' : 'declined', declineReason);
      if (declineReason === null) await this.engine.checkComplete(tx, draw);
      else await this.engine.replace(tx, draw, member);
      await this.audit.append(tx.em, {
        actor: SEALED_EXPERT,
        role: Role.Expert,
        action: declineReason === null ? 'expert_draw.invitation_accepted' : 'expert_draw.invitation_declined',
        subject: { type: DRAW_SUBJECT, id: draw.id },
        payload: { invitationId: member.id, reasonDigest: declineReason === null ? null : createHash('sha256').update(declineReason).digest('hex') },
      });
    });
    return (await this.invitations(actor)).find((i) => i.id === invitationId)!;
  }

  private async expertOf(actor: Actor): Promise<string> {
    const id = actor.accountId ? await this.draws.expertOfAccount(this.txr.dataSource.manager, actor.accountId) : undefined;
    if (!id) throw DrawErrors.EXPERT_ACCOUNT_UNLINKED();
    return id;
  }

  private async readable(actor: Actor, id: string, need: 'summary' | 'members' = 'summary'): Promise<DrawRow> {
    const draw = await this.draws.byId(this.txr.dataSource.manager, id);
    if (!draw) throw DrawErrors.DRAW_NOT_FOUND({ id });
    const level = drawReadLevel(actor, draw);
    if (level === 'none') throw DrawErrors.DRAW_SEALED({ id });
    if (need === 'members' && level !== 'members') throw (actorIsSupervisor(actor) && draw.revealedSeed ? DrawErrors.DRAW_RECORD_NOT_PUBLIC({ id }) : DrawErrors.DRAW_SEALED({ id, status: draw.status }));
    return draw;
  }
}

const actorIsSupervisor = (actor: Actor) => actor.roles.some((g) => g.role === Role.Office || g.role === Role.Regulator);
