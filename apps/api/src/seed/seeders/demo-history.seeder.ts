// Concluded deals of the past 12 months, so that the statistics and the portal's results have a shape.
//
// Why SQL and not the API: every domain stamps its moments with the database's now(), so nothing made through the API
// can have concluded last spring (test/integration/supervision/statistics.spec.ts explains the same). The rows are
// shaped as the domain services leave them at the end of their process: money in fen, bids sealed with the tender's
// own data key by the real sealing code (opened bids carry their price as the opening leaves it), deal confirmations and
// contracts filled in. Each row the seed writes gets its audit entry (`<subject>.seeded`, the seed's convention for rows
// it writes directly), in the same transaction, so the chain verifies.
import { EntityManager } from 'typeorm';
import { AuditService } from '@app/platform/audit/audit.service';
import { SYSTEM_ACTOR } from '@app/platform/auth/roles';
import { Sealer } from '@app/platform/crypto/sealer';
import { sealBid } from '@app/tendering/bids/bid-sealing';
import { dataKeyAad } from '@app/tendering/tenders/tender.service';

/** The budget line the history's direct orders are paid from; its presence means the history is there. */
export const HISTORY_BUDGET_CODE = 'YS-DEMO-LSJY';

export interface HistoryParties {
  ownerOrgId: string;
  ownerAccountId: string;
  bidders: { orgId: string; accountId: string; name: string }[];
}

export interface HistoryCounts {
  tenders: number;
  parcels: number;
  ruralDeals: number;
  orders: number;
}

const REGIONS = ['350102', '350103', '350104', '350105', '350111', '350121'];
const ROADS = ['五四路', '湖东路', '华林路', '六一路', '工业路', '杨桥路', '白马路', '江滨大道', '福飞路', '北环路', '南二环', '连江路'];
const WORKS = ['道路改造工程', '雨污分流改造工程', '人行天桥建设工程', '排涝泵站改造工程', '老旧小区改造工程', '学校教学楼建设工程'];
const PLACES = ['城东片区', '三江口片区', '旗山片区', '滨海新城', '金山片区', '东部新城'];
const VILLAGES = ['东山村', '竹岐村', '上街村', '南屿村', '洋里村', '青口村'];
const GOODS = ['办公计算机', '激光打印机', '会议平板', '空调设备', '办公家具', '复印纸'];

/** mulberry32: the same history on every database. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** An amount of fen rounded to whole yuan ×`unit`. */
const fen = (yuan: number, unit = 100) => BigInt(Math.round(yuan / unit) * unit) * 100n;
const pct = (amount: bigint, per10000: number) => (amount * BigInt(Math.round(per10000))) / 10000n;

export class DemoHistorySeeder {
  private readonly audit = new AuditService();
  private readonly rnd = random(20260101);
  private readonly counts: HistoryCounts = { tenders: 0, parcels: 0, ruralDeals: 0, orders: 0 };

  constructor(
    private readonly em: EntityManager,
    private readonly sealer: Sealer,
    private readonly parties: HistoryParties,
  ) {}

  private pick<T>(xs: T[]): T {
    return xs[Math.floor(this.rnd() * xs.length)];
  }

