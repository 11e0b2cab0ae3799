import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An online quote (网上竞价) is a trading project of the kernel, so that supervision suspends and resumes it like any
 * other: the requirement names its project. Requirements made before keep NULL and stay outside suspension.
 */
export class RequirementProject1764000002100 implements MigrationInterface {
  name = 'RequirementProject1764000002100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE procurement_requirement ADD COLUMN project_id uuid REFERENCES trading_project(id)`);
    await q.query(`CREATE UNIQUE INDEX procurement_requirement_project_idx ON procurement_requirement (project_id) WHERE project_id IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE procurement_requirement DROP COLUMN project_id`);
  }
}
