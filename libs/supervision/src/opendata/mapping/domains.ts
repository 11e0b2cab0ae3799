// docs/open-data-ocds.md: how each trading domain's public facts become one OCDS contracting process.
import { OrgFact, ProcessFacts } from './releases';
import { ProcurementCategory } from './ocds-types';

export interface ProjectRow {
  id: string;
  code: string;
  domain: 'tendering' | 'land' | 'procurement' | 'rural';
  name: string;
  status: 'draft' | 'published' | 'suspended' | 'closed' | 'cancelled';
  publishedAt: Date;
  updatedAt: Date;
  owner: OrgFact;
  agent: OrgFact | null;
}

// ── 建设工程招投标 ────────────────────────────────────────────────────────────────────────────────────────────────

export interface TenderRows {
  project: ProjectRow;
  tender: {
    kind: 'construction' | 'supervision' | 'design' | 'survey' | 'goods' | 'services';
    estimateFen: bigint;
    evaluationMethod: 'comprehensive' | 'lowest_price';
    status: string;
    documentsAvailableAt: Date | null;
    bidDeadline: Date | null;
    openedAt: Date | null;
    retenderOfCode: string | null;
  };
  sections: { no: number; name: string; status: string; reportedAt: Date | null }[];
  /** read only once the tender is opened (or failed at its deadline): the organisations with a bid in force */
  bidders: { count: number; opened: OrgFact[] } | null;
  awards: { no: number; name: string; awardedAt: Date; priceFen: bigint; winner: OrgFact; contractSignedAt: Date | null; contractAmountFen: bigint | null }[];
  /** 修改: each amendment as audited (`tender.amended`), oldest first */
  amendments?: { at: Date; documentId: string; fileName: string; sha256: string; note: string | null; previousDeadline: Date | null; bidDeadline: Date | null; moved: boolean }[];
  /** resumptions that moved the bid deadline, with the deadline before */
  deadlineShifts?: { at: Date; from: Date }[];
}

const TENDER_CATEGORY: Record<TenderRows['tender']['kind'], ProcurementCategory> = {
  construction: 'works',
  supervision: 'services',
  design: 'services',
  survey: 'services',
  goods: 'goods',
  services: 'services',
};

const maxDate = (dates: (Date | null | undefined)[]): Date | null => {
  const ts = dates.filter((d): d is Date => !!d).map((d) => d.getTime());
  return ts.length ? new Date(Math.max(...ts)) : null;
};

export function tenderFacts(r: TenderRows): ProcessFacts {
  const { project: p, tender: t } = r;
  const awardId = (no: number) => `section-${no}`;
  let end: ProcessFacts['end'] = null;
  if (p.status === 'cancelled') end = { at: p.updatedAt, status: 'cancelled', details: '项目已终止 / cancelled' };
  else if (t.status === 'failed') {
    const at = maxDate([t.openedAt, ...r.sections.map((s) => s.reportedAt)]) ?? p.updatedAt;
    end = { at, status: 'unsuccessful', details: '流标 / failed (too few valid bids)' };
  } else if (t.status === 'awarded' && r.awards.length) {
    end = { at: maxDate(r.awards.map((a) => a.awardedAt))!, status: 'complete', details: '已定标 / awarded' };
  }
  return {
    localId: p.code,
    title: p.name,
    description: r.sections.length > 1 ? `标段 / sections: ${r.sections.map((s) => `${s.no} ${s.name}`).join('; ')}` : r.sections[0]?.name,
    direction: 'expenditure',
    buyer: p.owner,
    procuringEntity: p.agent,
    method: 'open',
    methodDetails: '公开招标 / open tendering',
    mainProcurementCategory: TENDER_CATEGORY[t.kind],
    awardCriteria: t.evaluationMethod === 'comprehensive' ? 'ratedCriteria' : 'lowestCost',
    awardCriteriaDetails: t.evaluationMethod === 'comprehensive' ? '综合评估法 / comprehensive scoring' : '经评审的最低投标价法 / lowest evaluated price',
    budget: { fen: t.estimateFen, description: '招标控制价(估算)/ estimate' },
    valueFen: t.estimateFen,
    publishedAt: p.publishedAt,
    tenderPeriod: { start: t.documentsAvailableAt ?? p.publishedAt, end: t.bidDeadline },
    bids: t.openedAt && r.bidders ? { at: t.openedAt, count: r.bidders.count, tenderers: r.bidders.opened } : null,
    awards: r.awards.map((a) => ({ id: awardId(a.no), title: a.name, date: a.awardedAt, publishedAt: a.awardedAt, status: 'active', valueFen: a.priceFen, suppliers: [a.winner] })),
    contracts: r.awards
      .filter((a) => a.contractSignedAt && a.contractAmountFen !== null)
      .map((a) => ({ id: `contract-${a.no}`, awardId: awardId(a.no), title: a.name, dateSigned: a.contractSignedAt!, status: 'active', valueFen: a.contractAmountFen! })),
    end,
    related: t.retenderOfCode ? [{ localId: t.retenderOfCode, relationship: 'unsuccessfulProcess', title: p.name }] : [],
    amendments: (r.amendments ?? []).map((a) => ({
      id: a.documentId,
      at: a.at,
      rationale: `招标文件修改 / amendment of the tender documents${a.note ? `:${a.note}` : ''}`,
      description:
        (a.moved && a.previousDeadline && a.bidDeadline
          ? `投标截止时间由 ${a.previousDeadline.toISOString()} 顺延至 ${a.bidDeadline.toISOString()} / bid deadline moved from ${a.previousDeadline.toISOString()} to ${a.bidDeadline.toISOString()}`
          : '投标截止时间不变 / bid deadline unchanged') + `;修改文件 / amendment file ${a.fileName} (SHA-256 ${a.sha256})`,
    })),
    endChanges: [
      ...(r.amendments ?? []).filter((a) => a.moved && a.previousDeadline).map((a) => ({ at: a.at, from: a.previousDeadline! })),
      ...(r.deadlineShifts ?? []),
    ],
  };
}

