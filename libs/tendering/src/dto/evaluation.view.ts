import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Money } from '@app/platform/money/money';

/** fen → "-1000.00": adjustments may be negative, which Money (an amount) refuses. */
export function signedYuan(fen: bigint | string): string {
  const value = BigInt(fen);
  return value < 0n ? `-${Money.ofFen(-value).toYuan()}` : Money.ofFen(value).toYuan();
}

export class EvaluationSectionView {
  @ApiProperty({ description: '标段号 / number' }) no!: number;
  @ApiProperty({ description: '名称 / name' }) name!: string;
  @ApiProperty({ description: '状态 / status', enum: ['open', 'failed', 'opened', 'evaluating', 'publicity', 'awarded'] }) status!: string;
  @ApiProperty({ description: '专家抽取 / expert draw', format: 'uuid', nullable: true, type: String }) drawId!: string | null;
  @ApiProperty({ description: '评标报告提交时间 / report submitted at', nullable: true, type: String, format: 'date-time' }) reportedAt!: Date | null;
  @ApiProperty({ description: '公示截止 / publicity ends', nullable: true, type: String, format: 'date-time' }) publicityUntil!: Date | null;
}

export class CriterionView {
  @ApiProperty({ description: '代码 / key' }) key!: string;
  @ApiProperty({ description: '评审因素 / criterion' }) zh!: string;
  @ApiProperty({ description: 'criterion (English)' }) en!: string;
  @ApiProperty({ description: '满分,百分之一分 / maximum in hundredths of a point' }) max!: number;
}

export class CriteriaView {
  @ApiProperty({ type: [CriterionView], description: '技术评审因素 / technical criteria' }) technical!: CriterionView[];
  @ApiProperty({ type: [CriterionView], description: '商务评审因素 / business criteria' }) business!: CriterionView[];
  @ApiProperty({ description: '是否作价格调整(经评审的最低投标价法)/ whether experts adjust the price (lowest price method)' }) adjustment!: boolean;
}

export class ScoreView {
  @ApiProperty({ format: 'uuid' }) bidId!: string;
  @ApiProperty({ type: [Number], description: '技术分(百分之一分)/ technical, hundredths' }) technical!: number[];
  @ApiProperty({ type: [Number], description: '商务分(百分之一分)/ business, hundredths' }) business!: number[];
  @ApiProperty({ description: '价格调整(元,可为负)/ adjustment (yuan, signed)' }) adjustment!: string;
  @ApiProperty({ description: '否决理由 / reason to reject', nullable: true, type: String }) disqualifyReason!: string | null;
  @ApiProperty({ description: '评分时间 / scored at' }) scoredAt!: Date;
}

export class EvaluationBidView {
  @ApiProperty({ format: 'uuid' }) bidId!: string;
  @ApiProperty({ description: '投标人 / bidder' }) bidderName!: string;
  @ApiProperty({ description: '投标报价(元)/ price (yuan)' }) price!: string;
  @ApiProperty({ description: '投标文件 SHA-256 / documents SHA-256' }) documentsSha256!: string;
  @ApiProperty({ description: '投标文件字节数 / documents size' }) documentsSize!: number;
  @ApiProperty({ description: '递交时间 / submitted at' }) submittedAt!: Date;
  @ApiProperty({ type: ScoreView, nullable: true, description: '我的评分 / my score so far' }) myScore!: ScoreView | null;
}

export class EvaluationBidsView {
  @ApiProperty({ description: '标段号 / number' }) no!: number;
  @ApiProperty({ description: '名称 / name' }) name!: string;
  @ApiProperty({ description: '评标办法 / method', enum: ['comprehensive', 'lowest_price'] }) method!: string;
  @ApiProperty({ description: '价格分满分(百分之一分)/ full price score (hundredths), computed, not scored', nullable: true, type: Number }) priceScoreMax!: number | null;
  @ApiProperty({ type: CriteriaView }) criteria!: CriteriaView;
  @ApiProperty({ type: [EvaluationBidView] }) bids!: EvaluationBidView[];
}

