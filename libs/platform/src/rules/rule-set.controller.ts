import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Public, Roles } from '../auth/decorators';
import { Actor, Role } from '../auth/roles';
import { CreateRuleSetDto, RuleSetIdParam, RuleSetPairParam, RuleSetQuery, UpdateRuleSetDto } from './dto/rule-set.dto';
import { RuleSetService } from './rule-set.service';

@ApiTags('rule-sets 交易规则')
@Controller('rule-sets')
export class RuleSetController {
  constructor(private readonly rules: RuleSetService) {}

  @Get()
  @Public()
  @ApiOperation({ summary: '规则版本列表(公开)/ Rule-set versions (public)' })
  async list(@Query() q: RuleSetQuery) {
    return { items: await this.rules.list(q.domain) };
  }

  @Get(':id')
  @Public()
  @ApiOperation({ summary: '规则版本详情(公开)/ One rule-set version (public)' })
  get(@Param() p: RuleSetIdParam) {
    return this.rules.get(p.id);
  }

  @Get(':id/diff/:otherId')
  @Public()
  @ApiOperation({ summary: '两个版本的差异 / Differences between two versions' })
  diff(@Param() p: RuleSetPairParam) {
    return this.rules.diff(p.id, p.otherId);
  }

  @Post()
  @Roles(Role.Committee)
  @ApiBearerAuth()
  @ApiOperation({ summary: '以生效版本为基础新建草稿版本 / Draft a new version from the one in force' })
  create(@Body() dto: CreateRuleSetDto, @CurrentActor() actor: Actor) {
    return this.rules.createDraft(actor, dto);
  }

  @Patch(':id')
  @Roles(Role.Committee)
  @ApiBearerAuth()
  @ApiOperation({ summary: '修改草稿版本 / Change a draft version' })
  update(@Param() p: RuleSetIdParam, @Body() dto: UpdateRuleSetDto, @CurrentActor() actor: Actor) {
    return this.rules.updateDraft(actor, p.id, dto);
  }

  @Post(':id/publish')
  @HttpCode(200)
  @Roles(Role.Committee)
  @ApiBearerAuth()
  @ApiOperation({ summary: '发布草稿版本(原生效版本废止)/ Publish a draft; the version in force retires' })
  publish(@Param() p: RuleSetIdParam, @CurrentActor() actor: Actor) {
    return this.rules.publish(actor, p.id);
  }
}
