import { MigrationInterface, QueryRunner } from 'typeorm';

/** The inbox: who read which notification (per account), and the index its newest-first lists page through. */
export class NotificationInbox1764000002218 implements MigrationInterface {
  name = 'NotificationInbox1764000002218';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE notification_read (
        account_id uuid NOT NULL REFERENCES account(id),
        notification_id uuid NOT NULL REFERENCES notification_outbox(id),
        read_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (account_id, notification_id)
      )`);
    await q.query(`CREATE INDEX notification_outbox_inbox_idx ON notification_outbox ((recipient_type || ':' || recipient_id), created_at DESC, id DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX notification_outbox_inbox_idx`);
    await q.query(`DROP TABLE notification_read`);
  }
}
