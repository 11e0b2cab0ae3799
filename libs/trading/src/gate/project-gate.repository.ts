import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { rowsOf } from '@app/platform/database/rows';

export interface GateRow {
  projectId: string;
  status: string;
  suspendedAt: Date | null;
  suspensionReason: string | null;
}

/** The project a route's id names when it already is a project id, and when it is a live lot's (kernel tables only). */
export const PROJECT_OF_PROJECT = `SELECT $1::uuid`;
export const PROJECT_OF_LOT = `SELECT project_id FROM lot WHERE id = $1::uuid`;

const COLUMNS = `p.id AS "projectId", p.status, p.suspended_at AS "suspendedAt", p.suspension_reason AS "suspensionReason"`;

/** The gate's SQL: one indexed read of the project row before the handler, and one under a lock in each transaction. */
@Injectable()
export class ProjectGateRepository {
  /** The project `resolver` (a domain's `SELECT project_id … WHERE id = $1::uuid`) leads to, in one statement. */
  async resolve(em: EntityManager, resolver: string, id: string): Promise<GateRow | undefined> {
    const [row] = rowsOf<GateRow>(await em.query(`SELECT ${COLUMNS} FROM trading_project p WHERE p.id = (${resolver})`, [id]));
    return row;
  }

  /**
   * FOR KEY SHARE is the weakest lock that conflicts with the suspension's FOR UPDATE: writes on one project run
   * side by side, a suspension waits for those in flight to commit, and a write that starts after it waits and then
   * reads 'suspended' (READ COMMITTED re-reads the row once the lock is granted).
   */
  async lockShared(em: EntityManager, projectId: string): Promise<GateRow | undefined> {
    const [row] = rowsOf<GateRow>(await em.query(`SELECT ${COLUMNS} FROM trading_project p WHERE p.id = $1 FOR KEY SHARE`, [projectId]));
    return row;
  }
}
