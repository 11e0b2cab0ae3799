import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { PageQuery } from '../../../http/page-query.dto';

export class InboxQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ['true', 'false'], description: '只看未读 / unread only' })
  @IsOptional()
  @IsIn(['true', 'false'])
  unread?: 'true' | 'false';
}

export class NotificationIdParam {
  @ApiProperty({ description: '通知编号 / notification id' })
  @IsUUID()
  id!: string;
}

export class NotificationView {
  @ApiProperty() id!: string;
  @ApiProperty({ description: '模板 / template, e.g. tender.amendment' }) template!: string;
  @ApiProperty({ description: '标题(中文)/ title in Chinese' }) title!: string;
  @ApiProperty({ description: '正文(中文)/ text in Chinese' }) text!: string;
  @ApiProperty({ nullable: true, description: '相关项目 / the project it concerns', type: String }) projectId!: string | null;
  @ApiProperty({ description: '发出时间 / when it was sent' }) createdAt!: Date;
  @ApiProperty({ description: '本账户是否已读 / read by this account' }) read!: boolean;
  @ApiProperty({ nullable: true, description: '本账户阅读时间 / when this account read it', type: String, format: 'date-time' }) readAt!: Date | null;
}

export class NotificationPage {
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
  @ApiProperty({ description: '符合筛选的条数 / rows matching the filter' }) total!: number;
  @ApiProperty({ description: '未读总数 / unread in the whole inbox' }) unread!: number;
  @ApiProperty({ type: [NotificationView] }) items!: NotificationView[];
}

export class UnreadCountView {
  @ApiProperty({ description: '未读条数 / unread notifications' }) unread!: number;
}

export class ReadAllView {
  @ApiProperty({ description: '本次标为已读的条数 / how many were marked read' }) marked!: number;
  @ApiProperty({ description: '剩余未读 / unread left' }) unread!: number;
}
