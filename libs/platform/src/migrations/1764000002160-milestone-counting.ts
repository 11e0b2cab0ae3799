import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A milestone says how its remaining length is kept while its subject is suspended: plain time (`elapsed`) or the
 * working time of a period counted in working days (`working`, docs/milestones.md). Existing rows keep plain time.
 */
export class MilestoneCounting1764000002160 implements MigrationInterface {
  name = 'MilestoneCounting1764000002160';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE milestone ADD COLUMN counting text NOT NULL DEFAULT 'elapsed' CHECK (counting IN ('elapsed','working'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE milestone DROP COLUMN counting`);
  }
}
