import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ZhEnView } from '@app/platform/http/text.view';
import { Money } from '@app/platform/money/money';
import { ApplicationRow, DealRow, DocumentRow, ListingRow } from '../deals/deal.types';

const yuan = (fen: string | null) => (fen === null ? null : Money.ofFen(fen).toYuan());

export class ListingView {
  @ApiProperty({ description: '挂牌轮次 / round' }) round!: number;
  @ApiProperty({ description: '本轮挂牌价(元)/ listing price of the round (yuan)' }) price!: string;
  @ApiProperty({ description: '竞价标的(可在 /public/lots/:id 观看)/ the lot, watched at /public/lots/:id', nullable: true, format: 'uuid', type: String }) lotId!: string | null;
  @ApiProperty({ description: '挂牌开始 / starts', nullable: true, type: String, format: 'date-time' }) startsAt!: Date | null;
  @ApiProperty({ description: '挂牌公示截止 / ends', nullable: true, type: String, format: 'date-time' }) endsAt!: Date | null;
  @ApiProperty({ description: '结果:流标、协议转让、竞价 / outcome', enum: ['failed', 'agreement', 'live'], nullable: true }) outcome!: string | null;
  @ApiProperty({ description: '合格意向受让方人数 / qualified applicants', nullable: true, type: Number }) qualified!: number | null;
}

export class RuralDocumentView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ description: '决议、审批或合同 / resolution, approval or contract', enum: ['resolution', 'approval', 'contract'] }) kind!: string;
  @ApiProperty({ description: '文件名 / file name' }) fileName!: string;
  @ApiProperty({ description: 'SHA-256' }) sha256!: string;
  @ApiProperty({ description: '字节数 / bytes' }) size!: number;
  @ApiProperty({ description: '上传时间 / uploaded at' }) createdAt!: Date;
}

export class ResolutionView {
  @ApiProperty({ description: '村民会议或村民代表会议 / villagers’ meeting or representatives', enum: ['villagers_meeting', 'representatives_meeting'] }) body!: string;
  @ApiProperty({ description: '同意票数 / votes in favour' }) votesFor!: number;
  @ApiProperty({ description: '应到人数 / total' }) votesTotal!: number;
  @ApiProperty({ description: '会议日期 / meeting date', example: '2026-11-01' }) date!: string;
}

export class ApprovalView {
  @ApiProperty({ description: '审批机关 / approving township' }) authority!: string;
  @ApiProperty({ description: '审批日期 / date', example: '2026-11-05' }) date!: string;
}

export class ResultView {
  @ApiProperty({ description: '协议转让或竞价 / agreement transfer or live bidding', enum: ['agreement', 'live'] }) method!: string;
  @ApiProperty({ description: '受让方 / buyer' }) buyerName!: string;
  @ApiProperty({ description: '成交价格(元)/ price (yuan)' }) price!: string;
  @ApiProperty({ description: '成交时间 / concluded at' }) concludedAt!: Date;
  @ApiProperty({ description: '结果公示截止 / publicity until' }) publicityUntil!: Date;
}

export class ContractView {
  @ApiProperty({ description: '合同编号 / number' }) contractNo!: string;
  @ApiProperty({ description: '签订时间 / signed at' }) signedAt!: Date;
  @ApiProperty({ description: '合同金额(元)/ amount (yuan)' }) amount!: string;
}

export class DealView {
  @ApiProperty({ format: 'uuid', description: '项目 / project id' }) id!: string;
  @ApiProperty({ description: '项目编号 / code' }) code!: string;
  @ApiProperty({ description: '项目名称 / name' }) name!: string;
  @ApiProperty({ description: '品种代码 / kind' }) kind!: string;
  @ApiProperty({ description: '品种名称 / kind name', type: ZhEnView }) kindName!: { zh: string; en: string };
  @ApiProperty({ description: '地区 / region' }) region!: string;
  @ApiProperty({ description: '转出方 / transferring collective' }) ownerName!: string;
  @ApiProperty({ description: '代理机构 / agent', nullable: true, type: String }) agentName!: string | null;
  @ApiProperty({ description: '标的描述 / description' }) description!: string;
  @ApiProperty({ description: '面积或数量 / quantity' }) quantity!: string;
  @ApiProperty({ description: '单位 / unit' }) unit!: string;
  @ApiProperty({ description: '期限(月)/ term (months)', nullable: true, type: Number }) termMonths!: number | null;
  @ApiProperty({ description: '当前挂牌价(元)/ current listing price (yuan)' }) listingPrice!: string;
  @ApiProperty({ description: '加价幅度(元)/ increment (yuan)' }) increment!: string;
  @ApiProperty({ description: '保证金(元)/ deposit (yuan)' }) deposit!: string;
  @ApiProperty({ description: '状态 / status', enum: ['draft', 'listing', 'agreement', 'live', 'failed', 'relisting', 'concluded', 'contracted'] }) status!: string;
  @ApiProperty({ description: '挂牌轮次 / round' }) round!: number;
  @ApiProperty({ type: ResolutionView, nullable: true }) resolution!: ResolutionView | null;
  @ApiProperty({ type: ApprovalView, nullable: true }) approval!: ApprovalView | null;
  @ApiProperty({ type: [ListingView] }) listings!: ListingView[];
  @ApiProperty({ type: [RuralDocumentView] }) documents!: RuralDocumentView[];
  @ApiProperty({ type: ResultView, nullable: true }) result!: ResultView | null;
  @ApiProperty({ type: ContractView, nullable: true }) contract!: ContractView | null;
}

