import { ApiProperty } from '@nestjs/swagger';

/** 回执: what the bidder keeps — when the server fully received the bid and when it stored it, and the digests that prove what it was; never the price. */
export class BidReceiptView {
  @ApiProperty({ format: 'uuid', description: '回执编号(即投标编号)/ receipt number (the bid id)' }) receiptNo!: string;
  @ApiProperty({ format: 'uuid', description: '项目 / project id' }) projectId!: string;
  @ApiProperty({ description: '标段号 / section number' }) sectionNo!: number;
  @ApiProperty({ format: 'uuid', description: '投标单位 / bidder organisation' }) organisationId!: string;
  @ApiProperty({ nullable: true, type: String, format: 'date-time', description: '服务器完整收到请求的时间(据以判断是否截止)/ when the server had fully received the request (the deadline is judged on it)' }) receivedAt!: Date | null;
  @ApiProperty({ description: '存储时间 / stored at' }) submittedAt!: Date;
  @ApiProperty({ description: '投标文件 SHA-256 / documents SHA-256' }) documentsSha256!: string;
  @ApiProperty({ description: '投标文件字节数 / documents size' }) documentsSize!: number;
  @ApiProperty({ description: '投标摘要(开标时据以核对报价与文件)/ bid digest (checked against the price and documents at the opening)' }) bidDigest!: string;
  @ApiProperty({ description: '状态 / status', enum: ['submitted', 'withdrawn', 'replaced'] }) status!: string;
  @ApiProperty({ nullable: true, type: String, format: 'uuid', description: '本次递交取代的投标 / the bid this one replaced' }) replaces!: string | null;
}

export class DepositView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ description: '标段号 / section number' }) sectionNo!: number;
  @ApiProperty({ format: 'uuid', description: '投标单位 / bidder organisation' }) organisationId!: string;
  @ApiProperty({ description: '投标单位名称 / bidder name' }) organisationName!: string;
  @ApiProperty({ description: '方式:转账或电子保函 / transfer or e-guarantee', enum: ['transfer', 'guarantee'] }) method!: string;
  @ApiProperty({ description: '转账流水号或保函编号 / transfer or guarantee reference' }) reference!: string;
  @ApiProperty({ description: '金额(元)/ amount (yuan)' }) amount!: string;
  @ApiProperty({ description: '状态 / status', enum: ['declared', 'confirmed', 'refunded', 'released'] }) status!: string;
  @ApiProperty({ description: '登记时间 / declared at' }) declaredAt!: Date;
  @ApiProperty({ nullable: true, type: String, format: 'date-time', description: '确认到账 / confirmed at' }) confirmedAt!: Date | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time', description: '应退还时间 / refund due' }) refundDue!: Date | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time', description: '退还时间 / refunded at' }) refundedAt!: Date | null;
  @ApiProperty({ nullable: true, type: String, description: '退款银行流水号(转账)/ the bank’s reference of the refund (transfers)' }) refundReference!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time', description: '电子保函释放时间(代替退还)/ an e-guarantee’s release, in place of a refund' }) releasedAt!: Date | null;
}

export class OpeningLineView {
  @ApiProperty({ format: 'uuid' }) bidId!: string;
  @ApiProperty({ description: '投标人 / bidder' }) organisationName!: string;
  @ApiProperty({ description: '投标报价(元)/ price (yuan)' }) price!: string;
  @ApiProperty({ description: '保证金状态(none 为未缴)/ deposit status (none: no deposit)', enum: ['none', 'declared', 'confirmed', 'refunded', 'released'] }) depositStatus!: string;
  @ApiProperty({ description: '递交时间 / submitted at' }) submittedAt!: Date;
  @ApiProperty({ description: '投标摘要 / bid digest' }) bidDigest!: string;
  @ApiProperty({ description: '投标文件已核对 / documents verified' }) documentsVerified!: boolean;
}

export class OpeningSectionView {
  @ApiProperty({ description: '标段号 / number' }) no!: number;
  @ApiProperty({ description: '名称 / name' }) name!: string;
  @ApiProperty({ description: '状态 / status', enum: ['open', 'failed', 'opened', 'evaluating', 'publicity', 'awarded'] }) status!: string;
  @ApiProperty({ nullable: true, type: Number, description: '投标数(开标前为空)/ bids received (null before the opening)' }) bidCount!: number | null;
  @ApiProperty({ type: [OpeningLineView], description: '唱标(开标前及流标标段为空)/ the bids read out (empty before the opening and for a failed section)' }) bids!: OpeningLineView[];
}

/** 开标记录: public after the opening; before it, nothing about the bids, not even how many came (条例 22). */
export class OpeningRecordView {
  @ApiProperty({ format: 'uuid', description: '项目 / project id' }) projectId!: string;
  @ApiProperty({ description: '尚未开标 / still sealed' }) sealed!: boolean;
  @ApiProperty({ nullable: true, type: String, format: 'date-time', description: '投标截止 / bid deadline' }) bidDeadline!: Date | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time', description: '开标时间 / opened at' }) openedAt!: Date | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time', description: '开标异议截止 / objections until' }) objectionsUntil!: Date | null;
  @ApiProperty({ type: [OpeningSectionView] }) sections!: OpeningSectionView[];
}

/** 开标异议: raised on the spot by a bidder, answered there by the centre (条例 44); the objector is not named. */
export class OpeningObjectionView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: ['opening'], description: '开标异议 / to the opening' }) stage!: string;
  @ApiProperty({ description: '本单位提出 / raised by my organisation' }) mine!: boolean;
  @ApiProperty({ description: '异议内容 / content' }) content!: string;
  @ApiProperty({ description: '提出时间 / raised at' }) raisedAt!: Date;
  @ApiProperty({ nullable: true, type: String, description: '答复 / reply' }) reply!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time', description: '答复时间 / replied at' }) repliedAt!: Date | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time', description: '答复期限(开标异议时限)/ reply due (the end of the objection window)' }) replyDue!: Date | null;
}
