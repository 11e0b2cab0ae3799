import { MigrationInterface, QueryRunner } from 'typeorm';

/** Time of receipt: when the server had fully received the submission (the time its deadline was judged on); older rows take their stored time. */
export class RuralApplicationReceivedAt1764000002194 implements MigrationInterface {
  name = 'RuralApplicationReceivedAt1764000002194';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE rural_application ADD COLUMN received_at timestamptz`);
    await q.query(`UPDATE rural_application SET received_at = declared_at`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE rural_application DROP COLUMN received_at`);
  }
}