// ── 国有建设用地使用权出让 ─────────────────────────────────────────────────────────────────────────────────────────

export interface LandRows {
  project: ProjectRow;
  parcel: {
    location: string;
    areaM2: string;
    landUse: string;
    termYears: number;
    plotRatio: string;
    mode: 'listing' | 'auction';
    startPriceFen: bigint;
    listingStartsAt: Date | null;
    listingEndsAt: Date | null;
    auctionAt: Date | null;
    outcome: 'sold' | 'unsold' | 'reserve_not_met' | null;
    priceFen: bigint | null;
    endedAt: Date | null;
    confirmationNo: string | null;
    confirmedAt: Date | null;
  };
  /** the buyers who placed a bid, counted after the end */
  bidderCount: number | null;
  /** named only once the deal confirmation (成交确认书) is issued */
  winner: OrgFact | null;
}

const LAND_USE_ZH: Record<string, string> = { residential: '住宅', commercial: '商服', industrial: '工业', public_service: '公共服务', comprehensive: '综合' };

export function landFacts(r: LandRows): ProcessFacts {
  const { project: p, parcel: l } = r;
  const listing = l.mode === 'listing';
  const sold = l.outcome === 'sold' && l.priceFen !== null && l.endedAt;
  let end: ProcessFacts['end'] = null;
  if (p.status === 'cancelled') end = { at: p.updatedAt, status: 'cancelled', details: '出让已终止 / cancelled' };
  else if (l.outcome && l.endedAt) {
    end =
      l.outcome === 'sold'
        ? { at: l.endedAt, status: 'complete', details: '成交 / sold' }
        : { at: l.endedAt, status: 'unsuccessful', details: l.outcome === 'unsold' ? '流拍 / unsold' : '未达保留价 / reserve not met' };
  }
  return {
    localId: p.code,
    title: p.name,
    description: `${l.location};${LAND_USE_ZH[l.landUse] ?? l.landUse}用地 ${l.areaM2} m²,出让年限 ${l.termYears} 年,容积率 ${l.plotRatio} / ${l.landUse} land, ${l.areaM2} m², ${l.termYears} years, plot ratio ${l.plotRatio}`,
    direction: 'revenue',
    buyer: p.owner,
    procuringEntity: p.agent,
    method: 'open',
    methodDetails: listing ? '挂牌出让(网上挂牌,限时竞价)/ listing with timed online bidding' : '拍卖出让 / auction',
    methodRationale: '国有建设用地使用权招标拍卖挂牌出让:公开竞价,任何符合条件的竞买人均可申请 / a public sale open to every qualified buyer',
    valueFen: l.startPriceFen,
    publishedAt: p.publishedAt,
    tenderPeriod: listing ? { start: l.listingStartsAt, end: l.listingEndsAt } : { start: l.auctionAt, end: l.endedAt },
    bids: l.endedAt && r.bidderCount !== null ? { at: l.endedAt, count: r.bidderCount } : null,
    awards: sold
      ? [{ id: 'sale-1', title: p.name, date: l.endedAt!, publishedAt: l.endedAt!, status: 'active', valueFen: l.priceFen!, suppliers: r.winner ? [r.winner] : [], suppliersFrom: l.confirmedAt }]
      : [],
    contracts:
      sold && l.confirmedAt && l.confirmationNo
        ? [{ id: l.confirmationNo, awardId: 'sale-1', title: '成交确认书 / deal confirmation', dateSigned: l.confirmedAt, status: 'active', valueFen: l.priceFen! }]
        : [],
    end,
  };
}

