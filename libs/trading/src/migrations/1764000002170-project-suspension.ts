import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One row per suspension of a project (中止), closed by its resumption (恢复): when, why, by whom, what was frozen
 * and where each frozen period came due again. The portal's 中止公告 / 恢复公告 and OCDS tenderUpdate releases read it.
 * A lot frozen with its project refuses bids and is not closed until the resumption shifts its end (`suspended_at`);
 * `counting` says how a suspension keeps what its phase had left (plain or working time, docs/live-bidding.md).
 */
export class ProjectSuspension1764000002170 implements MigrationInterface {
  name = 'ProjectSuspension1764000002170';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE project_suspension (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        project_id uuid NOT NULL REFERENCES trading_project(id),
        suspended_at timestamptz NOT NULL,
        reason text NOT NULL,
        suspended_by uuid REFERENCES account(id),
        suspended_role text NOT NULL,
        frozen jsonb NOT NULL DEFAULT '[]',
        resumed_at timestamptz,
        resumed_by uuid REFERENCES account(id),
        resumed_role text,
        resume_note text,
        shifted jsonb,
        CHECK ((resumed_at IS NULL) = (shifted IS NULL) AND (resumed_at IS NULL) = (resumed_role IS NULL)),
        CHECK (resumed_at IS NULL OR resumed_at >= suspended_at)
      )`);
    // at most one open suspension per project; the portal and OCDS read a project's suspensions in order
    await q.query(`CREATE UNIQUE INDEX project_suspension_open_idx ON project_suspension (project_id) WHERE resumed_at IS NULL`);
    await q.query(`CREATE INDEX project_suspension_project_idx ON project_suspension (project_id, suspended_at)`);
    await q.query(`ALTER TABLE lot ADD COLUMN suspended_at timestamptz`);
    await q.query(`ALTER TABLE lot ADD COLUMN counting text NOT NULL DEFAULT 'elapsed' CHECK (counting IN ('elapsed','working'))`);
    // the overdue scan skips frozen lots
    await q.query(`DROP INDEX lot_open_idx`);
    await q.query(`CREATE INDEX lot_open_idx ON lot (ends_at) WHERE phase IN ('listing','live') AND suspended_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX lot_open_idx`);
    await q.query(`CREATE INDEX lot_open_idx ON lot (ends_at) WHERE phase IN ('listing','live')`);
    await q.query(`ALTER TABLE lot DROP COLUMN counting`);
    await q.query(`ALTER TABLE lot DROP COLUMN suspended_at`);
    await q.query(`DROP TABLE project_suspension`);
  }
}
