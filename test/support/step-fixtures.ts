import { randomBytes } from 'node:crypto';
import { LEGAL_DEFAULTS, sandboxOf } from '@app/platform/rules/defaults';
import { insertExperts, insertSpecialties } from './expert-fixtures';
import { TestAccount, TestApp } from './test-app';

/**
 * Rows of the domains' tables with timed steps, written as each domain writes them, for the red/yellow card tests.
 * Times are seconds from the database's now(): `start`, `due`, and `done` (null: still open).
 */
export interface Times {
  start: number;
  due: number;
  done: number | null;
}

const S = (i: number) => `now() + $${i}::float8 * interval '1 second'`;
const DONE = (i: number) => `CASE WHEN $${i}::float8 IS NULL THEN NULL ELSE now() + $${i}::float8 * interval '1 second' END`;

type Domain = 'tendering' | 'land' | 'procurement' | 'rural';

/** A snapshot as ProjectService.publish writes it, with the sandbox rules of the domain and these changes. */
export async function snapshotOf(t: TestApp, domain: Domain, periods: Record<string, number>, numbers: Record<string, number>) {
  const [rs] = await t.ds.query(`SELECT id, version, name, effective_from FROM rule_set WHERE domain = $1 AND is_sandbox AND status = 'active' ORDER BY version DESC LIMIT 1`, [domain]);
  const params = sandboxOf(LEGAL_DEFAULTS[domain]) as unknown as { periods: Record<string, unknown>; numbers: Record<string, number> };
  for (const [k, s] of Object.entries(periods)) params.periods[k] = { value: s, unit: 's' };
  Object.assign(params.numbers, numbers);
  return { ruleSetId: rs.id as string, domain, version: rs.version, name: rs.name, sandbox: true, effectiveFrom: new Date(rs.effective_from).toISOString(), params };
}

export class StepFixtures {
  private n = 0;
  constructor(
    private readonly t: TestApp,
    private readonly snapshots: Partial<Record<Domain, unknown>>,
  ) {}

  private code = () => `CARD-${randomBytes(4).toString('hex')}-${++this.n}`;

  /** A published sandbox project of the domain under its snapshot. */
  async project(domain: Domain, owner: TestAccount, status: 'published' | 'suspended' = 'published'): Promise<string> {
    const snap = this.snapshots[domain] as { ruleSetId: string };
    const [p] = await this.t.ds.query(
      `INSERT INTO trading_project (code, domain, name, region, owner_organisation_id, created_by, status, rule_kind, rule_set_id, rule_snapshot, published_at, suspended_at, suspension_reason)
       VALUES ($1, $2, '红黄牌监察测试项目', '350102', $3, $4, $5, 'sandbox', $6, $7, now() - interval '1 hour', $8, $9) RETURNING id`,
      [this.code(), domain, owner.organisationId, owner.id, status, snap.ruleSetId, JSON.stringify(snap), status === 'suspended' ? new Date() : null, status === 'suspended' ? '监督检查' : null],
    );
    return p.id;
  }

  /** A tender in evaluation with one section (optionally reported at `reportedAt` s with one candidate) and a bid of `bidder`. */
  async tender(owner: TestAccount, bidder: TestAccount, opts: { status?: 'published' | 'suspended'; reportedAt?: number } = {}) {
    const projectId = await this.project('tendering', owner, opts.status);
    await this.t.ds.query(
      `INSERT INTO tender (project_id, kind, estimate_fen, evaluation_method, qualification, status, documents_available_at, bid_deadline, opened_at, data_key_wrapped)
       VALUES ($1, 'construction', 120000000, 'lowest_price', '市政公用工程施工总承包三级', 'evaluating', now() - interval '1 hour', now() - interval '30 minutes', now() - interval '30 minutes', '\\x00')`,
      [projectId],
    );
    const [s] = await this.t.ds.query(`INSERT INTO tender_section (project_id, no, name, estimate_fen, deposit_fen, status) VALUES ($1, 1, '一标段', 120000000, 2000000, 'evaluating') RETURNING id`, [projectId]);
    const [b] = await this.t.ds.query(
      `INSERT INTO tender_bid (section_id, organisation_id, submitted_by, price_sealed, documents_sealed, file_name_sealed, documents_size, documents_sha256, bid_digest, price_fen, opened_at)
       VALUES ($1, $2, $3, '\\x00', '\\x00', '\\x00', 1, repeat('a', 64), repeat('b', 64), 100000000, now() - interval '30 minutes') RETURNING id`,
      [s.id, bidder.organisationId, bidder.id],
    );
    if (opts.reportedAt !== undefined) {
      const report = {
        method: 'lowest_price',
        benchmarkFen: null,
        committee: 5,
        bids: [],
        disqualified: [],
        candidates: [{ rank: 1, bidId: b.id, organisationId: bidder.organisationId, bidderName: '投标单位', priceFen: '100000000' }],
      };
      await this.t.ds.query(`UPDATE tender_section SET report = $2, reported_at = ${S(3)} WHERE id = $1`, [s.id, JSON.stringify(report), opts.reportedAt]);
    }
    return { projectId, sectionId: s.id as string, bidId: b.id as string };
  }

