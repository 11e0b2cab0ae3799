import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Money } from '@app/platform/money/money';
import { MyApplicationRow } from '../parcels/my-application.repository';

export class MyLandDepositView {
  @ApiProperty({ enum: ['transfer', 'guarantee'], description: '转账或保函 / transfer or guarantee' }) method!: string;
  @ApiProperty({ description: '流水号或保函编号 / reference' }) reference!: string;
  @ApiProperty({ description: '金额(元)/ amount (yuan)' }) amount!: string;
  @ApiProperty({ description: '持有、应退、已退、转作价款 / held, refund due, refunded, converted to part payment', enum: ['held', 'refund_due', 'refunded', 'converted'] }) status!: string;
  @ApiProperty({ nullable: true, description: '应退还日期 / refund due', type: String, format: 'date-time' }) refundDue!: Date | null;
  @ApiProperty({ nullable: true, description: '退还时间 / refunded at', type: String, format: 'date-time' }) refundedAt!: Date | null;
}

/** 我的竞买申请: the application, its deposit, the qualification result and, once qualified, the paddle (the applicant's own). */
export class MyLandApplicationView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid', description: '地块(项目)/ parcel (project) id' }) parcelId!: string;
  @ApiProperty({ description: '项目编号 / code' }) code!: string;
  @ApiProperty({ description: '地块名称 / name' }) name!: string;
  @ApiProperty({ description: '坐落 / location' }) location!: string;
  @ApiProperty({ enum: ['listing', 'auction'], description: '挂牌或拍卖 / listing or auction' }) mode!: string;
  @ApiProperty({ description: '阶段:公告、挂牌、限时竞价、已结束 / announced, listing, live, ended', enum: ['announced', 'listing', 'live', 'ended'] }) phase!: string;
  @ApiProperty({ format: 'uuid', nullable: true, description: '竞价标的 / lot id', type: String }) lotId!: string | null;
  @ApiProperty({ nullable: true, description: '挂牌起始 / listing starts', type: String, format: 'date-time' }) listingStartsAt!: Date | null;
  @ApiProperty({ nullable: true, description: '挂牌截止 / listing ends', type: String, format: 'date-time' }) listingEndsAt!: Date | null;
  @ApiProperty({ nullable: true, description: '拍卖时间 / auction at', type: String, format: 'date-time' }) auctionAt!: Date | null;
  @ApiProperty({ nullable: true, enum: ['sold', 'unsold', 'reserve_not_met'], description: '结果 / outcome' }) outcome!: string | null;
  @ApiProperty({ description: '本单位竞得 / won by my organisation' }) won!: boolean;
  @ApiProperty({ enum: ['submitted', 'qualified', 'rejected'], description: '资格审核:待审、确认、不予确认 / qualification: pending, qualified, rejected' }) status!: string;
  @ApiProperty({ nullable: true, description: '不予确认理由 / why it was rejected', type: String }) rejectReason!: string | null;
  @ApiProperty({ nullable: true, description: '审核时间 / decided at', type: String, format: 'date-time' }) decidedAt!: Date | null;
  @ApiProperty({ nullable: true, description: '竞买号(仅本单位可见)/ paddle number (only the applicant sees it)', type: Number }) paddle!: number | null;
  @ApiProperty({ nullable: true, description: '表示继续竞价的时间 / said it will keep bidding at', type: String, format: 'date-time' }) continueDeclaredAt!: Date | null;
  @ApiProperty({ description: '资格文件 / qualification documents' }) fileName!: string;
  @ApiProperty({ description: 'SHA-256' }) sha256!: string;
  @ApiProperty({ type: MyLandDepositView }) deposit!: MyLandDepositView;
  @ApiProperty({ description: '申请时间 / applied at' }) appliedAt!: Date;
}

export class MyLandApplicationPage {
  @ApiProperty({ type: [MyLandApplicationView] }) items!: MyLandApplicationView[];
  @ApiProperty({ description: '总数 / total' }) total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}

const phaseOf = (r: MyApplicationRow): string =>
  r.parcelStatus === 'ended' || r.parcelStatus === 'confirmed' ? 'ended' : r.lotPhase === 'listing' || r.lotPhase === 'live' ? r.lotPhase : 'announced';

export function myApplicationView(r: MyApplicationRow): MyLandApplicationView {
  return {
    id: r.id,
    parcelId: r.parcelId,
    code: r.code,
    name: r.name,
    location: r.location,
    mode: r.mode,
    phase: phaseOf(r),
    lotId: r.lotId,
    listingStartsAt: r.listingStartsAt,
    listingEndsAt: r.listingEndsAt,
    auctionAt: r.auctionAt,
    outcome: r.outcome,
    won: r.won,
    status: r.status,
    rejectReason: r.rejectReason,
    decidedAt: r.decidedAt,
    paddle: r.paddle,
    continueDeclaredAt: r.continueDeclaredAt,
    fileName: r.fileName,
    sha256: r.sha256,
    deposit: { method: r.depositMethod, reference: r.depositReference, amount: Money.ofFen(r.depositAmountFen).toYuan(), status: r.depositStatus, refundDue: r.refundDue, refundedAt: r.refundedAt },
    appliedAt: r.appliedAt,
  };
}
