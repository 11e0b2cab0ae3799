// docs/open-data-ocds.md "History": a public project's versions, rebuilt from the audit trail. Pure: no server needed.
import { Money } from '@app/platform/money/money';

/** Audited changes that the public saw happen; nothing sealed (no bid, deposit, registration, score or draw). */
export const PUBLIC_ACTIONS: Record<string, { zh: string; en: string }> = {
  'project.published': { zh: '项目公开', en: 'published' },
  'project.suspended': { zh: '项目中止', en: 'suspended' },
  'project.resumed': { zh: '项目恢复', en: 'resumed' },
  'project.closed': { zh: '项目结束', en: 'closed' },
  'project.cancelled': { zh: '项目终止', en: 'cancelled' },
  'tender.announced': { zh: '发布招标公告', en: 'tender announced' },
  'tender.amended': { zh: '发布修改文件', en: 'tender documents amended' },
  'tender.question_answered': { zh: '发布澄清答复', en: 'clarification answered' },
  'tender.opened': { zh: '开标', en: 'bids opened' },
  'tender.failed': { zh: '流标', en: 'tender failed' },
  'tender.section_failed': { zh: '标段流标', en: 'section failed' },
  'tender.candidates_published': { zh: '中标候选人公示', en: 'candidates published' },
  'tender.awarded': { zh: '定标', en: 'awarded' },
  'tender.contract_signed': { zh: '合同签订', en: 'contract signed' },
  // the live engine's lot (subject lot, found by lot.project_id): its phases, each accepted bid by paddle, its end
  'lot.created': { zh: '设立竞价标的', en: 'lot set up' },
  'lot.listing_started': { zh: '挂牌竞价开始', en: 'listing started' },
  'lot.live_started': { zh: '限时竞价开始', en: 'live phase started' },
  'lot.bid_accepted': { zh: '报价', en: 'bid accepted' },
  'lot.suspended': { zh: '竞价暂停', en: 'lot suspended' },
  'lot.resumed': { zh: '竞价恢复', en: 'lot resumed' },
  'lot.ended': { zh: '竞价结束', en: 'lot ended' },
  // 国有建设用地出让 (subject land_parcel, keyed by the project id); not its applications, deposits or bids
  'land.announced': { zh: '发布出让公告', en: 'parcel announced' },
  'land.start_retimed': { zh: '变更公告(开始时间调整)', en: 'start moved' },
  'land.live_started': { zh: '进入限时竞价', en: 'live bidding started' },
  'land.ended': { zh: '出让结果公示', en: 'result published' },
  'land.confirmation_issued': { zh: '签发成交确认书', en: 'deal confirmed' },
  // 农村产权交易 (subject rural_deal, keyed by the project id); not its applications, deposits or bids
  'rural.listed': { zh: '发布挂牌公告', en: 'listed' },
  'rural.relisted': { zh: '重新挂牌', en: 'relisting' },
  'rural.listing_closed': { zh: '挂牌截止', en: 'listing closed' },
  'rural.live_failed': { zh: '竞价未成交', en: 'live bidding failed' },
  'rural.concluded': { zh: '成交结果公示', en: 'deal concluded' },
  'rural.contract_recorded': { zh: '合同备案', en: 'contract recorded' },
  // 电子卖场网上竞价 (subject procurement_requirement, keyed by the requirement id); not its quotes before the opening
  'procurement.requirement_published': { zh: '发布竞价需求', en: 'requirement published' },
  'procurement.requirement_reopened': { zh: '重新竞价', en: 'quotes reopened' },
  'procurement.requirement_switched': { zh: '变更采购方式', en: 'method switched' },
  'procurement.quote_awarded': { zh: '竞价成交', en: 'awarded' },
  'procurement.quote_round_failed': { zh: '竞价失败', en: 'round failed' },
};

/** The audit subjects of a project's domain object: the subject type, and whether it is keyed by the project id. */
export const DOMAIN_SUBJECT: Record<string, string> = { land: 'land_parcel', rural: 'rural_deal', procurement: 'procurement_requirement' };

