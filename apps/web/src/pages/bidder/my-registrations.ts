import { MyLandApplication, MyRuralApplication, MyTenderRegistration } from '../../api/workspace-types';
import { DEAL_STATUS, PARCEL_PHASE, TENDER_STATUS } from '../../labels';
import { LAND_APPLICATION_STATUS, RURAL_APPLICATION_STATUS } from '../../workspace-labels';

export type RegistrationDomain = 'tendering' | 'land' | 'rural';
export interface Label {
  text: string;
  color: string;
}

/** One line of "我的报名与保证金": a tender section, a land application or a rural application, in one shape. */
export interface RegistrationRow {
  key: string;
  domain: RegistrationDomain;
  projectId: string;
  code: string;
  name: string;
  /** 第 1 标段 一标段 / 第 2 轮 */
  part: string | null;
  /** when the organisation registered (applied, declared): the order of the table */
  at: string;
  deadline: string | null;
  stage: Label;
  deposit: { amount: string | null; required: string | null; status: Label };
  mine: Label;
  /** the bid receipt (time and digest) of a tender section; never a price */
  receipt: { at: string; digest: string } | null;
  paddle: number | null;
  won: boolean;
  link: string;
}

const TENDER_DEPOSIT: Record<string, Label> = {
  declared: { text: '已申报待确认', color: 'processing' },
  confirmed: { text: '已到账', color: 'success' },
  refunded: { text: '已退还', color: 'default' },
  released: { text: '保函已释放', color: 'default' },
};
const LAND_DEPOSIT: Record<string, Label> = {
  held: { text: '冻结中', color: 'processing' },
  refund_due: { text: '待退还', color: 'warning' },
  refunded: { text: '已退还', color: 'default' },
  converted: { text: '转为价款', color: 'success' },
};
const RURAL_DEPOSIT: Record<string, Label> = {
  declared: { text: '已申报待确认', color: 'processing' },
  qualified: { text: '已到账', color: 'success' },
  refund_due: { text: '待退还', color: 'warning' },
  refunded: { text: '已退还', color: 'default' },
  applied_to_price: { text: '转为价款', color: 'success' },
};
const NONE: Label = { text: '未缴纳', color: 'default' };
const label = (map: Record<string, Label>, value: string): Label => map[value] ?? { text: value, color: 'default' };

function tenderRow(r: MyTenderRegistration): RegistrationRow {
  const bid = r.bid;
  const mine: Label = !bid ? { text: '未递交', color: r.tenderStatus === 'bidding' ? 'warning' : 'default' } : bid.status === 'submitted' ? { text: '已递交', color: 'success' } : { text: '已撤回', color: 'default' };
  return {
    key: `tendering:${r.projectId}:${r.sectionNo}`,
    domain: 'tendering',
    projectId: r.projectId,
    code: r.code,
    name: r.name,
    part: `第 ${r.sectionNo} 标段 ${r.sectionName}`,
    at: r.registeredAt,
    deadline: r.bidDeadline,
    stage: label(TENDER_STATUS, r.tenderStatus),
    deposit: { amount: r.deposit?.amount ?? null, required: r.requiredDeposit, status: r.deposit ? label(TENDER_DEPOSIT, r.deposit.status) : NONE },
    mine,
    receipt: bid?.status === 'submitted' ? { at: bid.submittedAt, digest: bid.bidDigest } : null,
    paddle: null,
    won: false,
    link: `/workspace/bidder/tenders/${r.projectId}`,
  };
}

const inRoom = (lotId: string | null, qualified: boolean, live: boolean) => (lotId && qualified && live ? `/workspace/bidder/lots/${lotId}` : null);

function landRow(a: MyLandApplication): RegistrationRow {
  return {
    key: `land:${a.id}`,
    domain: 'land',
    projectId: a.parcelId,
    code: a.code,
    name: a.name,
    part: a.mode === 'auction' ? '拍卖' : '挂牌',
    at: a.appliedAt,
    deadline: a.auctionAt ?? a.listingEndsAt,
    stage: label(PARCEL_PHASE, a.phase),
    deposit: { amount: a.deposit.amount, required: null, status: label(LAND_DEPOSIT, a.deposit.status) },
    mine: label(LAND_APPLICATION_STATUS, a.status),
    receipt: null,
    paddle: a.paddle,
    won: a.won,
    link: inRoom(a.lotId, a.status === 'qualified', a.phase === 'listing' || a.phase === 'live') ?? `/portal/land/${a.parcelId}`,
  };
}

function ruralRow(a: MyRuralApplication): RegistrationRow {
  const qualified = a.paddle !== null;
  return {
    key: `rural:${a.id}`,
    domain: 'rural',
    projectId: a.dealId,
    code: a.code,
    name: a.name,
    part: `第 ${a.round} 轮挂牌`,
    at: a.declaredAt,
    deadline: a.listingEndsAt,
    stage: label(DEAL_STATUS, a.dealStatus),
    deposit: { amount: a.amount, required: null, status: label(RURAL_DEPOSIT, a.status) },
    mine: qualified ? label(RURAL_APPLICATION_STATUS, 'qualified') : label(RURAL_APPLICATION_STATUS, a.status),
    receipt: null,
    paddle: a.paddle,
    won: a.won,
    link: inRoom(a.lotId, qualified, a.round === a.dealRound && (a.dealStatus === 'listing' || a.dealStatus === 'live' || a.dealStatus === 'relisting')) ?? `/portal/rural/${a.dealId}`,
  };
}

/** The three lists in one table, newest registration first (ISO instants from the API compare as times). */
export function mergeRegistrations(tenders: MyTenderRegistration[], land: MyLandApplication[], rural: MyRuralApplication[]): RegistrationRow[] {
  const rows = [...tenders.map(tenderRow), ...land.map(landRow), ...rural.map(ruralRow)];
  return rows.sort((a, b) => new Date(b.at).getTime() - new Date(a.at).getTime() || a.key.localeCompare(b.key));
}
