import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Closings are claimed in batches by due time (docs/milestones.md, "Firing"): a milestone whose handler failed waits
 * until `retry_at` before a claim takes it again, so one bad milestone is retried with backoff and never spins a batch.
 */
export class MilestoneRetryAt1764000002540 implements MigrationInterface {
  name = 'MilestoneRetryAt1764000002540';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE milestone ADD COLUMN retry_at timestamptz`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE milestone DROP COLUMN retry_at`);
  }
}
