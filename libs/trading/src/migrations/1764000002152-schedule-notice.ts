import { MigrationInterface, QueryRunner } from 'typeorm';

export class ScheduleNotice1764000002152 implements MigrationInterface {
  name = 'ScheduleNotice1764000002152';

  // 变更公告 of a published time: a hosting session moved a project's step (later, or earlier with a re-announcement).
  // Public: the portal and the domain's public page list them; append-only like the audit trail that also records them.
  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE trading_schedule_notice (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        project_id uuid NOT NULL REFERENCES trading_project(id),
        milestone_id uuid NOT NULL,
        step_kind text NOT NULL,
        step_name_zh text NOT NULL,
        step_name_en text NOT NULL,
        previous_at timestamptz NOT NULL,
        new_at timestamptz NOT NULL,
        reannounced boolean NOT NULL,
        session_id uuid,
        published_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX trading_schedule_notice_project_idx ON trading_schedule_notice (project_id, published_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE trading_schedule_notice`);
  }
}