export class ReportExpertScoreView {
  @ApiProperty({ description: '专家库编号(不含姓名)/ library id of the expert, no name' }) expertId!: string;
  @ApiProperty({ type: [Number] }) technical!: number[];
  @ApiProperty({ type: [Number] }) business!: number[];
  @ApiProperty({ description: '价格调整(元)/ adjustment (yuan)' }) adjustment!: string;
  @ApiProperty({ nullable: true, type: String }) disqualifyReason!: string | null;
}

export class ReportBidView {
  @ApiProperty({ format: 'uuid' }) bidId!: string;
  @ApiProperty({ description: '投标人 / bidder' }) bidderName!: string;
  @ApiProperty({ description: '投标报价(元)/ price (yuan)' }) price!: string;
  @ApiProperty({ nullable: true, description: '排名 / rank', type: Number }) rank!: number | null;
  @ApiProperty({ description: '被否决 / rejected' }) disqualified!: boolean;
  @ApiProperty({ nullable: true, description: '价格分 / price score (hundredths)', type: Number }) priceScore!: number | null;
  @ApiProperty({ nullable: true, description: '技术分 / technical (hundredths)', type: Number }) technicalScore!: number | null;
  @ApiProperty({ nullable: true, description: '商务分 / business (hundredths)', type: Number }) businessScore!: number | null;
  @ApiProperty({ nullable: true, description: '总分 / total (hundredths)', type: Number }) total!: number | null;
  @ApiProperty({ nullable: true, description: '评审调整(元)/ adjustment (yuan)', type: String }) adjustment!: string | null;
  @ApiProperty({ nullable: true, description: '评审价(元)/ evaluated price (yuan)', type: String }) evaluatedPrice!: string | null;
  @ApiProperty({ type: [ReportExpertScoreView] }) experts!: ReportExpertScoreView[];
}

export class DisqualifiedView {
  @ApiProperty({ format: 'uuid' }) bidId!: string;
  @ApiProperty() bidderName!: string;
  @ApiProperty({ description: '否决票数 / votes to reject' }) votes!: number;
  @ApiProperty({ type: [String], description: '理由 / reasons' }) reasons!: string[];
}

export class CandidateView {
  @ApiProperty({ description: '排名 / rank' }) rank!: number;
  @ApiProperty({ format: 'uuid' }) bidId!: string;
  @ApiProperty({ description: '投标人 / bidder' }) bidderName!: string;
  @ApiProperty({ description: '投标报价(元)/ price (yuan)' }) price!: string;
}

export class ReportView {
  @ApiProperty({ description: '标段号 / number' }) no!: number;
  @ApiProperty({ description: '标段状态 / section status' }) status!: string;
  @ApiProperty({ enum: ['comprehensive', 'lowest_price'] }) method!: string;
  @ApiProperty({ nullable: true, description: '评标基准价(元)/ benchmark (yuan)', type: String }) benchmark!: string | null;
  @ApiProperty({ description: '评标委员会人数 / committee size' }) committee!: number;
  @ApiProperty() reportedAt!: Date;
  @ApiProperty({ type: [ReportBidView] }) bids!: ReportBidView[];
  @ApiProperty({ type: [DisqualifiedView] }) disqualified!: DisqualifiedView[];
  @ApiProperty({ type: [CandidateView] }) candidates!: CandidateView[];
}

export class ReportSignatureView {
  @ApiProperty({ description: '专家库编号(不含姓名)/ library id of the expert, no name' }) expertId!: string;
  @ApiProperty({ description: '本人签字 / my own signature' }) mine!: boolean;
  @ApiProperty({ description: '签字时间 / signed at' }) signedAt!: Date;
  @ApiProperty({ nullable: true, description: '书面不同意见和理由(条例 53)/ written dissent and its reasons', type: String }) dissent!: string | null;
}

