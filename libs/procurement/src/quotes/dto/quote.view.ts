import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PERIOD_UNITS } from '@app/platform/calendar/period';
import { Money } from '@app/platform/money/money';
import { QuoteRow, RequirementRow } from '../quote.repository';

/** 回执: the server's time, and a digest that proves the quote once it is opened; never the price. */
export class QuoteReceiptView {
  @ApiProperty({ format: 'uuid', description: '回执编号(即报价编号)/ receipt number (the quote id)' }) receiptNo!: string;
  @ApiProperty({ format: 'uuid', description: '竞价需求 / requirement' }) requirementId!: string;
  @ApiProperty({ description: '竞价轮次 / round' }) round!: number;
  @ApiProperty({ format: 'uuid', description: '供应商 / supplier organisation' }) organisationId!: string;
  @ApiProperty({ nullable: true, type: String, format: 'date-time', description: '服务器完整收到报价的时间(据以判断是否截止)/ when the server had fully received the quote (the deadline is judged on it)' }) receivedAt!: Date | null;
  @ApiProperty({ description: '存储时间 / stored at' }) submittedAt!: Date;
  @ApiProperty({ description: '报价摘要(开启时据以核对)/ quote digest (checked when opened)' }) quoteDigest!: string;
  @ApiProperty({ description: '状态 / status', enum: ['submitted', 'replaced'] }) status!: string;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'uuid', description: '本次递交取代的报价(仅递交时返回)/ the quote this one replaced (on submission only)' }) replaces?: string | null;
  @ApiPropertyOptional({ description: '随机数,仅递交时给出一次:与报价一起可复算摘要 / nonce, given once on submission: with the price it reproduces the digest' }) nonce?: string;
}

export class OpenedQuoteView {
  @ApiProperty({ format: 'uuid' }) quoteId!: string;
  @ApiProperty({ description: '供应商 / supplier' }) supplierName!: string;
  @ApiProperty({ description: '报价总价(元)/ total (yuan)' }) price!: string;
  @ApiProperty({ nullable: true, type: [String], description: '分项单价(元)/ unit prices per item (yuan)' }) unitPrices!: string[] | null;
  @ApiProperty({ description: '递交时间 / submitted at' }) submittedAt!: Date;
  @ApiProperty({ description: '报价摘要 / quote digest' }) quoteDigest!: string;
  @ApiProperty({ description: '有效报价 / valid' }) valid!: boolean;
  @ApiProperty({ nullable: true, type: String, description: '无效理由 / why it is invalid' }) invalidReason!: string | null;
}

export class RoundView {
  @ApiProperty({ description: '竞价轮次 / round' }) round!: number;
  @ApiProperty({ type: [OpenedQuoteView] }) quotes!: OpenedQuoteView[];
}

export class RequirementItemView {
  @ApiProperty({ description: '品目描述 / description' }) description!: string;
  @ApiProperty({ description: '数量 / quantity' }) quantity!: number;
  @ApiProperty({ description: '计量单位 / unit' }) unit!: string;
  @ApiProperty({ nullable: true, type: String, description: '规格要求 / specifications' }) specs!: string | null;
}

export class QuoteWindowView {
  @ApiProperty({ description: '数值 / value' }) value!: number;
  @ApiProperty({ description: '单位:d 日历日、wd 工作日、h 小时、min 分钟、s 秒 / unit', enum: PERIOD_UNITS }) unit!: string;
}

/** The rule set the requirement was published under, frozen with it. */
export class RequirementRuleSetView {
  @ApiProperty({ format: 'uuid', description: '规则版本 / rule set' }) id!: string;
  @ApiProperty({ description: '版本号 / version' }) version!: number;
  @ApiProperty({ description: '是否沙箱规则 / a sandbox set' }) sandbox!: boolean;
  @ApiProperty({ description: '有效报价最少家数 / fewest valid quotes' }) minQuotes!: number;
  @ApiProperty({ type: QuoteWindowView, description: '报价期 / quote window' }) quoteWindow!: QuoteWindowView;
}

export class RequirementWinnerView {
  @ApiProperty({ format: 'uuid' }) quoteId!: string;
  @ApiProperty({ description: '成交供应商 / supplier' }) supplierName!: string;
  @ApiProperty({ description: '成交价(元)/ price (yuan)' }) price!: string;
  @ApiProperty({ description: '递交时间 / submitted at' }) submittedAt!: Date;
}

