import { MigrationInterface, QueryRunner } from 'typeorm';

export class Audit1764000000200 implements MigrationInterface {
  name = 'Audit1764000000200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE audit_event (
        seq bigint PRIMARY KEY CHECK (seq > 0),
        occurred_at timestamptz NOT NULL,
        actor_id uuid,
        actor_role text,
        organisation_id uuid,
        action text NOT NULL,
        subject_type text NOT NULL,
        subject_id text NOT NULL,
        payload_digest char(64) NOT NULL,
        payload jsonb,
        prev_hash char(64) NOT NULL,
        hash char(64) NOT NULL UNIQUE
      )`);
    await q.query(`CREATE INDEX audit_event_subject_idx ON audit_event (subject_type, subject_id, seq)`);
    await q.query(`CREATE INDEX audit_event_actor_idx ON audit_event (actor_id, seq)`);
    await q.query(`CREATE INDEX audit_event_org_idx ON audit_event (organisation_id, seq)`);
    await q.query(`CREATE INDEX audit_event_time_idx ON audit_event (occurred_at)`);
    // The single head row serialises appends: whoever holds its row lock writes the next link.
    await q.query(`
      CREATE TABLE audit_chain_head (
        id smallint PRIMARY KEY CHECK (id = 1),
        last_seq bigint NOT NULL,
        last_hash char(64) NOT NULL
      )`);
    await q.query(`INSERT INTO audit_chain_head (id, last_seq, last_hash) VALUES (1, 0, repeat('0', 64))`);
    await q.query(`
      CREATE FUNCTION audit_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_event is append-only: % refused', TG_OP USING ERRCODE = '42501';
      END $$`);
    await q.query(`CREATE TRIGGER audit_event_no_update BEFORE UPDATE OR DELETE ON audit_event FOR EACH ROW EXECUTE FUNCTION audit_event_append_only()`);
    await q.query(`CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event FOR EACH STATEMENT EXECUTE FUNCTION audit_event_append_only()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE audit_event`);
    await q.query(`DROP TABLE audit_chain_head`);
    await q.query(`DROP FUNCTION audit_event_append_only`);
  }
}
