import { Injectable } from '@nestjs/common';
import { AuditService } from '@app/platform/audit/audit.service';
import { Actor, Role } from '@app/platform/auth/roles';
import { Clock } from '@app/platform/clock/clock';
import { Tx, TransactionRunner } from '@app/platform/database/transaction-runner';
import { MilestoneService } from '@app/platform/milestones/milestone.service';
import { NotificationService } from '@app/platform/notifications/notification.service';
import { HostedSteps, PROJECT_SUBJECT, ScheduleNotices, TradingErrors } from '@app/trading';
import { BookSessionDto, MoveSessionDto, RangeDto, SessionView } from '../dto/scheduling.dto';
import { beijingDay, shifted } from '../rules/calendar-window';
import { isOverlap, ProjectParties, SchedulingRepository } from '../scheduling.repository';
import { SchedulingErrors } from '../scheduling-errors';

export const SESSION_SUBJECT = 'scheduling_session';
const MAX_SESSION_MS = 7 * 24 * 3_600_000;
const CLOSED_PROJECT = ['closed', 'cancelled'];

/** 场次: booking, moving and cancelling a room's sessions; PostgreSQL's exclusion constraint decides every overlap. */
@Injectable()
export class SessionService {
  constructor(
    private readonly txr: TransactionRunner,
    private readonly repo: SchedulingRepository,
    private readonly milestones: MilestoneService,
    private readonly notifications: NotificationService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly hosted: HostedSteps,
    private readonly notices: ScheduleNotices,
  ) {}

  async book(actor: Actor, dto: BookSessionDto): Promise<SessionView> {
    this.checkRange(dto);
    const milestoneIds = [...new Set(dto.milestoneIds ?? [])];
    try {
      return await this.txr.run(async (tx) => {
        if (!(await this.repo.room(tx.em, dto.roomId))) throw SchedulingErrors.ROOM_NOT_FOUND({ id: dto.roomId });
        const project = await this.openProject(tx, dto.projectId);
        const pending = await this.repo.pendingMilestonesOf(tx.em, project.id, PROJECT_SUBJECT, milestoneIds);
        if (pending.length !== milestoneIds.length) {
          throw SchedulingErrors.MILESTONE_NOT_DRIVABLE({ ids: milestoneIds.filter((id) => !pending.some((m) => m.id === id)) });
        }
        for (const m of pending) this.checkSameDay(m, m.dueAt, dto.startsAt);
        const id = await this.repo.insertSession(tx.em, { ...dto, milestoneIds, note: dto.note ?? null, bookedBy: actor.accountId! });
        await this.audit.append(tx.em, {
          actor,
          role: Role.Centre,
          action: 'scheduling.session_booked',
          subject: { type: SESSION_SUBJECT, id },
          payload: { roomId: dto.roomId, projectId: project.id, purpose: dto.purpose, startsAt: dto.startsAt, endsAt: dto.endsAt, milestoneIds },
        });
        return (await this.repo.session(tx.em, id))!;
      });
    } catch (err) {
      throw await this.explained(err, dto.roomId, dto, null);
    }
  }

  /**
   * Moves the session and, in the same transaction, each still-pending milestone it hosts by the same delta. A hosted
   * step stays on the session's day; a published time may move later (the domain re-times its own column, the parties
   * and the portal get the new time) but comes earlier only by a re-announcement (`reannounce`) that leaves the rule
   * snapshot's full notice period from now.
   */
  async move(actor: Actor, id: string, dto: MoveSessionDto): Promise<SessionView> {
    this.checkRange(dto);
    const reannounce = dto.reannounce === true;
    let roomId: string | null = null;
    try {
      return await this.txr.run(async (tx) => {
        const before = await this.repo.session(tx.em, id, true);
        if (!before) throw SchedulingErrors.SESSION_NOT_FOUND({ id });
        if (before.status !== 'booked') throw SchedulingErrors.SESSION_NOT_BOOKED({ id, status: before.status });
        roomId = before.roomId;
        await this.repo.moveSession(tx.em, id, dto.startsAt, dto.endsAt);
        const project = (await this.repo.project(tx.em, before.projectId))!;
        const now = await this.clock.dbNow(tx.em);
        const moved: { id: string; kind: string; from: Date; to: Date; noticeId: string | null }[] = [];
        const parties = new Set<string>();
        for (const m of await this.repo.pendingMilestonesOf(tx.em, project.id, PROJECT_SUBJECT, before.milestoneIds)) {
          const to = shifted(m.dueAt, before.startsAt, dto.startsAt);
          this.checkSameDay(m, to, dto.startsAt);
          const step = this.hosted.get(m.kind);
          const published = project.publishedAt !== null;
          if (published && to < m.dueAt && !reannounce) {
            throw SchedulingErrors.SESSION_BEFORE_PUBLISHED_TIME({ milestoneId: m.id, kind: m.kind, publishedAt: m.dueAt, requested: to, reannounceable: !!step });
          }
          if (reannounce) {
            if (!step) throw SchedulingErrors.SESSION_BEFORE_PUBLISHED_TIME({ milestoneId: m.id, kind: m.kind, publishedAt: m.dueAt, requested: to, reannounceable: false });
            const notice = await step.reannouncement(tx, project.id, now);
            if (to < notice.earliest) throw SchedulingErrors.SESSION_REANNOUNCE_TOO_SOON({ milestoneId: m.id, kind: m.kind, requested: to, earliest: notice.earliest, period: notice.period, rule: notice.rule });
          }
          const retimed = to.getTime() !== m.dueAt.getTime();
          if (retimed) await this.milestones.reschedule(tx, m.id, to, actor);
          let noticeId: string | null = null;
          if (step && retimed) {
            await step.retime(tx, { id: m.id, kind: m.kind, projectId: project.id, dueAt: m.dueAt }, to, actor);
            for (const o of await step.parties(tx.em, project.id)) parties.add(o);
          }
          if (published && to.getTime() !== m.dueAt.getTime()) {
            noticeId = await this.notices.publish(tx.em, { projectId: project.id, milestoneId: m.id, stepKind: m.kind, stepName: step?.name ?? { zh: m.kind, en: m.kind }, previousAt: m.dueAt, newAt: to, reannounced: reannounce, sessionId: id });
          }
          moved.push({ id: m.id, kind: m.kind, from: m.dueAt, to, noticeId });
        }
        const after = (await this.repo.session(tx.em, id))!;
        await this.notify(tx, project, 'scheduling.session_moved', after, { previousStartsAt: before.startsAt, previousEndsAt: before.endsAt, reannounced: reannounce, steps: moved.map(({ kind, from, to }) => ({ kind, from, to })) }, [...parties]);
        await this.audit.append(tx.em, {
          actor,
          role: Role.Centre,
          action: 'scheduling.session_moved',
          subject: { type: SESSION_SUBJECT, id },
          payload: { projectId: project.id, from: { startsAt: before.startsAt, endsAt: before.endsAt }, to: { startsAt: dto.startsAt, endsAt: dto.endsAt }, reannounced: reannounce, milestones: moved },
        });
        return after;
      });
    } catch (err) {
      throw roomId ? await this.explained(err, roomId, dto, id) : err;
    }
  }

