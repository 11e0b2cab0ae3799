import { MigrationInterface, QueryRunner } from 'typeorm';

export class Milestones1764000000300 implements MigrationInterface {
  name = 'Milestones1764000000300';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE milestone (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind text NOT NULL,
        subject_type text NOT NULL,
        subject_id text NOT NULL,
        due_at timestamptz NOT NULL,
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending','fired','cancelled','paused')),
        payload jsonb NOT NULL DEFAULT '{}',
        version int NOT NULL DEFAULT 1,
        paused_remaining_ms bigint,
        fired_at timestamptz,
        attempts int NOT NULL DEFAULT 0,
        last_error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX milestone_pending_due_idx ON milestone (due_at) WHERE status = 'pending'`);
    await q.query(`CREATE INDEX milestone_subject_idx ON milestone (subject_type, subject_id)`);
    // What the diagnostic probe kind writes when it fires: lets tests count effects, which must be exactly one.
    await q.query(`
      CREATE TABLE milestone_probe (
        id bigserial PRIMARY KEY,
        milestone_id uuid NOT NULL REFERENCES milestone(id),
        worker_pid int NOT NULL,
        fired_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE milestone_probe`);
    await q.query(`DROP TABLE milestone`);
  }
}