// ── 农村产权交易 ─────────────────────────────────────────────────────────────────────────────────────────────────

export interface RuralRows {
  project: ProjectRow;
  deal: {
    kindName: string;
    description: string;
    quantity: string;
    unit: string;
    termMonths: number | null;
    listingPriceFen: bigint;
    status: string;
    method: 'agreement' | 'live' | null;
    dealPriceFen: bigint | null;
    concludedAt: Date | null;
    contractNo: string | null;
    contractSignedAt: Date | null;
    contractAmountFen: bigint | null;
    updatedAt: Date;
  };
  /** the listing round in force (the last one) */
  listing: { round: number; priceFen: bigint; startsAt: Date | null; endsAt: Date | null; closedAt: Date | null; qualified: number | null } | null;
  buyer: OrgFact | null;
}

export function ruralFacts(r: RuralRows): ProcessFacts {
  const { project: p, deal: d, listing } = r;
  const concluded = d.dealPriceFen !== null && d.concludedAt;
  let end: ProcessFacts['end'] = null;
  if (p.status === 'cancelled') end = { at: p.updatedAt, status: 'cancelled', details: '交易已终止 / cancelled' };
  else if (concluded) end = { at: d.concludedAt!, status: 'complete', details: d.method === 'live' ? '网络竞价成交 / sold by live bidding' : '协议转让成交 / agreement transfer' };
  else if (d.status === 'failed') end = { at: listing?.closedAt ?? d.updatedAt, status: 'unsuccessful', details: '流拍 / no buyer' };
  return {
    localId: p.code,
    title: p.name,
    description: `${d.kindName}:${d.description};${d.quantity} ${d.unit}${d.termMonths ? `,${d.termMonths} 个月` : ''}`,
    direction: 'revenue',
    buyer: p.owner,
    procuringEntity: p.agent,
    method: 'open',
    methodDetails: '公开挂牌(一家意向受让方协议转让,多家网络竞价)/ public listing; one applicant: agreement transfer, several: live bidding',
    valueFen: listing?.priceFen ?? d.listingPriceFen,
    publishedAt: p.publishedAt,
    tenderPeriod: { start: listing?.startsAt, end: listing?.endsAt },
    bids: listing?.closedAt && listing.qualified !== null ? { at: listing.closedAt, count: listing.qualified } : null,
    awards: concluded && r.buyer ? [{ id: 'deal-1', title: p.name, date: d.concludedAt!, publishedAt: d.concludedAt!, status: 'active', valueFen: d.dealPriceFen!, suppliers: [r.buyer] }] : [],
    contracts:
      concluded && r.buyer && d.contractSignedAt && d.contractAmountFen !== null
        ? [{ id: d.contractNo ?? 'contract-1', awardId: 'deal-1', dateSigned: d.contractSignedAt, status: 'active', valueFen: d.contractAmountFen }]
        : [],
    end,
  };
}

// ── 政府采购电子卖场 · 网上竞价 ──────────────────────────────────────────────────────────────────────────────────────

