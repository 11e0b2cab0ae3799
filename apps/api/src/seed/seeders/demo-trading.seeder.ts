// The demo's current projects, made through the api by the demo accounts (so every row, seal and audit entry is the
// real one) under the standard rule sets, or the sandbox ones while the holiday calendar does not reach their periods;
// where a period must already have run, its times are backdated and the milestone fired as the worker would
// (DemoClient.backdate). Each project is keyed by its name under the demo owner: a re-run finds it and adds nothing.
import { BID_DEADLINE_KIND } from '@app/tendering/tenders/tender.service';
import { LISTING_START_KIND } from '@app/land/parcels/parcel.service';
import { Calendar } from '@app/platform/calendar/calendar';
import { DemoClient } from './demo-client';

export const DEMO_PROJECTS = {
  tenderAnnounced: '市第一人民医院新院区建设工程',
  tenderOpened: '闽江大道(三期)道路提升改造工程',
  parcelListing: '城东片区 2026-12 号地块国有建设用地使用权',
  ruralListed: '东山村一组 120.5 亩耕地经营权流转',
} as const;

/** The e-mall part (agreements, products, budget, requirement, order) hangs on this budget line of the demo owner. */
export const DEMO_BUDGET_CODE = 'YS-DEMO-2026-01';
export const DEMO_REQUIREMENT_TITLE = '市城投集团办公计算机采购(网上竞价)';

const DAY = 86400000;
const pdf = (text: string) => Buffer.from(`%PDF-1.7\n${text}\n${'　'.repeat(200)}\n%%EOF`);

export class DemoTradingSeeder {
  readonly made: string[] = [];
  private ownerOrgId = '';

  constructor(private readonly c: DemoClient) {}

  /** What is still missing, by key; empty when the demo is complete. */
  static async missing(q: (sql: string, params: unknown[]) => Promise<{ name: string }[]>, ownerOrgId: string): Promise<string[]> {
    const names: string[] = Object.values(DEMO_PROJECTS);
    const found = new Set((await q(`SELECT name FROM trading_project WHERE owner_organisation_id = $1 AND name = ANY($2)`, [ownerOrgId, names])).map((r) => r.name));
    const out = names.filter((n) => !found.has(n));
    const line = await q(`SELECT code AS name FROM budget_line WHERE organisation_id = $1 AND code = $2`, [ownerOrgId, DEMO_BUDGET_CODE]);
    if (!line.length) out.push(DEMO_BUDGET_CODE);
    return out;
  }

  async run(ownerOrgId: string, missing: string[]): Promise<void> {
    this.ownerOrgId = ownerOrgId;
    const todo = new Set(missing);
    if (todo.has(DEMO_PROJECTS.tenderAnnounced)) await this.tenderAnnounced();
    if (todo.has(DEMO_PROJECTS.tenderOpened)) await this.tenderOpened();
    if (todo.has(DEMO_PROJECTS.parcelListing)) await this.parcelListing();
    if (todo.has(DEMO_PROJECTS.ruralListed)) await this.ruralListed();
    if (todo.has(DEMO_BUDGET_CODE)) await this.emall();
  }

  private async now(): Promise<Date> {
    const [{ now }] = await this.c.ds.query(`SELECT now() AS now`);
    return new Date(now);
  }

  /**
   * The standard rules when the holiday calendar covers the year `days` from now, else the sandbox set (said in the
   * summary): the standard periods count working days and are refused (CALENDAR_OUT_OF_RANGE) past the calendar, so
   * from about November until the next year's schedule is in, the demo would otherwise fail to seed.
   */
  private async rulesReaching(days: number, what: string): Promise<'standard' | 'sandbox'> {
    const last = this.c.app.get(Calendar).coveredYears.last;
    const reach = new Date((await this.now()).getTime() + days * DAY + 8 * 3600000).getUTCFullYear();
    if (reach <= last) return 'standard';
    this.made.push(`${what}: the holiday calendar ends in ${last}, so it runs by the sandbox rules`);
    return 'sandbox';
  }

  /** 09:30 in Shanghai, `days` from now. */
  private async morning(days: number): Promise<Date> {
    const [{ at }] = await this.c.ds.query(
      `SELECT (date_trunc('day', now() AT TIME ZONE 'Asia/Shanghai') + make_interval(days => $1) + interval '9 hours 30 minutes') AT TIME ZONE 'Asia/Shanghai' AS at`,
      [days],
    );
    return new Date(at);
  }

  // ─── 建设工程招投标 ───────────────────────────────────────────────────────────────────────────────