/** The public stage of a tender each event leads to (the public view's status; sections keep their own). */
const TENDER_STAGE: Record<string, string> = {
  'tender.announced': 'bidding',
  'tender.opened': 'opened',
  'tender.failed': 'failed',
  'tender.candidates_published': 'publicity',
  'tender.awarded': 'awarded',
};

export interface HistoryEvent {
  at: Date;
  action: string;
  role: string | null;
  payload: Record<string, any> | null;
  /** the audit subject's id: the lot's for lot events (the others are the project's) */
  subjectId?: string;
}

/** A notice of the portal feed (公告) of this project, as the feed lists it; public from `publishedAt`. */
export interface PublicNotice {
  kind: string;
  title: string;
  sectionNo: number | null;
  publishedAt: Date;
}

export interface PublicDocument {
  id: string;
  kind: string;
  fileName: string;
  sha256: string;
  note: string | null;
  createdAt: Date;
}

export interface HistoryInput {
  /** the project's domain: land, rural and e-mall projects also get their parcel, deal or requirement */
  domain?: string;
  /** only events of PUBLIC_ACTIONS, oldest first */
  events: HistoryEvent[];
  /** names of the organisations a public result names (the winner, the buyer, the supplier), by id */
  names?: Record<string, string>;
  documents: PublicDocument[];
  clarifications: { question: string; answer: string; answeredAt: Date }[];
  /** 招投标: the tender's sections (标段) by number, as announced */
  sections?: { no: number; name: string }[];
  /** the portal's notices of the project (公告), each public from its time */
  notices?: PublicNotice[];
}

export interface PublicState {
  projectStatus: string | null;
  tenderStatus: string | null;
  bidDeadline: string | null;
  documents: { id: string; kind: string; fileName: string; sha256: string; note: string | null; publishedAt: string }[];
  clarifications: { question: string; answer: string; answeredAt: string }[];
  /** 土地: the parcel's status, its times as published and as moved, the result once public */
  parcel?: ParcelState;
  /** 农村产权: the deal's status, its listing round and end, the result once public */
  deal?: DealState;
  /** 电子卖场: the requirement's status, its round and quote deadline, the award once public */
  requirement?: RequirementState;
  /** 招投标: each section's stage, its candidates' publicity end, its award and contract once public */
  sections?: SectionState[];
  /** 土地, 农村产权: the live engine's lots: phase, end of the phase as it moved, bids by paddle, result */
  lots?: LotState[];
  /** the notices (公告) public by then */
  notices?: { kind: string; title: string; sectionNo: number | null; publishedAt: string }[];
}

export interface SectionState {
  no: number;
  name: string;
  status: string | null;
  publicityUntil: string | null;
  award: { winnerName: string | null; price: string; awardedAt: string } | null;
  contract: { amount: string; signedAt: string | null } | null;
}

export interface LotState {
  id: string;
  title: string | null;
  phase: string;
  startPrice: string | null;
  /** the current phase's end: set when it starts, moved by each accepted live bid (the countdown) and by a resumption */
  endsAt: string | null;
  bids: number;
  highest: string | null;
  leaderPaddle: number | null;
  result: { outcome: string; winnerPaddle: number | null; price: string | null; endedAt: string } | null;
}

export interface ParcelState {
  status: string | null;
  mode: string | null;
  listingStartsAt: string | null;
  listingEndsAt: string | null;
  auctionAt: string | null;
  result: { outcome: string; winnerName: string | null; price: string | null; endedAt: string; publicityUntil: string | null } | null;
}

export interface DealState {
  status: string | null;
  round: number | null;
  listingEndsAt: string | null;
  result: { method: string; buyerName: string | null; price: string; concludedAt: string; publicityUntil: string | null } | null;
}

export interface RequirementState {
  status: string | null;
  round: number | null;
  quoteDeadline: string | null;
  award: { supplierName: string | null; price: string; awardedAt: string } | null;
}

