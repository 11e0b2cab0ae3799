import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { rowsOf } from '@app/platform/database/rows';
import { HistoryEvent, PUBLIC_ACTIONS, PublicDocument, PublicNotice } from './project-history';

/** All SQL of the public history: the audit trail's public events of a project, its published documents and answers. */
@Injectable()
export class ProjectHistoryRepository {
  async project(em: EntityManager, id: string): Promise<{ id: string; code: string; name: string; domain: string } | undefined> {
    const [r] = rowsOf<{ id: string; code: string; name: string; domain: string }>(
      await em.query(`SELECT id, code, name, domain FROM trading_project WHERE id = $1 AND published_at IS NOT NULL`, [id]),
    );
    return r;
  }

  /**
   * The project's own audit events, public actions only, in chain order: the kernel, tender, land parcel and rural deal
   * subjects carry the project id; an e-mall requirement's and a lot's their own ids (their project_id maps them).
   */
  async events(em: EntityManager, projectId: string): Promise<HistoryEvent[]> {
    return rowsOf<HistoryEvent>(
      await em.query(
        `SELECT occurred_at AS at, action, actor_role AS role, payload, subject_id AS "subjectId" FROM audit_event
         WHERE ((subject_type IN ('trading_project', 'tender', 'land_parcel', 'rural_deal') AND subject_id = $1)
             OR (subject_type = 'procurement_requirement' AND subject_id IN (SELECT id::text FROM procurement_requirement WHERE project_id = $1::uuid))
             OR (subject_type = 'lot' AND subject_id IN (SELECT id::text FROM lot WHERE project_id = $1::uuid)))
           AND action = ANY($2::text[]) ORDER BY id`,
        [projectId, Object.keys(PUBLIC_ACTIONS)],
      ),
    );
  }

  /** The names of the organisations a public result names (nothing else of them). */
  async organisationNames(em: EntityManager, ids: string[]): Promise<Record<string, string>> {
    if (!ids.length) return {};
    const rows = rowsOf<{ id: string; name: string }>(await em.query(`SELECT id, name FROM organisation WHERE id = ANY($1::uuid[])`, [ids]));
    return Object.fromEntries(rows.map((r) => [r.id, r.name]));
  }

  async documents(em: EntityManager, projectId: string): Promise<PublicDocument[]> {
    return rowsOf<PublicDocument>(
      await em.query(`SELECT id, kind, file_name AS "fileName", sha256, note, created_at AS "createdAt" FROM tender_document WHERE project_id = $1 ORDER BY created_at, id`, [projectId]),
    );
  }

  async clarifications(em: EntityManager, projectId: string): Promise<{ question: string; answer: string; answeredAt: Date }[]> {
    return rowsOf<{ question: string; answer: string; answeredAt: Date }>(
      await em.query(`SELECT question, answer, answered_at AS "answeredAt" FROM tender_question WHERE project_id = $1 AND answer IS NOT NULL ORDER BY answered_at`, [projectId]),
    );
  }

  /** The tender's sections as announced (number and name). */
  async sections(em: EntityManager, projectId: string): Promise<{ no: number; name: string }[]> {
    return rowsOf<{ no: number; name: string }>(await em.query(`SELECT no, name FROM tender_section WHERE project_id = $1 ORDER BY no`, [projectId]));
  }

  /** The project's notices in the portal feed (an e-mall requirement's are keyed by the requirement). */
  async notices(em: EntityManager, projectId: string): Promise<PublicNotice[]> {
    return rowsOf<PublicNotice>(
      await em.query(
        `SELECT kind, title, section_no AS "sectionNo", published_at AS "publishedAt" FROM portal_notice
          WHERE published_at IS NOT NULL
            AND (project_id = $1 OR (domain = 'procurement' AND subject_id IN (SELECT id FROM procurement_requirement WHERE project_id = $1)))`,
        [projectId],
      ),
    );
  }
}
