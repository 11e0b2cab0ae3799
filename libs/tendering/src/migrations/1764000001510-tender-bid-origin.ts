import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Where a bid came from, for the collusion indicators: the device and bid-tool serial the bidding client declares at
 * submission (like the IP, not sealed: they reveal nothing of the offer), and the authoring fields read from the
 * documents at the opening (documents_meta stays NULL until then, as the price does).
 */
export class TenderBidOrigin1764000001510 implements MigrationInterface {
  name = 'TenderBidOrigin1764000001510';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE tender_bid
        ADD COLUMN device_id text CHECK (length(device_id) BETWEEN 1 AND 128),
        ADD COLUMN tool_serial text CHECK (length(tool_serial) BETWEEN 1 AND 128),
        ADD COLUMN documents_meta jsonb,
        ADD CONSTRAINT tender_bid_meta_after_opening CHECK (documents_meta IS NULL OR opened_at IS NOT NULL)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE tender_bid DROP CONSTRAINT tender_bid_meta_after_opening, DROP COLUMN documents_meta, DROP COLUMN tool_serial, DROP COLUMN device_id`);
  }
}
