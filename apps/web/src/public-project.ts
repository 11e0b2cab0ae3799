/**
 * What a public project page says about where a project stands: the lifecycle (a progress bar per domain) and its
 * time points (the countdown runs to the next one). Pure, from the public API's shapes; unit-tested.
 */
import { time, yuan } from './format';

export interface Lifecycle {
  steps: { title: string; description?: string }[];
  /** the step in progress, or the last one when everything is done */
  current: number;
  status: 'process' | 'finish' | 'error';
}

/** A time point of the project, as the announcement published it. */
export interface TimePoint {
  label: string;
  at: string | null | undefined;
}

const when = (v: string | null | undefined) => (v ? time(v).slice(0, 16) : undefined);

function build(titles: string[], current: number, status: Lifecycle['status'], descriptions: (string | undefined)[] = []): Lifecycle {
  return { steps: titles.map((title, i) => ({ title, description: descriptions[i] })), current, status };
}

/** A suspended project stands still where it is: the current step turns red and says so. */
export function suspended(l: Lifecycle, isSuspended: boolean): Lifecycle {
  if (!isSuspended) return l;
  return { ...l, status: 'error', steps: l.steps.map((s, i) => (i === l.current ? { ...s, description: '已中止' } : s)) };
}

export interface TenderLike {
  status: string;
  bidDeadline: string | null;
  openedAt: string | null;
  openingObjectionsUntil?: string | null;
  documentsAvailableAt?: string | null;
  sections: { status: string; publicityUntil: string | null }[];
}

/** 建设工程: 招标公告 → 投标截止·开标 → 评标 → 中标候选人公示 → 定标 → 合同签订 (contractSigned from the portal page). */
export function tenderLifecycle(t: TenderLike, extra: { awardedAt?: string | null; contractSignedAt?: string | null } = {}): Lifecycle {
  const titles = ['招标公告', '投标截止·开标', '评标', '候选人公示', '定标', '合同签订'];
  const publicity = t.sections.find((s) => s.publicityUntil)?.publicityUntil;
  const d = [when(t.documentsAvailableAt), when(t.openedAt ?? t.bidDeadline), undefined, publicity ? `至 ${when(publicity)}` : undefined, when(extra.awardedAt), when(extra.contractSignedAt)];
  switch (t.status) {
    case 'bidding':
      return build(titles, 0, 'process', d);
    case 'opened':
      return build(titles, 1, 'process', d);
    case 'evaluating':
      return build(titles, 2, 'process', d);
    case 'publicity':
      return build(titles, 3, 'process', d);
    case 'awarded':
      return extra.contractSignedAt ? build(titles, 5, 'finish', d) : build(titles, 5, 'process', d);
    case 'failed':
      return build(titles, 1, 'error', [d[0], '流标(投标人不足)']);
    default:
      return build(titles, 0, 'process', d);
  }
}

export function tenderTimes(t: TenderLike): TimePoint[] {
  return [
    { label: '投标截止(开标)', at: t.bidDeadline },
    { label: '开标异议截止', at: t.openingObjectionsUntil },
    ...t.sections.filter((s) => s.publicityUntil).map((s) => ({ label: '中标候选人公示截止', at: s.publicityUntil })),
  ];
}

export interface ParcelLike {
  mode: 'listing' | 'auction' | string;
  phase: 'announced' | 'listing' | 'live' | 'ended' | string;
  result: string | null;
  listingStartsAt: string | null;
  listingEndsAt: string | null;
  auctionAt: string | null;
  endedAt: string | null;
  publicityUntil: string | null;
}

/** 土地: 出让公告 → 挂牌 → 限时竞价 → 结果公示 → 成交确认书 (拍卖: 出让公告 → 拍卖会 → 结果公示 → 成交确认书). */
export function parcelLifecycle(p: ParcelLike, confirmedAt?: string | null): Lifecycle {
  const listing = p.mode === 'listing';
  const titles = listing ? ['出让公告', '挂牌', '限时竞价', '结果公示', '成交确认书'] : ['出让公告', '拍卖会', '结果公示', '成交确认书'];
  const result = titles.indexOf('结果公示');
  const d = listing
    ? [undefined, p.listingStartsAt ? `${when(p.listingStartsAt)} 起` : undefined, undefined, p.publicityUntil ? `至 ${when(p.publicityUntil)}` : undefined, when(confirmedAt)]
    : [undefined, when(p.auctionAt), p.publicityUntil ? `至 ${when(p.publicityUntil)}` : undefined, when(confirmedAt)];
  if (p.phase === 'announced') return build(titles, 0, 'process', d);
  if (p.phase === 'listing') return build(titles, 1, 'process', d);
  if (p.phase === 'live') return build(titles, listing ? 2 : 1, 'process', d);
  if (p.result && p.result !== 'sold') {
    d[result] = p.result === 'unsold' ? '流拍' : '未达保留价';
    return build(titles, result, 'error', d);
  }
  return confirmedAt ? build(titles, titles.length - 1, 'finish', d) : build(titles, result, 'process', d);
}

