import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { rowsOf } from '@app/platform/database/rows';

export interface ScheduleNotice {
  id: string;
  projectId: string;
  stepKind: string;
  stepName: { zh: string; en: string };
  previousAt: Date;
  newAt: Date;
  reannounced: boolean;
  publishedAt: Date;
}

/** 变更公告: a published step's new time, public from the moment its change commits (same transaction). */
@Injectable()
export class ScheduleNotices {
  async publish(em: EntityManager, n: { projectId: string; milestoneId: string; stepKind: string; stepName: { zh: string; en: string }; previousAt: Date; newAt: Date; reannounced: boolean; sessionId: string | null }): Promise<string> {
    const [row] = rowsOf<{ id: string }>(
      await em.query(
        `INSERT INTO trading_schedule_notice (project_id, milestone_id, step_kind, step_name_zh, step_name_en, previous_at, new_at, reannounced, session_id)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9) RETURNING id`,
        [n.projectId, n.milestoneId, n.stepKind, n.stepName.zh, n.stepName.en, n.previousAt, n.newAt, n.reannounced, n.sessionId],
      ),
    );
    return row.id;
  }

  async of(em: EntityManager, projectId: string): Promise<ScheduleNotice[]> {
    const rows = rowsOf<Omit<ScheduleNotice, 'stepName'> & { zh: string; en: string }>(
      await em.query(
        `SELECT id, project_id AS "projectId", step_kind AS "stepKind", step_name_zh AS zh, step_name_en AS en, previous_at AS "previousAt", new_at AS "newAt",
                reannounced, published_at AS "publishedAt"
           FROM trading_schedule_notice WHERE project_id = $1 ORDER BY published_at, id`,
        [projectId],
      ),
    );
    return rows.map(({ zh, en, ...n }) => ({ ...n, stepName: { zh, en } }));
  }
}
