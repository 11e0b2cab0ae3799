import { MigrationInterface, QueryRunner } from 'typeorm';

/** GET /tenders/registrations/mine pages through one organisation's registrations, newest first (the primary key leads with the project). */
export class TenderRegistrationMine1764000001950 implements MigrationInterface {
  name = 'TenderRegistrationMine1764000001950';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX tender_registration_organisation_idx ON tender_registration (organisation_id, registered_at DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX tender_registration_organisation_idx`);
  }
}