  /** Registered by the agent, accepted by the centre, documents uploaded, announced: bidding until `deadline`. */
  private async tender(name: string, sections: { name: string; estimate: string; deposit: string }[], deadline: Date, method = 'comprehensive'): Promise<string> {
    const reg = await this.c.post('agent', '/tenders', {
      name,
      kind: 'construction',
      region: '350102',
      qualification: '建筑工程施工总承包一级及以上资质',
      evaluationMethod: method,
      sections,
      ownerOrganisationId: this.ownerOrgId,
      // the deadline, then evaluation, publicity, objections, the contract and the refunds
      ruleSet: await this.rulesReaching(Math.ceil((deadline.getTime() - Date.now()) / DAY) + 60, `tender ${name}`),
    });
    await this.c.post('centre', `/tenders/${reg.id}/accept`);
    await this.c.form('agent', `/tenders/${reg.id}/documents`, { note: '招标文件' }, { name: '招标文件.pdf', content: pdf(`${name} 招标文件 第一章 招标公告 第二章 投标人须知 第三章 评标办法 第四章 合同条款 第五章 工程量清单`) });
    await this.c.form('agent', `/tenders/${reg.id}/documents`, { note: '工程量清单' }, { name: '工程量清单.pdf', content: pdf(`${name} 工程量清单 分部分项工程项目清单与计价表`) });
    await this.c.post('centre', `/tenders/${reg.id}/announce`, { bidDeadline: deadline.toISOString() });
    return reg.id;
  }

  private async tenderAnnounced(): Promise<void> {
    const id = await this.tender(
      DEMO_PROJECTS.tenderAnnounced,
      [
        { name: '一标段:主体结构', estimate: '86000000.00', deposit: '800000.00' },
        { name: '二标段:机电安装', estimate: '23500000.00', deposit: '400000.00' },
      ],
      await this.morning(26),
    );
    // bidder2 has registered and asked a question the owner answered; bidder1 is left to register and bid in the UI.
    await this.c.post('bidder2', `/tenders/${id}/registrations`);
    const q = await this.c.post('bidder2', `/tenders/${id}/questions`, { question: '二标段机电安装是否包含电梯设备采购?' });
    await this.c.post('owner', `/tenders/${id}/questions/${q.id}/answer`, { answer: '不包含,电梯设备由招标人另行采购,投标人负责配合安装。' });
    this.made.push(`tender ${DEMO_PROJECTS.tenderAnnounced}: announced, bidding open`);
  }

  /** Three sealed bids, then the deadline moved into the past and the opening fired as the worker fires it. */
  private async tenderOpened(): Promise<void> {
    const deadline = await this.morning(22);
    const id = await this.tender(DEMO_PROJECTS.tenderOpened, [{ name: '一标段', estimate: '12800000.00', deposit: '250000.00' }], deadline, 'lowest_price');
    const prices: Record<string, string> = { bidder1: '12150000.00', bidder2: '12388000.00', bidder3: '11960000.00' };
    for (const [i, who] of ['bidder1', 'bidder2', 'bidder3'].entries()) {
      await this.c.post(who, `/tenders/${id}/registrations`);
      const d = await this.c.post(who, `/tenders/${id}/sections/1/deposits`, { method: i === 1 ? 'guarantee' : 'transfer', reference: `BZJ-2026-${1001 + i}`, payerAccount: `6222020200112233${440 + i}`, amount: '250000.00' });
      await this.c.post('centre', `/tenders/deposits/${d.id}/confirm`);
      await this.c.form(who, `/tenders/${id}/sections/1/bids`, { price: prices[who] }, { name: `${who}-投标文件.pdf`, content: pdf(`${DEMO_PROJECTS.tenderOpened} 投标文件 ${who} 商务标 技术标 施工组织设计`) });
    }
    // The 20 days of 招标投标法 24 ran in the demo's past: the tender's times move back by the same span.
    const [{ shift }] = await this.c.ds.query(`SELECT extract(epoch FROM (bid_deadline - now() + interval '2 hours'))::bigint AS shift FROM tender WHERE project_id = $1`, [id]);
    await this.c.backdate(
      { type: 'tender', id },
      [
        { sql: `UPDATE tender SET documents_available_at = documents_available_at - make_interval(secs => $2), bid_deadline = bid_deadline - make_interval(secs => $2) WHERE project_id = $1`, params: [id, shift] },
      ],
      { reason: 'demo: the bid deadline has passed', shiftSeconds: Number(shift) },
      BID_DEADLINE_KIND,
    );
    this.made.push(`tender ${DEMO_PROJECTS.tenderOpened}: 3 sealed bids, opened`);
  }

  // ─── 国有建设用地使用权 ─────────────────────────────────────────────────────────────────────────────

