import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 条例 53: 评标报告应当由评标委员会全体成员签字; a member who disagrees states it in writing (`dissent`). One row per
 * seated member that signed; the report itself stays in tender_section.report.
 */
export class TenderReportSignature1764000002440 implements MigrationInterface {
  name = 'TenderReportSignature1764000002440';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE tender_report_signature (
        section_id uuid NOT NULL REFERENCES tender_section(id),
        expert_account_id uuid NOT NULL REFERENCES account(id),
        expert_id bigint NOT NULL,
        dissent text,
        signed_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (section_id, expert_account_id)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE tender_report_signature`);
  }
}