export class ApplicationView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ description: '挂牌轮次 / round' }) round!: number;
  @ApiProperty({ format: 'uuid' }) organisationId!: string;
  @ApiProperty({ description: '意向受让方 / applicant' }) organisationName!: string;
  @ApiProperty({ description: '缴纳方式 / method' }) method!: string;
  @ApiProperty({ description: '流水号 / reference' }) reference!: string;
  @ApiProperty({ description: '保证金(元)/ deposit (yuan)' }) amount!: string;
  @ApiProperty({ description: '状态 / status', enum: ['declared', 'qualified', 'refund_due', 'refunded', 'applied_to_price'] }) status!: string;
  @ApiProperty({ description: '竞买号 / paddle number', nullable: true, type: Number }) paddle!: number | null;
  @ApiProperty({ description: '申报时间 / declared at' }) declaredAt!: Date;
  @ApiProperty({ description: '服务器完整收到报名的时间(据此判断挂牌是否截止)/ when the server had fully received the application (the listing end is judged on it)', nullable: true, type: String, format: 'date-time' }) receivedAt!: Date | null;
  @ApiProperty({ description: '确认时间 / confirmed at', nullable: true, type: String, format: 'date-time' }) confirmedAt!: Date | null;
  @ApiProperty({ description: '应退还日期 / refund due', nullable: true, type: String, format: 'date-time' }) refundDue!: Date | null;
  @ApiProperty({ description: '退还时间 / refunded at', nullable: true, type: String, format: 'date-time' }) refundedAt!: Date | null;
}

export class PublicDealPage {
  @ApiProperty({ type: [DealView] }) items!: DealView[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}

/** A deal on the centre's desk: the deal and what waits on it (counts of the current round; refunds of every round). */
export class DealDeskItemView extends DealView {
  @ApiProperty({ description: '本轮待确认保证金的报名 / applications of this round whose deposit waits for the centre' }) declaredApplications!: number;
  @ApiProperty({ description: '本轮已确认的意向受让方 / qualified applicants of this round' }) qualifiedApplications!: number;
  @ApiProperty({ description: '待退还的保证金 / deposits due for refund' }) refundsDue!: number;
}

export class DealDeskPage {
  @ApiProperty({ type: [DealDeskItemView] }) items!: DealDeskItemView[];
  @ApiProperty({ description: '总数 / total' }) total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}

export function listingView(l: ListingRow): ListingView {
  return { round: l.round, price: Money.ofFen(l.priceFen).toYuan(), lotId: l.lotId, startsAt: l.startsAt, endsAt: l.endsAt, outcome: l.outcome, qualified: l.qualified };
}

export function dealView(d: DealRow, listings: ListingRow[], documents: DocumentRow[]): DealView {
  return {
    id: d.projectId,
    code: d.code,
    name: d.name,
    kind: d.kind,
    kindName: { zh: d.kindZh, en: d.kindEn },
    region: d.region,
    ownerName: d.ownerName,
    agentName: d.agentName,
    description: d.description,
    quantity: d.quantity.replace(/\.?0+$/, ''),
    unit: d.unit,
    termMonths: d.termMonths,
    listingPrice: Money.ofFen(d.listingPriceFen).toYuan(),
    increment: Money.ofFen(d.incrementFen).toYuan(),
    deposit: Money.ofFen(d.depositFen).toYuan(),
    status: d.status,
    round: d.round,
    resolution: d.resolutionDocumentId ? { body: d.resolutionBody!, votesFor: d.resolutionVotesFor!, votesTotal: d.resolutionVotesTotal!, date: d.resolutionDate! } : null,
    approval: d.approvalDocumentId ? { authority: d.approvalAuthority!, date: d.approvalDate! } : null,
    listings: listings.map(listingView),
    documents: documents.map((x) => ({ ...x })),
    result:
      d.dealPriceFen !== null ? { method: d.method!, buyerName: d.buyerName!, price: yuan(d.dealPriceFen)!, concludedAt: d.concludedAt!, publicityUntil: d.publicityUntil! } : null,
    contract: d.contractNo ? { contractNo: d.contractNo, signedAt: d.contractSignedAt!, amount: yuan(d.contractAmountFen)! } : null,
  };
}

export function applicationView({ amountFen, projectId: _p, ...a }: ApplicationRow): ApplicationView {
  return { ...a, amount: Money.ofFen(amountFen).toYuan() };
}
