import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Money } from '@app/platform/money/money';
import { BudgetLineRow, OrderItemRow, OrderRow, RatingRow } from '../buying.types';
import { pendingStep } from '../rules/order-state';

const yuan = (fen: string | bigint) => Money.ofFen(fen).toYuan();

export class BudgetLineView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) organisationId!: string;
  @ApiProperty() organisationName!: string;
  @ApiProperty() code!: string;
  @ApiProperty() name!: string;
  @ApiProperty() year!: number;
  @ApiProperty({ description: '预算金额(元)/ amount (yuan)' }) amount!: string;
  @ApiProperty({ description: '已占用(元)/ used (yuan)' }) used!: string;
  @ApiProperty({ description: '余额(元)/ remaining (yuan)' }) remaining!: string;
  @ApiProperty() createdAt!: Date;
}

export class OrderPartyView {
  @ApiProperty({ format: 'uuid', description: '单位 / organisation' }) organisationId!: string;
  @ApiProperty({ description: '名称 / name' }) name!: string;
}

export class OrderBudgetLineView {
  @ApiProperty({ format: 'uuid', description: '预算指标 / budget line' }) id!: string;
  @ApiProperty({ description: '指标编号 / code' }) code!: string;
  @ApiProperty({ description: '名称 / name' }) name!: string;
}

export class OrderRuleSetView {
  @ApiProperty({ format: 'uuid', description: '规则版本 / rule set' }) id!: string;
  @ApiProperty({ description: '版本号 / version' }) version!: number;
  @ApiProperty({ description: '是否沙箱规则 / a sandbox set' }) sandbox!: boolean;
}

export const budgetLineView = ({ amountFen, usedFen, ...b }: BudgetLineRow): BudgetLineView => ({
  ...b,
  amount: yuan(amountFen),
  used: yuan(usedFen),
  remaining: yuan(BigInt(amountFen) - BigInt(usedFen)),
});

export class OrderItemView {
  @ApiProperty() lineNo!: number;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) productId!: string | null;
  @ApiProperty() description!: string;
  @ApiProperty() quantity!: number;
  @ApiProperty({ description: '单价(元)/ unit price (yuan)' }) unitPrice!: string;
  @ApiProperty({ description: '金额(元)/ amount (yuan)' }) amount!: string;
}

export class PendingStepView {
  @ApiProperty({ enum: ['confirmation', 'acceptance', 'payment'] }) step!: string;
  @ApiProperty({ enum: ['purchaser', 'supplier'] }) responsible!: string;
  @ApiProperty({ format: 'uuid' }) responsibleOrganisationId!: string;
  @ApiProperty() responsibleName!: string;
  @ApiProperty() dueAt!: Date;
  @ApiProperty({ description: '预警时间(规则的预警比例)/ warning time (the rules’ percentage)' }) warnAt!: Date;
}

export class OrderView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ description: '订单号 / order number' }) no!: string;
  @ApiProperty({ enum: ['placed', 'confirmed', 'delivered', 'accepted', 'rejected', 'paid', 'cancelled'] }) status!: string;
  @ApiProperty({ enum: ['direct', 'quote'], description: '直购或网上竞价 / direct purchase or online quote' }) source!: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) sourceId!: string | null;
  @ApiProperty({ description: '采购人 / purchaser', type: () => OrderPartyView }) purchaser!: { organisationId: string; name: string };
  @ApiProperty({ description: '供应商 / supplier', type: () => OrderPartyView }) supplier!: { organisationId: string; name: string };
  @ApiProperty({ description: '预算指标 / budget line', type: () => OrderBudgetLineView }) budgetLine!: { id: string; code: string; name: string };
  @ApiProperty({ description: '订单金额(元)/ total (yuan)' }) total!: string;
  @ApiProperty({ type: [OrderItemView] }) items!: OrderItemView[];
  @ApiProperty({ description: '下单时固化的规则版本 / the rule version frozen at ordering', type: () => OrderRuleSetView }) ruleSet!: { id: string; version: number; sandbox: boolean };
  @ApiProperty() placedAt!: Date;
  @ApiProperty() confirmDue!: Date;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) confirmedAt!: Date | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) deliveredAt!: Date | null;
  @ApiProperty({ nullable: true, type: String }) deliveryNote!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) acceptDue!: Date | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) acceptedAt!: Date | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) rejectedAt!: Date | null;
  @ApiProperty({ nullable: true, type: [String] }) rejectionReasons!: string[] | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) paymentDue!: Date | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) paidAt!: Date | null;
  @ApiProperty({ nullable: true, type: String }) paymentReference!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) cancelledAt!: Date | null;
  @ApiProperty({ type: PendingStepView, nullable: true }) pending!: PendingStepView | null;
}

