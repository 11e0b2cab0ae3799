import { ApiExtraModels, ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import { ZhEnView } from '@app/platform/http/text.view';
import { Money } from '@app/platform/money/money';
import { IncrementFen } from '../rules/parcel-terms';
import { ApplicationRow, ParcelDeskRow, ParcelRow } from '../parcels/parcel.types';

export type IncrementYuan = { fixed: string } | { ladder: { from: string; step: string }[] };

export class FixedIncrementView {
  @ApiProperty({ description: '固定加价幅度(元)/ fixed increment (yuan)' }) fixed!: string;
}

export class LadderBandView {
  @ApiProperty({ description: '自此价格起(元)/ from this price (yuan)' }) from!: string;
  @ApiProperty({ description: '加价幅度(元)/ step (yuan)' }) step!: string;
}

export class LadderIncrementView {
  @ApiProperty({ description: '阶梯加价 / ladder', type: [LadderBandView] }) ladder!: LadderBandView[];
}

/** 加价幅度:固定或阶梯 / the increment: fixed or a ladder */
const INCREMENT = { oneOf: [{ $ref: getSchemaPath(FixedIncrementView) }, { $ref: getSchemaPath(LadderIncrementView) }] };

export const incrementYuan = (i: IncrementFen): IncrementYuan =>
  'fixedFen' in i ? { fixed: Money.ofFen(i.fixedFen).toYuan() } : { ladder: i.ladder.map((b) => ({ from: Money.ofFen(b.fromFen).toYuan(), step: Money.ofFen(b.stepFen).toYuan() })) };

const yuan = (fen: string | null) => (fen === null ? null : Money.ofFen(fen).toYuan());

/** A parcel as its owner, the centre and supervisors see it; the reserve only says whether there is one. */
@ApiExtraModels(FixedIncrementView, LadderIncrementView)
export class ParcelView {
  @ApiProperty({ format: 'uuid', description: '项目 / project id' }) id!: string;
  @ApiProperty({ description: '项目编号 / code' }) code!: string;
  @ApiProperty({ description: '地块名称 / name' }) name!: string;
  @ApiProperty({ description: '地区 / region' }) region!: string;
  @ApiProperty({ description: '出让人 / owner' }) ownerName!: string;
  @ApiProperty({ description: '坐落 / location' }) location!: string;
  @ApiProperty({ description: '面积(平方米)/ area (m²)' }) area!: string;
  @ApiProperty({ description: '用途 / use' }) use!: string;
  @ApiProperty({ description: '出让年限 / term (years)' }) termYears!: number;
  @ApiProperty({ description: '容积率 / plot ratio' }) plotRatio!: string;
  @ApiProperty({ description: '挂牌或拍卖 / listing or auction', enum: ['listing', 'auction'] }) mode!: string;
  @ApiProperty({ description: '起始价(元)/ start price (yuan)' }) startPrice!: string;
  @ApiProperty({ description: '加价幅度 / increment', ...INCREMENT }) increment!: IncrementYuan;
  @ApiProperty({ description: '竞买保证金(元)/ deposit (yuan)' }) deposit!: string;
  @ApiProperty({ description: '是否设保留价(价格密封至结束)/ whether a reserve is set (its price sealed until the end)' }) hasReserve!: boolean;
  @ApiProperty({ description: '状态 / status', enum: ['registered', 'announced', 'ended', 'confirmed'] }) status!: string;
  @ApiProperty({ description: '竞价标的 / the engine’s lot', nullable: true, format: 'uuid', type: String }) lotId!: string | null;
  @ApiProperty({ nullable: true, description: '公告时间 / announced at', type: String, format: 'date-time' }) announcedAt!: Date | null;
  @ApiProperty({ nullable: true, description: '挂牌开始 / listing starts', type: String, format: 'date-time' }) listingStartsAt!: Date | null;
  @ApiProperty({ nullable: true, description: '挂牌截止 / listing ends', type: String, format: 'date-time' }) listingEndsAt!: Date | null;
  @ApiProperty({ nullable: true, description: '拍卖时间 / auction session', type: String, format: 'date-time' }) auctionAt!: Date | null;
  @ApiProperty({ nullable: true, description: '结果:成交、流拍、未达保留价 / sold, unsold, reserve not met', enum: ['sold', 'unsold', 'reserve_not_met'] }) outcome!: string | null;
  @ApiProperty({ nullable: true, description: '竞得人竞买号 / the winning paddle', type: Number }) winnerPaddle!: number | null;
  @ApiProperty({ nullable: true, description: '竞得人(单位名称)/ the winning organisation', type: String }) winnerName!: string | null;
  @ApiProperty({ nullable: true, description: '成交价(元)/ price (yuan)', type: String }) price!: string | null;
  @ApiProperty({ nullable: true, description: '结束时间 / ended at', type: String, format: 'date-time' }) endedAt!: Date | null;
  @ApiProperty({ nullable: true, description: '结果公示截止 / publicity until', type: String, format: 'date-time' }) publicityUntil!: Date | null;
  @ApiProperty({ nullable: true, description: '成交确认书编号 / deal confirmation number', type: String }) confirmationNo!: string | null;
}

export function parcelView(p: ParcelRow): ParcelView {
  return {
    id: p.projectId,
    code: p.code,
    name: p.name,
    region: p.region,
    ownerName: p.ownerName,
    location: p.location,
    area: p.areaM2,
    use: p.use,
    termYears: p.termYears,
    plotRatio: p.plotRatio,
    mode: p.mode,
    startPrice: Money.ofFen(p.startPriceFen).toYuan(),
    increment: incrementYuan(p.increment),
    deposit: Money.ofFen(p.depositFen).toYuan(),
    hasReserve: p.hasReserve,
    status: p.status,
    lotId: p.lotId,
    announcedAt: p.announcedAt,
    listingStartsAt: p.listingStartsAt,
    listingEndsAt: p.listingEndsAt,
    auctionAt: p.auctionAt,
    outcome: p.outcome,
    winnerPaddle: p.winnerPaddle,
    winnerName: p.winnerName,
    price: yuan(p.priceFen),
    endedAt: p.endedAt,
    publicityUntil: p.publicityUntil,
    confirmationNo: p.confirmationNo,
  };
}

/**
 * What the portal shows (出让公告 and 结果公示): paddles only while bidding; after the end the 成交公示 names the
 * 竞得人 (规定 22/25: the result is published with the winner), as rural's does. The phase from the engine's lot.
 */
@ApiExtraModels(FixedIncrementView, LadderIncrementView)
export class PublicParcelView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() code!: string;
  @ApiProperty() name!: string;
  @ApiProperty() region!: string;
  @ApiProperty({ description: '出让人 / owner' }) ownerName!: string;
  @ApiProperty() location!: string;
  @ApiProperty() area!: string;
  @ApiProperty() use!: string;
  @ApiProperty() termYears!: number;
  @ApiProperty() plotRatio!: string;
  @ApiProperty({ enum: ['listing', 'auction'] }) mode!: string;
  @ApiProperty() startPrice!: string;
  @ApiProperty({ description: '加价幅度 / increment', ...INCREMENT }) increment!: IncrementYuan;
  @ApiProperty() deposit!: string;
  @ApiProperty({ description: '阶段:公告、挂牌、限时竞价、已结束 / announced, listing, live, ended', enum: ['announced', 'listing', 'live', 'ended'] }) phase!: string;
  @ApiProperty({ nullable: true, format: 'uuid', description: '竞价标的(GET /public/lots/:id)/ the lot to watch', type: String }) lotId!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) listingStartsAt!: Date | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) listingEndsAt!: Date | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) auctionAt!: Date | null;
  @ApiProperty({ nullable: true, enum: ['sold', 'unsold', 'reserve_not_met'] }) result!: string | null;
  @ApiProperty({ nullable: true, type: Number }) winnerPaddle!: number | null;
  @ApiProperty({ nullable: true, description: '竞得人(成交后公示)/ the winning organisation, published after the end', type: String }) winnerName!: string | null;
  @ApiProperty({ nullable: true, type: String }) price!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) endedAt!: Date | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) publicityUntil!: Date | null;
}