export interface RequirementRows {
  requirement: {
    id: string;
    title: string;
    categoryCode: string;
    items: { description: string; quantity: number; unit: string }[];
    maxPriceFen: bigint;
    round: number;
    status: 'quoting' | 'failed' | 'awarded' | 'switched';
    createdAt: Date;
    closedAt: Date | null;
    winnerQuoteId: string | null;
    /** the kernel project of the online quote (null before the e-mall had projects) */
    projectId?: string | null;
  };
  purchaser: OrgFact;
  budgetLine: { code: string; name: string };
  /** each round's window, from its deadline milestone */
  rounds: { round: number; openedAt: Date; deadline: Date }[];
  /** opened quotes only (their deadline has passed) */
  quotes: { id: string; round: number; supplier: OrgFact; totalFen: bigint; openedAt: Date }[];
  order: { no: string; status: string; totalFen: bigint; confirmedAt: Date | null; paidAt: Date | null } | null;
}

/** 政府采购品目分类目录: A goods, B works, C services. */
export function categoryOf(code: string): ProcurementCategory | undefined {
  return ({ A: 'goods', B: 'works', C: 'services' } as const)[code[0] as 'A' | 'B' | 'C'];
}

export const requirementLocalId = (id: string, round: number) => (round === 1 ? `CG-RQ-${id}` : `CG-RQ-${id}-R${round}`);

/** Each round is its own contracting process (OCDS: a restarted procedure is a new process), linked to the one before. */
export function requirementFacts(r: RequirementRows): ProcessFacts[] {
  const q = r.requirement;
  const out: ProcessFacts[] = [];
  for (let round = 1; round <= q.round; round++) {
    const window = r.rounds.find((w) => w.round === round);
    const quotes = r.quotes.filter((x) => x.round === round);
    const current = round === q.round;
    const closedAt = current ? q.closedAt : maxDate(quotes.map((x) => x.openedAt)) ?? window?.deadline ?? null;
    const winner = current && q.status === 'awarded' ? quotes.find((x) => x.id === q.winnerQuoteId) : undefined;
    let end: ProcessFacts['end'] = null;
    if (closedAt) {
      end = winner
        ? { at: closedAt, status: 'complete', details: '成交 / awarded' }
        : { at: closedAt, status: 'unsuccessful', details: current && q.status === 'switched' ? '有效报价不足,已转其他方式 / too few valid quotes, switched' : '有效报价不足 / too few valid quotes' };
    }
    const publishedAt = round === 1 ? q.createdAt : (window?.openedAt ?? closedAt ?? q.createdAt);
    const order = winner && r.order ? r.order : null;
    out.push({
      localId: requirementLocalId(q.id, round),
      title: round === 1 ? q.title : `${q.title}(第 ${round} 轮 / round ${round})`,
      direction: 'expenditure',
      buyer: r.purchaser,
      method: 'selective',
      methodDetails: '电子卖场网上竞价 / e-mall online quote',
      methodRationale: '仅持有该品目有效框架协议或定点资格的供应商可报价 / only suppliers holding a valid framework or designated agreement for the category may quote',
      mainProcurementCategory: categoryOf(q.categoryCode),
      awardCriteria: 'priceOnly',
      awardCriteriaDetails: '最低有效报价成交 / the lowest valid quote wins',
      budget: { fen: q.maxPriceFen, id: r.budgetLine.code, description: r.budgetLine.name },
      valueFen: q.maxPriceFen,
      items: q.items.map((it, i) => ({ id: String(i + 1), description: it.description, quantity: it.quantity, unit: { name: it.unit } })),
      publishedAt,
      tenderPeriod: { start: publishedAt, end: window?.deadline ?? (current ? null : closedAt) },
      bids: closedAt ? { at: closedAt, count: quotes.length, tenderers: quotes.map((x) => x.supplier) } : null,
      awards: winner ? [{ id: 'award-1', title: q.title, date: closedAt!, publishedAt: closedAt!, status: 'active', valueFen: winner.totalFen, suppliers: [winner.supplier] }] : [],
      contracts:
        order && order.confirmedAt
          ? [
              {
                id: order.no,
                awardId: 'award-1',
                dateSigned: order.confirmedAt,
                status: order.status === 'cancelled' ? 'cancelled' : 'active',
                valueFen: order.totalFen,
                payments: order.paidAt ? [{ id: `${order.no}-payment`, at: order.paidAt, valueFen: order.totalFen }] : [],
              },
            ]
          : [],
      end,
      related: round > 1 ? [{ localId: requirementLocalId(q.id, round - 1), relationship: 'unsuccessfulProcess', title: q.title }] : [],
    });
  }
  return out;
}