/** The fields a nested state's versions list one by one (`parcel.listingEndsAt`). */
const NESTED = ['parcel', 'deal', 'requirement'] as const;

export interface Version {
  version: number;
  at: string;
  action: string;
  /** the role that made the change (`system` for the worker); never a person */
  role: string | null;
  reason: { zh: string; en: string; note?: string };
  /**
   * a field's value before and after (`parcel.listingEndsAt` for a parcel's, deal's or requirement's field); for
   * `documents` and `clarifications`, `from` is null and `to` the items added
   */
  changes: { field: string; from: unknown; to: unknown }[];
}

const iso = (v: unknown): string | null => (v ? new Date(v as string).toISOString() : null);
const yuan = (fen: unknown): string | null => (fen === null || fen === undefined ? null : Money.ofFen(String(fen)).toYuan());
const shiftOf = (p: Record<string, any>, key: string): string | null => {
  const s = (Array.isArray(p.shifted) ? p.shifted : []).find((x: any) => x?.key === key);
  return s?.to ? iso(s.to) : null;
};

/** The organisations a public result names, for the repository to look up (nothing else is read). */
export function namedOrganisations(events: HistoryEvent[]): string[] {
  const ids = events.map((e) => {
    const p = e.payload ?? {};
    if (e.action === 'land.ended') return p.winnerOrganisationId;
    if (e.action === 'rural.concluded') return p.buyerOrganisationId;
    if (e.action === 'procurement.quote_awarded') return p.winner?.organisationId;
    if (e.action === 'tender.awarded') return p.organisationId;
    return null;
  });
  return [...new Set(ids.filter((x): x is string => typeof x === 'string'))];
}

/** 土地: announced → (listing) → live → ended → confirmed; a moved start moves a listing's end by as much. */
function foldParcel(s: ParcelState, e: HistoryEvent, names: Record<string, string>): void {
  const p = e.payload ?? {};
  switch (e.action) {
    case 'land.announced':
      s.status = 'announced';
      s.mode = p.mode ?? null;
      s.listingStartsAt = p.mode === 'listing' ? iso(p.startsAt) : null;
      s.auctionAt = p.mode === 'auction' ? iso(p.startsAt) : null;
      s.listingEndsAt = iso(p.endsAt);
      break;
    case 'land.start_retimed':
      if (s.mode === 'auction') s.auctionAt = iso(p.to);
      else if (s.listingStartsAt && p.to) {
        const delta = new Date(p.to).getTime() - new Date(s.listingStartsAt).getTime();
        s.listingStartsAt = iso(p.to);
        if (s.listingEndsAt) s.listingEndsAt = new Date(new Date(s.listingEndsAt).getTime() + delta).toISOString();
      }
      break;
    case 'project.resumed':
      s.listingStartsAt = shiftOf(p, 'land.listing_starts_at') ?? s.listingStartsAt;
      s.auctionAt = shiftOf(p, 'land.auction_at') ?? s.auctionAt;
      s.listingEndsAt = shiftOf(p, 'land.listing_ends_at') ?? s.listingEndsAt;
      break;
    case 'land.live_started':
      s.status = 'live';
      break;
    case 'land.ended':
      s.status = 'ended';
      s.result = {
        outcome: p.outcome,
        winnerName: p.winnerOrganisationId ? (names[p.winnerOrganisationId] ?? null) : null,
        price: yuan(p.priceFen),
        endedAt: e.at.toISOString(),
        publicityUntil: iso(p.publicityUntil),
      };
      break;
    case 'land.confirmation_issued':
      s.status = 'confirmed';
      break;
  }
}