export function parcelTimes(p: ParcelLike): TimePoint[] {
  return p.mode === 'listing'
    ? [
        { label: '挂牌开始', at: p.listingStartsAt },
        { label: '挂牌截止', at: p.listingEndsAt },
        { label: '结果公示截止', at: p.publicityUntil },
      ]
    : [
        { label: '拍卖会开始', at: p.auctionAt },
        { label: '结果公示截止', at: p.publicityUntil },
      ];
}

export interface DealLike {
  status: string;
  round: number;
  listings: { round: number; startsAt: string | null; endsAt: string | null; outcome: string | null }[];
  result: { method: string; concludedAt: string; publicityUntil: string } | null;
  contract?: { signedAt: string } | null;
}

/** 农村产权: 挂牌公告 → 挂牌期·报名 → 协议转让或网络竞价 → 成交公示 → 合同签订. */
export function dealLifecycle(x: DealLike): Lifecycle {
  const titles = ['挂牌公告', '挂牌期·报名', x.result?.method === 'live' || x.status === 'live' ? '网络竞价' : x.result?.method === 'agreement' || x.status === 'agreement' ? '协议转让' : '协议转让 / 网络竞价', '成交公示', '合同签订'];
  const round = x.listings.find((l) => l.round === x.round);
  const d = [x.round > 1 ? `第 ${x.round} 轮` : undefined, round?.endsAt ? `至 ${when(round.endsAt)}` : undefined, when(x.result?.concludedAt), x.result ? `至 ${when(x.result.publicityUntil)}` : undefined, when(x.contract?.signedAt)];
  switch (x.status) {
    case 'draft':
    case 'relisting':
      return build(titles, 0, 'process', d);
    case 'listing':
      return build(titles, 1, 'process', d);
    case 'agreement':
    case 'live':
      return build(titles, 2, 'process', d);
    case 'concluded':
      return build(titles, 3, 'process', d);
    case 'contracted':
      return build(titles, 4, 'finish', d);
    case 'failed':
      d[1] = '无合格意向受让方,未成交';
      return build(titles, 1, 'error', d);
    default:
      return build(titles, 0, 'process', d);
  }
}

export function dealTimes(x: DealLike): TimePoint[] {
  const round = x.listings.find((l) => l.round === x.round);
  return [
    { label: `第 ${x.round} 轮挂牌开始`, at: round?.startsAt },
    { label: `第 ${x.round} 轮挂牌截止`, at: round?.endsAt },
    { label: '成交公示截止', at: x.result?.publicityUntil },
  ];
}

export interface RequirementLike {
  status: string;
  round: number;
  quoteDeadline: string;
  closedAt: string | null;
  winner: { price: string } | null;
}

/** 电子卖场网上竞价: 发布竞价需求 → 供应商报价 → 开启报价·确定成交 → 成交公告 → 订单确认 (orderConfirmedAt from the contract notice). */
export function requirementLifecycle(r: RequirementLike, orderConfirmedAt?: string | null): Lifecycle {
  const titles = ['发布竞价需求', '供应商报价', '开启报价', '成交公告', '订单确认'];
  const d = [r.round > 1 ? `第 ${r.round} 轮` : undefined, `至 ${when(r.quoteDeadline)}`, when(r.closedAt), undefined, when(orderConfirmedAt)];
  switch (r.status) {
    case 'quoting':
      return build(titles, 1, 'process', d);
    case 'awarded':
      return orderConfirmedAt ? build(titles, 4, 'finish', d) : build(titles, 4, 'process', d);
    case 'failed':
      d[2] = '有效报价不足,本轮失败';
      return build(titles, 2, 'error', d);
    case 'switched':
      d[2] = '已变更采购方式';
      return build(titles, 2, 'error', d);
    default:
      return build(titles, 0, 'process', d);
  }
}

export function requirementTimes(r: RequirementLike): TimePoint[] {
  return [{ label: r.round > 1 ? `第 ${r.round} 轮报价截止` : '报价截止', at: r.quoteDeadline }];
}

/** The first time point still ahead of `now` (server time, ms), in time order; null when all have passed. */
export function nextTimePoint(points: TimePoint[], now: number): { label: string; at: string } | null {
  const ahead = points
    .filter((p): p is { label: string; at: string } => !!p.at && new Date(p.at).getTime() > now)
    .sort((a, b) => new Date(a.at).getTime() - new Date(b.at).getTime());
  return ahead[0] ?? null;
}

/** "3 天 04:05:06" / "04:05:06" for what is left until a time point. */
export function remaining(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  const days = Math.floor(s / 86400);
  const hh = String(Math.floor((s % 86400) / 3600)).padStart(2, '0');
  const mm = String(Math.floor((s % 3600) / 60)).padStart(2, '0');
  const ss = String(s % 60).padStart(2, '0');
  return `${days ? `${days} 天 ` : ''}${hh}:${mm}:${ss}`;
}

/** GET /public/projects/:id/history: one version per public event. */
export interface HistoryVersion {
  version: number;
  at: string;
  action: string;
  role: string | null;
  reason: { zh: string; en: string; note?: string };
  changes: { field: string; from: unknown; to: unknown }[];
}

