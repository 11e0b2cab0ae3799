import { MigrationInterface, QueryRunner } from 'typeorm';

/** The device a quote was sent from, as the supplier's client declares it (a collusion indicator, not sealed). */
export class QuoteDevice1764000001520 implements MigrationInterface {
  name = 'QuoteDevice1764000001520';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE procurement_quote ADD COLUMN device_id text CHECK (length(device_id) BETWEEN 1 AND 128)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE procurement_quote DROP COLUMN device_id`);
  }
}
