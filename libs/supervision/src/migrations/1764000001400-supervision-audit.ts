import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Audit review searches by action and walks pages newest first. (actor_id, seq), (organisation_id, seq),
 * (occurred_at) and (subject_type, subject_id, seq) exist since the audit migration; this adds the action one
 * (lot_project_idx and expert_draw_project_idx, which find a project's subjects, exist too).
 */
export class SupervisionAudit1764000001400 implements MigrationInterface {
  name = 'SupervisionAudit1764000001400';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX IF NOT EXISTS audit_event_action_idx ON audit_event (action, seq)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS audit_event_action_idx`);
  }
}
