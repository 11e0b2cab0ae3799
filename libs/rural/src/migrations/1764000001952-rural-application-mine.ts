import { MigrationInterface, QueryRunner } from 'typeorm';

/** GET /rural/applications/mine pages through one organisation's applications, newest first (the unique key leads with the deal). */
export class RuralApplicationMine1764000001952 implements MigrationInterface {
  name = 'RuralApplicationMine1764000001952';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX rural_application_organisation_idx ON rural_application (organisation_id, declared_at DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX rural_application_organisation_idx`);
  }
}
