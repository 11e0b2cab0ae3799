import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { rowsOf } from '@app/platform/database/rows';

export interface GateRow {
  status: string;
  suspendedAt: Date | null;
  suspensionReason: string | null;
}

/** The gate's SQL: one indexed read of the project row, locked FOR KEY SHARE inside a write's transaction. */
@Injectable()
export class ProjectGateRepository {
  /**
   * FOR KEY SHARE is the weakest lock that conflicts with the suspension's FOR UPDATE: writes on one project run
   * side by side, a suspension waits for those in flight to commit, and a write that starts after it waits and then
   * reads 'suspended' (READ COMMITTED re-reads the row once the lock is granted).
   */
  async state(em: EntityManager, projectId: string, lock: boolean): Promise<GateRow | undefined> {
    const [row] = rowsOf<GateRow>(
      await em.query(
        `SELECT status, suspended_at AS "suspendedAt", suspension_reason AS "suspensionReason" FROM trading_project WHERE id = $1 ${lock ? 'FOR KEY SHARE' : ''}`,
        [projectId],
      ),
    );
    return row;
  }

  async projectOfLot(em: EntityManager, lotId: string): Promise<string | undefined> {
    const [row] = rowsOf<{ projectId: string }>(await em.query(`SELECT project_id AS "projectId" FROM lot WHERE id = $1`, [lotId]));
    return row?.projectId;
  }
}
