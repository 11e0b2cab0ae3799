import { MigrationInterface, QueryRunner } from 'typeorm';

export class Notifications1764000000350 implements MigrationInterface {
  name = 'Notifications1764000000350';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE notification_outbox (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        channel text NOT NULL CHECK (channel IN ('sms','voice','site')),
        recipient_type text NOT NULL,
        recipient_id text NOT NULL,
        phone text,
        template text NOT NULL,
        params jsonb NOT NULL DEFAULT '{}',
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending','sent','failed')),
        attempts int NOT NULL DEFAULT 0,
        last_error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        sent_at timestamptz
      )`);
    await q.query(`CREATE INDEX notification_outbox_pending_idx ON notification_outbox (created_at) WHERE status = 'pending'`);
    await q.query(`CREATE INDEX notification_outbox_recipient_idx ON notification_outbox (recipient_type, recipient_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE notification_outbox`);
  }
}