/** The report as the committee, the parties and the supervisors read it back, with who signed it (条例 53). */
export class ReportRecordView extends ReportView {
  @ApiProperty({ description: '标段名称 / section name' }) name!: string;
  @ApiProperty({ nullable: true, description: '公示截止 / publicity ends', type: String, format: 'date-time' }) publicityUntil!: Date | null;
  @ApiProperty({ type: [ReportSignatureView], description: '签字 / signatures' }) signatures!: ReportSignatureView[];
  @ApiProperty({ nullable: true, description: '本人在评标委员会中的专家库编号(评标专家)/ my library id on the committee (experts)', type: String }) seat!: string | null;
  @ApiProperty({ description: '本人尚可签字 / I may sign now' }) canSign!: boolean;
}

export class ObjectionView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: ['documents', 'opening', 'publicity'], description: '招标文件、开标或公示期异议 / to the documents, the opening or the candidates' }) stage!: string;
  @ApiProperty({ nullable: true, description: '异议人(投标人只看到自己的;招标文件异议只有交易中心和监管看到)/ objector (a bidder sees only its own; for the documents only the centre and supervisors)', type: String }) organisationName!: string | null;
  @ApiPropertyOptional({ nullable: true, description: '招标文件异议的异议人代号,如“异议人 1”(招标人、代理、交易中心、监管和本人可见)/ the objector’s pseudonym on a documents objection (owner, agent, centre, supervisors and itself)', type: String }) handle?: string | null;
  @ApiProperty({ description: '本单位提出 / raised by my organisation' }) mine!: boolean;
  @ApiProperty() content!: string;
  @ApiProperty() raisedAt!: Date;
  @ApiProperty({ nullable: true, description: '答复期限 / reply due', type: String, format: 'date-time' }) replyDue!: Date | null;
  @ApiProperty({ nullable: true, type: String }) reply!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) repliedAt!: Date | null;
}

export class AwardView {
  @ApiProperty({ description: '标段号 / number' }) no!: number;
  @ApiProperty({ format: 'uuid' }) bidId!: string;
  @ApiProperty({ description: '中标人 / winner' }) winner!: string;
  @ApiProperty({ description: '中标价(元)/ price (yuan)' }) price!: string;
  @ApiProperty() awardedAt!: Date;
  @ApiProperty({ description: '合同签订期限 / contract due' }) contractDue!: Date;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) contractSignedAt!: Date | null;
  @ApiProperty({ nullable: true, description: '合同金额(元)/ contract amount (yuan)', type: String }) contractAmount!: string | null;
}

export class PublicCandidateView {
  @ApiProperty({ description: '排名 / rank' }) rank!: number;
  @ApiProperty({ description: '投标人 / bidder' }) bidderName!: string;
  @ApiProperty({ description: '投标报价(元)/ price (yuan)' }) price!: string;
}

export class PublicAwardView {
  @ApiProperty({ description: '中标人 / winner' }) winner!: string;
  @ApiProperty({ description: '中标价(元)/ price (yuan)' }) price!: string;
  @ApiProperty() awardedAt!: Date;
}

export class PublicSectionResultView {
  @ApiProperty({ description: '标段号 / number' }) no!: number;
  @ApiProperty({ description: '名称 / name' }) name!: string;
  @ApiProperty({ description: '状态 / status' }) status!: string;
  @ApiProperty({ nullable: true, description: '公示截止 / publicity ends', type: String, format: 'date-time' }) publicityUntil!: Date | null;
  @ApiProperty({ type: [PublicCandidateView], description: '中标候选人(公示起)/ candidates, from the publicity on' }) candidates!: PublicCandidateView[];
  @ApiProperty({ type: PublicAwardView, nullable: true, description: '中标结果 / the award' }) award!: PublicAwardView | null;
}

export class PublicResultsView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ description: '项目编号 / code' }) code!: string;
  @ApiProperty({ description: '项目名称 / name' }) name!: string;
  @ApiProperty({ description: '状态 / status' }) status!: string;
  @ApiProperty({ type: [PublicSectionResultView] }) sections!: PublicSectionResultView[];
}
