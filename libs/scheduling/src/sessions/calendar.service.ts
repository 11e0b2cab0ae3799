import { Injectable } from '@nestjs/common';
import { TransactionRunner } from '@app/platform/database/transaction-runner';
import { AgendaView, CalendarQuery, SessionView } from '../dto/scheduling.dto';
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
}