/** 农村产权: each round's listing end as published, moved by a resumption; the deal's status from each event. */
function foldDeal(s: DealState, e: HistoryEvent, names: Record<string, string>): void {
  const p = e.payload ?? {};
  if (e.action.startsWith('rural.') && typeof p.to === 'string') s.status = p.to;
  switch (e.action) {
    case 'rural.listed':
      s.round = p.round ?? s.round;
      s.listingEndsAt = iso(p.endsAt);
      break;
    case 'rural.relisted':
      s.round = p.round ?? s.round;
      s.listingEndsAt = null;
      s.result = null;
      break;
    case 'rural.listing_closed':
      s.status = p.outcome ?? s.status;
      break;
    case 'project.resumed':
      if (s.round !== null) s.listingEndsAt = shiftOf(p, `rural_listing:${s.round}.ends_at`) ?? s.listingEndsAt;
      break;
    case 'rural.concluded':
      s.result = {
        method: p.method,
        buyerName: p.buyerOrganisationId ? (names[p.buyerOrganisationId] ?? null) : null,
        price: yuan(p.priceFen)!,
        concludedAt: e.at.toISOString(),
        publicityUntil: iso(p.publicityUntil),
      };
      break;
  }
}

/** 电子卖场: quoting in round 1 (or 2 once reopened) to its deadline, moved by a resumption; then awarded or failed. */
function foldRequirement(s: RequirementState, e: HistoryEvent, names: Record<string, string>): void {
  const p = e.payload ?? {};
  switch (e.action) {
    case 'procurement.requirement_published':
      Object.assign(s, { status: 'quoting', round: 1, quoteDeadline: iso(p.quoteDeadline) });
      break;
    case 'procurement.requirement_reopened':
      Object.assign(s, { status: 'quoting', round: p.round ?? 2, quoteDeadline: iso(p.quoteDeadline) });
      break;
    case 'procurement.requirement_switched':
      s.status = 'switched';
      break;
    case 'procurement.quote_round_failed':
      s.status = 'failed';
      break;
    case 'procurement.quote_awarded':
      s.status = 'awarded';
      s.award = p.winner ? { supplierName: names[p.winner.organisationId] ?? null, price: yuan(p.winner.totalFen)!, awardedAt: e.at.toISOString() } : null;
      break;
    case 'project.resumed':
      if (s.round !== null) s.quoteDeadline = shiftOf(p, `procurement_requirement:${s.round}.quote_deadline`) ?? s.quoteDeadline;
      break;
  }
}

/** 招投标 sections: bidding from the announcement, then as the opening, the report, the publicity, the award and the contract say. */
function foldSections(sections: SectionState[], e: HistoryEvent, names: Record<string, string>): void {
  const p = e.payload ?? {};
  const of = (no: unknown) => sections.find((x) => x.no === Number(no));
  switch (e.action) {
    case 'tender.announced':
      for (const x of sections) x.status = 'bidding';
      break;
    case 'tender.opened':
    case 'tender.failed':
      for (const o of Array.isArray(p.sections) ? p.sections : []) {
        const x = of(o?.no);
        if (x) x.status = o.outcome === 'failed' ? 'failed' : 'opened';
      }
      break;
    case 'tender.section_failed':
      if (of(p.section)) of(p.section)!.status = 'failed';
      break;
    case 'tender.candidates_published': {
      const x = of(p.section);
      if (x) Object.assign(x, { status: 'publicity', publicityUntil: iso(p.publicityUntil) });
      break;
    }
    case 'tender.awarded': {
      const x = of(p.section);
      if (x) Object.assign(x, { status: 'awarded', award: { winnerName: names[p.organisationId] ?? null, price: yuan(p.priceFen), awardedAt: e.at.toISOString() } });
      break;
    }
    case 'tender.contract_signed': {
      const x = of(p.section);
      if (x) Object.assign(x, { status: 'contracted', contract: { amount: yuan(p.amountFen), signedAt: iso(p.signedAt) } });
      break;
    }
  }
}

