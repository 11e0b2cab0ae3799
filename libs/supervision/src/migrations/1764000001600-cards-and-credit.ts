import { MigrationInterface, QueryRunner } from 'typeorm';

/** Rule-snapshot paths as SQL on a trading_project `p`; a missing warning percent is 80 (docs/supervision-cards.md). */
const WARN = (params: string) => `coalesce((${params}->'numbers'->>'warningPercent')::int, 80)`;
const SNAP = `p.rule_snapshot->'params'`;

/**
 * 红黄牌 and 信用评价. `supervised_step` is a read-only view over the domains' own tables: one row per step with a time
 * limit, whether its due time is recorded (due_at) or follows from its start and a rule period (period). The card
 * scanner reads it; nothing writes the domain tables. docs/supervision-cards.md lists each step and what is not watched.
 */
export class CardsAndCredit1764000001600 implements MigrationInterface {
  name = 'CardsAndCredit1764000001600';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE VIEW supervised_step AS
      -- 交易中心受理进场登记: from each registration or resubmission (audit) to the centre's acceptance or return,
      -- within registrationReview of the rule set in force at submission (the project has no snapshot yet)
      SELECT 'tender.registration_review'::text AS step_kind, 'tendering'::text AS domain, t.project_id, 'tender'::text AS subject_type,
             t.project_id AS subject_id, 'tender.registration_review:' || t.project_id || ':' || ev.seq AS step_key,
             'centre'::text AS responsible_role, NULL::uuid AS organisation_id, NULL::bigint AS expert_id,
             ev.occurred_at AS started_at, NULL::timestamptz AS due_at, rs.params->'periods'->'registrationReview' AS period,
             (SELECT min(d.occurred_at) FROM audit_event d WHERE d.subject_type = 'tender' AND d.subject_id = t.project_id::text
                AND d.action IN ('tender.accepted','tender.returned') AND d.seq > ev.seq) AS done_at,
             ${WARN('rs.params')} AS warning_percent, p.status AS project_status
      FROM tender t JOIN trading_project p ON p.id = t.project_id
      JOIN audit_event ev ON ev.subject_type = 'tender' AND ev.subject_id = t.project_id::text AND ev.action IN ('tender.registered','tender.resubmitted')
      LEFT JOIN LATERAL (SELECT r.params FROM rule_set r WHERE r.domain = 'tendering' AND r.is_sandbox = (p.rule_kind = 'sandbox')
                         AND r.status <> 'draft' AND r.effective_from <= ev.occurred_at ORDER BY r.effective_from DESC LIMIT 1) rs ON true
      UNION ALL
      -- 收到评标报告后公示中标候选人 (条例 54): from the report to the publication (audit), within candidatesPublishedWithin
      SELECT 'tender.candidates_publicity', 'tendering', s.project_id, 'tender_section', s.id, 'tender.candidates_publicity:' || s.id,
             'owner', p.owner_organisation_id, NULL, s.reported_at, NULL, ${SNAP}->'periods'->'candidatesPublishedWithin',
             (SELECT min(e.occurred_at) FROM audit_event e WHERE e.subject_type = 'tender' AND e.subject_id = s.project_id::text
                AND e.action = 'tender.candidates_published' AND e.payload->>'section' = s.no::text),
             ${WARN(SNAP)}, p.status
      FROM tender_section s JOIN trading_project p ON p.id = s.project_id
      WHERE s.reported_at IS NOT NULL AND s.status <> 'failed'
      UNION ALL
      -- 答复异议 (条例 22, 54): publicity objections by the owner, opening objections by the centre
      SELECT 'tender.objection_reply', 'tendering', o.project_id, 'tender_objection', o.id, 'tender.objection_reply:' || o.id,
             CASE o.stage WHEN 'publicity' THEN 'owner' ELSE 'centre' END, CASE o.stage WHEN 'publicity' THEN p.owner_organisation_id END, NULL,
             o.raised_at, o.reply_due, NULL, o.replied_at, ${WARN(SNAP)}, p.status
      FROM tender_objection o JOIN trading_project p ON p.id = o.project_id
      WHERE o.reply_due IS NOT NULL
      UNION ALL
      -- 中标通知书发出后订立合同 (法 46)
      SELECT 'tender.contract', 'tendering', s.project_id, 'tender_section', a.section_id, 'tender.contract:' || a.section_id,
             'owner', p.owner_organisation_id, NULL, a.awarded_at, a.contract_due, NULL, a.contract_signed_at, ${WARN(SNAP)}, p.status
      FROM tender_award a JOIN tender_section s ON s.id = a.section_id JOIN trading_project p ON p.id = s.project_id
      UNION ALL
      -- 退还投标保证金 (条例 57): recorded by the centre; the start is the due time less depositRefund
      SELECT 'tender.deposit_refund', 'tendering', s.project_id, 'tender_deposit', d.id, 'tender.deposit_refund:' || d.id,
             'centre', NULL, NULL, NULL, d.refund_due, ${SNAP}->'periods'->'depositRefund', d.refunded_at, ${WARN(SNAP)}, p.status
      FROM tender_deposit d JOIN tender_section s ON s.id = d.section_id JOIN trading_project p ON p.id = s.project_id
      WHERE d.refund_due IS NOT NULL
      UNION ALL
      SELECT 'land.deposit_refund', 'land', a.project_id, 'land_application', a.id, 'land.deposit_refund:' || a.id,
             'centre', NULL, NULL, NULL, a.refund_due, ${SNAP}->'periods'->'depositRefund', a.refunded_at, ${WARN(SNAP)}, p.status
      FROM land_application a JOIN trading_project p ON p.id = a.project_id
      WHERE a.refund_due IS NOT NULL
      UNION ALL
      SELECT 'rural.deposit_refund', 'rural', a.project_id, 'rural_application', a.id, 'rural.deposit_refund:' || a.id,
             'centre', NULL, NULL, NULL, a.refund_due, ${SNAP}->'periods'->'depositRefund', a.refunded_at, ${WARN(SNAP)}, p.status
      FROM rural_application a JOIN trading_project p ON p.id = a.project_id
      WHERE a.refund_due IS NOT NULL
      UNION ALL
      -- 专家确认参加评标: from the invitation to respond_by, against the expert
      SELECT 'expert.draw_response', d.domain, d.project_id, 'expert_draw_member', m.id, 'expert.draw_response:' || m.id,
             'expert', NULL, m.expert_id, m.invited_at, m.respond_by, NULL, m.responded_at, ${WARN(SNAP)}, p.status
      FROM expert_draw_member m JOIN expert_draw d ON d.id = m.draw_id LEFT JOIN trading_project p ON p.id = d.project_id
      WHERE m.invited_at IS NOT NULL AND m.respond_by IS NOT NULL AND m.status <> 'released'
      UNION ALL
      -- 电子卖场: the supplier confirms, the purchaser accepts and pays; the order froze its rules when placed
      SELECT 'procurement.order_confirmation', 'procurement', NULL, 'procurement_order', o.id, 'procurement.order_confirmation:' || o.id,
             'supplier', o.supplier_organisation_id, NULL, o.placed_at, o.confirm_due, NULL, coalesce(o.confirmed_at, o.cancelled_at), ${WARN('o.rules')}, NULL
      FROM procurement_order o
      UNION ALL
      SELECT 'procurement.order_acceptance', 'procurement', NULL, 'procurement_order', o.id, 'procurement.order_acceptance:' || o.id,
             'purchaser', o.purchaser_organisation_id, NULL, o.delivered_at, o.accept_due, NULL, coalesce(o.accepted_at, o.rejected_at, o.cancelled_at), ${WARN('o.rules')}, NULL
      FROM procurement_order o WHERE o.delivered_at IS NOT NULL AND o.accept_due IS NOT NULL
      UNION ALL
      SELECT 'procurement.order_payment', 'procurement', NULL, 'procurement_order', o.id, 'procurement.order_payment:' || o.id,
             'purchaser', o.purchaser_organisation_id, NULL, o.accepted_at, o.payment_due, NULL, coalesce(o.paid_at, o.cancelled_at), ${WARN('o.rules')}, NULL
      FROM procurement_order o WHERE o.accepted_at IS NOT NULL AND o.payment_due IS NOT NULL`);

    // One card per step and colour, whoever scans; never changed or deleted.
    await q.query(`
      CREATE TABLE supervision_card (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        colour text NOT NULL CHECK (colour IN ('yellow','red')),
        step_key text NOT NULL,
        step_kind text NOT NULL,
        domain text NOT NULL CHECK (domain IN ('tendering','land','procurement','rural')),
        project_id uuid REFERENCES trading_project(id),
        subject_type text NOT NULL,
        subject_id uuid NOT NULL,
        responsible_role text NOT NULL CHECK (responsible_role IN ('owner','centre','supplier','purchaser','expert')),
        organisation_id uuid REFERENCES organisation(id),
        expert_id bigint REFERENCES expert(id),
        started_at timestamptz NOT NULL,
        warn_at timestamptz NOT NULL,
        due_at timestamptz NOT NULL,
        done_at timestamptz,
        warning_percent int NOT NULL CHECK (warning_percent BETWEEN 1 AND 99),
        issued_at timestamptz NOT NULL DEFAULT now(),
        month char(7) NOT NULL CHECK (month ~ '^[0-9]{4}-[0-9]{2}$'),
        UNIQUE (step_key, colour),
        CHECK (started_at <= warn_at AND warn_at <= due_at),
        CHECK ((responsible_role = 'expert') = (expert_id IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX supervision_card_org_idx ON supervision_card (organisation_id, month)`);
    await q.query(`CREATE INDEX supervision_card_month_idx ON supervision_card (month, domain)`);
    await q.query(`CREATE INDEX supervision_card_project_idx ON supervision_card (project_id) WHERE project_id IS NOT NULL`);
    await q.query(`CREATE INDEX supervision_card_expert_idx ON supervision_card (expert_id) WHERE expert_id IS NOT NULL`);
    // Where the last scan started: steps done before it (less a margin) were judged already.
    await q.query(`CREATE TABLE card_scan_state (id int PRIMARY KEY CHECK (id = 1), last_started_at timestamptz NOT NULL)`);

    await q.query(`
      CREATE TABLE credit_entry (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisation(id),
        kind text NOT NULL CHECK (kind IN ('yellow_card','red_card','complaint_upheld','penalty','rating')),
        points int NOT NULL CHECK (points BETWEEN -100 AND 100),
        reference_type text,
        reference_id text,
        note text,
        project_id uuid REFERENCES trading_project(id),
        occurred_at timestamptz NOT NULL DEFAULT now(),
        recorded_by uuid REFERENCES account(id),
        UNIQUE (kind, reference_type, reference_id),
        CHECK ((reference_type IS NULL) = (reference_id IS NULL))
      )`);
    await q.query(`CREATE INDEX credit_entry_org_idx ON credit_entry (organisation_id, occurred_at DESC)`);
    // The current score, for the domains to read by SQL (e.g. tendering's minCreditScore); no row = no record = 100.
    await q.query(`
      CREATE TABLE organisation_credit (
        organisation_id uuid PRIMARY KEY REFERENCES organisation(id),
        score int NOT NULL CHECK (score BETWEEN 0 AND 100),
        points_total int NOT NULL,
        rating_points int NOT NULL,
        entries int NOT NULL,
        rated_at timestamptz,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE FUNCTION supervision_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '%: rows are never changed or deleted (% refused)', TG_TABLE_NAME, TG_OP USING ERRCODE = '42501';
      END $$`);
    await q.query(`CREATE TRIGGER supervision_card_append_only BEFORE UPDATE OR DELETE ON supervision_card FOR EACH ROW EXECUTE FUNCTION supervision_append_only()`);
    await q.query(`CREATE TRIGGER credit_entry_append_only BEFORE UPDATE OR DELETE ON credit_entry FOR EACH ROW EXECUTE FUNCTION supervision_append_only()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE organisation_credit`);
    await q.query(`DROP TABLE credit_entry`);
    await q.query(`DROP TABLE card_scan_state`);
    await q.query(`DROP TABLE supervision_card`);
    await q.query(`DROP FUNCTION supervision_append_only`);
    await q.query(`DROP VIEW supervised_step`);
  }
}
