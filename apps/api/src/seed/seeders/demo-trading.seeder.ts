// The demo's current projects, made through the api by the demo accounts (so every row, seal and audit entry is the
// real one) under the standard rule sets, or the sandbox ones while the holiday calendar does not reach their periods.
// Nothing is moved in time: where a step needs a period to have run (the bid deadline before the opening, the notice
// before a listing starts), the seed waits for it on the database's clock and fires the domain's milestone as the
// worker would. Each project is keyed by its name under the demo owner: a re-run finds it and adds nothing.
// docs/demo-data.md says what each part promises and for how long.
import { BID_DEADLINE_KIND } from '@app/tendering/tenders/tender.service';
import { LISTING_START_KIND } from '@app/land/parcels/parcel.service';
import { Calendar } from '@app/platform/calendar/calendar';
import { demoEmployerUscc, demoIdNumber } from '@app/experts/library/demo-experts';
import { demoPdf as pdf } from '@app/platform/demo/demo-http';
import { DemoClient } from './demo-client';

export const DEMO_PROJECTS = {
  tenderAnnounced: '市第一人民医院新院区建设工程',
  tenderEvaluating: '闽江大道(三期)道路提升改造工程',
  parcelListing: '城东片区 2026-12 号地块国有建设用地使用权',
  ruralListed: '东山村一组 120.5 亩耕地经营权流转',
} as const;

/** The e-mall part (agreements, products, budget, requirement, order) hangs on this budget line of the demo owner. */
export const DEMO_BUDGET_CODE = 'YS-DEMO-2026-01';
export const DEMO_REQUIREMENT_TITLE = '市城投集团办公计算机采购(网上竞价)';

/** The trading centre's rooms; the scheduling part is keyed by the first one's name. */
export const DEMO_ROOMS = [
  { kind: 'opening_hall', name: '第一开标厅', seats: 120, isolated: false },
  { kind: 'evaluation_room', name: '第一评标室', seats: 9, isolated: true },
  { kind: 'evaluation_room', name: '第二评标室', seats: 7, isolated: true },
  { kind: 'auction_hall', name: '拍卖厅', seats: 80, isolated: false },
] as const;

/**
 * The road tender's committee is drawn from this specialty. The office adds it to the catalogue and to the five demo
 * experts who have accounts (expert1–expert5), and to nobody else, so the draw — a real one, its seed committed and
 * replayable — finds a pool of exactly the committee and seats all five, expert1 among them.
 */
export const DEMO_SPECIALTY = { code: 'A01.02.01.01', nameZh: '城市道路提升改造', nameEn: 'Urban road renewal' } as const;

/** The library entries of expert2–expert5 (expert1 is 陈志远 of the generated library). Deterministic: a re-run finds them. */
export const DEMO_ACCOUNT_EXPERTS = [
  { username: 'expert2', name: '林海峰', birth: '19720415', region: '350102', employer: '福州市市政工程设计院有限公司', publicInstitution: false, title: '正高级工程师', qualification: '注册土木工程师(道路工程)', phone: '13905910201' },
  { username: 'expert3', name: '黄思远', birth: '19780822', region: '350103', employer: '福建省交通规划设计院有限公司', publicInstitution: false, title: '高级工程师', qualification: '一级注册建造师', phone: '13905910302' },
  { username: 'expert4', name: '郑晓东', birth: '19690130', region: '350111', employer: '福州大学', publicInstitution: true, title: '教授', qualification: '', phone: '13905910403' },
  { username: 'expert5', name: '吴丽娟', birth: '19810607', region: '350104', employer: '福建工程学院', publicInstitution: true, title: '副教授', qualification: '一级注册造价工程师', phone: '13905910504' },
] as const;

const DAY = 86400000;

export class DemoTradingSeeder {
  readonly made: string[] = [];
  private ownerOrgId = '';
  private room: Record<string, string> = {};

  constructor(private readonly c: DemoClient) {}