/** The live engine's lots: each phase's end as set, moved by live bids and resumptions; bids by paddle only; the result. */
function foldLots(lots: LotState[], e: HistoryEvent): void {
  if (!e.action.startsWith('lot.') || !e.subjectId) return;
  const p = e.payload ?? {};
  let lot = lots.find((l) => l.id === e.subjectId);
  if (!lot) {
    lot = { id: e.subjectId, title: null, phase: 'created', startPrice: null, endsAt: null, bids: 0, highest: null, leaderPaddle: null, result: null };
    lots.push(lot);
  }
  switch (e.action) {
    case 'lot.created':
      Object.assign(lot, { title: p.title ?? null, startPrice: yuan(p.startPriceFen) });
      break;
    case 'lot.listing_started':
    case 'lot.live_started':
      Object.assign(lot, { phase: e.action === 'lot.live_started' ? 'live' : 'listing', endsAt: iso(p.endsAt) });
      break;
    case 'lot.bid_accepted':
      Object.assign(lot, { bids: lot.bids + 1, highest: yuan(p.priceFen), leaderPaddle: p.paddle ?? null, endsAt: iso(p.endsAt) ?? lot.endsAt });
      break;
    case 'lot.suspended':
      lot.phase = 'suspended';
      break;
    case 'lot.resumed':
      Object.assign(lot, { phase: p.phase ?? lot.phase, endsAt: iso(p.endsAt) });
      break;
    case 'lot.ended':
      Object.assign(lot, { phase: 'ended', endsAt: null, result: { outcome: p.outcome, winnerPaddle: p.winnerPaddle ?? null, price: yuan(p.priceFen), endedAt: e.at.toISOString() } });
      break;
  }
}

/** The state before any event: what the input says the project's public view holds for its domain. */
function initial(input: HistoryInput): PublicState {
  const s: PublicState = { projectStatus: null, tenderStatus: null, bidDeadline: null, documents: [], clarifications: [] };
  if (input.domain === 'land') s.parcel = { status: null, mode: null, listingStartsAt: null, listingEndsAt: null, auctionAt: null, result: null };
  if (input.domain === 'rural') s.deal = { status: null, round: null, listingEndsAt: null, result: null };
  if (input.domain === 'procurement') s.requirement = { status: null, round: null, quoteDeadline: null, award: null };
  if (input.sections) s.sections = input.sections.map((x) => ({ no: x.no, name: x.name, status: null, publicityUntil: null, award: null, contract: null }));
  if (input.domain === 'land' || input.domain === 'rural') s.lots = [];
  if (input.notices) s.notices = [];
  return s;
}

/** One event applied to the state (in place): the project, the tender and the domain's object. */
function apply(s: PublicState, input: HistoryInput, e: HistoryEvent): void {
  const p = e.payload ?? {};
  const names = input.names ?? {};
  if (s.parcel) foldParcel(s.parcel, e, names);
  if (s.deal) foldDeal(s.deal, e, names);
  if (s.requirement) foldRequirement(s.requirement, e, names);
  if (s.sections) foldSections(s.sections, e, names);
  if (s.lots) foldLots(s.lots, e);
  if (e.action.startsWith('project.') && typeof p.to === 'string') s.projectStatus = p.to;
  if (TENDER_STAGE[e.action]) s.tenderStatus = TENDER_STAGE[e.action];
  if (e.action === 'tender.announced') s.bidDeadline = iso(p.bidDeadline);
  if (e.action === 'tender.amended' && p.bidDeadline) s.bidDeadline = iso(p.bidDeadline);
  if (e.action === 'project.resumed') {
    const shifted = (Array.isArray(p.shifted) ? p.shifted : []).find((x: any) => x?.key === 'tender.bid_deadline');
    if (shifted?.to) s.bidDeadline = iso(shifted.to);
  }
}

/**
 * What is public by `upto` apart from the events: the tender documents (from the announcement; an amendment from its
 * audited event, its row's created_at being its transaction's start, a little earlier), the answers and the notices.
 */
