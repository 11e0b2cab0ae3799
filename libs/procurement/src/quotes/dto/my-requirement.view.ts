import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Money } from '@app/platform/money/money';
import { MyRequirementRow } from '../my-requirement.repository';

export class MyRequirementWinnerView {
  @ApiProperty({ description: '成交供应商 / supplier' }) supplierName!: string;
  @ApiProperty({ description: '成交价(元)/ price (yuan)' }) price!: string;
}

export class MyRequirementOrderView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ description: '订单号 / order number' }) no!: string;
  @ApiProperty({ description: '订单状态 / order status', enum: ['placed', 'confirmed', 'delivered', 'accepted', 'rejected', 'paid', 'cancelled'] }) status!: string;
}

/** 我的采购需求: what the public record shows of each, plus the order it led to; counts only once the round is closed. */
export class MyRequirementView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ description: '需求名称 / title' }) title!: string;
  @ApiProperty({ description: '品目 / category' }) categoryCode!: string;
  @ApiProperty({ description: '最高限价(元)/ maximum (yuan)' }) maxPrice!: string;
  @ApiProperty({ description: '轮次 / round' }) round!: number;
  @ApiProperty({ description: '状态:竞价中、失败、成交、变更方式 / quoting, failed, awarded, switched', enum: ['quoting', 'failed', 'awarded', 'switched'] }) status!: string;
  @ApiProperty({ description: '本轮报价截止 / the round’s deadline' }) quoteDeadline!: Date;
  @ApiProperty({ nullable: true, description: '截止开启时间 / closed at', type: String, format: 'date-time' }) closedAt!: Date | null;
  @ApiProperty({ nullable: true, description: '变更采购方式理由 / why the method was switched', type: String }) switchReason!: string | null;
  @ApiProperty({ description: '发布时间 / published at' }) createdAt!: Date;
  @ApiProperty({ nullable: true, description: '本轮报价家数(截止后公开;竞价中为 null)/ quotes in the round (public after the deadline; null while quoting)', type: Number }) quoteCount!: number | null;
  @ApiProperty({ nullable: true, description: '本轮有效报价家数(截止后)/ valid quotes in the round (after the deadline)', type: Number }) validQuoteCount!: number | null;
  @ApiProperty({ type: MyRequirementWinnerView, nullable: true }) winner!: MyRequirementWinnerView | null;
  @ApiProperty({ type: MyRequirementOrderView, nullable: true, description: '成交生成的订单(合同)/ the order (contract) it led to' }) order!: MyRequirementOrderView | null;
}

export class MyRequirementPage {
  @ApiProperty({ type: [MyRequirementView] }) items!: MyRequirementView[];
  @ApiProperty({ description: '总数 / total' }) total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}

export function myRequirementView(r: MyRequirementRow): MyRequirementView {
  const sealed = r.status === 'quoting';
  return {
    id: r.id,
    title: r.title,
    categoryCode: r.categoryCode,
    maxPrice: Money.ofFen(r.maxPriceFen).toYuan(),
    round: r.round,
    status: r.status,
    quoteDeadline: r.quoteDeadline,
    closedAt: r.closedAt,
    switchReason: r.switchReason,
    createdAt: r.createdAt,
    quoteCount: sealed ? null : r.quoteCount,
    validQuoteCount: sealed ? null : r.validQuoteCount,
    winner: !sealed && r.winnerName && r.winnerPriceFen ? { supplierName: r.winnerName, price: Money.ofFen(r.winnerPriceFen).toYuan() } : null,
    order: r.orderId ? { id: r.orderId, no: r.orderNo!, status: r.orderStatus! } : null,
  };
}
