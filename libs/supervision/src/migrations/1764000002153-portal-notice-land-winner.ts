import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The portal's notice feed names the land 竞得人 in the 成交公示 and the 成交确认书 (规定 22/25, as rural names its
 * 受让方), and lists each 变更公告 of a published time that a hosting session moved (trading_schedule_notice).
 * The view is otherwise as migration 1764000001800 left it; `down` restores that one.
 */
export class PortalNoticeLandWinner1764000002153 implements MigrationInterface {
  name = 'PortalNoticeLandWinner1764000002153';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE OR REPLACE VIEW portal_notice AS
      -- 招标公告: the announcement publishes the project.
      SELECT 'announcement'::text AS kind, 'tendering'::text AS domain, p.region::text AS region, p.id AS project_id, p.id AS subject_id,
             NULL::int AS section_no, p.code, p.name AS title, p.published_at AS published_at, NULL::text AS outcome,
             NULL::bigint AS amount_fen, NULL::text AS organisation_name, '/public/tenders/' || p.id AS link
        FROM tender t JOIN trading_project p ON p.id = t.project_id
       WHERE p.published_at IS NOT NULL
      UNION ALL
      -- 修改公告 (an amendment document; clarifications live on the tender page)
      SELECT 'amendment', 'tendering', p.region, p.id, d.id, NULL, p.code, p.name || ' 修改公告', d.created_at, NULL, NULL, NULL, '/public/tenders/' || p.id
        FROM tender_document d JOIN trading_project p ON p.id = d.project_id
       WHERE d.kind = 'amendment' AND p.published_at IS NOT NULL
      UNION ALL
      -- 中标候选人公示: from the moment the owner published them (the audit chain holds that moment), else the report's
      SELECT 'candidates', 'tendering', p.region, p.id, s.id, s.no, p.code, p.name || ' ' || s.name || ' 中标候选人公示',
             coalesce((SELECT min(e.occurred_at) FROM audit_event e
                        WHERE e.subject_type = 'tender' AND e.subject_id = p.id::text AND e.action = 'tender.candidates_published'
                          AND e.payload->>'section' = s.no::text), s.reported_at),
             NULL, NULL, NULL, '/public/tenders/' || p.id || '/results'
        FROM tender_section s JOIN trading_project p ON p.id = s.project_id
       WHERE s.status IN ('publicity','awarded') AND s.report IS NOT NULL
      UNION ALL
      -- 中标结果 / 流标
      SELECT 'result', 'tendering', p.region, p.id, s.id, s.no, p.code,
             p.name || ' ' || s.name || CASE WHEN s.status = 'awarded' THEN ' 中标结果公告' ELSE ' 流标公告' END,
             CASE WHEN s.status = 'awarded' THEN w.awarded_at ELSE coalesce(s.reported_at, t.opened_at) END,
             CASE WHEN s.status = 'awarded' THEN 'success' ELSE 'failed' END, w.price_fen, g.name, '/public/tenders/' || p.id || '/results'
        FROM tender_section s
        JOIN tender t ON t.project_id = s.project_id
        JOIN trading_project p ON p.id = s.project_id
        LEFT JOIN tender_award w ON w.section_id = s.id
        LEFT JOIN organisation g ON g.id = w.organisation_id
       WHERE s.status IN ('awarded','failed')
      UNION ALL
      SELECT 'contract', 'tendering', p.region, p.id, w.section_id, s.no, p.code, p.name || ' ' || s.name || ' 合同订立',
             w.contract_signed_at, NULL, w.contract_amount_fen, g.name, '/public/tenders/' || p.id || '/results'
        FROM tender_award w
        JOIN tender_section s ON s.id = w.section_id
        JOIN trading_project p ON p.id = s.project_id
        JOIN organisation g ON g.id = w.organisation_id
       WHERE w.contract_signed_at IS NOT NULL
      UNION ALL
      -- 出让公告, 成交公示 / 流拍 naming the 竞得人 (规定 22/25), 成交确认书 with it too
      SELECT 'announcement', 'land', p.region, p.id, p.id, NULL, p.code, p.name || ' 出让公告', l.announced_at, NULL, NULL, NULL, '/public/land/parcels/' || p.id
        FROM land_parcel l JOIN trading_project p ON p.id = l.project_id
       WHERE l.announced_at IS NOT NULL
      UNION ALL
      SELECT 'result', 'land', p.region, p.id, p.id, NULL, p.code,
             p.name || CASE WHEN l.outcome = 'sold' THEN ' 成交公示' ELSE ' 流拍公告' END, l.ended_at,
             CASE WHEN l.outcome = 'sold' THEN 'success' ELSE 'failed' END, CASE WHEN l.outcome = 'sold' THEN l.price_fen END,
             CASE WHEN l.outcome = 'sold' THEN w.name END,
             '/public/land/parcels/' || p.id
        FROM land_parcel l JOIN trading_project p ON p.id = l.project_id LEFT JOIN organisation w ON w.id = l.winner_organisation_id
       WHERE l.outcome IS NOT NULL
      UNION ALL
      SELECT 'contract', 'land', p.region, p.id, p.id, NULL, p.code, p.name || ' 成交确认书', l.confirmed_at, NULL, l.price_fen, w.name, '/public/land/parcels/' || p.id
        FROM land_parcel l JOIN trading_project p ON p.id = l.project_id LEFT JOIN organisation w ON w.id = l.winner_organisation_id
       WHERE l.confirmed_at IS NOT NULL
      UNION ALL
      -- 变更公告 of a published time moved by its hosting session (trading_schedule_notice, docs/scheduling.md)
      SELECT 'amendment', p.domain, p.region, p.id, sn.id, NULL, p.code,
             p.name || ' ' || sn.step_name_zh || CASE WHEN sn.reannounced THEN '重新公告' ELSE '时间变更公告' END, sn.published_at, NULL, NULL, NULL,
             CASE p.domain WHEN 'land' THEN '/public/land/parcels/' WHEN 'rural' THEN '/public/rural/deals/' WHEN 'tendering' THEN '/public/tenders/' END || p.id
        FROM trading_schedule_notice sn JOIN trading_project p ON p.id = sn.project_id
      UNION ALL
      -- 挂牌公告 of each round (a later round is a relisting), 成交公示 / 流拍, 合同
      SELECT 'announcement', 'rural', p.region, p.id, p.id, NULL, p.code,
             p.name || CASE WHEN l.round > 1 THEN ' 第' || l.round || '轮挂牌公告' ELSE ' 挂牌公告' END, l.starts_at, NULL, NULL, NULL, '/public/rural/deals/' || p.id
        FROM rural_listing l JOIN trading_project p ON p.id = l.project_id
       WHERE l.starts_at IS NOT NULL
      UNION ALL
      SELECT 'result', 'rural', p.region, p.id, p.id, l.round, p.code,
             p.name || CASE WHEN ok THEN ' 成交公示' ELSE ' 第' || l.round || '轮流拍公告' END,
             CASE WHEN ok THEN d.concluded_at ELSE coalesce(lt.ended_at, l.closed_at) END,
             CASE WHEN ok THEN 'success' ELSE 'failed' END, CASE WHEN ok THEN d.deal_price_fen END, CASE WHEN ok THEN g.name END,
             '/public/rural/deals/' || p.id
        FROM rural_listing l
        JOIN rural_deal d ON d.project_id = l.project_id
        CROSS JOIN LATERAL (SELECT l.round = d.round AND d.status IN ('concluded','contracted') AS ok) c
        JOIN trading_project p ON p.id = d.project_id
        LEFT JOIN lot lt ON lt.id = l.lot_id AND lt.phase = 'ended'
        LEFT JOIN organisation g ON g.id = d.buyer_organisation_id
       WHERE (l.round = d.round AND d.status IN ('concluded','contracted','failed','relisting')) OR l.round < d.round
      UNION ALL
      SELECT 'contract', 'rural', p.region, p.id, p.id, NULL, p.code, p.name || ' 合同', d.contract_signed_at, NULL, d.contract_amount_fen, g.name, '/public/rural/deals/' || p.id
        FROM rural_deal d JOIN trading_project p ON p.id = d.project_id LEFT JOIN organisation g ON g.id = d.buyer_organisation_id
       WHERE d.contract_signed_at IS NOT NULL
      UNION ALL
      -- 网上竞价: the requirement is its announcement; its closing the result; the order placed from it the contract
      SELECT 'announcement', 'procurement', r.delivery_region::text, NULL, r.id, NULL, NULL, r.title || ' 网上竞价公告', r.created_at, NULL, NULL, NULL, '/public/procurement/requirements/' || r.id
        FROM procurement_requirement r
      UNION ALL
      SELECT 'result', 'procurement', r.delivery_region::text, NULL, r.id, NULL, NULL,
             r.title || CASE WHEN r.status = 'awarded' THEN ' 成交结果' ELSE ' 竞价失败' END, coalesce(r.closed_at, r.updated_at),
             CASE WHEN r.status = 'awarded' THEN 'success' ELSE 'failed' END, wq.total_fen, g.name, '/public/procurement/requirements/' || r.id
        FROM procurement_requirement r
        LEFT JOIN procurement_quote wq ON wq.id = r.winner_quote_id
        LEFT JOIN organisation g ON g.id = wq.organisation_id
       WHERE r.status IN ('awarded','failed','switched')
      UNION ALL
      -- 电子卖场 contracts (条例 50): every order its supplier confirmed, direct or from a quote
      SELECT 'contract', 'procurement', coalesce(r.delivery_region::text, po.region), NULL, o.id, NULL, o.no,
             coalesce(r.title, '电子卖场直购') || ' 订单 ' || o.no, o.confirmed_at, NULL, o.total_fen, so.name,
             CASE WHEN r.id IS NOT NULL THEN '/public/procurement/requirements/' || r.id END
        FROM procurement_order o
        JOIN organisation po ON po.id = o.purchaser_organisation_id
        JOIN organisation so ON so.id = o.supplier_organisation_id
        LEFT JOIN procurement_requirement r ON o.source = 'quote' AND r.id = o.source_id
       WHERE o.confirmed_at IS NOT NULL AND o.status <> 'cancelled'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE OR REPLACE VIEW portal_notice AS
      -- 招标公告: the announcement publishes the project.
      SELECT 'announcement'::text AS kind, 'tendering'::text AS domain, p.region::text AS region, p.id AS project_id, p.id AS subject_id,
             NULL::int AS section_no, p.code, p.name AS title, p.published_at AS published_at, NULL::text AS outcome,
             NULL::bigint AS amount_fen, NULL::text AS organisation_name, '/public/tenders/' || p.id AS link
        FROM tender t JOIN trading_project p ON p.id = t.project_id
       WHERE p.published_at IS NOT NULL
      UNION ALL
      -- 修改公告 (an amendment document; clarifications live on the tender page)
      SELECT 'amendment', 'tendering', p.region, p.id, d.id, NULL, p.code, p.name || ' 修改公告', d.created_at, NULL, NULL, NULL, '/public/tenders/' || p.id
        FROM tender_document d JOIN trading_project p ON p.id = d.project_id
       WHERE d.kind = 'amendment' AND p.published_at IS NOT NULL
      UNION ALL
      -- 中标候选人公示: from the moment the owner published them (the audit chain holds that moment), else the report's
      SELECT 'candidates', 'tendering', p.region, p.id, s.id, s.no, p.code, p.name || ' ' || s.name || ' 中标候选人公示',
             coalesce((SELECT min(e.occurred_at) FROM audit_event e
                        WHERE e.subject_type = 'tender' AND e.subject_id = p.id::text AND e.action = 'tender.candidates_published'
                          AND e.payload->>'section' = s.no::text), s.reported_at),
             NULL, NULL, NULL, '/public/tenders/' || p.id || '/results'
        FROM tender_section s JOIN trading_project p ON p.id = s.project_id
       WHERE s.status IN ('publicity','awarded') AND s.report IS NOT NULL
      UNION ALL
      -- 中标结果 / 流标
      SELECT 'result', 'tendering', p.region, p.id, s.id, s.no, p.code,
             p.name || ' ' || s.name || CASE WHEN s.status = 'awarded' THEN ' 中标结果公告' ELSE ' 流标公告' END,
             CASE WHEN s.status = 'awarded' THEN w.awarded_at ELSE coalesce(s.reported_at, t.opened_at) END,
             CASE WHEN s.status = 'awarded' THEN 'success' ELSE 'failed' END, w.price_fen, g.name, '/public/tenders/' || p.id || '/results'
        FROM tender_section s
        JOIN tender t ON t.project_id = s.project_id
        JOIN trading_project p ON p.id = s.project_id
        LEFT JOIN tender_award w ON w.section_id = s.id
        LEFT JOIN organisation g ON g.id = w.organisation_id
       WHERE s.status IN ('awarded','failed')
      UNION ALL
      SELECT 'contract', 'tendering', p.region, p.id, w.section_id, s.no, p.code, p.name || ' ' || s.name || ' 合同订立',
             w.contract_signed_at, NULL, w.contract_amount_fen, g.name, '/public/tenders/' || p.id || '/results'
        FROM tender_award w
        JOIN tender_section s ON s.id = w.section_id
        JOIN trading_project p ON p.id = s.project_id
        JOIN organisation g ON g.id = w.organisation_id
       WHERE w.contract_signed_at IS NOT NULL
      UNION ALL
      -- 出让公告, 成交公示 / 流拍, 成交确认书: without the winner's identity, as the land portal publishes (docs/land.md)
      SELECT 'announcement', 'land', p.region, p.id, p.id, NULL, p.code, p.name || ' 出让公告', l.announced_at, NULL, NULL, NULL, '/public/land/parcels/' || p.id
        FROM land_parcel l JOIN trading_project p ON p.id = l.project_id
       WHERE l.announced_at IS NOT NULL
      UNION ALL
      SELECT 'result', 'land', p.region, p.id, p.id, NULL, p.code,
             p.name || CASE WHEN l.outcome = 'sold' THEN ' 成交公示' ELSE ' 流拍公告' END, l.ended_at,
             CASE WHEN l.outcome = 'sold' THEN 'success' ELSE 'failed' END, CASE WHEN l.outcome = 'sold' THEN l.price_fen END, NULL,
             '/public/land/parcels/' || p.id
        FROM land_parcel l JOIN trading_project p ON p.id = l.project_id
       WHERE l.outcome IS NOT NULL
      UNION ALL
      SELECT 'contract', 'land', p.region, p.id, p.id, NULL, p.code, p.name || ' 成交确认书', l.confirmed_at, NULL, l.price_fen, NULL, '/public/land/parcels/' || p.id
        FROM land_parcel l JOIN trading_project p ON p.id = l.project_id
       WHERE l.confirmed_at IS NOT NULL
      UNION ALL
      -- 挂牌公告 of each round (a later round is a relisting), 成交公示 / 流拍, 合同
      SELECT 'announcement', 'rural', p.region, p.id, p.id, NULL, p.code,
             p.name || CASE WHEN l.round > 1 THEN ' 第' || l.round || '轮挂牌公告' ELSE ' 挂牌公告' END, l.starts_at, NULL, NULL, NULL, '/public/rural/deals/' || p.id
        FROM rural_listing l JOIN trading_project p ON p.id = l.project_id
       WHERE l.starts_at IS NOT NULL
      UNION ALL
      SELECT 'result', 'rural', p.region, p.id, p.id, l.round, p.code,
             p.name || CASE WHEN ok THEN ' 成交公示' ELSE ' 第' || l.round || '轮流拍公告' END,
             CASE WHEN ok THEN d.concluded_at ELSE coalesce(lt.ended_at, l.closed_at) END,
             CASE WHEN ok THEN 'success' ELSE 'failed' END, CASE WHEN ok THEN d.deal_price_fen END, CASE WHEN ok THEN g.name END,
             '/public/rural/deals/' || p.id
        FROM rural_listing l
        JOIN rural_deal d ON d.project_id = l.project_id
        CROSS JOIN LATERAL (SELECT l.round = d.round AND d.status IN ('concluded','contracted') AS ok) c
        JOIN trading_project p ON p.id = d.project_id
        LEFT JOIN lot lt ON lt.id = l.lot_id AND lt.phase = 'ended'
        LEFT JOIN organisation g ON g.id = d.buyer_organisation_id
       WHERE (l.round = d.round AND d.status IN ('concluded','contracted','failed','relisting')) OR l.round < d.round
      UNION ALL
      SELECT 'contract', 'rural', p.region, p.id, p.id, NULL, p.code, p.name || ' 合同', d.contract_signed_at, NULL, d.contract_amount_fen, g.name, '/public/rural/deals/' || p.id
        FROM rural_deal d JOIN trading_project p ON p.id = d.project_id LEFT JOIN organisation g ON g.id = d.buyer_organisation_id
       WHERE d.contract_signed_at IS NOT NULL
      UNION ALL
      -- 网上竞价: the requirement is its announcement; its closing the result; the order placed from it the contract
      SELECT 'announcement', 'procurement', r.delivery_region::text, NULL, r.id, NULL, NULL, r.title || ' 网上竞价公告', r.created_at, NULL, NULL, NULL, '/public/procurement/requirements/' || r.id
        FROM procurement_requirement r
      UNION ALL
      SELECT 'result', 'procurement', r.delivery_region::text, NULL, r.id, NULL, NULL,
             r.title || CASE WHEN r.status = 'awarded' THEN ' 成交结果' ELSE ' 竞价失败' END, coalesce(r.closed_at, r.updated_at),
             CASE WHEN r.status = 'awarded' THEN 'success' ELSE 'failed' END, wq.total_fen, g.name, '/public/procurement/requirements/' || r.id
        FROM procurement_requirement r
        LEFT JOIN procurement_quote wq ON wq.id = r.winner_quote_id
        LEFT JOIN organisation g ON g.id = wq.organisation_id
       WHERE r.status IN ('awarded','failed','switched')
      UNION ALL
      -- 电子卖场 contracts (条例 50): every order its supplier confirmed, direct or from a quote
      SELECT 'contract', 'procurement', coalesce(r.delivery_region::text, po.region), NULL, o.id, NULL, o.no,
             coalesce(r.title, '电子卖场直购') || ' 订单 ' || o.no, o.confirmed_at, NULL, o.total_fen, so.name,
             CASE WHEN r.id IS NOT NULL THEN '/public/procurement/requirements/' || r.id END
        FROM procurement_order o
        JOIN organisation po ON po.id = o.purchaser_organisation_id
        JOIN organisation so ON so.id = o.supplier_organisation_id
        LEFT JOIN procurement_requirement r ON o.source = 'quote' AND r.id = o.source_id
       WHERE o.confirmed_at IS NOT NULL AND o.status <> 'cancelled'`);
  }
}