  /** What is still missing, by key; empty when the demo is complete. */
  static async missing(q: (sql: string, params: unknown[]) => Promise<{ name: string }[]>, ownerOrgId: string): Promise<string[]> {
    const names: string[] = Object.values(DEMO_PROJECTS);
    const found = new Set((await q(`SELECT name FROM trading_project WHERE owner_organisation_id = $1 AND name = ANY($2)`, [ownerOrgId, names])).map((r) => r.name));
    const out = names.filter((n) => !found.has(n));
    const line = await q(`SELECT code AS name FROM budget_line WHERE organisation_id = $1 AND code = $2`, [ownerOrgId, DEMO_BUDGET_CODE]);
    if (!line.length) out.push(DEMO_BUDGET_CODE);
    const rooms = await q(`SELECT name FROM scheduling_room WHERE name = ANY($1)`, [DEMO_ROOMS.map((r) => r.name)]);
    if (rooms.length < DEMO_ROOMS.length) out.push('rooms');
    return out;
  }

  /**
   * The two parts that wait for a period (the road tender's bid deadline, the parcel's notice) run beside the others,
   * so that `npm start` waits about the sandbox bid preparation period (60 s) once rather than each period in turn.
   */
  async run(ownerOrgId: string, missing: string[]): Promise<void> {
    this.ownerOrgId = ownerOrgId;
    const todo = new Set(missing);
    await this.rooms();
    const parts: Promise<void>[] = [];
    if (todo.has(DEMO_PROJECTS.tenderEvaluating)) parts.push(this.tenderEvaluating());
    if (todo.has(DEMO_PROJECTS.parcelListing)) parts.push(this.parcelListing());
    parts.push(
      (async () => {
        if (todo.has(DEMO_PROJECTS.tenderAnnounced)) await this.tenderAnnounced();
        if (todo.has(DEMO_PROJECTS.ruralListed)) await this.ruralListed();
        if (todo.has(DEMO_BUDGET_CODE)) await this.emall();
      })(),
    );
    const settled = await Promise.allSettled(parts);
    const failed = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
    if (failed) throw failed.reason;
  }

