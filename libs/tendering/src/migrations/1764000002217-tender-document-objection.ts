import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 招标文件异议 (条例 22): objections to the documents are a third stage of tender_objection. `handle` is the
 * pseudonym the owner and agent see ("异议人 1", per organisation and project, in order of first objection).
 */
export class TenderDocumentObjection1764000002217 implements MigrationInterface {
  name = 'TenderDocumentObjection1764000002217';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE tender_objection DROP CONSTRAINT tender_objection_stage_check`);
    await q.query(`ALTER TABLE tender_objection ADD CONSTRAINT tender_objection_stage_check CHECK (stage IN ('documents','opening','publicity'))`);
    await q.query(`ALTER TABLE tender_objection ADD COLUMN handle text`);
    await q.query(`CREATE INDEX tender_objection_project_stage_idx ON tender_objection (project_id, stage) WHERE replied_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX tender_objection_project_stage_idx`);
    await q.query(`ALTER TABLE tender_objection DROP COLUMN handle`);
    await q.query(`DELETE FROM tender_objection WHERE stage = 'documents'`);
    await q.query(`ALTER TABLE tender_objection DROP CONSTRAINT tender_objection_stage_check`);
    await q.query(`ALTER TABLE tender_objection ADD CONSTRAINT tender_objection_stage_check CHECK (stage IN ('opening','publicity'))`);
  }
}
