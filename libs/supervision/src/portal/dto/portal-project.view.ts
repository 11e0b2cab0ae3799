import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { TradingDomain } from '@app/platform/auth/roles';
import { PortalNoticeView, PortalShiftedTimeView } from './portal.dto';

export class PortalPartyView {
  @ApiProperty({ description: '单位名称 / organisation name' }) name!: string;
}

export class PortalProjectSummaryView {
  @ApiProperty({ format: 'uuid', description: '项目编号 / id' }) id!: string;
  @ApiProperty({ description: '项目代码 / code' }) code!: string;
  @ApiProperty({ enum: TradingDomain, description: '交易领域 / domain' }) domain!: TradingDomain;
  @ApiProperty({ description: '项目名称 / name' }) name!: string;
  @ApiProperty({ description: '行政区划代码 / region' }) region!: string;
  @ApiProperty({ description: '项目状态 / status' }) status!: string;
  @ApiProperty({ description: '发布时间 / published at' }) publishedAt!: Date;
  @ApiProperty({ type: PortalPartyView, description: '招标人·出让人·转出方 / owner' }) owner!: PortalPartyView;
  @ApiProperty({ type: PortalPartyView, nullable: true, description: '代理机构 / agent' }) agent!: PortalPartyView | null;
}

export class PortalDocumentView {
  @ApiProperty({ format: 'uuid', description: '文件编号 / document id' }) id!: string;
  @ApiProperty({ description: '类型:招标文件、修改文件、决议、审核意见、合同 / kind: tender, amendment, resolution, approval, contract' }) kind!: string;
  @ApiProperty({ description: '文件名 / file name' }) fileName!: string;
  @ApiProperty({ description: 'SHA-256 摘要 / SHA-256 digest' }) sha256!: string;
  @ApiProperty({ description: '字节数 / size in bytes' }) size!: number;
  @ApiProperty({ description: '发布时间 / published at' }) publishedAt!: Date;
}

export class PortalOpeningBidView {
  @ApiProperty({ description: '投标人(单位名称)/ bidder (organisation name)' }) bidderName!: string;
  @ApiProperty({ description: '投标报价(元),开标后 / bid price in yuan, after the opening' }) price!: string;
}

export class PortalCandidateView {
  @ApiProperty({ description: '排名 / rank' }) rank!: number;
  @ApiProperty({ description: '中标候选人(单位名称)/ candidate (organisation name)' }) bidderName!: string;
  @ApiProperty({ description: '投标报价(元)/ bid price in yuan' }) price!: string;
}

export class PortalAwardView {
  @ApiProperty({ description: '中标人 / winner' }) winner!: string;
  @ApiProperty({ description: '中标价(元)/ award price in yuan' }) price!: string;
  @ApiProperty({ description: '定标时间 / awarded at' }) awardedAt!: Date;
}

export class PortalContractSummaryView {
  @ApiProperty({ description: '签订时间 / signed at' }) signedAt!: Date;
  @ApiProperty({ nullable: true, type: String, description: '合同金额(元)/ amount in yuan' }) amount!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, description: '合同编号 / contract number' }) no?: string | null;
}

export class PortalSectionView {
  @ApiProperty({ description: '标段号 / section number' }) no!: number;
  @ApiProperty({ description: '标段名称 / name' }) name!: string;
  @ApiProperty({ description: '估算价(元)/ estimate in yuan' }) estimate!: string;
  @ApiProperty({ description: '标段状态 / status' }) status!: string;
  @ApiProperty({ nullable: true, type: Date, description: '开标时间 / opened at' }) openedAt!: Date | null;
  @ApiProperty({ nullable: true, type: Number, description: '投标家数(开标后公开)/ number of bids (public after the opening)' }) bidCount!: number | null;
  @ApiProperty({ type: [PortalOpeningBidView], description: '开标记录(唱标)/ opening record' }) opening!: PortalOpeningBidView[];
  @ApiProperty({ type: [PortalCandidateView], description: '中标候选人(公示起)/ candidates (from the publicity on)' }) candidates!: PortalCandidateView[];
  @ApiProperty({ nullable: true, type: Date, description: '公示截止 / publicity until' }) publicityUntil!: Date | null;
  @ApiProperty({ type: PortalAwardView, nullable: true, description: '中标结果 / award' }) award!: PortalAwardView | null;
  @ApiProperty({ type: PortalContractSummaryView, nullable: true, description: '合同 / contract' }) contract!: PortalContractSummaryView | null;
}

