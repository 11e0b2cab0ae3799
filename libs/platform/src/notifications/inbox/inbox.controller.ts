import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles } from '../../auth/decorators';
import { Actor, ALL_ROLES } from '../../auth/roles';
import { InboxQuery, NotificationIdParam, NotificationPage, NotificationView, ReadAllView, UnreadCountView } from './dto/inbox.dto';
import { InboxService } from './inbox.service';

@ApiTags('notifications 站内消息')
@ApiBearerAuth()
@Controller('notifications')
export class InboxController {
  constructor(private readonly inbox: InboxService) {}

  @Get('mine')
  @Roles(...ALL_ROLES)
  @ApiOperation({ summary: '我的消息(最新在前)/ My notifications, newest first', description: '发给本账户、本单位、本账户角色或本人专家身份的通知;已读状态按账户。Sent to this account, its organisation, its roles or its expert record; read state is per account.' })
  @ApiOkResponse({ type: NotificationPage })
  list(@Query() q: InboxQuery, @CurrentActor() actor: Actor): Promise<NotificationPage> {
    return this.inbox.list(actor, q);
  }

  @Get('mine/unread-count')
  @Roles(...ALL_ROLES)
  @ApiOperation({ summary: '未读消息数 / Unread count' })
  @ApiOkResponse({ type: UnreadCountView })
  unreadCount(@CurrentActor() actor: Actor): Promise<UnreadCountView> {
    return this.inbox.unreadCount(actor);
  }

  @Post('mine/read-all')
  @HttpCode(200)
  @Roles(...ALL_ROLES)
  @ApiOperation({ summary: '全部标为已读 / Mark all read' })
  @ApiOkResponse({ type: ReadAllView })
  readAll(@CurrentActor() actor: Actor): Promise<ReadAllView> {
    return this.inbox.readAll(actor);
  }

  @Post(':id/read')
  @HttpCode(200)
  @Roles(...ALL_ROLES)
  @ApiOperation({ summary: '标为已读 / Mark read', description: '他人的通知答复 404。Another recipient’s notification answers 404.' })
  @ApiOkResponse({ type: NotificationView })
  read(@Param() p: NotificationIdParam, @CurrentActor() actor: Actor): Promise<NotificationView> {
    return this.inbox.read(actor, p.id);
  }
}