  /** 异议 in the publicity, reply due at `due`. */
  async objection(owner: TestAccount, bidder: TestAccount, x: Times, status?: 'suspended'): Promise<string> {
    const { projectId, sectionId } = await this.tender(owner, bidder, { status });
    const [o] = await this.t.ds.query(
      `INSERT INTO tender_objection (project_id, section_id, stage, organisation_id, content, raised_at, reply_due, reply, replied_at)
       VALUES ($1, $2, 'publicity', $3, '第一中标候选人业绩造假', ${S(4)}, ${S(5)}, CASE WHEN $6::float8 IS NULL THEN NULL ELSE '经核查,业绩属实' END, ${DONE(6)}) RETURNING id`,
      [projectId, sectionId, bidder.organisationId, x.start, x.due, x.done],
    );
    return o.id;
  }

  /** 中标通知书 at `start`, contract due at `due`. */
  async award(owner: TestAccount, bidder: TestAccount, x: Times): Promise<string> {
    const { sectionId, bidId } = await this.tender(owner, bidder);
    await this.t.ds.query(
      `INSERT INTO tender_award (section_id, bid_id, organisation_id, price_fen, awarded_at, contract_due, contract_signed_at, contract_amount_fen)
       VALUES ($1, $2, $3, 100000000, ${S(4)}, ${S(5)}, ${DONE(6)}, CASE WHEN $6::float8 IS NULL THEN NULL ELSE 100000000 END)`,
      [sectionId, bidId, bidder.organisationId, x.start, x.due, x.done],
    );
    return sectionId;
  }

  /** A tender deposit falling due for refund at `due` (its start follows from the snapshot's depositRefund). */
  async tenderDeposit(owner: TestAccount, bidder: TestAccount, x: Times): Promise<string> {
    const { sectionId } = await this.tender(owner, bidder);
    const [d] = await this.t.ds.query(
      `INSERT INTO tender_deposit (section_id, organisation_id, method, reference, amount_fen, status, confirmed_at, refund_due, refunded_at, refund_reference)
       VALUES ($1, $2, 'transfer', $3, 2000000, CASE WHEN $5::float8 IS NULL THEN 'confirmed' ELSE 'refunded' END, now() - interval '1 hour', ${S(4)}, ${DONE(5)},
               CASE WHEN $5::float8 IS NULL THEN NULL ELSE 'TK-1' END) RETURNING id`,
      [sectionId, bidder.organisationId, this.code(), x.due, x.done],
    );
    return d.id;
  }

  async landDeposit(owner: TestAccount, bidder: TestAccount, x: Times): Promise<string> {
    const projectId = await this.project('land', owner);
    await this.t.ds.query(
      `INSERT INTO land_parcel (project_id, location, area_m2, land_use, term_years, plot_ratio, mode, start_price_fen, increment, deposit_fen, has_reserve)
       VALUES ($1, '城东片区 A-01 地块', 12000, 'residential', 70, 2.5, 'listing', 500000000, '{"fen":"1000000"}', 100000000, false)`,
      [projectId],
    );
    const [a] = await this.t.ds.query(
      `INSERT INTO land_application (project_id, organisation_id, applied_by, file_name, sha256, size, content, deposit_method, deposit_reference, deposit_amount_fen,
                                     deposit_status, refund_due, refunded_at, refund_reference)
       VALUES ($1, $2, $3, 'a.pdf', repeat('c', 64), 1, '\\x00', 'transfer', $4, 100000000, CASE WHEN $6::float8 IS NULL THEN 'refund_due' ELSE 'refunded' END,
               ${S(5)}, ${DONE(6)}, CASE WHEN $6::float8 IS NULL THEN NULL ELSE 'TK-2' END) RETURNING id`,
      [projectId, bidder.organisationId, bidder.id, this.code(), x.due, x.done],
    );
    return a.id;
  }