export function pendingView(o: OrderRow): PendingStepView | null {
  const p = pendingStep(o.status);
  if (!p || !o.dueAt || !o.warnAt) return null;
  const supplier = p.responsible === 'supplier';
  return {
    step: p.step,
    responsible: p.responsible,
    responsibleOrganisationId: supplier ? o.supplierOrganisationId : o.purchaserOrganisationId,
    responsibleName: supplier ? o.supplierName : o.purchaserName,
    dueAt: o.dueAt,
    warnAt: o.warnAt,
  };
}

export function orderView(o: OrderRow, items: OrderItemRow[]): OrderView {
  return {
    id: o.id,
    no: o.no,
    status: o.status,
    source: o.source,
    sourceId: o.sourceId,
    purchaser: { organisationId: o.purchaserOrganisationId, name: o.purchaserName },
    supplier: { organisationId: o.supplierOrganisationId, name: o.supplierName },
    budgetLine: { id: o.budgetLineId, code: o.budgetCode, name: o.budgetName },
    total: yuan(o.totalFen),
    items: items.map(({ unitPriceFen, amountFen, ...i }) => ({ ...i, unitPrice: yuan(unitPriceFen), amount: yuan(amountFen) })),
    ruleSet: { id: o.ruleSetId, version: o.ruleSetVersion, sandbox: o.sandbox },
    placedAt: o.placedAt,
    confirmDue: o.confirmDue,
    confirmedAt: o.confirmedAt,
    deliveredAt: o.deliveredAt,
    deliveryNote: o.deliveryNote,
    acceptDue: o.acceptDue,
    acceptedAt: o.acceptedAt,
    rejectedAt: o.rejectedAt,
    rejectionReasons: o.rejectionReasons,
    paymentDue: o.paymentDue,
    paidAt: o.paidAt,
    paymentReference: o.paymentReference,
    cancelledAt: o.cancelledAt,
    pending: pendingView(o),
  };
}

export class OverdueStepView extends PendingStepView {
  @ApiProperty({ format: 'uuid' }) orderId!: string;
  @ApiProperty() orderNo!: string;
  @ApiProperty({ enum: ['overdue', 'warning'], description: '已超期或已到预警比例 / past due, or past the warning share' }) level!: 'overdue' | 'warning';
  @ApiProperty({ description: '超期秒数(预警时为 0)/ seconds late (0 while warning)' }) lateSeconds!: number;
  @ApiProperty() purchaserName!: string;
  @ApiProperty() supplierName!: string;
  @ApiProperty() total!: string;
}

export class RatingView {
  @ApiProperty({ format: 'uuid' }) orderId!: string;
  @ApiProperty() orderNo!: string;
  @ApiProperty({ description: '采购人(公开:财政资金)/ purchaser (public money, so named)' }) purchaserName!: string;
  @ApiProperty() quality!: number;
  @ApiProperty() delivery!: number;
  @ApiProperty() service!: number;
  @ApiProperty() comment!: string;
  @ApiProperty() ratedAt!: Date;
  @ApiProperty({ nullable: true, type: String }) reply!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) repliedAt!: Date | null;
}

export const ratingView = (g: RatingRow): RatingView => ({
  orderId: g.orderId,
  orderNo: g.orderNo,
  purchaserName: g.purchaserName,
  quality: g.quality,
  delivery: g.delivery,
  service: g.service,
  comment: g.comment,
  ratedAt: g.ratedAt,
  reply: g.reply,
  repliedAt: g.repliedAt,
});

export class SupplierRatingsView {
  @ApiProperty({ format: 'uuid' }) organisationId!: string;
  @ApiProperty() organisationName!: string;
  @ApiProperty({ nullable: true, description: '综合评分(三项平均)/ score (mean of the three)', type: String }) ratingAvg!: string | null;
  @ApiProperty() ratingCount!: number;
  @ApiProperty({ type: [RatingView] }) ratings!: RatingView[];
}
