import { MigrationInterface, QueryRunner } from 'typeorm';

/** In-flight submissions: a row from the moment a body completes until its write commits (or its bound passes). */
export class Intake1764000002190 implements MigrationInterface {
  name = 'Intake1764000002190';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE intake (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        subject_type text NOT NULL,
        subject_id uuid NOT NULL,
        received_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL,
        created_at timestamptz NOT NULL DEFAULT clock_timestamp()
      )`);
    await q.query(`CREATE INDEX intake_subject_idx ON intake (subject_type, subject_id, received_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE intake`);
  }
}
