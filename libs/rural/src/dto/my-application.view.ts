import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Money } from '@app/platform/money/money';
import { MyApplicationRow } from '../deals/my-application.repository';

/** 我的受让报名: the deposit and its state (which is also the qualification: confirmed = qualified), the paddle once qualified. */
export class MyRuralApplicationView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid', description: '项目 / deal (project) id' }) dealId!: string;
  @ApiProperty({ description: '项目编号 / code' }) code!: string;
  @ApiProperty({ description: '项目名称 / name' }) name!: string;
  @ApiProperty({ description: '产权类别 / kind' }) kind!: string;
  @ApiProperty({ description: '类别名称 / kind name' }) kindName!: string;
  @ApiProperty({ description: '项目状态 / deal status', enum: ['draft', 'listing', 'agreement', 'live', 'failed', 'relisting', 'concluded', 'contracted'] }) dealStatus!: string;
  @ApiProperty({ description: '报名的挂牌轮次 / the listing round applied for' }) round!: number;
  @ApiProperty({ description: '项目当前轮次 / the deal’s current round' }) dealRound!: number;
  @ApiProperty({ format: 'uuid', nullable: true, description: '竞价标的 / lot id', type: String }) lotId!: string | null;
  @ApiProperty({ nullable: true, description: '挂牌起始 / listing starts', type: String, format: 'date-time' }) listingStartsAt!: Date | null;
  @ApiProperty({ nullable: true, description: '挂牌截止 / listing ends', type: String, format: 'date-time' }) listingEndsAt!: Date | null;
  @ApiProperty({ nullable: true, enum: ['failed', 'agreement', 'live'], description: '本轮结果 / the round’s outcome' }) listingOutcome!: string | null;
  @ApiProperty({ description: '本单位受让 / my organisation is the buyer' }) won!: boolean;
  @ApiProperty({ enum: ['transfer', 'guarantee'], description: '缴纳方式 / method' }) method!: string;
  @ApiProperty({ description: '流水号或保函编号 / reference' }) reference!: string;
  @ApiProperty({ description: '保证金(元)/ deposit (yuan)' }) amount!: string;
  @ApiProperty({ description: '已申报、资格确认、应退、已退、转作价款 / declared, qualified, refund due, refunded, applied to the price', enum: ['declared', 'qualified', 'refund_due', 'refunded', 'applied_to_price'] }) status!: string;
  @ApiProperty({ nullable: true, description: '竞买号(仅本单位可见)/ paddle number (only the applicant sees it)', type: Number }) paddle!: number | null;
  @ApiProperty({ description: '申报时间 / declared at' }) declaredAt!: Date;
  @ApiProperty({ nullable: true, description: '确认时间 / confirmed at', type: String, format: 'date-time' }) confirmedAt!: Date | null;
  @ApiProperty({ nullable: true, description: '应退还日期 / refund due', type: String, format: 'date-time' }) refundDue!: Date | null;
  @ApiProperty({ nullable: true, description: '退还时间 / refunded at', type: String, format: 'date-time' }) refundedAt!: Date | null;
}

export class MyRuralApplicationPage {
  @ApiProperty({ type: [MyRuralApplicationView] }) items!: MyRuralApplicationView[];
  @ApiProperty({ description: '总数 / total' }) total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}

export function myApplicationView({ amountFen, kindZh, ...r }: MyApplicationRow): MyRuralApplicationView {
  return { ...r, kindName: kindZh, amount: Money.ofFen(amountFen).toYuan() };
}
