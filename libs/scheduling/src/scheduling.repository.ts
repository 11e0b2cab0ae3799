import { Injectable } from '@nestjs/common';
import { EntityManager, QueryFailedError } from 'typeorm';
import { rowsOf } from '@app/platform/database/rows';
import { RoomView, SessionView } from './dto/scheduling.dto';

const ROOM = `SELECT id, kind, name, seats, isolated, created_at AS "createdAt" FROM scheduling_room`;

const SESSION = `
  SELECT s.id, s.room_id AS "roomId", r.name AS "roomName", r.kind AS "roomKind", s.project_id AS "projectId", p.code AS "projectCode",
         p.name AS "projectName", p.domain, s.purpose, lower(s.during) AS "startsAt", upper(s.during) AS "endsAt", s.status,
         s.milestone_ids AS "milestoneIds", s.note, s.cancel_reason AS "cancelReason", s.booked_at AS "bookedAt", s.cancelled_at AS "cancelledAt"
  FROM scheduling_session s JOIN scheduling_room r ON r.id = s.room_id JOIN trading_project p ON p.id = s.project_id`;

export const NO_OVERLAP = 'scheduling_session_no_overlap';

/** Did this statement lose to the exclusion constraint (SQLSTATE 23P01)? */
export function isOverlap(err: unknown): boolean {
  const d = err instanceof QueryFailedError ? (err.driverError as { code?: string; constraint?: string }) : undefined;
  return d?.code === '23P01' && d.constraint === NO_OVERLAP;
}

export interface ProjectParties {
  id: string;
  code: string;
  status: string;
  publishedAt: Date | null;
  ownerOrganisationId: string;
  agentOrganisationId: string | null;
}

/** The project gate's resolver (@ProjectWrite('scheduling-session')): the project a session is booked for. */
export const PROJECT_OF_SESSION = `SELECT project_id FROM scheduling_session WHERE id = $1::uuid`;

/** Every query on rooms and sessions. */
@Injectable()
export class SchedulingRepository {
  async insertRoom(em: EntityManager, r: { kind: string; name: string; seats: number; isolated: boolean }): Promise<RoomView | undefined> {
    const [row] = rowsOf<RoomView>(
      await em.query(
        `INSERT INTO scheduling_room (kind, name, seats, isolated) VALUES ($1,$2,$3,$4) ON CONFLICT (name) DO NOTHING
         RETURNING id, kind, name, seats, isolated, created_at AS "createdAt"`,
        [r.kind, r.name, r.seats, r.isolated],
      ),
    );
    return row;
  }

  async rooms(em: EntityManager): Promise<RoomView[]> {
    return rowsOf<RoomView>(await em.query(`${ROOM} ORDER BY kind, name`));
  }

  async room(em: EntityManager, id: string): Promise<RoomView | undefined> {
    const [row] = rowsOf<RoomView>(await em.query(`${ROOM} WHERE id = $1`, [id]));
    return row;
  }

  async project(em: EntityManager, id: string): Promise<ProjectParties | undefined> {
    const [row] = rowsOf<ProjectParties>(
      await em.query(
        `SELECT id, code, status, published_at AS "publishedAt", owner_organisation_id AS "ownerOrganisationId", agent_organisation_id AS "agentOrganisationId" FROM trading_project WHERE id = $1 FOR SHARE`,
        [id],
      ),
    );
    return row;
  }

  /** The ids among `ids` that are pending milestones of the project (locked, so they cannot fire meanwhile). */
  async pendingMilestonesOf(em: EntityManager, projectId: string, subjectType: string, ids: string[]): Promise<{ id: string; kind: string; dueAt: Date }[]> {
    if (ids.length === 0) return [];
    return rowsOf(
      await em.query(
        `SELECT id, kind, due_at AS "dueAt" FROM milestone WHERE id = ANY($1::uuid[]) AND subject_type = $2 AND subject_id = $3 AND status = 'pending' ORDER BY due_at FOR UPDATE`,
        [ids, subjectType, projectId],
      ),
    );
  }