  private async parcelListing(): Promise<void> {
    // The shortest legal schedule (20 days' notice, 10 days' listing, then 5 working days for the refunds) needs the
    // holiday calendar of the year it ends in; until that year's schedule is published the land rules refuse to count
    // (CALENDAR_OUT_OF_RANGE), and the demo parcel falls back to the sandbox rule set, its listing ending in 10 days.
    const now = await this.now();
    const standard = (await this.rulesReaching(45, `land ${DEMO_PROJECTS.parcelListing}`)) === 'standard';
    const starts = standard ? await this.morning(21) : new Date(now.getTime() + 120000);
    const ends = standard ? new Date(starts.getTime() + 10 * DAY) : await this.morning(10);
    const reg = await this.c.post('owner', '/land/parcels', {
      name: DEMO_PROJECTS.parcelListing,
      region: '350102',
      location: '鼓楼区东街以南、八一七路以东',
      area: '35000.50',
      use: 'residential',
      termYears: 70,
      plotRatio: '2.50',
      mode: 'listing',
      startPrice: '386000000.00',
      increment: { fixed: '2000000.00' },
      deposit: '77200000.00',
      reserve: '400000000.00',
      ruleSet: standard ? 'standard' : 'sandbox',
    });
    await this.c.post('centre', `/land/parcels/${reg.id}/announce`, { listingStartsAt: starts.toISOString(), listingEndsAt: ends.toISOString() });
    for (const who of ['bidder3', 'bidder1']) {
      const app = await this.c.form(who, `/land/parcels/${reg.id}/applications`, { depositMethod: 'transfer', depositReference: `TD-BZJ-${who}`, depositAmount: '77200000.00' }, { name: '竞买申请书.pdf', content: pdf(`竞买申请书 ${who} 营业执照 资信证明`) });
      await this.c.post('centre', `/land/applications/${app.id}/qualify`);
    }
    // The announcement period (≥ 20 days) ran in the demo's past: the listing started an hour ago.
    const shift = Math.round((starts.getTime() - now.getTime()) / 1000) + 3600;
    await this.c.backdate(
      { type: 'land_parcel', id: reg.id },
      [
        // A standard listing keeps its 10 days (it now ends in about 10 days less the notice); a sandbox one ends as announced.
        {
          sql: `UPDATE land_parcel SET announced_at = announced_at - make_interval(secs => $2), listing_starts_at = listing_starts_at - make_interval(secs => $2),
                       listing_ends_at = listing_ends_at - make_interval(secs => $3) WHERE project_id = $1`,
          params: [reg.id, shift, standard ? shift : 0],
        },
        { sql: `UPDATE lot SET starts_at = starts_at - make_interval(secs => $2), ends_at = ends_at - make_interval(secs => $3) WHERE project_id = $1`, params: [reg.id, shift, standard ? shift : 0] },
      ],
      { reason: 'demo: the listing has started', shiftSeconds: shift },
      LISTING_START_KIND,
    );
    const parcel = await this.c.get('centre', `/land/parcels/${reg.id}`);
    await this.c.post('bidder3', `/lots/${parcel.lotId}/bids`, { price: '386000000.00', clientKey: 'demo-listing-bid-0001' });
    this.made.push(`land ${DEMO_PROJECTS.parcelListing}: listing running, one quote`);
  }

  // ─── 农村产权 ───────────────────────────────────────────────────────────────────────────────────

  private async ruralListed(): Promise<void> {
    const reg = await this.c.post('owner', '/rural/deals', {
      name: DEMO_PROJECTS.ruralListed,
      kind: 'land_management',
      region: '350121',
      description: '东至水渠,西至村道,南至山脚,北至二组田;现状水田,限农业用途',
      quantity: '120.5',
      unit: '亩',
      termMonths: 120,
      listingPrice: '360000.00',
      increment: '1000.00',
      deposit: '20000.00',
      ruleSet: await this.rulesReaching(45, `rural ${DEMO_PROJECTS.ruralListed}`),
    });
    const today = (await this.now()).toISOString().slice(0, 10);
    await this.c.form('owner', `/rural/deals/${reg.id}/resolution`, { body: 'representatives_meeting', votesFor: '38', votesTotal: '45', date: today }, { name: '村民代表会议决议.pdf', content: pdf('东山村一组 村民代表会议决议 同意 38 票 / 应到 45 人') });
    await this.c.form('owner', `/rural/deals/${reg.id}/approval`, { authority: '闽侯县东山镇人民政府', date: today }, { name: '镇政府审核意见.pdf', content: pdf('同意流转') });
    await this.c.post('centre', `/rural/deals/${reg.id}/list`);
    this.made.push(`rural ${DEMO_PROJECTS.ruralListed}: listed`);
  }