export function publicParcelView(p: ParcelRow, lotPhase: string | null): PublicParcelView {
  const ended = p.status === 'ended' || p.status === 'confirmed';
  return {
    id: p.projectId,
    code: p.code,
    name: p.name,
    region: p.region,
    ownerName: p.ownerName,
    location: p.location,
    area: p.areaM2,
    use: p.use,
    termYears: p.termYears,
    plotRatio: p.plotRatio,
    mode: p.mode,
    startPrice: Money.ofFen(p.startPriceFen).toYuan(),
    increment: incrementYuan(p.increment),
    deposit: Money.ofFen(p.depositFen).toYuan(),
    phase: ended ? 'ended' : lotPhase === 'listing' || lotPhase === 'live' ? lotPhase : 'announced',
    lotId: p.lotId,
    listingStartsAt: p.listingStartsAt,
    listingEndsAt: p.listingEndsAt,
    auctionAt: p.auctionAt,
    result: ended ? p.outcome : null,
    winnerPaddle: ended ? p.winnerPaddle : null,
    winnerName: ended ? p.winnerName : null,
    price: ended ? yuan(p.priceFen) : null,
    endedAt: ended ? p.endedAt : null,
    publicityUntil: ended ? p.publicityUntil : null,
  };
}

/** 变更公告: a published start moved by its hosting session (later, or earlier by a re-announcement). */
export class ScheduleChangeView {
  @ApiProperty({ type: ZhEnView, description: '环节 / step', example: { zh: '拍卖会', en: 'auction' } }) step!: ZhEnView;
  @ApiProperty({ description: '原公布时间 / the time published before' }) previousAt!: Date;
  @ApiProperty({ description: '新时间 / the new time' }) newAt!: Date;
  @ApiProperty({ description: '是否重新公告(时间提前)/ a re-announcement (the time came earlier)' }) reannounced!: boolean;
  @ApiProperty({ description: '发布时间 / published at' }) publishedAt!: Date;
}

