import { ApiProperty } from '@nestjs/swagger';

const PHASES = ['pending', 'listing', 'live', 'ended'];

/** A lot as anyone may watch it: paddles only, never who holds them; the server's time for the countdown. */
export class PublicLotView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ description: '标的名称 / title' }) title!: string;
  @ApiProperty({ description: '交易领域 / domain', example: 'land' }) domain!: string;
  @ApiProperty({ description: '阶段:待开始、挂牌、限时竞价、已结束 / phase', enum: PHASES }) phase!: string;
  @ApiProperty({ description: '起始价(元)/ start price (yuan)' }) startPrice!: string;
  @ApiProperty({ nullable: true, type: String, description: '当前最高价(元,无人出价为空)/ highest bid (yuan; null before the first)' }) currentPrice!: string | null;
  @ApiProperty({ nullable: true, type: String, description: '下一有效价(元,结束后为空)/ the next valid bid (yuan; null once ended)' }) nextMinimum!: string | null;
  @ApiProperty({ nullable: true, type: Number, description: '领先竞买号 / leading paddle' }) leaderPaddle!: number | null;
  @ApiProperty({ description: '出价次数 / bids so far' }) bids!: number;
  @ApiProperty({ description: '最后事件序号(断线重连从此续取)/ last event sequence (reconnecting watchers resume after it)' }) lastSeq!: number;
  @ApiProperty({ nullable: true, type: String, format: 'date-time', description: '开始时间 / starts at' }) startsAt!: Date | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time', description: '截止时间(限时竞价随出价顺延)/ ends at (a live countdown moves with each bid)' }) endsAt!: Date | null;
  @ApiProperty({ description: '限时竞价倒计时秒数 / countdown seconds' }) countdownSeconds!: number;
  @ApiProperty({ nullable: true, type: String, enum: ['sold', 'unsold', 'reserve_not_met', 'handed_over'], description: '结果(结束后)/ outcome (once ended)' }) outcome!: string | null;
  @ApiProperty({ nullable: true, type: Number, description: '竞得竞买号 / winning paddle' }) winnerPaddle!: number | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time', description: '项目中止时间(中止期间倒计时停止)/ suspended at (the countdown stands still meanwhile)' }) suspendedAt!: Date | null;
  @ApiProperty({ nullable: true, type: Number, description: '中止时剩余毫秒 / milliseconds left when suspended' }) remainingMs!: number | null;
  @ApiProperty({ description: '服务器时间 / server time' }) serverTime!: Date;
}

/** The answer to an accepted bid; the same client key answers the first one again, with `replayed`. */
export class BidAnswerView {
  @ApiProperty({ format: 'uuid' }) lotId!: string;
  @ApiProperty({ description: '出价序号 / bid sequence' }) bidSeq!: number;
  @ApiProperty({ description: '竞买号 / paddle' }) paddle!: number;
  @ApiProperty({ description: '出价(元)/ price (yuan)' }) price!: string;
  @ApiProperty({ description: '出价时的阶段 / phase of the bid', enum: ['listing', 'live'] }) phase!: string;
  @ApiProperty({ description: '出价后的截止时间 / the end after this bid' }) endsAt!: Date;
  @ApiProperty({ description: '受理时间(服务器)/ accepted at (server time)' }) acceptedAt!: Date;
  @ApiProperty({ description: '重复提交,返回首次结果 / a repeat of the same client key, answered with the first result' }) replayed!: boolean;
}

export class PaddleView {
  @ApiProperty({ description: '我的竞买号 / my paddle number' }) paddle!: number;
}