export class RequirementView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ nullable: true, type: String, format: 'uuid', description: '交易项目(中止、恢复作用于它;电子卖场有项目之前的需求为空)/ the kernel’s project (null for requirements made before the e-mall had projects)' }) projectId!: string | null;
  @ApiProperty({ nullable: true, type: String, description: '项目状态(已发布、中止……)/ project status (published, suspended, …)' }) projectStatus!: string | null;
  @ApiProperty({ description: '需求名称 / title' }) title!: string;
  @ApiProperty({ description: '采购人 / purchaser' }) purchaserName!: string;
  @ApiProperty({ description: '品目代码 / category code' }) categoryCode!: string;
  @ApiProperty({ type: [RequirementItemView] }) items!: RequirementItemView[];
  @ApiProperty({ description: '交付地区 / delivery region' }) deliveryRegion!: string;
  @ApiProperty({ description: '交付日期 / delivery date', format: 'date' }) deliveryDate!: string;
  @ApiProperty({ description: '最高限价(元)/ maximum price (yuan)' }) maxPrice!: string;
  @ApiProperty({ type: RequirementRuleSetView }) ruleSet!: RequirementRuleSetView;
  @ApiProperty({ description: '当前轮次 / current round' }) round!: number;
  @ApiProperty({ description: '状态 / status', enum: ['quoting', 'failed', 'awarded', 'switched'] }) status!: string;
  @ApiProperty({ description: '报价截止 / quote deadline' }) quoteDeadline!: Date;
  @ApiProperty({ nullable: true, type: String, format: 'date-time', description: '结束时间 / closed at' }) closedAt!: Date | null;
  @ApiProperty({ nullable: true, type: String, description: '变更采购方式的理由 / why the method was switched' }) switchReason!: string | null;
  @ApiProperty({ type: [RoundView], description: '截止后:每轮开启的报价 / after the deadline: every opened quote of every round' }) rounds!: RoundView[];
  @ApiProperty({ type: RequirementWinnerView, nullable: true, description: '成交 / the winner' }) winner!: RequirementWinnerView | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid', description: '订单 / order' }) orderId!: string | null;
}

export function receiptOf(q: QuoteRow, requirementId: string): QuoteReceiptView {
  return { receiptNo: q.id, requirementId, round: q.round, organisationId: q.organisationId, receivedAt: q.receivedAt, submittedAt: q.submittedAt, quoteDigest: q.quoteDigest, status: q.status };
}

const yuan = (fen: string) => Money.ofFen(fen).toYuan();

export function openedQuoteView(q: QuoteRow): OpenedQuoteView {
  return {
    quoteId: q.id,
    supplierName: q.organisationName,
    price: yuan(q.totalFen!),
    unitPrices: q.itemPrices?.map(yuan) ?? null,
    submittedAt: q.submittedAt,
    quoteDigest: q.quoteDigest,
    valid: q.valid === true,
    invalidReason: q.invalidReason,
  };
}

/** The public record: the requirement always; quotes only once opened (the column is NULL before), live ones only. */
export function requirementView(r: RequirementRow, quotes: QuoteRow[]): RequirementView {
  const opened = quotes.filter((q) => q.openedAt !== null && q.status === 'submitted');
  const rounds = [...new Set(opened.map((q) => q.round))].sort().map((round) => ({ round, quotes: opened.filter((q) => q.round === round).map(openedQuoteView) }));
  const w = r.winnerQuoteId ? opened.find((q) => q.id === r.winnerQuoteId) : undefined;
  return {
    id: r.id,
    projectId: r.projectId,
    projectStatus: r.projectStatus,
    title: r.title,
    purchaserName: r.purchaserName,
    categoryCode: r.categoryCode,
    items: r.items,
    deliveryRegion: r.deliveryRegion,
    deliveryDate: r.deliveryDate,
    maxPrice: yuan(r.maxPriceFen),
    ruleSet: { id: r.ruleSetId, version: r.ruleSetVersion, sandbox: r.ruleSandbox, minQuotes: r.rules.minQuotes, quoteWindow: r.rules.quoteWindow },
    round: r.round,
    status: r.status,
    quoteDeadline: r.quoteDeadline,
    closedAt: r.closedAt,
    switchReason: r.switchReason,
    rounds,
    winner: w ? { quoteId: w.id, supplierName: w.organisationName, price: yuan(w.totalFen!), submittedAt: w.submittedAt } : null,
    orderId: r.orderId,
  };
}
