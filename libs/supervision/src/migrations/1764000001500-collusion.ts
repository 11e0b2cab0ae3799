import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 围标串标 signals found on opened tender sections, for the office to review. A scan stores a signal once per
 * (section, kind, evidence digest), so scanning again adds only what is new.
 */
export class Collusion1764000001500 implements MigrationInterface {
  name = 'Collusion1764000001500';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE collusion_signal (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        project_id uuid NOT NULL REFERENCES tender(project_id),
        section_id uuid NOT NULL REFERENCES tender_section(id),
        kind text NOT NULL CHECK (kind IN ('same_documents','same_ip','same_payer_account','price_progression','price_cluster')),
        evidence jsonb NOT NULL,
        evidence_digest char(64) NOT NULL,
        status text NOT NULL DEFAULT 'open' CHECK (status IN ('open','dismissed','confirmed')),
        review_note text,
        reviewed_by uuid REFERENCES account(id),
        reviewed_at timestamptz,
        found_by uuid REFERENCES account(id),
        found_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (section_id, kind, evidence_digest),
        CHECK ((status = 'open') = (reviewed_at IS NULL))
      )`);
    await q.query(`CREATE INDEX collusion_signal_project_idx ON collusion_signal (project_id, found_at)`);
    await q.query(`CREATE INDEX collusion_signal_status_idx ON collusion_signal (status, found_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE collusion_signal`);
  }
}