  // ─── 政府采购电子卖场 ────────────────────────────────────────────────────────────────────────────

  private async emall(): Promise<void> {
    const orgOf = async (username: string) => (await this.c.ds.query(`SELECT organisation_id FROM account WHERE username = $1`, [username]))[0].organisation_id as string;
    const year = new Date((await this.now()).getTime() + 8 * 3600000).getUTCFullYear();
    const agreements = [
      { who: 'bidder1', categoryCode: 'A02.02', no: `XYGH-${year}-A0202-DEMO` },
      { who: 'bidder2', categoryCode: 'A02.01', no: `XYGH-${year}-A0201-DEMO` },
    ];
    for (const a of agreements) {
      const [known] = await this.c.ds.query(`SELECT 1 FROM procurement_agreement WHERE agreement_no = $1`, [a.no]);
      if (!known)
        await this.c.post('centre', '/procurement/agreements', { agreementNo: a.no, organisationId: await orgOf(a.who), categoryCode: a.categoryCode, kind: 'framework', validFrom: `${year}-01-01`, validUntil: `${year + 2}-12-31` });
    }
    const product = (over: { name: string } & Record<string, unknown>) => ({ unit: '台', stock: 200, regions: ['350100'], ...over });
    const products = [
      ['bidder1', product({ categoryCode: 'A02.02.04', name: '黑白激光打印机', brand: '惠普', model: 'LaserJet Pro M126a', specs: 'A4 幅面,20 页/分钟,USB 2.0', price: '1299.00' })],
      ['bidder1', product({ categoryCode: 'A02.02.04', name: '彩色喷墨打印机', brand: '爱普生', model: 'L4268', specs: 'A4 彩色,墨仓式,无线', price: '899.00' })],
      ['bidder1', product({ categoryCode: 'A02.02.03', name: '黑白激光多功能一体机', brand: '兄弟', model: 'DCP-7195DW', specs: '打印/复印/扫描,双面', price: '1599.00' })],
      ['bidder2', product({ categoryCode: 'A02.01.02', name: '台式计算机', brand: '联想', model: '启天M437', specs: 'Intel i5-12500/16G/512G SSD/23.8 英寸显示器', price: '4999.00' })],
      ['bidder2', product({ categoryCode: 'A02.01.02', name: '台式计算机(高配)', brand: '联想', model: '启天M650', specs: 'Intel i7-13700/32G/1T SSD/27 英寸显示器', price: '7299.00' })],
    ] as const;
    const ids: Record<string, string> = {};
    for (const [who, body] of products) ids[body.name] = (await this.c.post(who, '/procurement/products', body)).id;

    const emallRules = await this.rulesReaching(45, 'e-mall quote and order');
    const line = await this.c.post('owner', '/procurement/budget-lines', { code: DEMO_BUDGET_CODE, name: '办公设备购置', year, amount: '3000000.00' });
    await this.c.post('owner', '/procurement/requirements', {
      title: DEMO_REQUIREMENT_TITLE,
      categoryCode: 'A02.01.02',
      items: [{ description: '台式计算机', quantity: 200, unit: '台', specs: 'i7 / 16G / 512G SSD / 23.8 英寸' }],
      deliveryRegion: '350102',
      deliveryDate: `${year + 1}-03-31`,
      maxPrice: '1280000.00',
      budgetLineId: line.id,
      ruleSet: emallRules,
    });

    const order = await this.c.post('owner', '/procurement/orders/direct', { budgetLineId: line.id, items: [{ productId: ids['黑白激光打印机'], quantity: 6 }, { productId: ids['黑白激光多功能一体机'], quantity: 2 }], ruleSet: emallRules });
    await this.c.post('bidder1', `/procurement/orders/${order.id}/confirm`);
    await this.c.post('bidder1', `/procurement/orders/${order.id}/deliver`, { note: '送货单 SH-DEMO-0001,共 8 箱' });
    const accepted = await this.c.post('owner', `/procurement/orders/${order.id}/accept`);
    await this.c.post('owner', `/procurement/orders/${order.id}/payment`, { reference: 'ZF-DEMO-0001', amount: accepted.total });
    await this.c.post('owner', `/procurement/orders/${order.id}/rating`, { quality: 5, delivery: 4, service: 5, comment: '到货及时,安装调试到位。' });
    this.made.push(`e-mall: ${products.length} products, budget line ${DEMO_BUDGET_CODE}, an online quote open, a paid direct order with its rating`);
  }
}