/** One parcel on the portal, with the schedule changes published since its announcement. */
export class PublicParcelDetailView extends PublicParcelView {
  @ApiProperty({ type: [ScheduleChangeView], description: '变更公告 / schedule changes' }) scheduleChanges!: ScheduleChangeView[];
}

/** A 竞买申请. The paddle appears only to its holder (and, after the end, to the centre). */
export class LandApplicationView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) parcelId!: string;
  @ApiProperty({ format: 'uuid' }) organisationId!: string;
  @ApiProperty() organisationName!: string;
  @ApiProperty({ description: '资格文件 / qualification documents' }) fileName!: string;
  @ApiProperty({ description: 'SHA-256' }) sha256!: string;
  @ApiProperty() size!: number;
  @ApiProperty({ enum: ['transfer', 'guarantee'] }) depositMethod!: string;
  @ApiProperty() depositReference!: string;
  @ApiProperty({ description: '保证金(元)/ deposit (yuan)' }) depositAmount!: string;
  @ApiProperty({ enum: ['submitted', 'qualified', 'rejected'] }) status!: string;
  @ApiProperty({ nullable: true, type: String }) rejectReason!: string | null;
  @ApiProperty({ nullable: true, description: '竞买号 / paddle number', type: Number }) paddle!: number | null;
  @ApiProperty({ nullable: true, description: '表示继续竞价的时间 / said it will keep bidding at', type: String, format: 'date-time' }) continueDeclaredAt!: Date | null;
  @ApiProperty({ description: '保证金状态:持有、应退、已退、转作价款 / held, refund due, refunded, converted to part payment', enum: ['held', 'refund_due', 'refunded', 'converted'] }) depositStatus!: string;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) refundDue!: Date | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) refundedAt!: Date | null;
  @ApiProperty({ nullable: true, description: '服务器完整收到申请的时间(据此判断是否截止)/ when the server had fully received the application (the deadline is judged on it)', type: String, format: 'date-time' }) receivedAt!: Date | null;
  @ApiProperty() appliedAt!: Date;
}

export function applicationView(a: ApplicationRow, showPaddle: boolean): LandApplicationView {
  return {
    id: a.id,
    parcelId: a.projectId,
    organisationId: a.organisationId,
    organisationName: a.organisationName,
    fileName: a.fileName,
    sha256: a.sha256,
    size: a.size,
    depositMethod: a.depositMethod,
    depositReference: a.depositReference,
    depositAmount: Money.ofFen(a.depositAmountFen).toYuan(),
    status: a.status,
    rejectReason: a.rejectReason,
    paddle: showPaddle ? a.paddle : null,
    continueDeclaredAt: showPaddle ? a.continueDeclaredAt : null,
    depositStatus: a.depositStatus,
    refundDue: a.refundDue,
    refundedAt: a.refundedAt,
    receivedAt: a.receivedAt,
    appliedAt: a.appliedAt,
  };
}

/** 成交确认书. */
export class ConfirmationView {
  @ApiProperty() confirmationNo!: string;
  @ApiProperty({ format: 'uuid' }) parcelId!: string;
  @ApiProperty() code!: string;
  @ApiProperty() name!: string;
  @ApiProperty() location!: string;
  @ApiProperty() area!: string;
  @ApiProperty() use!: string;
  @ApiProperty() termYears!: number;
  @ApiProperty() ownerName!: string;
  @ApiProperty({ description: '竞得人 / the winner' }) winnerName!: string;
  @ApiProperty() winnerPaddle!: number;
  @ApiProperty({ description: '成交价(元)/ price (yuan)' }) price!: string;
  @ApiProperty({ description: '已转作价款的保证金(元)/ deposit converted to part payment (yuan)' }) depositConverted!: string;
  @ApiProperty({ description: '尚需缴纳(元)/ still to pay (yuan)' }) balance!: string;
  @ApiProperty() endedAt!: Date;
  @ApiProperty() confirmedAt!: Date;
}

/** A parcel on the centre's desk: the parcel and what waits on it. */
@ApiExtraModels(FixedIncrementView, LadderIncrementView)
export class ParcelDeskItemView extends ParcelView {
  @ApiProperty({ description: '待审核的竞买申请 / applications waiting for the centre' }) submittedApplications!: number;
  @ApiProperty({ description: '已确认资格的竞买人 / qualified buyers' }) qualifiedApplications!: number;
  @ApiProperty({ description: '待退还的保证金 / deposits due for refund' }) refundsDue!: number;
}

export class ParcelDeskPage {
  @ApiProperty({ type: [ParcelDeskItemView] }) items!: ParcelDeskItemView[];
  @ApiProperty({ description: '总数 / total' }) total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}

export const parcelDeskItemView = (p: ParcelDeskRow): ParcelDeskItemView => ({
  ...parcelView(p),
  submittedApplications: p.submittedApplications,
  qualifiedApplications: p.qualifiedApplications,
  refundsDue: p.refundsDue,
});