  async ruralDeposit(owner: TestAccount, bidder: TestAccount, x: Times): Promise<string> {
    const projectId = await this.project('rural', owner);
    const [kind] = await this.t.ds.query(`SELECT code FROM rural_kind ORDER BY code LIMIT 1`);
    await this.t.ds.query(
      `INSERT INTO rural_deal (project_id, kind, description, quantity, unit, listing_price_fen, increment_fen, deposit_fen, status)
       VALUES ($1, $2, '村集体鱼塘经营权', 30, '亩', 6000000, 100000, 500000, 'listing')`,
      [projectId, kind.code],
    );
    await this.t.ds.query(`INSERT INTO rural_listing (project_id, round, price_fen) VALUES ($1, 1, 6000000)`, [projectId]);
    const [a] = await this.t.ds.query(
      `INSERT INTO rural_application (project_id, round, organisation_id, applied_by, method, reference, amount_fen, status, refund_due, refunded_at, refund_reference)
       VALUES ($1, 1, $2, $3, 'transfer', $4, 500000, CASE WHEN $6::float8 IS NULL THEN 'refund_due' ELSE 'refunded' END, ${S(5)}, ${DONE(6)},
               CASE WHEN $6::float8 IS NULL THEN NULL ELSE 'TK-3' END) RETURNING id`,
      [projectId, bidder.organisationId, bidder.id, this.code(), x.due, x.done],
    );
    return a.id;
  }

  /** An expert of `expertAccount` invited to a draw of a tendering project at `start`, to respond by `due`. */
  async drawInvitation(owner: TestAccount, expertAccount: TestAccount, x: Times): Promise<string> {
    const projectId = await this.project('tendering', owner);
    await insertSpecialties(this.t.ds, ['K01']);
    let [e] = await this.t.ds.query(`SELECT id FROM expert WHERE account_id = $1`, [expertAccount.id]);
    if (!e) e = { id: (await insertExperts(this.t.ds, 1, { specialty: 'K01', accountId: expertAccount.id }))[0] };
    const [d] = await this.t.ds.query(
      `INSERT INTO expert_draw (project_id, domain, owner_uscc, status, requirements, committee, context, session_start, session_end, algorithm, seed_sealed, seed_commitment)
       VALUES ($1, 'tendering', '91350100M000100Y43', 'complete', '[]', '{}', '{}', now() + interval '1 day', now() + interval '2 days', 'yg-draw-v1', '\\x00', repeat('0', 64)) RETURNING id`,
      [projectId],
    );
    const [m] = await this.t.ds.query(
      `INSERT INTO expert_draw_member (draw_id, expert_id, specialty_code, round, position, kind, status, invited_at, respond_by, responded_at)
       VALUES ($1, $2, 'K01', 0, 0, 'primary', CASE WHEN $5::float8 IS NULL THEN 'invited' ELSE 'accepted' END, ${S(3)}, ${S(4)}, ${DONE(5)}) RETURNING id`,
      [d.id, e.id, x.start, x.due, x.done],
    );
    return m.id;
  }