  /** Throws the driver's 23P01 when the range overlaps a booked session of the room. */
  async insertSession(em: EntityManager, s: { roomId: string; projectId: string; purpose: string; startsAt: Date; endsAt: Date; milestoneIds: string[]; note: string | null; bookedBy: string }): Promise<string> {
    const [row] = rowsOf<{ id: string }>(
      await em.query(
        `INSERT INTO scheduling_session (room_id, project_id, purpose, during, milestone_ids, note, booked_by) VALUES ($1,$2,$3,tstzrange($4,$5,'[)'),$6::uuid[],$7,$8) RETURNING id`,
        [s.roomId, s.projectId, s.purpose, s.startsAt, s.endsAt, s.milestoneIds, s.note, s.bookedBy],
      ),
    );
    return row.id;
  }

  /** Throws the driver's 23P01 when the new range overlaps another booked session of the room. */
  async moveSession(em: EntityManager, id: string, startsAt: Date, endsAt: Date): Promise<void> {
    await em.query(`UPDATE scheduling_session SET during = tstzrange($2,$3,'[)') WHERE id = $1`, [id, startsAt, endsAt]);
  }

  async cancelSession(em: EntityManager, id: string, reason: string): Promise<void> {
    await em.query(`UPDATE scheduling_session SET status = 'cancelled', cancelled_at = now(), cancel_reason = $2 WHERE id = $1`, [id, reason]);
  }

  async session(em: EntityManager, id: string, lock = false): Promise<SessionView | undefined> {
    const [row] = rowsOf<SessionView>(await em.query(`${SESSION} WHERE s.id = $1${lock ? ' FOR UPDATE OF s' : ''}`, [id]));
    return row;
  }

  /** The booked session in the way of a range on a room (other than `except`), read after the losing statement. */
  async blocking(em: EntityManager, roomId: string, startsAt: Date, endsAt: Date, except: string | null): Promise<SessionView | undefined> {
    const [row] = rowsOf<SessionView>(
      await em.query(
        `${SESSION} WHERE s.room_id = $1 AND s.status = 'booked' AND s.during && tstzrange($2,$3,'[)') AND s.id IS DISTINCT FROM $4 ORDER BY lower(s.during) LIMIT 1`,
        [roomId, startsAt, endsAt, except],
      ),
    );
    return row;
  }

  /** Booked sessions overlapping a window, optionally of one room, by start. */
  async booked(em: EntityManager, from: Date, to: Date, roomId: string | null): Promise<SessionView[]> {
    return rowsOf<SessionView>(
      await em.query(
        `${SESSION} WHERE s.status = 'booked' AND s.during && tstzrange($1,$2,'[)') AND ($3::uuid IS NULL OR s.room_id = $3) ORDER BY lower(s.during), r.name`,
        [from, to, roomId],
      ),
    );
  }

  /** The project's pending milestones, each with the booked session hosting it (if any), by due time. */
  async pendingStepsOf(em: EntityManager, projectId: string, subjectType: string): Promise<{ id: string; kind: string; dueAt: Date; sessionId: string | null }[]> {
    return rowsOf(
      await em.query(
        `SELECT m.id, m.kind, m.due_at AS "dueAt",
                (SELECT s.id FROM scheduling_session s WHERE s.project_id = $2::uuid AND s.status = 'booked' AND m.id = ANY(s.milestone_ids) LIMIT 1) AS "sessionId"
         FROM milestone m WHERE m.subject_type = $1 AND m.subject_id = $2::text AND m.status = 'pending' ORDER BY m.due_at, m.id`,
        [subjectType, projectId],
      ),
    );
  }

  async projectExists(em: EntityManager, id: string): Promise<boolean> {
    return (await em.query(`SELECT 1 FROM trading_project WHERE id = $1`, [id])).length > 0;
  }
}
