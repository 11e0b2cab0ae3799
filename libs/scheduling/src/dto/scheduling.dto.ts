import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsDate, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Matches, Max, Min } from 'class-validator';

export const ROOM_KINDS = ['opening_hall', 'evaluation_room', 'remote_seat', 'auction_hall'] as const;
export const SESSION_PURPOSES = ['opening', 'evaluation', 'auction'] as const;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

export class CreateRoomDto {
  @ApiProperty({ description: '场地类型:开标厅、评标室、远程评标席位、拍卖厅 / kind', enum: ROOM_KINDS })
  @IsIn(ROOM_KINDS)
  kind!: (typeof ROOM_KINDS)[number];

  @ApiProperty({ description: '场地名称 / name', example: '第一开标厅' })
  @IsString()
  @Length(1, 100)
  name!: string;

  @ApiProperty({ description: '座位数 / seats', example: 40 })
  @IsInt()
  @Min(1)
  @Max(1000)
  seats!: number;

  @ApiProperty({ description: '是否封闭隔离(评标室)/ isolated (evaluation rooms)', example: true })
  @IsBoolean()
  isolated!: boolean;
}

export class RangeDto {
  @ApiProperty({ description: '开始时间 / start', example: '2026-12-20T09:00:00+08:00' })
  @Type(() => Date)
  @IsDate()
  startsAt!: Date;

  @ApiProperty({ description: '结束时间(不含)/ end (exclusive)', example: '2026-12-20T12:00:00+08:00' })
  @Type(() => Date)
  @IsDate()
  endsAt!: Date;
}

export class BookSessionDto extends RangeDto {
  @ApiProperty({ description: '场地 / room', format: 'uuid' })
  @IsUUID()
  roomId!: string;

  @ApiProperty({ description: '交易项目 / trading project', format: 'uuid' })
  @IsUUID()
  projectId!: string;

  @ApiProperty({ description: '用途:开标、评标、现场拍卖 / purpose', enum: SESSION_PURPOSES })
  @IsIn(SESSION_PURPOSES)
  purpose!: (typeof SESSION_PURPOSES)[number];

  @ApiPropertyOptional({ description: '随场次调整的本项目时间节点 / the project’s milestones that move with the session', type: [String], format: 'uuid' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsUUID('all', { each: true })
  milestoneIds?: string[];

  @ApiPropertyOptional({ description: '备注 / note', example: '一标段开标' })
  @IsOptional()
  @IsString()
  @Length(1, 500)
  note?: string;
}

export class MoveSessionDto extends RangeDto {
  @ApiPropertyOptional({
    description:
      '重新公告:允许把已公布的时间提前,新时间须不早于现在加上规则快照的公告期,并发布变更公告 / re-announce: lets a published time come earlier when the new time is at least the rule snapshot’s notice period from now; publishes the change',
    default: false,
  })
  @IsOptional()
  @IsBoolean()
  reannounce?: boolean;
}

export class CancelSessionDto {
  @ApiProperty({ description: '取消理由 / reason', example: '项目暂停' })
  @IsString()
  @Length(1, 500)
  reason!: string;
}

export class SessionIdParam {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  id!: string;
}

export class CalendarQuery {
  @ApiPropertyOptional({ description: '只看一个场地 / one room only', format: 'uuid' })
  @IsOptional()
  @IsUUID()
  room?: string;

  @ApiPropertyOptional({ description: '北京时间某日 / a day (Asia/Shanghai)', example: '2026-12-20' })
  @IsOptional()
  @Matches(DAY)
  day?: string;

  @ApiPropertyOptional({ description: '该日所在的周(周一至周日,北京时间)/ the Monday–Sunday week holding this day', example: '2026-12-20' })
  @IsOptional()
  @Matches(DAY)
  week?: string;

  @ApiPropertyOptional({ description: '窗口开始 / window start', example: '2026-12-20T00:00:00+08:00' })
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  from?: Date;

  @ApiPropertyOptional({ description: '窗口结束(不含)/ window end (exclusive)', example: '2026-12-27T00:00:00+08:00' })
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  to?: Date;
}

export class AgendaQuery {
  @ApiProperty({ description: '北京时间某日 / a day (Asia/Shanghai)', example: '2026-12-20' })
  @Matches(DAY)
  day!: string;
}

export class RoomView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: ROOM_KINDS }) kind!: string;
  @ApiProperty() name!: string;
  @ApiProperty() seats!: number;
  @ApiProperty() isolated!: boolean;
  @ApiProperty() createdAt!: Date;
}

export class SessionView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) roomId!: string;
  @ApiProperty() roomName!: string;
  @ApiProperty({ enum: ROOM_KINDS }) roomKind!: string;
  @ApiProperty({ format: 'uuid' }) projectId!: string;
  @ApiProperty() projectCode!: string;
  @ApiProperty() projectName!: string;
  @ApiProperty() domain!: string;
  @ApiProperty({ enum: SESSION_PURPOSES }) purpose!: string;
  @ApiProperty() startsAt!: Date;
  @ApiProperty() endsAt!: Date;
  @ApiProperty({ enum: ['booked', 'cancelled'] }) status!: string;
  @ApiProperty({ type: [String] }) milestoneIds!: string[];
  @ApiProperty({ nullable: true, type: String }) note!: string | null;
  @ApiProperty({ nullable: true, type: String }) cancelReason!: string | null;
  @ApiProperty() bookedAt!: Date;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) cancelledAt!: Date | null;
}

export class AgendaView {
  @ApiProperty({ example: '2026-12-20' }) day!: string;
  @ApiProperty({ type: [SessionView] }) sessions!: SessionView[];
}

export class ProjectIdParam {
  @ApiProperty({ description: '交易项目 / project', format: 'uuid' })
  @IsUUID()
  id!: string;
}

export class StepNameView {
  @ApiProperty({ description: '中文名称 / Chinese name', example: '开标(投标截止)' }) zh!: string;
  @ApiProperty({ description: '英文名称 / English name', example: 'opening (bid deadline)' }) en!: string;
}

export class HostableStepView {
  @ApiProperty({ format: 'uuid', description: '时间节点 / milestone' }) id!: string;
  @ApiProperty({ description: '节点类型 / kind', example: 'land.auction_start' }) kind!: string;
  @ApiProperty({ type: StepNameView, description: '环节名称 / the step’s name' }) name!: StepNameView;
  @ApiProperty({ description: '到期时间 / due' }) dueAt!: Date;
  @ApiProperty({ nullable: true, format: 'uuid', description: '已承载该环节的场次 / the booked session hosting it', type: String }) sessionId!: string | null;
}
