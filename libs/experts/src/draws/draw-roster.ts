import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { rowsOf } from '@app/platform/database/rows';

/** A draw as an evaluation sees it: whose it is, whether its session has started, and who sits on the committee. */
export interface DrawSeating {
  projectId: string;
  status: string;
  /** the seed is revealed when the session starts; before that nobody may know the members */
  opened: boolean;
  members: { accountId: string | null; expertId: string; specialty: string }[];
  /** what the centre requested: experts per specialty, and the committee's shape */
  requirements: { specialty: string; count: number }[];
  committee: { experts?: number; ownerRepresentatives?: number };
}

/** The accepted members of a draw, for the domains that run the evaluation (tendering, procurement). */
@Injectable()
export class DrawRoster {
  /** undefined when there is no such draw. */
  async seated(em: EntityManager, drawId: string): Promise<DrawSeating | undefined> {
    const [row] = rowsOf<DrawSeating>(
      await em.query(
        `SELECT d.project_id AS "projectId", d.status, d.revealed_seed IS NOT NULL AS opened, d.requirements, d.committee,
                coalesce(json_agg(json_build_object('accountId', e.account_id, 'expertId', m.expert_id::text, 'specialty', m.specialty_code)
                                  ORDER BY m.specialty_code, m.round, m.position) FILTER (WHERE m.id IS NOT NULL), '[]') AS members
         FROM expert_draw d
         LEFT JOIN expert_draw_member m ON m.draw_id = d.id AND m.status = 'accepted'
         LEFT JOIN expert e ON e.id = m.expert_id
         WHERE d.id = $1 GROUP BY d.id`,
        [drawId],
      ),
    );
    return row;
  }

  /** The draws an expert account sits on (accepted), for the domains to find the sections it evaluates. */
  async drawsOf(em: EntityManager, accountId: string): Promise<string[]> {
    const rows = rowsOf<{ drawId: string }>(
      await em.query(
        `SELECT DISTINCT m.draw_id AS "drawId" FROM expert_draw_member m JOIN expert e ON e.id = m.expert_id WHERE e.account_id = $1 AND m.status = 'accepted'`,
        [accountId],
      ),
    );
    return rows.map((r) => r.drawId);
  }
}