  /** Writes twelve months of history ending last month; the caller's transaction holds it all or nothing. */
  async run(): Promise<HistoryCounts> {
    const [{ now }] = await this.em.query(`SELECT now() AS now`);
    const ruleSets = new Map<string, { id: string; version: number; name: string; effective_from: Date; params: unknown }>();
    for (const r of await this.em.query(`SELECT DISTINCT ON (domain) domain, id, version, name, effective_from, params FROM rule_set WHERE NOT is_sandbox AND status = 'active' ORDER BY domain, version DESC`))
      ruleSets.set(r.domain, r);
    const [line] = await this.em.query(
      `INSERT INTO budget_line (organisation_id, code, name, year, amount_fen, used_fen, created_by, created_at) VALUES ($1, $2, '办公设备及耗材购置(历年)', $3, 500000000, 0, $4, $5::timestamptz - interval '12 months') RETURNING id`,
      [this.parties.ownerOrgId, HISTORY_BUDGET_CODE, new Date(now).getFullYear(), this.parties.ownerAccountId, now],
    );
    await this.audit.append(this.em, { actor: SYSTEM_ACTOR, action: 'budget_line.seeded', subject: { type: 'budget_line', id: line.id }, payload: { code: HISTORY_BUDGET_CODE, amountFen: '50000000' } });
    let used = 0n;
    for (let back = 12; back >= 1; back--) {
      // The 1st of the month `back` months ago, 10:00 in Shanghai; deals fall on working-hour days of that month.
      const [{ month }] = await this.em.query(`SELECT (date_trunc('month', $1::timestamptz AT TIME ZONE 'Asia/Shanghai') - make_interval(months => $2) + interval '10 hours') AT TIME ZONE 'Asia/Shanghai' AS month`, [now, back]);
      const day = (d: number) => new Date(new Date(month).getTime() + (d - 1) * 86400000 + Math.floor(this.rnd() * 6) * 3600000);
      const tenders = 1 + Math.floor(this.rnd() * 3);
      for (let i = 0; i < tenders; i++) await this.tender(ruleSets.get('tendering')!, day(3 + i * 8), this.pick(REGIONS), back % 5 === 0 && i === 0);
      await this.parcel(ruleSets.get('land')!, day(18), this.pick(REGIONS.slice(0, 4)), back % 4 === 2);
      await this.rural(ruleSets.get('rural')!, day(12), this.pick(['350121', '350122', '350181']));
      for (let i = 0; i < 2; i++) used += await this.order(ruleSets.get('procurement')!, line.id, day(6 + i * 10), back > 1 || i === 0);
    }
    await this.em.query(`UPDATE budget_line SET used_fen = $2 WHERE id = $1`, [line.id, used.toString()]);
    return this.counts;
  }

  private snapshot(rs: { id: string; version: number; name: string; effective_from: Date; params: unknown }, domain: string) {
    return { ruleSetId: rs.id, domain, version: rs.version, name: rs.name, sandbox: false, effectiveFrom: new Date(rs.effective_from).toISOString(), params: rs.params };
  }

  private async project(domain: string, prefix: string, name: string, region: string, rs: Parameters<DemoHistorySeeder['snapshot']>[0], publishedAt: Date): Promise<{ id: string; code: string }> {
    const [p] = await this.em.query(
      `INSERT INTO trading_project (code, domain, name, region, owner_organisation_id, created_by, status, rule_kind, rule_set_id, rule_snapshot, published_at, created_at, updated_at)
       VALUES ($1 || '-' || to_char($8::timestamptz AT TIME ZONE 'Asia/Shanghai', 'YYYY') || '-' || lpad(nextval('trading_project_code_seq')::text, 6, '0'),
               $2, $3, $4, $5, $6, 'closed', 'standard', $7, $9, $8, $8::timestamptz - interval '3 days', $8)
       RETURNING id, code`,
      [prefix, domain, name, region, this.parties.ownerOrgId, this.parties.ownerAccountId, rs.id, publishedAt, JSON.stringify(this.snapshot(rs, domain))],
    );
    return p;
  }

