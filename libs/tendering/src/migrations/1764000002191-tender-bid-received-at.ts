import { MigrationInterface, QueryRunner } from 'typeorm';

/** Time of receipt: when the server had fully received the submission (the time its deadline was judged on); older rows take their stored time. */
export class TenderBidReceivedAt1764000002191 implements MigrationInterface {
  name = 'TenderBidReceivedAt1764000002191';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE tender_bid ADD COLUMN received_at timestamptz`);
    await q.query(`UPDATE tender_bid SET received_at = submitted_at`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE tender_bid DROP COLUMN received_at`);
  }
}
