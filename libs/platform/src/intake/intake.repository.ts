import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

export interface IntakeSubject {
  type: string;
  id: string;
}

/** All SQL of in-flight submissions. The database's clock decides every time here. */
@Injectable()
export class IntakeRepository {
  /**
   * Registers a submission whose body completed `elapsedMicros` ago by this process's monotonic clock: its received-at
   * is the database's clock_timestamp() minus that, so every api process reads one clock (the database's). Rounded up
   * to the millisecond, so the time a JavaScript Date carries back into the write is never earlier than the true one.
   */
  async insert(em: EntityManager, subject: IntakeSubject, elapsedMicros: bigint, waitMs: number): Promise<{ id: string; receivedAt: Date }> {
    const [row] = await em.query(
      `INSERT INTO intake (subject_type, subject_id, received_at, expires_at)
       SELECT $1, $2, r.at, r.at + $4::int * interval '1 millisecond' FROM (SELECT date_trunc('milliseconds', clock_timestamp() - $3::bigint * interval '1 microsecond' + interval '999 microseconds') AS at) r
       RETURNING id, received_at AS "receivedAt"`,
      [subject.type, subject.id, elapsedMicros.toString(), waitMs],
    );
    return row;
  }

  async remove(em: EntityManager, id: string): Promise<void> {
    await em.query(`DELETE FROM intake WHERE id = $1`, [id]);
  }

  /**
   * What a closing waits on: submissions of the subject received before the deadline and still within their bound;
   * `waiting` is false once there are none and the settle time after the deadline has passed, or the bound is over.
   */
  async pending(em: EntityManager, subject: IntakeSubject, deadline: Date, settleMs: number, waitMs: number): Promise<{ early: boolean; waiting: boolean; inFlight: number }> {
    const [row] = await em.query(
      `SELECT clock_timestamp() < $3::timestamptz AS early,
              clock_timestamp() < $3::timestamptz + $4::int * interval '1 millisecond' AS settling,
              clock_timestamp() < $3::timestamptz + $5::int * interval '1 millisecond' AS bounded,
              (SELECT count(*)::int FROM intake WHERE subject_type = $1 AND subject_id = $2 AND received_at < $3::timestamptz AND expires_at > clock_timestamp()) AS "inFlight"`,
      [subject.type, subject.id, deadline, settleMs, waitMs],
    );
    return { early: row.early, waiting: row.bounded && (row.settling || row.inFlight > 0), inFlight: row.inFlight };
  }

  /** Rows of crashed requests, long past their bound (they never block anything; this only keeps the table small). */
  async sweep(em: EntityManager): Promise<void> {
    await em.query(`DELETE FROM intake WHERE expires_at < clock_timestamp() - interval '1 hour'`);
  }
}