  /**
   * An e-mall order at the given step, as the buying service leaves it: the step's start and due time recorded, the
   * rules frozen with `warningPercent`. The earlier steps were done well before their warning points.
   */
  async order(purchaser: TestAccount, supplier: TestAccount, step: 'confirmation' | 'acceptance' | 'payment', x: Times, warningPercent: number): Promise<string> {
    const [rs] = await this.t.ds.query(`SELECT id, version, params FROM rule_set WHERE domain = 'procurement' AND is_sandbox AND status = 'active'`);
    const rules = { ...rs.params, numbers: { ...rs.params.numbers, warningPercent } };
    const [line] = await this.t.ds.query(
      `INSERT INTO budget_line (organisation_id, code, name, year, amount_fen, used_fen, created_by) VALUES ($1, $2, '办公设备购置', 2025, 100000000, 1000000, $3) RETURNING id`,
      [purchaser.organisationId, this.code(), purchaser.id],
    );
    const before = (s: number) => x.start - s;
    const cols = {
      confirmation: { status: x.done === null ? 'placed' : 'confirmed', placed: x.start, confirmDue: x.due, confirmed: x.done, delivered: null, acceptDue: null, accepted: null, paymentDue: null, paid: null },
      acceptance: { status: x.done === null ? 'delivered' : 'accepted', placed: before(30), confirmDue: before(20), confirmed: before(29), delivered: x.start, acceptDue: x.due, accepted: x.done, paymentDue: null, paid: null },
      payment: { status: x.done === null ? 'accepted' : 'paid', placed: before(30), confirmDue: before(20), confirmed: before(29), delivered: before(5), acceptDue: x.start + 15, accepted: x.start, paymentDue: x.due, paid: x.done },
    }[step];
    const [o] = await this.t.ds.query(
      `INSERT INTO procurement_order (no, purchaser_organisation_id, supplier_organisation_id, budget_line_id, source, total_fen, status, rule_set_id, rule_set_version, sandbox, rules,
                                      placed_by, placed_at, confirm_due, confirmed_at, delivered_at, accept_due, accepted_at, payment_due, paid_at)
       VALUES ($1, $2, $3, $4, 'direct', 1000000, $5, $6, $7, true, $8, $9, ${S(10)}, ${S(11)}, ${DONE(12)}, ${DONE(13)}, ${DONE(14)}, ${DONE(15)}, ${DONE(16)}, ${DONE(17)}) RETURNING id`,
      [this.code(), purchaser.organisationId, supplier.organisationId, line.id, cols.status, rs.id, rs.version, JSON.stringify(rules), purchaser.id,
       cols.placed, cols.confirmDue, cols.confirmed, cols.delivered, cols.acceptDue, cols.accepted, cols.paymentDue, cols.paid],
    );
    return o.id;
  }

  /** The step done now, as its domain records it. */
  async complete(kind: StepKind, id: string): Promise<void> {
    const sql: Record<StepKind, string> = {
      'tender.objection_reply': `UPDATE tender_objection SET reply = '经核查,业绩属实', replied_at = now() WHERE id = $1`,
      'tender.contract': `UPDATE tender_award SET contract_signed_at = now(), contract_amount_fen = 100000000 WHERE section_id = $1`,
      'tender.deposit_refund': `UPDATE tender_deposit SET status = 'refunded', refunded_at = now(), refund_reference = 'TK-9' WHERE id = $1`,
      'land.deposit_refund': `UPDATE land_application SET deposit_status = 'refunded', refunded_at = now(), refund_reference = 'TK-9' WHERE id = $1`,
      'rural.deposit_refund': `UPDATE rural_application SET status = 'refunded', refunded_at = now(), refund_reference = 'TK-9' WHERE id = $1`,
      'expert.draw_response': `UPDATE expert_draw_member SET status = 'accepted', responded_at = now() WHERE id = $1`,
      'procurement.order_confirmation': `UPDATE procurement_order SET status = 'confirmed', confirmed_at = now() WHERE id = $1`,
      'procurement.order_acceptance': `UPDATE procurement_order SET status = 'accepted', accepted_at = now() WHERE id = $1`,
      'procurement.order_payment': `UPDATE procurement_order SET status = 'paid', paid_at = now() WHERE id = $1`,
    };
    await this.t.ds.query(sql[kind], [id]);
  }
}

export type StepKind =
  | 'tender.objection_reply'
  | 'tender.contract'
  | 'tender.deposit_refund'
  | 'land.deposit_refund'
  | 'rural.deposit_refund'
  | 'expert.draw_response'
  | 'procurement.order_confirmation'
  | 'procurement.order_acceptance'
  | 'procurement.order_payment';
