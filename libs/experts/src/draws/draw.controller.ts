import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles } from '@app/platform/auth/decorators';
import { Actor, Role } from '@app/platform/auth/roles';
import { SubjectIdParam } from '../dto/subject-id.param';
import { DeclineInvitationDto, DrawIdParam, RequestDrawDto, TopUpDrawDto } from '../dto/draw.dto';
import { DrawMemberView, DrawPage, DrawView, InvitationView, ReplayView } from '../dto/draw.view';
import { DrawService } from './draw.service';
import { DrawDeskQuery, ProjectDrawsQuery } from '../dto/project-draws.query';
import { ProjectWrite } from '@app/trading';

@ApiTags('expert draws 专家抽取')
@ApiBearerAuth()
@Controller()
export class DrawController {
  constructor(private readonly draws: DrawService) {}

  @ProjectWrite('project', { body: 'projectId' })
  @Post('expert-draws')
  @HttpCode(202)
  @Roles(Role.Centre)
  @ApiOperation({ summary: '申请随机抽取评标专家,立即返回,由后台抽取(交易中心)/ Request a random expert draw; returns at once, the worker draws (centre)' })
  @ApiAcceptedResponse({ type: DrawView })
  request(@Body() dto: RequestDrawDto, @CurrentActor() actor: Actor): Promise<DrawView> {
    return this.draws.request(actor, dto);
  }

  @Get('expert-draws')
  @Roles(Role.Centre, Role.Office, Role.Regulator)
  @ApiOperation({ summary: '项目的专家抽取记录(不含名单)/ A project’s draws (no names)' })
  @ApiOkResponse({ type: [DrawView] })
  list(@Query() q: ProjectDrawsQuery, @CurrentActor() actor: Actor): Promise<DrawView[]> {
    return this.draws.listForProject(actor, q.projectId);
  }

  @Get('expert-draws/desk')
  @Roles(Role.Centre, Role.Office, Role.Regulator)
  @ApiOperation({ summary: '全部专家抽取(分页,不含名单;行业监管部门限本领域)/ Every draw, paged, no names (a regulator: its own domain)' })
  @ApiOkResponse({ type: DrawPage })
  desk(@Query() q: DrawDeskQuery, @CurrentActor() actor: Actor): Promise<DrawPage> {
    return this.draws.desk(actor, q);
  }

  @Get('expert-draws/:id')
  @Roles(Role.Centre, Role.Office, Role.Regulator)
  @ApiOperation({ summary: '抽取状态与种子承诺(评标开始前不含名单)/ A draw’s status and seed commitment (no names before the session)' })
  @ApiOkResponse({ type: DrawView })
  get(@Param() p: DrawIdParam, @CurrentActor() actor: Actor): Promise<DrawView> {
    return this.draws.get(actor, p.id);
  }

  @Get('expert-draws/:id/members')
  @Roles(Role.Centre, Role.Office, Role.Regulator)
  @ApiOperation({ summary: '抽中专家名单:评标开始后对交易中心开放,项目结束后对监管开放 / The drawn experts: to the centre once the session starts, to supervisors once it ends' })
  @ApiOkResponse({ type: [DrawMemberView] })
  members(@Param() p: DrawIdParam, @CurrentActor() actor: Actor): Promise<DrawMemberView[]> {
    return this.draws.members(actor, p.id);
  }

  @Get('expert-draws/:id/record')
  @Roles(Role.Centre, Role.Office, Role.Regulator)
  @ApiOperation({ summary: '抽取全过程记录(可离线重放)/ The draw’s full record, replayable offline' })
  record(@Param() p: DrawIdParam, @CurrentActor() actor: Actor): Promise<unknown> {
    return this.draws.record(actor, p.id);
  }

  @Get('expert-draws/:id/replay')
  @Roles(Role.Centre, Role.Office, Role.Regulator)
  @ApiOperation({ summary: '按记录重新计算抽取结果并核对 / Recompute the draw from its record and compare' })
  @ApiOkResponse({ type: ReplayView })
  replay(@Param() p: DrawIdParam, @CurrentActor() actor: Actor): Promise<ReplayView> {
    return this.draws.replay(actor, p.id);
  }

  @ProjectWrite('expert-draw')
  @Post('expert-draws/:id/top-up')
  @HttpCode(200)
  @Roles(Role.Centre)
  @ApiOperation({ summary: '补抽:按新种子抽取委员会所缺人数,评标已开始的须推迟评标(交易中心)/ Top up a short committee in a new round with a new seed; once the session has started, put it off (centre)' })
  @ApiOkResponse({ type: DrawView })
  topUp(@Param() p: DrawIdParam, @Body() dto: TopUpDrawDto, @CurrentActor() actor: Actor): Promise<DrawView> {
    return this.draws.topUp(actor, p.id, dto);
  }

  @ProjectWrite('expert-draw')
  @Post('expert-draws/:id/finish')
  @HttpCode(200)
  @Roles(Role.Centre)
  @ApiOperation({ summary: '评标结束,记入专家评标记录(交易中心)/ The evaluation is over: record it in each expert’s history (centre)' })
  @ApiOkResponse({ type: DrawView })
  finish(@Param() p: DrawIdParam, @CurrentActor() actor: Actor): Promise<DrawView> {
    return this.draws.finish(actor, p.id);
  }

  @Get('experts/me/invitations')
  @Roles(Role.Expert)
  @ApiOperation({ summary: '我的抽取通知(专家本人)/ My draw invitations (the expert)' })
  @ApiOkResponse({ type: [InvitationView] })
  invitations(@CurrentActor() actor: Actor): Promise<InvitationView[]> {
    return this.draws.invitations(actor);
  }

  @ProjectWrite('expert-invitation')
  @Post('experts/me/invitations/:id/accept')
  @HttpCode(200)
  @Roles(Role.Expert)
  @ApiOperation({ summary: '确认参加评标(专家本人,答复时限内)/ Accept an invitation (the expert, before its deadline)' })
  @ApiOkResponse({ type: InvitationView })
  accept(@Param() p: SubjectIdParam, @CurrentActor() actor: Actor): Promise<InvitationView> {
    return this.draws.accept(actor, p.id);
  }

  @ProjectWrite('expert-invitation')
  @Post('experts/me/invitations/:id/decline')
  @HttpCode(200)
  @Roles(Role.Expert)
  @ApiOperation({ summary: '不能参加评标,自动补抽(专家本人)/ Decline; a replacement is drawn (the expert)' })
  @ApiOkResponse({ type: InvitationView })
  decline(@Param() p: SubjectIdParam, @Body() dto: DeclineInvitationDto, @CurrentActor() actor: Actor): Promise<InvitationView> {
    return this.draws.decline(actor, p.id, dto);
  }
}
