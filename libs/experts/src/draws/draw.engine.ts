import { Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { AuditService } from '@app/platform/audit/audit.service';
import { Actor, Role, SYSTEM_ACTOR } from '@app/platform/auth/roles';
import { addPeriod } from '@app/platform/calendar/period';
import { Clock } from '@app/platform/clock/clock';
import { Sealer } from '@app/platform/crypto/sealer';
import { Tx } from '@app/platform/database/transaction-runner';
import { MilestoneService } from '@app/platform/milestones/milestone.service';
import { NotificationService } from '@app/platform/notifications/notification.service';
import { PROJECT_SUBJECT } from '@app/trading';
import { Avoided, screen } from '../rules/avoidance';
import { answerBy } from '../rules/answer-by';
import { DrawRule, drawRule, seedCommitment } from '../rules/draw-algorithm';
import { DrawErrors } from './draw-errors';
import { DrawRepository } from './draw.repository';
import { DrawRow, MemberRow, Shortfall } from './draw.types';

export const DRAW_SUBJECT = 'expert_draw';
export const SEED_PURPOSE = 'expert-draw-seed';
/** A top-up round's seed is sealed to its draw and round. */
export const roundSeedAad = (drawId: string, round: number) => `${DRAW_SUBJECT}:${drawId}:round:${round}`;
export const MilestoneKind = {
  Draw: 'experts.draw',
  InvitationDeadline: 'experts.invitation_deadline',
  SessionStart: 'experts.session_start',
} as const;

/** Until the session starts, an expert's own answers are audited under this name; the member id links them later. */
export const SEALED_EXPERT: Actor = { kind: 'system', accountId: null, username: 'expert (sealed until the session)', organisationId: null, roles: [] };

interface DrawnSpecialty {
  specialty: string;
  wanted: number;
  primaries: number;
  candidates: string[];
  avoided: Avoided[];
  picked: string[];
}

/** The rule the draw was requested with: its seed commitment and audited digests were made by it. */
export function ruleOf(draw: DrawRow): DrawRule {
  const rule = drawRule(draw.algorithm, draw.id);
  if (!rule) throw new Error(`draw ${draw.id} names an unknown algorithm ${draw.algorithm}`);
  return rule;
}

/** What a round proves in the audit chain without naming anyone before the seed is revealed. */
const roundProof = (rule: DrawRule, seed: string, round: number, s: DrawnSpecialty) => {
  const avoidedDigest = rule.avoidedDigest(round, s.specialty, s.avoided);
  return {
    specialty: s.specialty,
    wanted: s.wanted,
    poolSize: s.candidates.length,
    poolDigest: rule.poolDigest(round, s.specialty, s.candidates, avoidedDigest),
    avoidedCount: s.avoided.length,
    avoidedDigest,
    membersCommitment: rule.membersCommitment(seed, round, s.specialty, s.picked),
  };
};

/** Runs draws, replacements and the opening inside the caller's transaction (a milestone's or a request's). */
@Injectable()
export class DrawEngine {
  constructor(
    private readonly draws: DrawRepository,
    private readonly sealer: Sealer,
    private readonly milestones: MilestoneService,
    private readonly notifications: NotificationService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  seedOf(draw: DrawRow): string {
    return this.sealer.open(SEED_PURPOSE, draw.seedSealed, `${DRAW_SUBJECT}:${draw.id}`).toString('hex');
  }

  /** Round 0: every specialty at once, or nothing when any is short. Runs once: a drawn draw is no longer pending. */
  async drawCommittee(tx: Tx, drawId: string): Promise<void> {
    const draw = await this.draws.byId(tx.em, drawId, true);
    if (!draw || draw.status !== 'pending') return;
    const seed = this.seedOf(draw);
    const rule = ruleOf(draw);
    const drawn: DrawnSpecialty[] = [];
    const shortfall: Shortfall[] = [];
    const taken = new Set<string>();
    const screening = await this.draws.screening(tx.em, draw.id, draw.context, { start: draw.sessionStart, end: draw.sessionEnd });
    for (const req of draw.requirements) {
      const facts = await this.draws.facts(tx.em, req.specialty, screening);
      const { candidates, avoided } = screen(facts, draw.context, taken);
      const wanted = req.count + req.reserves;
      if (candidates.length < wanted) {
        shortfall.push({ specialty: req.specialty, needed: wanted, available: candidates.length });
        continue;
      }
      const picked = rule.draw(seed, 0, req.specialty, candidates, wanted);
      picked.forEach((id) => taken.add(id));
      drawn.push({ specialty: req.specialty, wanted, primaries: req.count, candidates, avoided, picked });
    }
    if (shortfall.length) {
      await this.draws.setStatus(tx.em, draw.id, 'failed', { shortfall, stamp: 'drawn_at' });
      await this.tellCentre(tx, draw, 'expert.draw.failed', { shortfall });
      await this.audit.append(tx.em, { actor: SYSTEM_ACTOR, action: 'expert_draw.failed', subject: { type: DRAW_SUBJECT, id: draw.id }, payload: { shortfall } });
      return;
    }
    const proofs = drawn.map((s) => roundProof(rule, seed, 0, s));
    for (const [n, s] of drawn.entries()) {
      await this.draws.insertRound(tx.em, draw.id, { round: 0, specialtyCode: s.specialty, wanted: s.wanted, cause: 'committee', candidates: s.candidates, avoided: s.avoided, poolDigest: proofs[n].poolDigest, picked: s.picked });
      for (const [position, expertId] of s.picked.entries()) {
        const primary = position < s.primaries;
        const member = await this.draws.insertMember(tx.em, { drawId: draw.id, expertId, specialtyCode: s.specialty, round: 0, position, kind: primary ? 'primary' : 'reserve', status: 'standby' });
        if (primary) await this.invite(tx, draw, member);
      }
    }
    await this.draws.setStatus(tx.em, draw.id, 'inviting', { stamp: 'drawn_at' });
    await this.audit.append(tx.em, { actor: SYSTEM_ACTOR, action: 'expert_draw.drawn', subject: { type: DRAW_SUBJECT, id: draw.id }, payload: { round: 0, algorithm: draw.algorithm, specialties: proofs } });
  }

  /** A declined or expired seat: the next reserve of the specialty, else a replacement round from the rest of the pool. */
  async replace(tx: Tx, draw: DrawRow, vacated: MemberRow): Promise<void> {
    if (draw.status !== 'inviting' && draw.status !== 'complete') return;
    // Invitations close at the session start: from then on a vacated seat waits for the centre's top-up.
    if ((await this.clock.dbNow(tx.em)) >= draw.sessionStart) return;
    const members = await this.draws.members(tx.em, draw.id);
    const requirement = draw.requirements.find((r) => r.specialty === vacated.specialtyCode);
    const holding = members.filter((m) => m.specialtyCode === vacated.specialtyCode && (m.status === 'accepted' || m.status === 'invited')).length;
    if (requirement && holding >= requirement.count) return;
    const reserve = members.find((m) => m.specialtyCode === vacated.specialtyCode && m.status === 'standby');
    if (reserve) {
      await this.invite(tx, draw, reserve);
      await this.audit.append(tx.em, { actor: SYSTEM_ACTOR, action: 'expert_draw.reserve_called', subject: { type: DRAW_SUBJECT, id: draw.id }, payload: { vacated: vacated.id, called: reserve.id } });
      return;
    }
    const seed = this.seedOf(draw);
    const round = await this.draws.nextRound(tx.em, draw.id);
    const screening = await this.draws.screening(tx.em, draw.id, draw.context, { start: draw.sessionStart, end: draw.sessionEnd });
    const facts = await this.draws.facts(tx.em, vacated.specialtyCode, screening);
    const { candidates, avoided } = screen(facts, draw.context, new Set(members.map((m) => m.expertId)));
    if (candidates.length === 0) {
      const shortfall = [...(draw.shortfall ?? []), { specialty: vacated.specialtyCode, needed: 1, available: 0 }];
      await this.draws.setStatus(tx.em, draw.id, 'short', { shortfall });
      await this.tellCentre(tx, draw, 'expert.draw.short', { shortfall });
      await this.audit.append(tx.em, { actor: SYSTEM_ACTOR, action: 'expert_draw.short', subject: { type: DRAW_SUBJECT, id: draw.id }, payload: { vacated: vacated.id, shortfall } });
      return;
    }
    const rule = ruleOf(draw);
    const picked = rule.draw(seed, round, vacated.specialtyCode, candidates, 1);
    const s: DrawnSpecialty = { specialty: vacated.specialtyCode, wanted: 1, primaries: 1, candidates, avoided, picked };
    const proof = roundProof(rule, seed, round, s);
    await this.draws.insertRound(tx.em, draw.id, { round, specialtyCode: s.specialty, wanted: 1, cause: `replaces ${vacated.id}`, candidates, avoided, poolDigest: proof.poolDigest, picked });
    const member = await this.draws.insertMember(tx.em, { drawId: draw.id, expertId: picked[0], specialtyCode: s.specialty, round, position: 0, kind: 'primary', status: 'standby' });
    await this.invite(tx, draw, member);
    if (draw.status === 'complete') await this.draws.setStatus(tx.em, draw.id, 'inviting');
    await this.audit.append(tx.em, { actor: SYSTEM_ACTOR, action: 'expert_draw.replacement', subject: { type: DRAW_SUBJECT, id: draw.id }, payload: { round, vacated: vacated.id, specialties: [proof] } });
  }

  /** When every specialty has its count accepted, the committee is complete. */
  async checkComplete(tx: Tx, draw: DrawRow): Promise<boolean> {
    if (draw.status !== 'inviting') return false;
    const members = await this.draws.members(tx.em, draw.id);
    const full = draw.requirements.every((r) => members.filter((m) => m.specialtyCode === r.specialty && m.status === 'accepted').length >= r.count);
    if (full) {
      await this.draws.setStatus(tx.em, draw.id, 'complete');
      await this.audit.append(tx.em, { actor: SYSTEM_ACTOR, action: 'expert_draw.complete', subject: { type: DRAW_SUBJECT, id: draw.id }, payload: { accepted: members.filter((m) => m.status === 'accepted').length } });
    }
    return full;
  }

  /** The session starts: the seed is revealed, the list opens to the centre, reserves on standby are released. */
  async open(tx: Tx, drawId: string): Promise<void> {
    const draw = await this.draws.byId(tx.em, drawId, true);
    if (!draw) return;
    // the milestone of a session since put off (a top-up) finds the new start still ahead
    if ((await this.clock.dbNow(tx.em)) < draw.sessionStart) return;
    const topUps = await this.draws.unrevealedRounds(tx.em, draw.id);
    const waiting = draw.status === 'inviting' || draw.status === 'complete' || draw.status === 'short';
    if (draw.revealedSeed && topUps.length === 0 && !waiting) return;
    const seed = this.seedOf(draw);
    const revealedRounds = topUps.map((r) => ({ round: r.round, seed: this.sealer.open(SEED_PURPOSE, r.seedSealed, roundSeedAad(draw.id, r.round)).toString('hex') }));
    for (const r of revealedRounds) await this.draws.revealRound(tx.em, draw.id, r.round, r.seed);
    const status = draw.status === 'pending' || draw.status === 'failed' || draw.status === 'finished' ? draw.status : 'opened';
    const released = await this.draws.releaseStandby(tx.em, draw.id);
    await this.draws.setStatus(tx.em, draw.id, status, { revealedSeed: seed, stamp: 'opened_at' });
    await this.audit.append(tx.em, { actor: SYSTEM_ACTOR, action: 'expert_draw.opened', subject: { type: DRAW_SUBJECT, id: draw.id }, payload: { revealedSeed: seed, revealedRounds, status, releasedReserves: released } });
  }

  /**
   * 补抽: the centre fills the seats a short committee lacks, in one new round drawn with a new seed. The seed's
   * commitment enters the audit chain before the pool is drawn from; the seed is revealed when the session starts.
   * All or nothing: a specialty with too few candidates refuses the whole round (the caller's transaction rolls back).
   */
  async topUp(tx: Tx, draw: DrawRow, missing: { specialty: string; missing: number }[], actor: Actor): Promise<number> {
    const members = await this.draws.members(tx.em, draw.id);
    const taken = new Set(members.map((m) => m.expertId));
    const screening = await this.draws.screening(tx.em, draw.id, draw.context, { start: draw.sessionStart, end: draw.sessionEnd });
    const pools: { specialty: string; wanted: number; candidates: string[]; avoided: Avoided[] }[] = [];
    const shortfall: Shortfall[] = [];
    for (const m of missing) {
      const { candidates, avoided } = screen(await this.draws.facts(tx.em, m.specialty, screening), draw.context, taken);
      if (candidates.length < m.missing) shortfall.push({ specialty: m.specialty, needed: m.missing, available: candidates.length });
      pools.push({ specialty: m.specialty, wanted: m.missing, candidates, avoided });
    }
    if (shortfall.length) throw DrawErrors.DRAW_POOL_TOO_SMALL({ shortfall });
    const round = await this.draws.nextRound(tx.em, draw.id);
    const seed = randomBytes(32).toString('hex');
    const commitment = seedCommitment(seed);
    const sealed = this.sealer.seal(SEED_PURPOSE, Buffer.from(seed, 'hex'), roundSeedAad(draw.id, round));
    await this.audit.append(tx.em, { actor, role: Role.Centre, action: 'expert_draw.top_up_requested', subject: { type: DRAW_SUBJECT, id: draw.id }, payload: { round, seedCommitment: commitment, missing } });
    const rule = ruleOf(draw);
    const drawn: DrawnSpecialty[] = [];
    for (const p of pools) {
      const picked = rule.draw(seed, round, p.specialty, p.candidates, p.wanted);
      picked.forEach((id) => taken.add(id));
      const s: DrawnSpecialty = { specialty: p.specialty, wanted: p.wanted, primaries: p.wanted, candidates: p.candidates, avoided: p.avoided, picked };
      drawn.push(s);
      await this.draws.insertRound(tx.em, draw.id, { round, specialtyCode: p.specialty, wanted: p.wanted, cause: 'top-up', candidates: p.candidates, avoided: p.avoided, poolDigest: rule.poolDigest(round, p.specialty, p.candidates, rule.avoidedDigest(round, p.specialty, p.avoided)), picked }, { sealed, commitment });
    }
    await this.draws.setStatus(tx.em, draw.id, 'inviting', { shortfall: null });
    for (const s of drawn) {
      for (const [position, expertId] of s.picked.entries()) {
        const member = await this.draws.insertMember(tx.em, { drawId: draw.id, expertId, specialtyCode: s.specialty, round, position, kind: 'primary', status: 'standby' });
        await this.invite(tx, draw, member);
      }
    }
    await this.audit.append(tx.em, { actor: SYSTEM_ACTOR, action: 'expert_draw.top_up', subject: { type: DRAW_SUBJECT, id: draw.id }, payload: { round, algorithm: draw.algorithm, specialties: drawn.map((s) => roundProof(rule, seed, round, s)) } });
    return round;
  }

  private async invite(tx: Tx, draw: DrawRow, member: MemberRow): Promise<void> {
    const now = await this.clock.dbNow(tx.em);
    const respondBy = answerBy(addPeriod(now, draw.context.responseWindow), draw.sessionStart);
    const milestone = await this.milestones.schedule(tx, { kind: MilestoneKind.InvitationDeadline, subjectType: PROJECT_SUBJECT, subjectId: draw.projectId, dueAt: respondBy, payload: { drawId: draw.id, memberId: member.id } });
    await this.draws.markInvited(tx.em, member.id, respondBy, milestone.id);
    const [card] = (await this.draws.expertCards(tx.em, [member.expertId])).values();
    await this.notifications.enqueue(tx, {
      channel: 'sms',
      recipient: { type: 'expert', id: member.expertId, phone: card?.phone ?? null },
      template: 'expert.draw.invitation',
      params: { invitationId: member.id, projectCode: draw.context.projectCode, projectName: draw.context.projectName, sessionStart: draw.sessionStart, sessionEnd: draw.sessionEnd, respondBy },
    });
  }

  private async tellCentre(tx: Tx, draw: DrawRow, template: string, params: Record<string, unknown>): Promise<void> {
    await this.notifications.enqueue(tx, { channel: 'site', recipient: { type: 'role', id: Role.Centre }, template, params: { drawId: draw.id, projectCode: draw.context.projectCode, ...params } });
  }
}
