import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiNotModifiedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentActor, Public, Roles } from '@app/platform/auth/decorators';
import { Actor, Role } from '@app/platform/auth/roles';
import { CreateProjectDto, ProjectIdParam, ProjectListQuery, PublicProjectQuery, ResumeProjectDto, SuspendProjectDto } from '../dto/project.dto';
import { ProjectListPage, PublicProjectPage, ProjectView } from '../dto/project.view';
import { ProjectService } from './project.service';
import { sendPublicPage } from './public-project-fast-path';
import { ProjectSupervision, ProjectWrite } from '../gate/project-write.decorator';

@ApiTags('projects 交易项目')
@Controller()
export class ProjectController {
  constructor(private readonly projects: ProjectService) {}

  @Post('projects')
  @Roles(Role.Owner, Role.Agent)
  @ApiBearerAuth()
  @ApiOperation({ summary: '登记交易项目草稿(招标人或代理机构)/ Register a draft project (owner or agent)' })
  @ApiCreatedResponse({ type: ProjectView })
  register(@Body() dto: CreateProjectDto, @CurrentActor() actor: Actor): Promise<ProjectView> {
    return this.projects.register(actor, dto);
  }

  @Get('projects')
  @Roles(Role.Centre, Role.Office, Role.Regulator)
  @ApiBearerAuth()
  @ApiOperation({ summary: '项目检索:按名称、代码、领域、状态(交易中心、管理办公室;行业监管部门限本领域)/ Find projects by name, code, domain and status (centre, office; a regulator its own domain)' })
  @ApiOkResponse({ type: ProjectListPage })
  find(@Query() q: ProjectListQuery, @CurrentActor() actor: Actor): Promise<ProjectListPage> {
    return this.projects.operatorList(actor, q);
  }

  @Get('projects/:id')
  @Roles(Role.Owner, Role.Agent, Role.Centre, Role.Office, Role.Regulator)
  @ApiBearerAuth()
  @ApiOperation({ summary: '项目详情(当事单位、交易中心、管理办公室、本领域监管部门)/ A project (its parties, the centre, the office, its domain’s regulator)' })
  @ApiOkResponse({ type: ProjectView })
  get(@Param() p: ProjectIdParam, @CurrentActor() actor: Actor): Promise<ProjectView> {
    return this.projects.get(actor, p.id);
  }

  @ProjectWrite()
  @Post('projects/:id/publish')
  @HttpCode(200)
  @Roles(Role.Centre)
  @ApiBearerAuth()
  @ApiOperation({ summary: '发布项目,固化当时生效的规则(交易中心)/ Publish a project, freezing the rules in force (centre)' })
  @ApiOkResponse({ type: ProjectView })
  publish(@Param() p: ProjectIdParam, @CurrentActor() actor: Actor): Promise<ProjectView> {
    return this.projects.publish(actor, p.id);
  }

  @ProjectSupervision()
  @Post('projects/:id/suspend')
  @HttpCode(200)
  @Roles(Role.Office, Role.Regulator)
  @ApiBearerAuth()
  @ApiOperation({ summary: '暂停项目,所有时间节点暂停(管理办公室或本领域监管部门)/ Suspend a project; its milestones pause (office or its regulator)' })
  @ApiOkResponse({ type: ProjectView })
  suspend(@Param() p: ProjectIdParam, @Body() dto: SuspendProjectDto, @CurrentActor() actor: Actor): Promise<ProjectView> {
    return this.projects.suspend(actor, p.id, dto.reason);
  }

  @ProjectSupervision()
  @Post('projects/:id/resume')
  @HttpCode(200)
  @Roles(Role.Office, Role.Regulator)
  @ApiBearerAuth()
  @ApiOperation({ summary: '恢复项目,时间节点顺延(管理办公室或本领域监管部门)/ Resume a project; its milestones shift (office or its regulator)' })
  @ApiOkResponse({ type: ProjectView })
  resume(@Param() p: ProjectIdParam, @Body() dto: ResumeProjectDto, @CurrentActor() actor: Actor): Promise<ProjectView> {
    return this.projects.resume(actor, p.id, dto.note);
  }

  @Get('public/projects')
  @Public()
  @ApiOperation({ summary: '已发布的交易项目(公开,无个人信息)/ Published projects (public, no personal data)' })
  @ApiHeader({ name: 'If-None-Match', required: false, description: '上次响应的 ETag,未变化时返回 304 / the ETag of an earlier answer: 304 when unchanged' })
  @ApiOkResponse({ type: PublicProjectPage })
  @ApiNotModifiedResponse({ description: '与 If-None-Match 相同,未变化 / unchanged since the given ETag' })
  async list(@Query() q: PublicProjectQuery, @Headers('if-none-match') ifNoneMatch: string | undefined, @Res() reply: FastifyReply): Promise<void> {
    // Serialized once per page and change (PublicProjectPages); a fresh page is usually sent before Nest (PublicProjectFastPath).
    sendPublicPage(reply, await this.projects.publicList(q), ifNoneMatch);
  }
}