  /** A tender of one section, awarded at `at` to the lowest of three bids (or failed at the opening with two). */
  private async tender(rs: Parameters<DemoHistorySeeder['snapshot']>[0], at: Date, region: string, failed: boolean): Promise<void> {
    const estimate = fen(3_000_000 + this.rnd() * 60_000_000, 10_000);
    const opened = new Date(at.getTime() - 12 * 86400000);
    const published = new Date(opened.getTime() - 24 * 86400000);
    const name = `${this.pick(ROADS)}${this.pick(WORKS)}`;
    const p = await this.project('tendering', 'GC', name, region, rs, published);
    const key = this.sealer.newDataKey(dataKeyAad(p.id));
    await this.em.query(
      `INSERT INTO tender (project_id, kind, estimate_fen, evaluation_method, qualification, status, documents_available_at, bid_deadline, opened_at, opening_objections_until, data_key_wrapped, updated_at)
       VALUES ($1, 'construction', $2, 'lowest_price', '市政公用工程施工总承包三级及以上', $3, $4, $5, $5, $6, $7, $8)`,
      // As the opening does: a failed tender is opened too (and fails there), with no objection window.
      [p.id, estimate.toString(), failed ? 'failed' : 'awarded', published, opened, failed ? null : new Date(opened.getTime() + 3_600_000), key.wrapped, failed ? opened : at],
    );
    const [s] = await this.em.query(
      `INSERT INTO tender_section (project_id, no, name, estimate_fen, deposit_fen, status) VALUES ($1, 1, '一标段', $2, $3, $4) RETURNING id`,
      [p.id, estimate.toString(), pct(estimate, 150).toString(), failed ? 'failed' : 'awarded'],
    );
    const bidders = failed ? this.parties.bidders.slice(0, 2) : this.parties.bidders;
    const bids: { id: string; orgId: string; name: string; priceFen: bigint; digest: string }[] = [];
    for (const b of bidders) {
      await this.em.query(`INSERT INTO tender_registration (project_id, organisation_id, registered_by, registered_at) VALUES ($1, $2, $3, $4)`, [p.id, b.orgId, b.accountId, new Date(published.getTime() + 2 * 86400000)]);
      const priceFen = pct(estimate, 9000 + this.rnd() * 950);
      const [{ id }] = await this.em.query(`SELECT gen_random_uuid() AS id`);
      const documents = Buffer.from(`%PDF-1.7 投标文件 ${name} 一标段 ${b.name} 商务标 技术标 ${'施工组织设计 '.repeat(40)}`);
      const sealed = sealBid(key.key, id, s.id, priceFen, documents, `${b.name}投标文件.pdf`);
      await this.em.query(
        `INSERT INTO tender_bid (id, section_id, organisation_id, submitted_by, price_sealed, documents_sealed, file_name_sealed, documents_size, documents_sha256, bid_digest, submitted_at, price_fen, opened_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11::timestamptz - interval '2 days', $12, $13)`,
        [id, s.id, b.orgId, b.accountId, sealed.priceSealed, sealed.documentsSealed, sealed.fileNameSealed, documents.length, sealed.documentsSha256, sealed.bidDigest, opened, failed ? null : priceFen.toString(), failed ? null : opened],
      );
      bids.push({ id, orgId: b.orgId, name: b.name, priceFen, digest: sealed.bidDigest });
    }
    let award: { bidId: string; priceFen: string } | null = null;
    if (!failed) {
      const ranked = [...bids].sort((a, b) => (a.priceFen < b.priceFen ? -1 : 1));
      const report = {
        method: 'lowest_price',
        benchmarkFen: null,
        committee: 5,
        bids: [],
        disqualified: [],
        candidates: ranked.map((b, i) => ({ rank: i + 1, bidId: b.id, organisationId: b.orgId, bidderName: b.name, priceFen: b.priceFen.toString() })),
      };
      const reported = new Date(opened.getTime() + 2 * 86400000);
      await this.em.query(`UPDATE tender_section SET report = $2, reported_at = $3, publicity_until = $3::timestamptz + interval '3 days' WHERE id = $1`, [s.id, JSON.stringify(report), reported]);
      const w = ranked[0];
      await this.em.query(
        `INSERT INTO tender_award (section_id, bid_id, organisation_id, price_fen, awarded_at, contract_due, contract_signed_at, contract_amount_fen)
         VALUES ($1, $2, $3, $4, $5, $5::timestamptz + interval '30 days', $5::timestamptz + interval '9 days', $4)`,
        [s.id, w.id, w.orgId, w.priceFen.toString(), at],
      );
      award = { bidId: w.id, priceFen: w.priceFen.toString() };
    }
    await this.audit.append(this.em, {
      actor: SYSTEM_ACTOR,
      action: 'tender.seeded',
      subject: { type: 'tender', id: p.id },
      payload: { code: p.code, status: failed ? 'failed' : 'awarded', estimateFen: estimate.toString(), openedAt: opened, concludedAt: failed ? opened : at, bids: bids.map((b) => ({ bidId: b.id, organisationId: b.orgId, bidDigest: b.digest })), award },
    });
    this.counts.tenders += 1;
  }

