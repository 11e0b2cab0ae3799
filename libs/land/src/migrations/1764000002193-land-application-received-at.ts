import { MigrationInterface, QueryRunner } from 'typeorm';

/** Time of receipt: when the server had fully received the submission (the time its deadline was judged on); older rows take their stored time. */
export class LandApplicationReceivedAt1764000002193 implements MigrationInterface {
  name = 'LandApplicationReceivedAt1764000002193';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE land_application ADD COLUMN received_at timestamptz`);
    await q.query(`UPDATE land_application SET received_at = applied_at`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE land_application DROP COLUMN received_at`);
  }
}
