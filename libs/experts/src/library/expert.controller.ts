import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { CurrentActor, Roles } from '@app/platform/auth/decorators';
import { Actor, Role } from '@app/platform/auth/roles';
import { ConflictDto, CreateExpertDto, ExpertIdParam, ExpertItemParam, ExpertListQuery, IMPORT_BODY_SCHEMA, ImportQuery, LinkAccountDto, UnavailabilityDto, UpdateExpertDto } from '../dto/expert.dto';
import { ConflictView, ExpertDetailView, ExpertPage, ImportReportView, UnavailabilityView } from '../dto/expert.view';
import { ExpertImportService } from './expert-import.service';
import { ExpertService } from './expert.service';
import { readUpload } from './upload';

// The library is the office's (专家管理统一): the centre, the parties and the bidders never read it; an expert reads only themself.
@ApiTags('experts 专家库')
@ApiBearerAuth()
@Controller('experts')
export class ExpertController {
  constructor(
    private readonly experts: ExpertService,
    private readonly imports: ExpertImportService,
  ) {}

  @Post()
  @Roles(Role.Office)
  @ApiOperation({ summary: '专家入库(管理办公室;身份证号加密存储)/ Add an expert to the library (office; the ID number is stored sealed)' })
  @ApiCreatedResponse({ type: ExpertDetailView })
  create(@Body() dto: CreateExpertDto, @CurrentActor() actor: Actor): Promise<ExpertDetailView> {
    return this.experts.create(actor, dto);
  }

  @Get()
  @Roles(Role.Office)
  @ApiOperation({ summary: '查询专家库(按专业含下级、状态、地区、姓名)/ Search the library (by specialty with its descendants, status, region, name)' })
  @ApiOkResponse({ type: ExpertPage })
  list(@Query() q: ExpertListQuery): Promise<ExpertPage> {
    return this.experts.list(q);
  }

  @Post('import')
  @HttpCode(200)
  @Roles(Role.Office)
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: IMPORT_BODY_SCHEMA })
  @ApiOperation({ summary: '批量导入专家(.xlsx 或 .csv;全部合格才导入,或只导入合格行)/ Import experts from .xlsx or .csv (all or nothing, or the valid rows)' })
  @ApiOkResponse({ type: ImportReportView })
  async import(@Req() req: FastifyRequest, @Query() q: ImportQuery, @CurrentActor() actor: Actor): Promise<ImportReportView> {
    return this.imports.importFile(actor, await readUpload(req), q.mode ?? 'all-or-nothing');
  }

  @Get('me')
  @Roles(Role.Expert)
  @ApiOperation({ summary: '本人在专家库中的信息(评标专家)/ My own entry in the library (expert)' })
  @ApiOkResponse({ type: ExpertDetailView })
  me(@CurrentActor() actor: Actor): Promise<ExpertDetailView> {
    return this.experts.me(actor);
  }

  @Post('me/unavailability')
  @Roles(Role.Expert)
  @ApiOperation({ summary: '登记不可参评时段(评标专家)/ Declare a period I cannot evaluate (expert)' })
  @ApiCreatedResponse({ type: UnavailabilityView })
  addUnavailability(@Body() dto: UnavailabilityDto, @CurrentActor() actor: Actor): Promise<UnavailabilityView> {
    return this.experts.addUnavailability(actor, dto);
  }

  @Delete('me/unavailability/:id')
  @Roles(Role.Expert)
  @ApiOperation({ summary: '撤销不可参评时段(评标专家)/ Withdraw an unavailable period (expert)' })
  @ApiOkResponse({ type: UnavailabilityView })
  removeUnavailability(@Param() p: ExpertItemParam, @CurrentActor() actor: Actor): Promise<UnavailabilityView> {
    return this.experts.removeUnavailability(actor, p.id);
  }

  @Post('me/conflicts')
  @Roles(Role.Expert)
  @ApiOperation({ summary: '申报利害关系单位(评标专家,抽取时回避)/ Declare an organisation I have a conflict with (expert; avoided in draws)' })
  @ApiCreatedResponse({ type: ConflictView })
  addConflict(@Body() dto: ConflictDto, @CurrentActor() actor: Actor): Promise<ConflictView> {
    return this.experts.addConflict(actor, dto);
  }

  @Delete('me/conflicts/:id')
  @Roles(Role.Expert)
  @ApiOperation({ summary: '撤回利害关系申报(评标专家)/ Withdraw a declared conflict (expert)' })
  @ApiOkResponse({ type: ConflictView })
  removeConflict(@Param() p: ExpertItemParam, @CurrentActor() actor: Actor): Promise<ConflictView> {
    return this.experts.removeConflict(actor, p.id);
  }

  @Get(':id')
  @Roles(Role.Office)
  @ApiOperation({ summary: '专家详情(管理办公室;身份证号脱敏)/ An expert (office; ID number masked)' })
  @ApiOkResponse({ type: ExpertDetailView })
  get(@Param() p: ExpertIdParam): Promise<ExpertDetailView> {
    return this.experts.get(p.id);
  }

  @Patch(':id')
  @Roles(Role.Office)
  @ApiOperation({ summary: '修改专家信息、状态或专业(管理办公室)/ Change an expert’s details, status or specialties (office)' })
  @ApiOkResponse({ type: ExpertDetailView })
  update(@Param() p: ExpertIdParam, @Body() dto: UpdateExpertDto, @CurrentActor() actor: Actor): Promise<ExpertDetailView> {
    return this.experts.update(actor, p.id, dto);
  }

  @Post(':id/account')
  @HttpCode(200)
  @Roles(Role.Office)
  @ApiOperation({ summary: '关联专家的登录账户(须持有评标专家角色)/ Link the expert’s login account (it must hold the expert role)' })
  @ApiOkResponse({ type: ExpertDetailView })
  linkAccount(@Param() p: ExpertIdParam, @Body() dto: LinkAccountDto, @CurrentActor() actor: Actor): Promise<ExpertDetailView> {
    return this.experts.linkAccount(actor, p.id, dto.accountId);
  }
}
