import { MigrationInterface, QueryRunner } from 'typeorm';

/** GET /land/applications/mine pages through one organisation's applications, newest first (the unique key leads with the parcel). */
export class LandApplicationMine1764000001951 implements MigrationInterface {
  name = 'LandApplicationMine1764000001951';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX land_application_organisation_idx ON land_application (organisation_id, applied_at DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX land_application_organisation_idx`);
  }
}
