import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Signals on e-mall quote rounds beside tender sections (a round has no project: the e-mall is not project-based),
 * two more kinds, and a record of every round scanned so that the worker scans each opened round once by itself.
 */
export class CollusionRounds1764000001530 implements MigrationInterface {
  name = 'CollusionRounds1764000001530';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE collusion_signal
        ALTER COLUMN project_id DROP NOT NULL,
        ALTER COLUMN section_id DROP NOT NULL,
        ADD COLUMN requirement_id uuid REFERENCES procurement_requirement(id),
        ADD COLUMN round int,
        DROP CONSTRAINT collusion_signal_kind_check,
        ADD CONSTRAINT collusion_signal_kind_check CHECK (kind IN ('same_documents','same_document_metadata','same_ip','same_device','same_payer_account','price_progression','price_cluster')),
        ADD CONSTRAINT collusion_signal_one_round CHECK (
          (section_id IS NOT NULL AND project_id IS NOT NULL AND requirement_id IS NULL AND round IS NULL)
          OR (section_id IS NULL AND project_id IS NULL AND requirement_id IS NOT NULL AND round IS NOT NULL)),
        ADD CONSTRAINT collusion_signal_quote_once UNIQUE (requirement_id, round, kind, evidence_digest)`);
    await q.query(`CREATE INDEX collusion_signal_requirement_idx ON collusion_signal (requirement_id, found_at) WHERE requirement_id IS NOT NULL`);
    await q.query(`
      CREATE TABLE collusion_scan (
        round_key text PRIMARY KEY,
        scanned_at timestamptz NOT NULL DEFAULT now(),
        signals int NOT NULL
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE collusion_scan`);
    await q.query(`DELETE FROM collusion_signal WHERE requirement_id IS NOT NULL`);
    await q.query(`
      ALTER TABLE collusion_signal DROP CONSTRAINT collusion_signal_quote_once, DROP CONSTRAINT collusion_signal_one_round,
        DROP CONSTRAINT collusion_signal_kind_check, DROP COLUMN round, DROP COLUMN requirement_id,
        ALTER COLUMN section_id SET NOT NULL, ALTER COLUMN project_id SET NOT NULL`);
    await q.query(`ALTER TABLE collusion_signal ADD CONSTRAINT collusion_signal_kind_check CHECK (kind IN ('same_documents','same_ip','same_payer_account','price_progression','price_cluster'))`);
  }
}