function publishedBy(s: PublicState, input: HistoryInput, upto: number): void {
  const announced = input.events.find((e) => e.action === 'tender.announced');
  if (announced && announced.at.getTime() <= upto) {
    const announcedAt = announced.at.getTime();
    const amendedAt = new Map(input.events.filter((e) => e.action === 'tender.amended' && e.payload?.documentId).map((e) => [String(e.payload!.documentId), e.at.getTime()]));
    s.documents = input.documents
      .map((d) => ({ d, from: Math.max(amendedAt.get(d.id) ?? d.createdAt.getTime(), announcedAt) }))
      .filter((x) => x.from <= upto)
      .map(({ d, from }) => ({ id: d.id, kind: d.kind, fileName: d.fileName, sha256: d.sha256, note: d.note, publishedAt: new Date(from).toISOString() }));
  } else s.documents = [];
  s.clarifications = input.clarifications.filter((c) => c.answeredAt.getTime() <= upto).map((c) => ({ question: c.question, answer: c.answer, answeredAt: c.answeredAt.toISOString() }));
  if (s.notices) {
    s.notices = (input.notices ?? [])
      .filter((n) => n.publishedAt.getTime() <= upto)
      .sort((a, b) => a.publishedAt.getTime() - b.publishedAt.getTime() || a.title.localeCompare(b.title))
      .map((n) => ({ kind: n.kind, title: n.title, sectionNo: n.sectionNo, publishedAt: n.publishedAt.toISOString() }));
  }
}

/** The public view as it was at `at`; null before the first public event (the project was not public then). */
export function stateAt(input: HistoryInput, at: Date): PublicState | null {
  const first = input.events[0];
  if (!first || at.getTime() < first.at.getTime()) return null;
  const s = initial(input);
  for (const e of input.events) if (e.at.getTime() <= at.getTime()) apply(s, input, e);
  publishedBy(s, input, at.getTime());
  return s;
}

/** The fields of two states that differ, nested objects and the sections and lots field by field. */
function changesBetween(before: PublicState, after: PublicState): Version['changes'] {
  const changes: Version['changes'] = [];
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  for (const field of Object.keys(after) as (keyof PublicState)[]) {
    if (same(before[field], after[field])) continue;
    if ((NESTED as readonly string[]).includes(field)) {
      const b = (before[field] ?? {}) as unknown as Record<string, unknown>;
      const a = after[field] as unknown as Record<string, unknown>;
      for (const k of Object.keys(a)) if (!same(b[k], a[k])) changes.push({ field: `${field}.${k}`, from: b[k] ?? null, to: a[k] });
    } else if (field === 'sections' || field === 'lots') {
      const b = (before[field] ?? []) as unknown as Record<string, unknown>[];
      (after[field] as unknown as Record<string, unknown>[]).forEach((a, i) => {
        for (const k of Object.keys(a)) if (!same(b[i]?.[k], a[k])) changes.push({ field: `${field}[${i}].${k}`, from: b[i]?.[k] ?? null, to: a[k] });
      });
    } else if (field === 'documents' || field === 'clarifications' || field === 'notices') {
      const known = new Set(((before[field] ?? []) as unknown[]).map((x) => JSON.stringify(x)));
      changes.push({ field, from: null, to: (after[field] as unknown[]).filter((x) => !known.has(JSON.stringify(x))) });
    } else changes.push({ field, from: before[field], to: after[field] });
  }
  return changes;
}

/** One version per public event, with the fields of the public view it changed and why (one pass over the events). */
export function versionsOf(input: HistoryInput): Version[] {
  const s = initial(input);
  let before: PublicState = structuredClone(s);
  return input.events.map((e, i) => {
    apply(s, input, e);
    publishedBy(s, input, e.at.getTime());
    const after = structuredClone(s);
    const changes = changesBetween(before, after);
    before = after;
    const p = e.payload ?? {};
    const amendmentNote = e.action === 'tender.amended' ? input.documents.find((d) => d.id === p.documentId)?.note : undefined;
    const note = [p.reason, p.note, amendmentNote].find((x) => typeof x === 'string' && x.length > 0) as string | undefined;
    return { version: i + 1, at: e.at.toISOString(), action: e.action, role: e.role, reason: { ...PUBLIC_ACTIONS[e.action], ...(note ? { note } : {}) }, changes };
  });
}
