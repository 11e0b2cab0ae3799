import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Public, Roles } from '../auth/decorators';
import { Actor, Role } from '../auth/roles';
import { CreateRuleSetDto, RuleSetIdParam, RuleSetPairParam, RuleSetQuery, UpdateRuleSetDto } from './dto/rule-set.dto';
import { RuleSetDiffView, RuleSetListView, RuleSetView } from './dto/rule-set.view';
import { RuleSetService } from './rule-set.service';

// Reads are public: the rules a project is run by are published law-like data (让每一笔交易晒在阳光下).
@ApiTags('rule-sets 交易规则')
@Controller('rule-sets')
export class RuleSetController {
  constructor(private readonly rules: RuleSetService) {}

  @Get()
  @Public()
  @ApiOperation({ summary: '规则版本列表(公开)/ Rule-set versions (public)' })
  @ApiOkResponse({ type: RuleSetListView })
  async list(@Query() q: RuleSetQuery): Promise<RuleSetListView> {
    return { items: await this.rules.list(q) };
  }

  @Get(':id')
  @Public()
  @ApiOperation({ summary: '规则版本详情(公开)/ One rule-set version (public)' })
  @ApiOkResponse({ type: RuleSetView })
  get(@Param() p: RuleSetIdParam): Promise<RuleSetView> {
    return this.rules.get(p.id);
  }

  @Get(':id/diff/:otherId')
  @Public()
  @ApiOperation({ summary: '两个版本的差异(同一领域,公开)/ Differences between two versions of one domain (public)' })
  @ApiOkResponse({ type: RuleSetDiffView })
  diff(@Param() p: RuleSetPairParam): Promise<RuleSetDiffView> {
    return this.rules.diff(p.id, p.otherId);
  }

  @Post()
  @Roles(Role.Committee)
  @ApiBearerAuth()
  @ApiOperation({ summary: '以现行版本为基础起草新版本(管委会)/ Draft a new version from the one in force (committee)' })
  @ApiCreatedResponse({ type: RuleSetView })
  create(@Body() dto: CreateRuleSetDto, @CurrentActor() actor: Actor): Promise<RuleSetView> {
    return this.rules.createDraft(actor, dto);
  }

  @Patch(':id')
  @Roles(Role.Committee)
  @ApiBearerAuth()
  @ApiOperation({ summary: '修改草稿(已发布的版本不可修改)/ Change a draft (published versions never change)' })
  @ApiOkResponse({ type: RuleSetView })
  update(@Param() p: RuleSetIdParam, @Body() dto: UpdateRuleSetDto, @CurrentActor() actor: Actor): Promise<RuleSetView> {
    return this.rules.updateDraft(actor, p.id, dto);
  }

  @Post(':id/publish')
  @HttpCode(200)
  @Roles(Role.Committee)
  @ApiBearerAuth()
  @ApiOperation({ summary: '发布草稿,原现行版本废止(管委会)/ Publish a draft; the version in force retires (committee)' })
  @ApiOkResponse({ type: RuleSetView })
  publish(@Param() p: RuleSetIdParam, @CurrentActor() actor: Actor): Promise<RuleSetView> {
    return this.rules.publish(actor, p.id);
  }
}
