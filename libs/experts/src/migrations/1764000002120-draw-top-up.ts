import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A top-up round the centre starts (补抽) draws with a seed of its own, sealed like the draw's, its SHA-256 audited
 * before the round is drawn, revealed when the session starts. Rounds drawn with the draw's seed leave these null.
 */
export class DrawTopUp1764000002120 implements MigrationInterface {
  name = 'DrawTopUp1764000002120';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE expert_draw_round ADD COLUMN seed_sealed bytea, ADD COLUMN seed_commitment char(64), ADD COLUMN revealed_seed char(64)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE expert_draw_round DROP COLUMN seed_sealed, DROP COLUMN seed_commitment, DROP COLUMN revealed_seed`);
  }
}
