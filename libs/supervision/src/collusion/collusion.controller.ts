import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles } from '@app/platform/auth/decorators';
import { Actor, Role } from '@app/platform/auth/roles';
import { CollusionProjectParam, CollusionRequirementParam, CollusionSignalParam, CollusionSignalQuery, ReviewCollusionSignalDto } from './dto/collusion.dto';
import { CollusionSignalView, RequirementScanView, TenderScanView } from './dto/collusion.view';
import { CollusionService } from './collusion.service';
import { ProjectSupervision } from '@app/trading';

@ApiTags('supervision 监督')
@ApiBearerAuth()
@ProjectSupervision()
@Controller('supervision/collusion')
export class CollusionController {
  constructor(private readonly collusion: CollusionService) {}

  @Post('tenders/:projectId/scan')
  @HttpCode(200)
  @Roles(Role.Office, Role.Regulator)
  @ApiOperation({
    summary: '围标串标筛查(已开标标段)/ Scan a tender’s opened sections for collusion signals',
    description: '相同文件哈希、相同文件作者或投标工具序列号、相同投标 IP 或设备、同一账户缴纳保证金、报价近似等差、报价异常集中;开标后工作进程也会自动筛查;重复筛查不重复记录。Identical documents, same author or bid-tool serial, same IP or device, same deposit payer, near arithmetic progression, tight clustering; the worker also scans every opening by itself; a second scan adds nothing already stored.',
  })
  @ApiOkResponse({ type: TenderScanView })
  scan(@Param() p: CollusionProjectParam, @CurrentActor() actor: Actor): Promise<TenderScanView> {
    return this.collusion.scanTender(actor, p.projectId);
  }

  @Post('requirements/:requirementId/scan')
  @HttpCode(200)
  @Roles(Role.Office, Role.Regulator)
  @ApiOperation({
    summary: '围标串标筛查(网上竞价已开启的轮次)/ Scan an online quote’s opened rounds for collusion signals',
    description: '同一 IP、同一设备、报价近似等差、报价异常集中;重复筛查不重复记录。Same IP, same device, near arithmetic progression, tight clustering; a second scan adds nothing already stored.',
  })
  @ApiOkResponse({ type: RequirementScanView })
  scanRequirement(@Param() p: CollusionRequirementParam, @CurrentActor() actor: Actor): Promise<RequirementScanView> {
    return this.collusion.scanRequirement(actor, p.requirementId);
  }

  @Get('signals')
  @Roles(Role.Office, Role.Regulator)
  @ApiOperation({ summary: '围标串标预警列表 / Collusion signals', description: '按项目、竞价需求、状态筛选,最新在前;行业监管部门只见本行业。By project, requirement and status, newest first; a regulator sees its domain only.' })
  @ApiOkResponse({ type: [CollusionSignalView] })
  list(@Query() q: CollusionSignalQuery, @CurrentActor() actor: Actor): Promise<CollusionSignalView[]> {
    return this.collusion.list(actor, q);
  }

  @Post('signals/:id/review')
  @HttpCode(200)
  @Roles(Role.Office, Role.Regulator)
  @ApiOperation({ summary: '复核围标串标预警 / Review a collusion signal', description: '排除或确认,附意见;每条预警只复核一次。Dismiss or confirm with a note; once per signal.' })
  @ApiOkResponse({ type: CollusionSignalView })
  review(@Param() p: CollusionSignalParam, @Body() dto: ReviewCollusionSignalDto, @CurrentActor() actor: Actor): Promise<CollusionSignalView> {
    return this.collusion.review(actor, p.id, dto);
  }
}