export class PortalLandView {
  @ApiProperty({ description: '挂牌或拍卖 / listing or auction' }) mode!: string;
  @ApiProperty({ description: '状态 / status' }) status!: string;
  @ApiProperty({ description: '起始价(元)/ start price in yuan' }) startPrice!: string;
  @ApiProperty({ nullable: true, type: String, description: '竞价标的编号 / lot id' }) lotId!: string | null;
  @ApiProperty({ nullable: true, type: String, description: '结果:成交、流拍、未达保留价 / outcome: sold, unsold, reserve not met' }) outcome!: string | null;
  @ApiProperty({ nullable: true, type: Number, description: '竞得人竞买号 / winning paddle' }) winnerPaddle!: number | null;
  @ApiProperty({ nullable: true, type: String, description: '竞得人(签订成交确认书后公布)/ the winner, published once the deal confirmation is signed' }) winnerName!: string | null;
  @ApiProperty({ nullable: true, type: String, description: '成交价(元)/ price in yuan' }) price!: string | null;
  @ApiProperty({ nullable: true, type: Date, description: '结束时间 / ended at' }) endedAt!: Date | null;
  @ApiProperty({ nullable: true, type: Date, description: '公示截止 / publicity until' }) publicityUntil!: Date | null;
  @ApiProperty({ nullable: true, type: Date, description: '成交确认书签发时间 / deal confirmation issued at' }) confirmedAt!: Date | null;
}

export class PortalRuralView {
  @ApiProperty({ description: '状态 / status' }) status!: string;
  @ApiProperty({ description: '挂牌轮次 / listing round' }) round!: number;
  @ApiProperty({ description: '挂牌价(元)/ listing price in yuan' }) listingPrice!: string;
  @ApiProperty({ nullable: true, type: String, description: '协议转让或竞价 / agreement or live bidding' }) method!: string | null;
  @ApiProperty({ nullable: true, type: String, description: '受让方(单位名称)/ buyer (organisation name)' }) buyer!: string | null;
  @ApiProperty({ nullable: true, type: String, description: '成交价(元)/ deal price in yuan' }) price!: string | null;
  @ApiProperty({ nullable: true, type: Date, description: '成交时间 / concluded at' }) concludedAt!: Date | null;
  @ApiProperty({ nullable: true, type: Date, description: '公示截止 / publicity until' }) publicityUntil!: Date | null;
  @ApiProperty({ type: PortalContractSummaryView, nullable: true, description: '合同 / contract' }) contract!: PortalContractSummaryView | null;
}

export class PortalLinksView {
  @ApiProperty({ description: '领域公开详情 / the domain’s public page' }) domain!: string;
  @ApiPropertyOptional({ description: '开标记录 / opening record' }) opening?: string;
  @ApiPropertyOptional({ description: '评标结果 / results' }) results?: string;
  @ApiPropertyOptional({ description: '竞价实况 / live lot' }) lot?: string;
  @ApiProperty({ description: '投诉处理决定 / complaint decisions' }) complaints!: string;
  @ApiProperty({ description: '交易统计 / statistics' }) statistics!: string;
}

export class PortalSuspensionView {
  @ApiProperty({ description: '中止时间 / suspended at' }) suspendedAt!: Date;
  @ApiProperty({ description: '中止原因 / reason' }) reason!: string;
  @ApiProperty({ nullable: true, type: Date, description: '恢复时间(尚未恢复为空)/ resumed at (null while suspended)' }) resumedAt!: Date | null;
  @ApiProperty({ type: [PortalShiftedTimeView], description: '恢复后顺延的时间节点 / the times the resumption moved' }) times!: PortalShiftedTimeView[];
}

export class PortalProjectPage {
  @ApiProperty({ type: PortalProjectSummaryView, description: '项目 / project' }) project!: PortalProjectSummaryView;
  @ApiProperty({ type: [PortalNoticeView], description: '该项目的公告,最新在前 / the project’s notices, newest first' }) notices!: PortalNoticeView[];
  @ApiProperty({ type: [PortalSuspensionView], description: '中止与恢复,最早在前 / suspensions and resumptions, oldest first' }) suspensions!: PortalSuspensionView[];
  @ApiProperty({ type: [PortalDocumentView], description: '公开文件(名称与摘要)/ public documents (names and digests)' }) documents!: PortalDocumentView[];
  @ApiProperty({ type: [PortalSectionView], nullable: true, description: '工程招标标段 / tender sections' }) sections!: PortalSectionView[] | null;
  @ApiProperty({ type: PortalLandView, nullable: true, description: '土地出让 / land parcel' }) land!: PortalLandView | null;
  @ApiProperty({ type: PortalRuralView, nullable: true, description: '农村产权 / rural deal' }) rural!: PortalRuralView | null;
  @ApiProperty({ type: PortalLinksView, description: '相关公开接口 / related public routes' }) links!: PortalLinksView;
  @ApiProperty({ description: '服务器时间(倒计时以此为准)/ the server’s time, which countdowns follow' }) serverTime!: Date;
}
