import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { rowsOf } from '@app/platform/database/rows';
import { RecordedPeriod, RecordedShift } from './suspension.types';

export interface SuspensionRow {
  id: string;
  projectId: string;
  suspendedAt: Date;
  reason: string;
  suspendedRole: string;
  frozen: RecordedPeriod[];
  resumedAt: Date | null;
  resumedRole: string | null;
  resumeNote: string | null;
  shifted: RecordedShift[] | null;
}

const SUSPENSION = `
  SELECT id, project_id AS "projectId", suspended_at AS "suspendedAt", reason, suspended_role AS "suspendedRole", frozen,
         resumed_at AS "resumedAt", resumed_role AS "resumedRole", resume_note AS "resumeNote", shifted
    FROM project_suspension`;

/** Every query on project_suspension: one row per suspension, closed by the resumption. */
@Injectable()
export class SuspensionRepository {
  async open(em: EntityManager, s: { projectId: string; suspendedAt: Date; reason: string; by: string | null; role: string; frozen: RecordedPeriod[] }): Promise<string> {
    const [row] = rowsOf<{ id: string }>(
      await em.query(`INSERT INTO project_suspension (project_id, suspended_at, reason, suspended_by, suspended_role, frozen) VALUES ($1,$2,$3,$4,$5,$6) RETURNING id`, [
        s.projectId,
        s.suspendedAt,
        s.reason,
        s.by,
        s.role,
        JSON.stringify(s.frozen),
      ]),
    );
    return row.id;
  }

  async current(em: EntityManager, projectId: string): Promise<SuspensionRow | undefined> {
    const [row] = rowsOf<SuspensionRow>(await em.query(`${SUSPENSION} WHERE project_id = $1 AND resumed_at IS NULL FOR UPDATE`, [projectId]));
    return row;
  }

  async close(em: EntityManager, id: string, r: { resumedAt: Date; by: string | null; role: string; note: string | null; shifted: RecordedShift[] }): Promise<void> {
    await em.query(`UPDATE project_suspension SET resumed_at = $2, resumed_by = $3, resumed_role = $4, resume_note = $5, shifted = $6 WHERE id = $1`, [
      id,
      r.resumedAt,
      r.by,
      r.role,
      r.note,
      JSON.stringify(r.shifted),
    ]);
  }
}
