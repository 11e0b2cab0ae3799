import { Body, Controller, Get, Param, Post, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import { CurrentActor, Public, Roles } from '@app/platform/auth/decorators';
import { Actor, Role } from '@app/platform/auth/roles';
import { PageQuery } from '@app/platform/http/page-query.dto';
import { CreditService } from './credit.service';
import { CreditOrganisationParam, CreditRecordView, CreditUsccParam, OrganisationSearchPage, OrganisationSearchQuery, PenaltyRecordedView, PublicCreditSearchPage, PublicCreditSearchQuery, PublicCreditView, RecordPenaltyDto } from './dto/credit.dto';
import { PublicSearchThrottlerGuard } from './public-search-throttler.guard';

@ApiTags('supervision 监督')
@Controller()
export class CreditController {
  constructor(private readonly credit: CreditService) {}

  @Post('supervision/credit/organisations/:organisationId/penalties')
  @Roles(Role.Office)
  @ApiBearerAuth()
  @ApiOperation({
    summary: '登记行政处罚(管理办公室)/ Record an administrative penalty (office)',
    description: '按处罚决定书文号登记一次,扣减信用分并记入审计。Once per decision number; takes points off the credit score; audited.',
  })
  @ApiCreatedResponse({ type: PenaltyRecordedView })
  penalty(@Param() p: CreditOrganisationParam, @Body() dto: RecordPenaltyDto, @CurrentActor() actor: Actor): Promise<PenaltyRecordedView> {
    return this.credit.recordPenalty(actor, p.organisationId, dto);
  }

  @Get('supervision/credit/organisations')
  @Roles(Role.Office, Role.Regulator)
  @ApiBearerAuth()
  @ApiOperation({
    summary: '按名称或统一社会信用代码检索单位(管理办公室、监管部门)/ Find organisations by name or USCC (office, regulators)',
    description: '名称包含检索词,或统一社会信用代码以其开头;含当前信用分;分页,每页至多 50。Name contains the text, or the USCC starts with it; with the current score; paged, at most 50 a page.',
  })
  @ApiOkResponse({ type: OrganisationSearchPage })
  search(@Query() q: OrganisationSearchQuery): Promise<OrganisationSearchPage> {
    return this.credit.search(q);
  }

  @Get('supervision/credit/organisations/:organisationId')
  @Roles(Role.Office, Role.Regulator, Role.Centre, Role.Owner, Role.Agent, Role.Bidder)
  @ApiBearerAuth()
  @ApiOperation({
    summary: '单位信用记录与信用分(监管部门;本单位)/ An organisation’s credit record and score (supervisors; the organisation itself)',
    description: '红黄牌、投诉成立、行政处罚、评价,最新在前,分页。Cards, upheld complaints, penalties and ratings, newest first, paged.',
  })
  @ApiOkResponse({ type: CreditRecordView })
  record(@Param() p: CreditOrganisationParam, @Query() q: PageQuery, @CurrentActor() actor: Actor): Promise<CreditRecordView> {
    return this.credit.record(actor, p.organisationId, q);
  }

  @Get('public/credit')
  @Public()
  @UseGuards(PublicSearchThrottlerGuard)
  @ApiOperation({
    summary: '按单位名称查询信用分(公开;仅已公开的单位)/ Credit score by organisation name (public; organisations already published only)',
    description:
      '名称包含检索词(2–50 字);只列平台已公开的单位:已发布项目的项目单位与代理、电子卖场采购人、公告中的中标人/竞得人/受让方/供应商、已开标的投标人、被公开处罚或投诉成立的单位。每个地址每分钟有次数限制。Name contains the text; only organisations the platform already published; rate-limited per client address.',
  })
  @ApiOkResponse({ type: PublicCreditSearchPage })
  @ApiTooManyRequestsResponse({ description: 'TOO_MANY_REQUESTS:查询过于频繁 / too many searches' })
  publicSearch(@Query() q: PublicCreditSearchQuery): Promise<PublicCreditSearchPage> {
    return this.credit.publicSearch(q);
  }

  @Get('public/credit/:uscc')
  @Public()
  @ApiOperation({ summary: '按统一社会信用代码查询信用分 / Credit score by unified social credit code' })
  @ApiOkResponse({ type: PublicCreditView })
  publicScore(@Param() p: CreditUsccParam): Promise<PublicCreditView> {
    return this.credit.publicScore(p.uscc);
  }
}
