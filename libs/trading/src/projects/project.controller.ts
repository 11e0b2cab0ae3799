import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Public, Roles } from '@app/platform/auth/decorators';
import { Actor, Role } from '@app/platform/auth/roles';
import { CreateProjectDto, ProjectIdParam, PublicProjectQuery } from '../dto/project.dto';
import { ProjectService } from './project.service';

@ApiTags('projects 交易项目')
@Controller()
export class ProjectController {
  constructor(private readonly projects: ProjectService) {}

  @Post('projects')
  @Roles(Role.Owner, Role.Agent)
  @ApiBearerAuth()
  @ApiOperation({ summary: '登记交易项目(进场登记)/ Register a trading project' })
  register(@Body() dto: CreateProjectDto, @CurrentActor() actor: Actor) {
    return this.projects.register(actor, dto);
  }

  @Get('projects/:id')
  @Roles(Role.Owner, Role.Agent, Role.Centre, Role.Office, Role.Regulator, Role.Committee)
  @ApiBearerAuth()
  @ApiOperation({ summary: '项目详情(当事单位、交易中心、监督部门)/ A project (its parties, the centre, supervisors)' })
  get(@Param() p: ProjectIdParam, @CurrentActor() actor: Actor) {
    return this.projects.get(actor, p.id);
  }

  @Post('projects/:id/publish')
  @HttpCode(200)
  @Roles(Role.Centre)
  @ApiBearerAuth()
  @ApiOperation({ summary: '发布项目并固化当时生效的规则 / Publish a project, snapshotting the rules in force' })
  publish(@Param() p: ProjectIdParam, @CurrentActor() actor: Actor) {
    return this.projects.publish(actor, p.id);
  }

  @Post('projects/:id/suspend')
  @HttpCode(200)
  @Roles(Role.Office, Role.Regulator)
  @ApiBearerAuth()
  @ApiOperation({ summary: '暂停项目(所有时间节点暂停)/ Suspend a project; its milestones pause' })
  suspend(@Param() p: ProjectIdParam, @CurrentActor() actor: Actor) {
    return this.projects.suspend(actor, p.id, false);
  }

  @Post('projects/:id/resume')
  @HttpCode(200)
  @Roles(Role.Office, Role.Regulator)
  @ApiBearerAuth()
  @ApiOperation({ summary: '恢复项目(时间节点顺延)/ Resume a project; its milestones shift' })
  resume(@Param() p: ProjectIdParam, @CurrentActor() actor: Actor) {
    return this.projects.suspend(actor, p.id, true);
  }

  @Get('public/projects')
  @Public()
  @ApiOperation({ summary: '公开的交易项目(无需登录,不含个人信息)/ Published projects (public, no personal data)' })
  list(@Query() q: PublicProjectQuery) {
    return this.projects.publicList(q.domain, q.page, q.pageSize);
  }
}