const STATUS_TEXT: Record<string, string> = {
  published: '已发布', suspended: '已中止', closed: '已结束', cancelled: '已终止',
  bidding: '投标中', opened: '已开标', failed: '未成交', evaluating: '评标中', publicity: '公示中', awarded: '已成交',
  announced: '已公告', live: '限时竞价', ended: '已结束', confirmed: '已签发成交确认书', registered: '已登记',
  listing: '挂牌中', agreement: '协议转让', relisting: '重新挂牌', concluded: '已成交', contracted: '已签约', draft: '登记中',
  quoting: '报价中', switched: '已变更采购方式',
};
const FIELD_TEXT: Record<string, string> = {
  projectStatus: '项目状态', tenderStatus: '招标阶段', bidDeadline: '投标截止时间', documents: '公开文件', clarifications: '澄清答复',
  'parcel.status': '出让状态', 'parcel.mode': '出让方式', 'parcel.listingStartsAt': '挂牌开始', 'parcel.listingEndsAt': '挂牌截止', 'parcel.auctionAt': '拍卖会时间', 'parcel.result': '出让结果',
  'deal.status': '交易状态', 'deal.round': '挂牌轮次', 'deal.listingEndsAt': '挂牌截止', 'deal.result': '成交结果',
  'requirement.status': '竞价状态', 'requirement.round': '竞价轮次', 'requirement.quoteDeadline': '报价截止', 'requirement.award': '成交结果',
};
const ISO = /^\d{4}-\d{2}-\d{2}T/;

const SECTION_FIELD: Record<string, string> = { status: '状态', publicityUntil: '候选人公示截止', award: '中标结果', contract: '合同' };
const LOT_FIELD: Record<string, string> = { phase: '竞价阶段', endsAt: '本阶段截止', bids: '出价次数', highest: '最高报价', leaderPaddle: '领先竞买号', result: '竞价结果', title: '标的', startPrice: '起始价' };

/**
 * A changed field's name for people: `sections[0].status` → 第 1 标段 状态, `lots[0].highest` → 竞价标的 最高报价,
 * `notices` → 公告; a field this table does not know reads 其他信息, never its code name.
 */
export const fieldText = (field: string) => {
  if (FIELD_TEXT[field]) return FIELD_TEXT[field];
  if (field === 'notices') return '发布公告';
  const m = /^(sections|lots)\[(\d+)\]\.(\w+)$/.exec(field);
  if (m && m[1] === 'sections' && SECTION_FIELD[m[3]]) return `第 ${Number(m[2]) + 1} 标段${SECTION_FIELD[m[3]]}`;
  if (m && m[1] === 'lots' && LOT_FIELD[m[3]]) return `${Number(m[2]) ? `竞价标的 ${Number(m[2]) + 1} ` : ''}${LOT_FIELD[m[3]]}`;
  return '其他信息';
};

/** A version's value as text: times in Beijing time, statuses in Chinese, documents by name, results in one line. */
export function valueText(field: string, v: unknown): string {
  if (v === null || v === undefined || v === '') return '—';
  if (typeof v === 'string') {
    if (/\.(highest|startPrice)$/.test(field)) return yuan(v);
    if (ISO.test(v)) return time(v).slice(0, 16);
    if (field.endsWith('mode')) return ({ listing: '挂牌', auction: '拍卖' } as Record<string, string>)[v] ?? v;
    return STATUS_TEXT[v] ?? v;
  }
  if (typeof v === 'number') return field.endsWith('round') ? `第 ${v} 轮` : field.endsWith('leaderPaddle') ? `${v} 号` : String(v);
  if (Array.isArray(v)) {
    if (field === 'documents') return v.map((d) => (d as { fileName?: string }).fileName ?? '文件').join('、');
    if (field === 'clarifications') return `${v.length} 条答复`;
    if (field === 'notices') return v.map((n) => (n as { title?: string }).title ?? '公告').join('、');
    return `${v.length} 项`;
  }
  const o = v as Record<string, string | null | undefined>;
  if (field.endsWith('.contract')) return [o.amount ? yuan(o.amount) : null, o.signedAt ? `签订于 ${time(o.signedAt).slice(0, 10)}` : null].filter(Boolean).join(' · ');
  if (field.startsWith('lots[') && field.endsWith('.result')) return [o.outcome === 'sold' ? '成交' : '未成交', o.winnerPaddle ? `竞买号 ${o.winnerPaddle}` : null, o.price ? yuan(o.price) : null].filter(Boolean).join(' · ');
  const who = o.winnerName ?? o.buyerName ?? o.supplierName;
  const outcome = o.outcome ? ({ sold: '成交', unsold: '流拍', reserve_not_met: '未达保留价' }[o.outcome] ?? o.outcome) : o.method ? ({ agreement: '协议转让', live: '网络竞价' }[o.method] ?? o.method) : '成交';
  return [outcome, who, o.price ? yuan(o.price) : null].filter(Boolean).join(' · ');
}
