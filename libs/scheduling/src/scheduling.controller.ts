import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles } from '@app/platform/auth/decorators';
import { Actor, Role } from '@app/platform/auth/roles';
import { AgendaQuery, AgendaView, BookSessionDto, CalendarQuery, CancelSessionDto, CreateRoomDto, HostableStepView, MoveSessionDto, ProjectIdParam, RoomView, SessionIdParam, SessionView } from './dto/scheduling.dto';
import { RoomService } from './rooms/room.service';
import { CalendarService, CalendarView } from './sessions/calendar.service';
import { SessionService } from './sessions/session.service';
import { ProjectWrite, ProjectWriteExempt } from '@app/trading';

@ApiTags('scheduling 场地与场次')
@Controller('scheduling')
export class SchedulingController {
  constructor(
    private readonly rooms: RoomService,
    private readonly sessions: SessionService,
    private readonly calendars: CalendarService,
  ) {}

  @Post('rooms')
  @Roles(Role.Centre)
  @ApiBearerAuth()
  @ApiOperation({ summary: '登记场地(交易中心)/ Add a room (centre)' })
  @ApiCreatedResponse({ type: RoomView })
  createRoom(@Body() dto: CreateRoomDto, @CurrentActor() actor: Actor): Promise<RoomView> {
    return this.rooms.create(actor, dto);
  }

  @Get('rooms')
  @Roles(Role.Centre, Role.Office, Role.Regulator)
  @ApiBearerAuth()
  @ApiOperation({ summary: '场地列表(交易中心、监管)/ The rooms (centre, supervisors)' })
  @ApiOkResponse({ type: [RoomView] })
  listRooms(): Promise<RoomView[]> {
    return this.rooms.list();
  }

  @ProjectWrite('project', { body: 'projectId' })
  @Post('sessions')
  @Roles(Role.Centre)
  @ApiBearerAuth()
  @ApiOperation({ summary: '预约场次,时段冲突返回 409 并指明占用的场次(交易中心)/ Book a session; an overlap is a 409 naming the booking in the way (centre)' })
  @ApiCreatedResponse({ type: SessionView })
  book(@Body() dto: BookSessionDto, @CurrentActor() actor: Actor): Promise<SessionView> {
    return this.sessions.book(actor, dto);
  }

  @ProjectWrite('scheduling-session')
  @Patch('sessions/:id')
  @Roles(Role.Centre)
  @ApiBearerAuth()
  @ApiOperation({ summary: '调整场次时间,关联时间节点随之顺移并通知当事单位(交易中心)/ Move a session; its milestones shift with it and the parties are told (centre)' })
  @ApiOkResponse({ type: SessionView })
  move(@Param() p: SessionIdParam, @Body() dto: MoveSessionDto, @CurrentActor() actor: Actor): Promise<SessionView> {
    return this.sessions.move(actor, p.id, dto);
  }

  @ProjectWriteExempt('the centre frees a room; the hosted milestones stay where they are')
  @Post('sessions/:id/cancel')
  @HttpCode(200)
  @Roles(Role.Centre)
  @ApiBearerAuth()
  @ApiOperation({ summary: '取消场次(交易中心)/ Cancel a session (centre)' })
  @ApiOkResponse({ type: SessionView })
  cancel(@Param() p: SessionIdParam, @Body() dto: CancelSessionDto, @CurrentActor() actor: Actor): Promise<SessionView> {
    return this.sessions.cancel(actor, p.id, dto.reason);
  }

  @Get('calendar')
  @Roles(Role.Centre)
  @ApiBearerAuth()
  @ApiOperation({ summary: '场地日历:按场地、日、周或时间窗口(交易中心)/ The calendar by room, day, week or window (centre)' })
  calendar(@Query() q: CalendarQuery): Promise<CalendarView> {
    return this.calendars.calendar(q);
  }

  @Get('agenda')
  @Roles(Role.Centre)
  @ApiBearerAuth()
  @ApiOperation({ summary: '当日场次安排(北京时间,交易中心)/ The day’s agenda (Beijing time, centre)' })
  @ApiOkResponse({ type: AgendaView })
  agenda(@Query() q: AgendaQuery): Promise<AgendaView> {
    return this.calendars.agenda(q.day);
  }

  @Get('projects/:id/steps')
  @Roles(Role.Centre)
  @ApiBearerAuth()
  @ApiOperation({ summary: '项目可由场次承载的待办环节(开标、拍卖开始等,交易中心)/ The project’s pending steps a session may host (opening, auction start …; centre)' })
  @ApiOkResponse({ type: [HostableStepView] })
  steps(@Param() p: ProjectIdParam): Promise<HostableStepView[]> {
    return this.calendars.steps(p.id);
  }
}
