import { Injectable } from '@nestjs/common';
import { TransactionRunner } from '@app/platform/database/transaction-runner';
import { HostedSteps, PROJECT_SUBJECT, TradingErrors } from '@app/trading';
import { HostableStepView, AgendaView, CalendarQuery, SessionView } from '../dto/scheduling.dto';
import { calendarWindow, dayStart } from '../rules/calendar-window';
import { SchedulingRepository } from '../scheduling.repository';
import { SchedulingErrors } from '../scheduling-errors';

export interface CalendarView {
  from: Date;
  to: Date;
  roomId: string | null;
  sessions: SessionView[];
}

/** Read-only views of the booked sessions: a window (room, day, week) and the day's agenda. */
@Injectable()
export class CalendarService {
  constructor(
    private readonly txr: TransactionRunner,
    private readonly repo: SchedulingRepository,
    private readonly hosted: HostedSteps,
  ) {}

  async calendar(q: CalendarQuery): Promise<CalendarView> {
    const w = calendarWindow(q);
    if (!w) throw SchedulingErrors.CALENDAR_WINDOW_INVALID();
    const em = this.txr.dataSource.manager;
    if (q.room && !(await this.repo.room(em, q.room))) throw SchedulingErrors.ROOM_NOT_FOUND({ id: q.room });
    return { ...w, roomId: q.room ?? null, sessions: await this.repo.booked(em, w.from, w.to, q.room ?? null) };
  }

  async agenda(day: string): Promise<AgendaView> {
    const from = dayStart(day);
    if (!from) throw SchedulingErrors.CALENDAR_WINDOW_INVALID({ day });
    return { day, sessions: await this.repo.booked(this.txr.dataSource.manager, from, new Date(from.getTime() + 24 * 3_600_000), null) };
  }

  /**
   * What a session of this project may host: its pending milestones of the kinds a domain registered with HostedSteps
   * (a tender's bid deadline = its opening, a land auction's start …), named, with the session already hosting each.
   * The booking form offers these instead of milestone ids.
   */
  async steps(projectId: string): Promise<HostableStepView[]> {
    const em = this.txr.dataSource.manager;
    if (!(await this.repo.projectExists(em, projectId))) throw TradingErrors.PROJECT_NOT_FOUND({ id: projectId });
    const rows = await this.repo.pendingStepsOf(em, projectId, PROJECT_SUBJECT);
    return rows.flatMap((m) => {
      const step = this.hosted.get(m.kind);
      return step ? [{ id: m.id, kind: m.kind, name: step.name, dueAt: m.dueAt, sessionId: m.sessionId }] : [];
    });
  }
}
