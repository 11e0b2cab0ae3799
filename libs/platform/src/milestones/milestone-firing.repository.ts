import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Milestone } from './milestone.entity';

/** The columns a handler sees, in the entity's names. */
const COLUMNS = `id, kind, subject_type AS "subjectType", subject_id AS "subjectId", due_at AS "dueAt", status, payload, version,
  paused_remaining_ms AS "pausedRemainingMs", counting, fired_at AS "firedAt", attempts, last_error AS "lastError",
  retry_at AS "retryAt", created_at AS "createdAt", updated_at AS "updatedAt"`;

/** Due and not waiting out a retry, by the database's clock at the statement (never the worker's). */
const ELIGIBLE = `status = 'pending' AND due_at <= statement_timestamp() AND (retry_at IS NULL OR retry_at <= statement_timestamp())`;

/** After the n-th failure wait 1 s · 2^(n−1), at most a minute (`retryDelayMs` in milestone-job.ts); `attempts` is still n − 1 here. */
const RETRY_AT = `now() + LEAST(60000, 1000 * 2 ^ attempts) * interval '1 millisecond'`;

/** Every statement of firing: claims, the marks, what comes due next. */
@Injectable()
export class MilestoneFiringRepository {
  /** Up to `limit` eligible milestones of the batch kinds, oldest due first, locked; rows another worker holds are skipped. */
  async claim(em: EntityManager, kinds: string[], limit: number): Promise<Milestone[]> {
    const rows: Milestone[] = await em.query(
      `SELECT ${COLUMNS} FROM milestone WHERE ${ELIGIBLE} AND kind = ANY($1) ORDER BY due_at LIMIT $2 FOR UPDATE SKIP LOCKED`,
      [kinds, limit],
    );
    return rows.map((r) => Object.assign(new Milestone(), r));
  }

  /** Ids of eligible milestones of kinds that run apart (not locked: each is locked by its own firing). */
  async dueApart(em: EntityManager, batchKinds: string[], limit: number): Promise<string[]> {
    const rows: { id: string }[] = await em.query(`SELECT id FROM milestone WHERE ${ELIGIBLE} AND kind <> ALL($1) ORDER BY due_at LIMIT $2`, [batchKinds, limit]);
    return rows.map((r) => r.id);
  }

  /**
   * Marks them fired. Run it as the last statement before COMMIT: `fired_at` is then the commit time less one round
   * trip, which is what lateness is measured to.
   */
  async markFired(em: EntityManager, ids: string[]): Promise<void> {
    await em.query(
      `UPDATE milestone SET status = 'fired', fired_at = clock_timestamp(), attempts = attempts + 1, last_error = NULL, retry_at = NULL, updated_at = now() WHERE id = ANY($1::uuid[])`,
      [ids],
    );
  }

  /** Counts a failed attempt and sets when the milestone may be tried again; returns what its wake-up needs. */
  async markFailed(em: EntityManager, failures: { id: string; error: string }[]): Promise<{ id: string; version: number; attempts: number; retryAt: Date }[]> {
    if (!failures.length) return [];
    return em.query(
      `UPDATE milestone m SET attempts = attempts + 1, last_error = f.error, retry_at = ${RETRY_AT}, updated_at = now()
       FROM unnest($1::uuid[], $2::text[]) AS f(id, error)
       WHERE m.id = f.id AND m.status = 'pending'
       RETURNING m.id, m.version, m.attempts, m.retry_at AS "retryAt"`,
      [failures.map((f) => f.id), failures.map((f) => f.error.slice(0, 1000))],
    );
  }

  /**
   * How long until the next milestone due before `until` (epoch ms) may fire, by the database's clock: negative when one
   * is already due (another worker holds it), null when none is left; and how far the clock is past `until`.
   */
  async nextDue(em: EntityManager, until: number): Promise<{ waitMs: number | null; pastUntilMs: number }> {
    const [r] = await em.query(
      `SELECT EXTRACT(EPOCH FROM (min(GREATEST(due_at, COALESCE(retry_at, due_at))) - clock_timestamp())) * 1000 AS wait,
              EXTRACT(EPOCH FROM (clock_timestamp() - to_timestamp($1::double precision / 1000))) * 1000 AS past
       FROM milestone
       WHERE status = 'pending' AND due_at < to_timestamp($1::double precision / 1000)
         AND (retry_at IS NULL OR retry_at < to_timestamp($1::double precision / 1000))`,
      [until],
    );
    return { waitMs: r.wait === null ? null : Number(r.wait), pastUntilMs: Number(r.past) };
  }
}