  /** Frees the room; the milestones stay where they are (the domain decides what a cancelled opening means). */
  async cancel(actor: Actor, id: string, reason: string): Promise<SessionView> {
    return this.txr.run(async (tx) => {
      const before = await this.repo.session(tx.em, id, true);
      if (!before) throw SchedulingErrors.SESSION_NOT_FOUND({ id });
      if (before.status !== 'booked') throw SchedulingErrors.SESSION_NOT_BOOKED({ id, status: before.status });
      await this.repo.cancelSession(tx.em, id, reason);
      const project = (await this.repo.project(tx.em, before.projectId))!;
      const after = (await this.repo.session(tx.em, id))!;
      await this.notify(tx, project, 'scheduling.session_cancelled', after, { reason });
      await this.audit.append(tx.em, { actor, role: Role.Centre, action: 'scheduling.session_cancelled', subject: { type: SESSION_SUBJECT, id }, payload: { projectId: project.id, reason } });
      return after;
    });
  }

  /** A session hosts only what happens on its own Beijing day. */
  private checkSameDay(m: { id: string; kind: string }, stepAt: Date, sessionStart: Date): void {
    if (beijingDay(stepAt) !== beijingDay(sessionStart)) {
      throw SchedulingErrors.SESSION_HOSTED_STEP_OTHER_DAY({ milestoneId: m.id, kind: m.kind, stepDay: beijingDay(stepAt), sessionDay: beijingDay(sessionStart) });
    }
  }

  private checkRange(r: RangeDto): void {
    const ms = r.endsAt.getTime() - r.startsAt.getTime();
    if (ms <= 0 || ms > MAX_SESSION_MS || r.startsAt <= this.clock.now()) {
      throw SchedulingErrors.SESSION_RANGE_INVALID({ startsAt: r.startsAt, endsAt: r.endsAt });
    }
  }

  private async openProject(tx: Tx, id: string): Promise<ProjectParties> {
    const project = await this.repo.project(tx.em, id);
    if (!project) throw TradingErrors.PROJECT_NOT_FOUND({ id });
    if (CLOSED_PROJECT.includes(project.status)) throw SchedulingErrors.PROJECT_NOT_SCHEDULABLE({ id, status: project.status });
    return project;
  }

  private async notify(tx: Tx, project: ProjectParties, template: string, s: SessionView, extra: Record<string, unknown>, parties: string[] = []): Promise<void> {
    const params = { sessionId: s.id, projectId: project.id, projectCode: project.code, roomName: s.roomName, purpose: s.purpose, startsAt: s.startsAt, endsAt: s.endsAt, ...extra };
    for (const id of new Set([project.ownerOrganisationId, project.agentOrganisationId, ...parties].filter((o): o is string => !!o))) {
      await this.notifications.enqueue(tx, { channel: 'site', recipient: { type: 'organisation', id }, template, params });
    }
  }

  /**
   * The losing statement aborted its transaction, so the booking in the way is read afresh once it has rolled back;
   * by then the winner has committed (the constraint waited for it).
   */
  private async explained(err: unknown, roomId: string, r: RangeDto, except: string | null): Promise<unknown> {
    if (!isOverlap(err)) return err;
    const other = await this.repo.blocking(this.txr.dataSource.manager, roomId, r.startsAt, r.endsAt, except);
    return SchedulingErrors.SESSION_CONFLICT({
      roomId,
      conflictWith: other ? { id: other.id, projectId: other.projectId, projectCode: other.projectCode, projectName: other.projectName, roomName: other.roomName, purpose: other.purpose, startsAt: other.startsAt, endsAt: other.endsAt } : null,
    });
  }
}