  private now(): Promise<Date> {
    return this.c.dbNow();
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

  /** hh:mm in Shanghai, `days` from today. */
  private async beijing(days: number, hh: number, mm = 0): Promise<Date> {
    const [{ at }] = await this.c.ds.query(
      `SELECT (date_trunc('day', now() AT TIME ZONE 'Asia/Shanghai') + make_interval(days => $1, hours => $2, mins => $3)) AT TIME ZONE 'Asia/Shanghai' AS at`,
      [days, hh, mm],
    );
    return new Date(at);
  }

  /** `ms` from now on the database's clock, rounded up to the second. */
  private async inMs(ms: number): Promise<Date> {
    return new Date(Math.ceil(((await this.now()).getTime() + ms) / 1000) * 1000);
  }

  // ─── 场地与场次 ─────────────────────────────────────────────────────────────────────────────────

  /** The centre registers its rooms (those missing); sessions are booked by each project below. */
  private async rooms(): Promise<void> {
    const known = new Map<string, string>((await this.c.ds.query(`SELECT name, id FROM scheduling_room WHERE name = ANY($1)`, [DEMO_ROOMS.map((r) => r.name)])).map((r: { name: string; id: string }) => [r.name, r.id]));
    let added = 0;
    for (const r of DEMO_ROOMS) {
      if (!known.has(r.name)) {
        known.set(r.name, (await this.c.post('centre', '/scheduling/rooms', r)).id);
        added += 1;
      }
    }
    this.room = Object.fromEntries(known);
    if (added) this.made.push(`scheduling: ${added} rooms registered`);
  }

  private async book(room: string, projectId: string, purpose: 'opening' | 'evaluation' | 'auction', startsAt: Date, endsAt: Date, note: string, milestoneIds?: string[]): Promise<void> {
    await this.c.post('centre', '/scheduling/sessions', { roomId: this.room[room], projectId, purpose, startsAt: startsAt.toISOString(), endsAt: endsAt.toISOString(), note, ...(milestoneIds ? { milestoneIds } : {}) });
  }

  // ─── 建设工程招投标 ───────────────────────────────────────────────────────────────────────────────

  /** Registered by the agent, accepted by the centre, documents uploaded, announced: bidding until `deadline`. */
  private async tender(name: string, sections: { name: string; estimate: string; deposit: string }[], deadline: Date, method: string, ruleSet: 'standard' | 'sandbox'): Promise<string> {
    const reg = await this.c.post('agent', '/tenders', {
      name,
      kind: 'construction',
      region: '350102',
      qualification: '建筑工程施工总承包一级及以上资质',
      evaluationMethod: method,
      sections,
      ownerOrganisationId: this.ownerOrgId,
      ruleSet,
    });
    await this.c.post('centre', `/tenders/${reg.id}/accept`);
    await this.c.form('agent', `/tenders/${reg.id}/documents`, { note: '招标文件' }, { name: '招标文件.pdf', content: pdf(`${name} 招标文件 第一章 招标公告 第二章 投标人须知 第三章 评标办法 第四章 合同条款 第五章 工程量清单`) });
    await this.c.form('agent', `/tenders/${reg.id}/documents`, { note: '工程量清单' }, { name: '工程量清单.pdf', content: pdf(`${name} 工程量清单 分部分项工程项目清单与计价表`) });
    await this.c.post('centre', `/tenders/${reg.id}/announce`, { bidDeadline: deadline.toISOString() });
    return reg.id;
  }

  /**
   * Open for bids for weeks: 26 days under the standard rules (法 24's 20 days, ended on a working day), 14 days under
   * the sandbox ones, so that its opening and evaluation sessions fall in the calendar's coming weeks.
   */
  private async tenderAnnounced(): Promise<void> {
    // the deadline, then evaluation, publicity, objections, the contract and the refunds
    const ruleSet = await this.rulesReaching(26 + 60, `tender ${DEMO_PROJECTS.tenderAnnounced}`);
    const deadline = await this.beijing(ruleSet === 'standard' ? 26 : 14, 9, 30);
    const id = await this.tender(
      DEMO_PROJECTS.tenderAnnounced,
      [
        { name: '一标段:主体结构', estimate: '86000000.00', deposit: '800000.00' },
        { name: '二标段:机电安装', estimate: '23500000.00', deposit: '400000.00' },
      ],
      deadline,
      'comprehensive',
      ruleSet,
    );
    // bidder2 has registered and asked a question the owner answered; bidder1 is left to register and bid in the UI.
    await this.c.post('bidder2', `/tenders/${id}/registrations`);
    const q = await this.c.post('bidder2', `/tenders/${id}/questions`, { question: '二标段机电安装是否包含电梯设备采购?' });
    await this.c.post('owner', `/tenders/${id}/questions/${q.id}/answer`, { answer: '不包含,电梯设备由招标人另行采购,投标人负责配合安装。' });
    // The opening hall hosts the deadline (法 34: the opening happens at it); the committee sits the next morning.
    const m = await this.c.milestone(id, BID_DEADLINE_KIND);
    await this.book('第一开标厅', id, 'opening', deadline, new Date(deadline.getTime() + 2 * 3600000), '开标会', m ? [m.id] : undefined);
    await this.book('第二评标室', id, 'evaluation', new Date(deadline.getTime() + DAY - 30 * 60000), new Date(deadline.getTime() + DAY + 7.5 * 3600000), '评标');
    this.made.push(`tender ${DEMO_PROJECTS.tenderAnnounced}: announced, bidding open until ${deadline.toISOString()}`);
  }

  /**
   * The road tender reaches its evaluation for real, under the sandbox rules (the only ones whose periods pass while
   * `npm start` waits): announced with the shortest lawful deadline (bid preparation 60 s), three sealed bids received
   * before it, the committee drawn and accepted meanwhile, the deadline passes and the opening milestone fires, the
   * session starts, the centre seats the committee, and four of the five experts score. expert1 has not scored yet.
   */
  private async tenderEvaluating(): Promise<void> {
    await this.demoExperts();
    const name = DEMO_PROJECTS.tenderEvaluating;
    this.made.push(`tender ${name}: runs by the sandbox rules, so that its bid deadline passes while the seed waits`);
    const deadline = await this.inMs(70000);
    const id = await this.tender(name, [{ name: '一标段', estimate: '12800000.00', deposit: '250000.00' }], deadline, 'comprehensive', 'sandbox');
    const prices: Record<string, string> = { bidder1: '12150000.00', bidder2: '12388000.00', bidder3: '11960000.00' };
    for (const [i, who] of ['bidder1', 'bidder2', 'bidder3'].entries()) {
      await this.c.post(who, `/tenders/${id}/registrations`);
      const d = await this.c.post(who, `/tenders/${id}/sections/1/deposits`, { method: i === 1 ? 'guarantee' : 'transfer', reference: `BZJ-2026-${1001 + i}`, payerAccount: `6222020200112233${440 + i}`, amount: '250000.00' });
      await this.c.post('centre', `/tenders/deposits/${d.id}/confirm`);
      await this.c.form(who, `/tenders/${id}/sections/1/bids`, { price: prices[who] }, { name: `${who}-投标文件.pdf`, content: pdf(`${name} 投标文件 ${who} 商务标 技术标 施工组织设计`) });
    }
    // The evaluation session starts just after the deadline; the centre draws five experts of the road specialty for it
    // and books the evaluation room before it starts.
    const sessionStart = new Date(deadline.getTime() + 5000);
    const sessionEnd = new Date(sessionStart.getTime() + 4 * 3600000);
    const draw = await this.c.post('centre', '/expert-draws', {
      projectId: id,
      sessionStart: sessionStart.toISOString(),
      sessionEnd: sessionEnd.toISOString(),
      ownerRepresentatives: 0,
      requirements: [{ specialty: DEMO_SPECIALTY.code, count: 5, reserves: 0 }],
    });
    await this.book('第一评标室', id, 'evaluation', sessionStart, sessionEnd, '评标(专家随机抽取)');
    await this.book('第一评标室', id, 'evaluation', await this.beijing(1, 9), await this.beijing(1, 12), '评标委员会第二次会议');
    await this.c.fireWhenDue(id, 'experts.draw');
    const experts = ['expert1', ...DEMO_ACCOUNT_EXPERTS.map((e) => e.username)];
    for (const who of experts) {
      const invitations: { id: string; projectName: string; status: string }[] = await this.c.get(who, '/experts/me/invitations');
      const mine = invitations.find((x) => x.projectName === name && x.status === 'invited');
      if (!mine) throw new Error(`${who} was not invited to evaluate ${name}`);
      await this.c.post(who, `/experts/me/invitations/${mine.id}/accept`);
    }
    await this.c.fireWhenDue(id, BID_DEADLINE_KIND);
    await this.c.fireWhenDue(id, 'experts.session_start');
    const section = `/tenders/${id}/sections/1`;
    await this.c.post('centre', `${section}/evaluation`, { drawId: draw.id });
    // Everyone but expert1 has scored every bid; expert1 finds the score sheet waiting.
    for (const [k, who] of experts.slice(1).entries()) {
      const sheet: { bids: { bidId: string }[]; criteria: { technical: { max: number }[]; business: { max: number }[] } } = await this.c.get(who, `${section}/evaluation/bids`);
      for (const [j, b] of sheet.bids.entries()) {
        const share = 70 + ((k * 7 + j * 11) % 25); // 70–94 % of each criterion's maximum
        await this.c.put(who, `${section}/evaluation/bids/${b.bidId}/score`, {
          technical: sheet.criteria.technical.map((c) => Math.floor((c.max * share) / 100)),
          business: sheet.criteria.business.map((c) => Math.floor((c.max * (share + 3)) / 100)),
        });
      }
    }
    this.made.push(`tender ${name}: 3 sealed bids, opened at the deadline, committee of 5 drawn and seated, 4 of 5 have scored (expert1 has not)`);
  }

  /**
   * The office adds the road specialty, registers the four demo experts with accounts who are not in the generated
   * library, links their accounts, and gives 陈志远 (expert1) the specialty. Each step only when it is missing.
   */
  private async demoExperts(): Promise<void> {
    const [known] = await this.c.ds.query(`SELECT 1 FROM specialty WHERE code = $1`, [DEMO_SPECIALTY.code]);
    if (!known) await this.c.post('office', '/specialties', DEMO_SPECIALTY);
    for (const [i, e] of DEMO_ACCOUNT_EXPERTS.entries()) {
      const accountId = await this.c.accountId(e.username);
      const [linked] = await this.c.ds.query(`SELECT id FROM expert WHERE account_id = $1`, [accountId]);
      if (linked) continue;
      const expert = await this.c.post('office', '/experts', {
        name: e.name,
        // sequence numbers from 501 up are never generated by the demo library (docs/expert-library.md)
        idNumber: demoIdNumber(e.region, e.birth, 501 + i * 2),
        phone: e.phone,
        employerUscc: demoEmployerUscc(e.employer, e.publicInstitution),
        employerName: e.employer,
        region: e.region,
        title: e.title,
        ...(e.qualification ? { qualification: e.qualification } : {}),
        specialties: ['A01.02.01', DEMO_SPECIALTY.code],
      });
      await this.c.post('office', `/experts/${expert.id}/account`, { accountId });
    }
    const [chen] = await this.c.ds.query(
      `SELECT e.id::text AS id, array_agg(s.specialty_code ORDER BY s.specialty_code) AS codes FROM expert e JOIN account a ON a.id = e.account_id
       JOIN expert_specialty s ON s.expert_id = e.id WHERE a.username = 'expert1' GROUP BY e.id`,
    );
    if (!chen) throw new Error('the demo expert account expert1 is linked to no expert');
    if (!chen.codes.includes(DEMO_SPECIALTY.code)) await this.c.patch('office', `/experts/${chen.id}`, { specialties: [...chen.codes, DEMO_SPECIALTY.code] });
  }

  // ─── 国有建设用地使用权 ─────────────────────────────────────────────────────────────────────────────

  /**
   * Under the standard rules: announced 21 days ahead (20 days' notice, 规定 10), listing 10 days. Under the sandbox
   * rules (calendar short): the listing starts once its 60 s notice has run and ends in 10 days; the seed waits for it
   * and bidder3 quotes. bidder2, who did not apply, complains about the qualification terms; the office accepts it.
   */
  private async parcelListing(): Promise<void> {
    const standard = (await this.rulesReaching(45, `land ${DEMO_PROJECTS.parcelListing}`)) === 'standard';
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
    const starts = standard ? await this.beijing(21, 9, 30) : await this.inMs(65000);
    const ends = standard ? new Date(starts.getTime() + 10 * DAY) : await this.beijing(10, 9, 30);
    await this.c.post('centre', `/land/parcels/${reg.id}/announce`, { listingStartsAt: starts.toISOString(), listingEndsAt: ends.toISOString() });
    for (const who of ['bidder3', 'bidder1']) {
      const app = await this.c.form(who, `/land/parcels/${reg.id}/applications`, { depositMethod: 'transfer', depositReference: `TD-BZJ-${who}`, depositAmount: '77200000.00' }, { name: '竞买申请书.pdf', content: pdf(`竞买申请书 ${who} 营业执照 资信证明`) });
      await this.c.post('centre', `/land/applications/${app.id}/qualify`);
    }
    // 限时竞价 in the auction hall at the listing's end, should two buyers go on.
    await this.book('拍卖厅', reg.id, 'auction', ends, new Date(ends.getTime() + 2 * 3600000), '挂牌截止及限时竞价');
    await this.complaint(reg.id);
    if (standard) {
      this.made.push(`land ${DEMO_PROJECTS.parcelListing}: announced, the listing starts ${starts.toISOString()}`);
      return;
    }
    await this.c.fireWhenDue(reg.id, LISTING_START_KIND);
    const parcel = await this.c.get('centre', `/land/parcels/${reg.id}`);
    await this.c.post('bidder3', `/lots/${parcel.lotId}/bids`, { price: '386000000.00', clientKey: 'demo-listing-bid-0001' });
    this.made.push(`land ${DEMO_PROJECTS.parcelListing}: listing running until ${ends.toISOString()}, one quote`);
  }

  /** 投诉: filed by bidder2 with its evidence, accepted (受理) by the office; under review until the office decides. */
  private async complaint(projectId: string): Promise<void> {
    const filed = await this.c.form(
      'bidder2',
      '/complaints',
      { projectId, grounds: '出让公告要求竞买人近三年具有同类地块开发业绩,该条件与地块开发建设无必然联系,排斥了潜在竞买人,请求责令修改出让公告。' },
      { name: '投诉书及证明材料.pdf', content: pdf('投诉书 榕城路桥工程有限公司 关于城东片区 2026-12 号地块出让公告竞买资格条件的投诉'), field: 'evidence' },
    );
    await this.c.post('office', `/supervision/complaints/${filed.id}/accept`, { note: '投诉材料齐全,予以受理。' });
    this.made.push('complaint about the land listing: filed by bidder2, accepted by the office, under review');
  }

  // ─── 农村产权 ───────────────────────────────────────────────────────────────────────────────────

  /** Listed for more than 7 days: the rule's listing period (10 working days) when standard, else until 15:00 in 8 days. */
  private async ruralListed(): Promise<void> {
    const ruleSet = await this.rulesReaching(45, `rural ${DEMO_PROJECTS.ruralListed}`);
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
      ruleSet,
    });
    const today = new Date((await this.now()).getTime() + 8 * 3600000).toISOString().slice(0, 10);
    await this.c.form('owner', `/rural/deals/${reg.id}/resolution`, { body: 'representatives_meeting', votesFor: '38', votesTotal: '45', date: today }, { name: '村民代表会议决议.pdf', content: pdf('东山村一组 村民代表会议决议 同意 38 票 / 应到 45 人') });
    await this.c.form('owner', `/rural/deals/${reg.id}/approval`, { authority: '闽侯县东山镇人民政府', date: today }, { name: '镇政府审核意见.pdf', content: pdf('同意流转') });
    const listed = await this.c.post('centre', `/rural/deals/${reg.id}/list`, ruleSet === 'sandbox' ? { endsAt: (await this.beijing(8, 15)).toISOString() } : {});
    const ends = new Date(listed.listings[0].endsAt);
    await this.book('拍卖厅', reg.id, 'auction', ends, new Date(ends.getTime() + 2 * 3600000), '挂牌截止及现场竞价');
    this.made.push(`rural ${DEMO_PROJECTS.ruralListed}: listed until ${ends.toISOString()}`);
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
    // Quotes taken for 8 days: longer than the rule's shortest window (3 working days), as the purchaser may publish.
    const quoteDeadline = await this.beijing(8, 17);
    await this.c.post('owner', '/procurement/requirements', {
      title: DEMO_REQUIREMENT_TITLE,
      categoryCode: 'A02.01.02',
      items: [{ description: '台式计算机', quantity: 200, unit: '台', specs: 'i7 / 16G / 512G SSD / 23.8 英寸' }],
      deliveryRegion: '350102',
      deliveryDate: `${year + 1}-03-31`,
      maxPrice: '1280000.00',
      budgetLineId: line.id,
      ruleSet: emallRules,
      quoteDeadline: quoteDeadline.toISOString(),
    });

    const order = await this.c.post('owner', '/procurement/orders/direct', { budgetLineId: line.id, items: [{ productId: ids['黑白激光打印机'], quantity: 6 }, { productId: ids['黑白激光多功能一体机'], quantity: 2 }], ruleSet: emallRules });
    await this.c.post('bidder1', `/procurement/orders/${order.id}/confirm`);
    await this.c.post('bidder1', `/procurement/orders/${order.id}/deliver`, { note: '送货单 SH-DEMO-0001,共 8 箱' });
    const accepted = await this.c.post('owner', `/procurement/orders/${order.id}/accept`);
    await this.c.post('owner', `/procurement/orders/${order.id}/payment`, { reference: 'ZF-DEMO-0001', amount: accepted.total });
    await this.c.post('owner', `/procurement/orders/${order.id}/rating`, { quality: 5, delivery: 4, service: 5, comment: '到货及时,安装调试到位。' });
    this.made.push(`e-mall: ${products.length} products, budget line ${DEMO_BUDGET_CODE}, an online quote open until ${quoteDeadline.toISOString()}, a paid direct order with its rating`);
  }
}