  /** A listed parcel that sold at `at` after a few quotes (or ended unsold), with its 成交确认书. */
  private async parcel(rs: Parameters<DemoHistorySeeder['snapshot']>[0], at: Date, region: string, unsold: boolean): Promise<void> {
    const start = fen(20_000_000 + this.rnd() * 300_000_000, 100_000);
    const increment = fen(Number(start / 100n) * 0.005, 10_000) || 1_000_000n;
    const steps = unsold ? 0 : 1 + Math.floor(this.rnd() * 25);
    const price = start + increment * BigInt(Math.max(steps - 1, 0));
    const place = this.pick(PLACES);
    const name = `${place} ${String.fromCharCode(65 + Math.floor(this.rnd() * 8))}-${String(1 + Math.floor(this.rnd() * 30)).padStart(2, '0')} 地块国有建设用地使用权`;
    const listingStarts = new Date(at.getTime() - 10 * 86400000);
    const announced = new Date(listingStarts.getTime() - 21 * 86400000);
    const p = await this.project('land', 'TD', name, region, rs, announced);
    const winner = this.parties.bidders[Math.floor(this.rnd() * this.parties.bidders.length)];
    const inc = JSON.stringify({ fixedFen: increment.toString() });
    const [lot] = await this.em.query(
      `INSERT INTO lot (project_id, domain, title, start_price_fen, increment, phase, countdown_seconds, starts_at, ends_at, current_price_fen, leader_paddle, bid_seq, outcome, winner_paddle, ended_at)
       VALUES ($1, 'land', $2, $3, $4, 'ended', 300, $5, $6, $7, $8, $9, $10, $8, $6) RETURNING id`,
      [p.id, name, start.toString(), inc, listingStarts, at, unsold ? null : price.toString(), unsold ? null : 1001, steps, unsold ? 'unsold' : 'sold'],
    );
    const confirmationNo = unsold ? null : `CJQR-${p.code}`;
    await this.em.query(
      `INSERT INTO land_parcel (project_id, location, area_m2, land_use, term_years, plot_ratio, mode, start_price_fen, increment, deposit_fen, has_reserve, status, lot_id,
                                announced_at, listing_starts_at, listing_ends_at, outcome, winner_organisation_id, winner_paddle, price_fen, ended_at, publicity_until, confirmation_no, confirmed_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, 'listing', $7, $8, $9, false, $10, $11, $12, $13, $14, $15, $16, $17, $18, $14, $14::timestamptz + interval '10 days', $19, $20, $14)`,
      [
        p.id, `${place}${this.pick(ROADS)}以南`, (8000 + Math.floor(this.rnd() * 60000)).toString() + '.00', this.pick(['residential', 'commercial', 'industrial']), 50, (1 + Math.floor(this.rnd() * 30) / 10).toFixed(2),
        start.toString(), inc, pct(start, 2000).toString(), unsold ? 'ended' : 'confirmed', lot.id, announced, listingStarts, at, unsold ? 'unsold' : 'sold',
        unsold ? null : winner.orgId, unsold ? null : 1001, unsold ? null : price.toString(), confirmationNo, unsold ? null : new Date(at.getTime() + 86400000),
      ],
    );
    await this.audit.append(this.em, {
      actor: SYSTEM_ACTOR,
      action: 'land_parcel.seeded',
      subject: { type: 'land_parcel', id: p.id },
      payload: { code: p.code, lotId: lot.id, outcome: unsold ? 'unsold' : 'sold', startPriceFen: start.toString(), priceFen: unsold ? null : price.toString(), endedAt: at, winnerOrganisationId: unsold ? null : winner.orgId, confirmationNo },
    });
    this.counts.parcels += 1;
  }

