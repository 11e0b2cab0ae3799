import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 中止公告 / 恢复公告 in the portal feed: one notice per suspension of a project and one per resumption, read from the
 * kernel's project_suspension record. The domains' notices (1764000001800) stay as they were, under a new name; the
 * feed is their union with the two new kinds, and `detail` carries what a notice says beyond its title (the reason;
 * the new times). A later change of a domain's notices replaces portal_notice_domains, not this view.
 */
export class PortalSuspensionNotices1764000002180 implements MigrationInterface {
  name = 'PortalSuspensionNotices1764000002180';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER VIEW portal_notice RENAME TO portal_notice_domains`);
    await q.query(`
      CREATE VIEW portal_notice AS
      SELECT d.*, NULL::jsonb AS detail FROM portal_notice_domains d
      UNION ALL
      -- 中止公告: when and why the project stands still
      SELECT 'suspension', p.domain, p.region, p.id, s.id, NULL, p.code, p.name || ' 中止公告', s.suspended_at, NULL, NULL, NULL,
             '/public/portal/projects/' || p.id, jsonb_build_object('reason', s.reason, 'suspendedAt', s.suspended_at)
        FROM project_suspension s JOIN trading_project p ON p.id = s.project_id
      UNION ALL
      -- 恢复公告: when it resumed and the new time of every frozen period
      SELECT 'resumption', p.domain, p.region, p.id, s.id, NULL, p.code, p.name || ' 恢复公告', s.resumed_at, NULL, NULL, NULL,
             '/public/portal/projects/' || p.id,
             jsonb_build_object('suspendedAt', s.suspended_at, 'resumedAt', s.resumed_at,
                                'times', coalesce((SELECT jsonb_agg(jsonb_build_object('label', x->>'label', 'from', x->>'from', 'to', x->>'to') ORDER BY x->>'to', x->>'label')
                                                     FROM jsonb_array_elements(s.shifted) x), '[]'::jsonb))
        FROM project_suspension s JOIN trading_project p ON p.id = s.project_id
       WHERE s.resumed_at IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP VIEW portal_notice`);
    await q.query(`ALTER VIEW portal_notice_domains RENAME TO portal_notice`);
  }
}
