import { MigrationInterface, QueryRunner } from 'typeorm';

/** Time of receipt: when the server had fully received the submission (the time its deadline was judged on); older rows take their stored time. */
export class QuoteReceivedAt1764000002192 implements MigrationInterface {
  name = 'QuoteReceivedAt1764000002192';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE procurement_quote ADD COLUMN received_at timestamptz`);
    await q.query(`UPDATE procurement_quote SET received_at = submitted_at`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE procurement_quote DROP COLUMN received_at`);
  }
}
