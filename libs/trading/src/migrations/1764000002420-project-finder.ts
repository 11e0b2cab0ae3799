import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The operators' project finder (GET /projects, docs/web.md): newest registration first over every project, and a
 * name fragment anywhere in the name (trigram, which also serves Chinese text under UTF-8) or the start of a code.
 */
export class ProjectFinder1764000002420 implements MigrationInterface {
  name = 'ProjectFinder1764000002420';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await q.query(`CREATE INDEX trading_project_created_idx ON trading_project (created_at DESC, id)`);
    await q.query(`CREATE INDEX trading_project_name_trgm_idx ON trading_project USING gin (name gin_trgm_ops)`);
    await q.query(`CREATE INDEX trading_project_code_prefix_idx ON trading_project (code text_pattern_ops)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX trading_project_code_prefix_idx`);
    await q.query(`DROP INDEX trading_project_name_trgm_idx`);
    await q.query(`DROP INDEX trading_project_created_idx`);
  }
}
