import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { rowsOf } from '@app/platform/database/rows';

export interface DocumentObjectionRow {
  id: string;
  projectId: string;
  organisationId: string;
  organisationName: string;
  handle: string;
  content: string;
  raisedAt: Date;
  replyDue: Date;
  reply: string | null;
  repliedAt: Date | null;
}

const COLUMNS = `o.id, o.project_id AS "projectId", o.organisation_id AS "organisationId", g.name AS "organisationName", o.handle, o.content,
  o.raised_at AS "raisedAt", o.reply_due AS "replyDue", o.reply, o.replied_at AS "repliedAt"`;

/** 招标文件异议: the rows of tender_objection whose stage is 'documents'. */
@Injectable()
export class DocumentObjectionRepository {
  /**
   * The objector's pseudonym: the one it already has on this project, else the next number. The caller holds the
   * tender row FOR UPDATE, so two first objections cannot take the same number.
   */
  async handleFor(em: EntityManager, projectId: string, organisationId: string): Promise<string> {
    const [row] = rowsOf<{ handle: string }>(
      await em.query(
        `SELECT coalesce(
           (SELECT handle FROM tender_objection WHERE project_id = $1 AND stage = 'documents' AND organisation_id = $2 LIMIT 1),
           '异议人 ' || ((SELECT count(DISTINCT organisation_id) FROM tender_objection WHERE project_id = $1 AND stage = 'documents') + 1)
         ) AS handle`,
        [projectId, organisationId],
      ),
    );
    return row.handle;
  }

  async insert(em: EntityManager, o: { projectId: string; organisationId: string; handle: string; content: string; replyDue: Date }): Promise<string> {
    const [row] = rowsOf<{ id: string }>(
      await em.query(`INSERT INTO tender_objection (project_id, stage, organisation_id, handle, content, reply_due) VALUES ($1, 'documents', $2, $3, $4, $5) RETURNING id`, [
        o.projectId,
        o.organisationId,
        o.handle,
        o.content,
        o.replyDue,
      ]),
    );
    return row.id;
  }

  async byId(em: EntityManager, projectId: string, id: string, lock = false): Promise<DocumentObjectionRow | undefined> {
    const [row] = rowsOf<DocumentObjectionRow>(
      await em.query(`SELECT ${COLUMNS} FROM tender_objection o JOIN organisation g ON g.id = o.organisation_id WHERE o.project_id = $1 AND o.id = $2 AND o.stage = 'documents' ${lock ? 'FOR UPDATE OF o' : ''}`, [projectId, id]),
    );
    return row;
  }

  async list(em: EntityManager, projectId: string): Promise<DocumentObjectionRow[]> {
    return rowsOf<DocumentObjectionRow>(await em.query(`SELECT ${COLUMNS} FROM tender_objection o JOIN organisation g ON g.id = o.organisation_id WHERE o.project_id = $1 AND o.stage = 'documents' ORDER BY o.raised_at, o.id`, [projectId]));
  }

  async reply(em: EntityManager, id: string, reply: string, accountId: string): Promise<void> {
    await em.query(`UPDATE tender_objection SET reply = $2, replied_at = now(), replied_by = $3 WHERE id = $1`, [id, reply, accountId]);
  }
}
