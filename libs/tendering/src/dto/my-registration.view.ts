import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Money } from '@app/platform/money/money';
import { MyRegistrationRow } from '../registrations/my-registration.repository';

export class MyDepositView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ description: '方式:转账或电子保函 / transfer or e-guarantee', enum: ['transfer', 'guarantee'] }) method!: string;
  @ApiProperty({ description: '流水号或保函编号 / reference' }) reference!: string;
  @ApiProperty({ description: '金额(元)/ amount (yuan)', example: '100000.00' }) amount!: string;
  @ApiProperty({ description: '状态:已申报、已确认到账、已退还(转账)、已释放(电子保函)/ declared, confirmed, refunded (transfer), released (e-guarantee)', enum: ['declared', 'confirmed', 'refunded', 'released'] }) status!: string;
  @ApiProperty({ description: '申报时间 / declared at' }) declaredAt!: Date;
  @ApiProperty({ nullable: true, description: '确认到账时间 / confirmed at', type: String, format: 'date-time' }) confirmedAt!: Date | null;
  @ApiProperty({ nullable: true, description: '应退还日期 / refund due', type: String, format: 'date-time' }) refundDue!: Date | null;
  @ApiProperty({ nullable: true, description: '退还时间 / refunded at', type: String, format: 'date-time' }) refundedAt!: Date | null;
  @ApiProperty({ nullable: true, description: '电子保函释放时间 / e-guarantee released at', type: String, format: 'date-time' }) releasedAt!: Date | null;
}

/** 回执 of the bid: never its price, before or after the opening (the opening record is where prices are read out). */
export class MyBidView {
  @ApiProperty({ format: 'uuid', description: '回执编号 / receipt number' }) receiptNo!: string;
  @ApiProperty({ description: '已递交或已撤回 / submitted or withdrawn', enum: ['submitted', 'withdrawn'] }) status!: string;
  @ApiProperty({ description: '服务器接收时间 / received by the server at' }) submittedAt!: Date;
  @ApiProperty({ description: '投标摘要 SHA-256 / bid digest' }) bidDigest!: string;
  @ApiProperty({ description: '投标文件 SHA-256 / documents SHA-256' }) documentsSha256!: string;
  @ApiProperty({ nullable: true, description: '撤回时间 / withdrawn at', type: String, format: 'date-time' }) withdrawnAt!: Date | null;
}

/** 我的报名: one row per section of a tender the caller's organisation registered for. */
export class MyRegistrationView {
  @ApiProperty({ format: 'uuid', description: '项目 / project id' }) projectId!: string;
  @ApiProperty({ description: '项目编号 / code' }) code!: string;
  @ApiProperty({ description: '项目名称 / name' }) name!: string;
  @ApiProperty({ description: '招标项目状态 / tender status' }) tenderStatus!: string;
  @ApiProperty({ nullable: true, description: '投标截止 / bid deadline', type: String, format: 'date-time' }) bidDeadline!: Date | null;
  @ApiProperty({ nullable: true, description: '开标时间 / opened at', type: String, format: 'date-time' }) openedAt!: Date | null;
  @ApiProperty({ description: '报名时间 / registered at' }) registeredAt!: Date;
  @ApiProperty({ description: '标段号 / section number' }) sectionNo!: number;
  @ApiProperty({ description: '标段名称 / section name' }) sectionName!: string;
  @ApiProperty({ description: '标段状态 / section status', enum: ['open', 'failed', 'opened', 'evaluating', 'publicity', 'awarded'] }) sectionStatus!: string;
  @ApiProperty({ description: '应缴保证金(元)/ deposit required (yuan)' }) requiredDeposit!: string;
  @ApiProperty({ type: MyDepositView, nullable: true, description: '未申报为 null / null until declared' }) deposit!: MyDepositView | null;
  @ApiProperty({ type: MyBidView, nullable: true, description: '未递交为 null / null until a bid is submitted' }) bid!: MyBidView | null;
}

export class MyRegistrationPage {
  @ApiProperty({ type: [MyRegistrationView] }) items!: MyRegistrationView[];
  @ApiProperty({ description: '总数 / total' }) total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}

export function myRegistrationView(r: MyRegistrationRow): MyRegistrationView {
  return {
    projectId: r.projectId,
    code: r.code,
    name: r.name,
    tenderStatus: r.tenderStatus,
    bidDeadline: r.bidDeadline,
    openedAt: r.openedAt,
    registeredAt: r.registeredAt,
    sectionNo: r.sectionNo,
    sectionName: r.sectionName,
    sectionStatus: r.sectionStatus,
    requiredDeposit: Money.ofFen(r.requiredDepositFen).toYuan(),
    deposit: r.depositId
      ? {
          id: r.depositId,
          method: r.depositMethod!,
          reference: r.depositReference!,
          amount: Money.ofFen(r.depositAmountFen!).toYuan(),
          status: r.depositStatus!,
          declaredAt: r.depositDeclaredAt!,
          confirmedAt: r.depositConfirmedAt,
          refundDue: r.depositRefundDue,
          refundedAt: r.depositRefundedAt,
          releasedAt: r.depositReleasedAt,
        }
      : null,
    bid: r.receiptNo
      ? { receiptNo: r.receiptNo, status: r.bidStatus!, submittedAt: r.bidSubmittedAt!, bidDigest: r.bidDigest!, documentsSha256: r.documentsSha256!, withdrawnAt: r.bidWithdrawnAt }
      : null,
  };
}