  /** A collective's land-management rights transferred by agreement (the sole applicant) at `at`, contract signed. */
  private async rural(rs: Parameters<DemoHistorySeeder['snapshot']>[0], at: Date, region: string): Promise<void> {
    const quantity = 20 + Math.floor(this.rnd() * 300);
    const listing = fen(quantity * (800 + this.rnd() * 1500), 100);
    const price = listing + pct(listing, this.rnd() * 1200);
    const village = this.pick(VILLAGES);
    const name = `${village}${quantity} 亩耕地经营权流转`;
    const listed = new Date(at.getTime() - 10 * 86400000);
    const p = await this.project('rural', 'NC', name, region, rs, listed);
    const buyer = this.parties.bidders[Math.floor(this.rnd() * this.parties.bidders.length)];
    await this.em.query(
      `INSERT INTO rural_deal (project_id, kind, description, quantity, unit, term_months, listing_price_fen, increment_fen, deposit_fen, status, round,
                               resolution_body, resolution_votes_for, resolution_votes_total, resolution_date, approval_authority, approval_date,
                               method, buyer_organisation_id, deal_price_fen, concluded_at, publicity_until, contract_no, contract_signed_at, contract_amount_fen, updated_at)
       VALUES ($1, 'land_management', $2, $3, '亩', 120, $4, 100000, $5, 'contracted', 1, 'representatives_meeting', 38, 45, ($6::timestamptz - interval '40 days')::date,
               $7, ($6::timestamptz - interval '30 days')::date, 'agreement', $8, $9, $10, $10::timestamptz + interval '5 days', $11, $10::timestamptz + interval '7 days', $9, $10)`,
      [p.id, `${village}集体耕地,现状水田,限农业用途`, quantity, listing.toString(), pct(listing, 500).toString(), listed, `${village}所在镇人民政府`, buyer.orgId, price.toString(), at, `NCHT-${p.code}`],
    );
    await this.em.query(`INSERT INTO rural_listing (project_id, round, price_fen, starts_at, ends_at, outcome, qualified, closed_at) VALUES ($1, 1, $2, $3, $4, 'agreement', 1, $4)`, [p.id, listing.toString(), listed, at]);
    await this.audit.append(this.em, {
      actor: SYSTEM_ACTOR,
      action: 'rural_deal.seeded',
      subject: { type: 'rural_deal', id: p.id },
      payload: { code: p.code, status: 'contracted', method: 'agreement', listingPriceFen: listing.toString(), dealPriceFen: price.toString(), concludedAt: at, buyerOrganisationId: buyer.orgId },
    });
    this.counts.ruralDeals += 1;
  }

  /** An e-mall direct order confirmed at `at` and, when `done`, delivered, accepted and paid; returns the budget used. */
  private async order(rs: Parameters<DemoHistorySeeder['snapshot']>[0], lineId: string, at: Date, done: boolean): Promise<bigint> {
    const supplier = this.parties.bidders[Math.floor(this.rnd() * this.parties.bidders.length)];
    const total = fen(2_000 + this.rnd() * 150_000, 1);
    const [{ no }] = await this.em.query(`SELECT 'DD-' || to_char($1::timestamptz AT TIME ZONE 'Asia/Shanghai', 'YYYYMMDD') || '-' || substr(md5(random()::text), 1, 6) AS no`, [at]);
    const [o] = await this.em.query(
      `INSERT INTO procurement_order (no, purchaser_organisation_id, supplier_organisation_id, budget_line_id, source, total_fen, status, rule_set_id, rule_set_version, sandbox, rules,
                                      placed_by, placed_at, confirm_due, confirmed_at, delivered_at, delivery_note, accept_due, accepted_at, payment_due, paid_at, payment_reference, updated_at)
       VALUES ($1, $2, $3, $4, 'direct', $5, $6, $7, $8, false, $9, $10, $11::timestamptz - interval '1 day', $11::timestamptz + interval '2 days', $11,
               CASE WHEN $12 THEN $11::timestamptz + interval '3 days' END, CASE WHEN $12 THEN $13 END, CASE WHEN $12 THEN $11::timestamptz + interval '10 days' END,
               CASE WHEN $12 THEN $11::timestamptz + interval '5 days' END, CASE WHEN $12 THEN $11::timestamptz + interval '20 days' END,
               CASE WHEN $12 THEN $11::timestamptz + interval '12 days' END, CASE WHEN $12 THEN $14 END, $11)
       RETURNING id`,
      [no, this.parties.ownerOrgId, supplier.orgId, lineId, total.toString(), done ? 'paid' : 'confirmed', rs.id, rs.version, JSON.stringify(rs.params), this.parties.ownerAccountId, at, done, `${this.pick(GOODS)}已送达`, `ZF-${no}`],
    );
    await this.audit.append(this.em, {
      actor: SYSTEM_ACTOR,
      action: 'procurement_order.seeded',
      subject: { type: 'procurement_order', id: o.id },
      payload: { no, source: 'direct', totalFen: total.toString(), status: done ? 'paid' : 'confirmed', confirmedAt: at, supplierOrganisationId: supplier.orgId },
    });
    this.counts.orders += 1;
    return total;
  }
}
