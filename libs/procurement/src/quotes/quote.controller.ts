import { Body, Controller, Get, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { CurrentActor, Public, Roles } from '@app/platform/auth/decorators';
import { ProjectWrite } from '@app/trading';
import { Actor, Role } from '@app/platform/auth/roles';
import { BodyReceipt, ReceivedAt } from '@app/platform/http/received-at';
import { MyRequirementsQuery, PublishRequirementDto, RequirementIdParam, SubmitQuoteDto, SwitchMethodDto } from './dto/quote.dto';
import { OpenedQuoteView, QuoteReceiptView, RequirementView } from './dto/quote.view';
import { MyRequirementPage } from './dto/my-requirement.view';
import { MyRequirementService } from './my-requirement.service';
import { QuoteService } from './quote.service';
import { RequirementService } from './requirement.service';

@ApiTags('procurement quotes 网上竞价')
@Controller()
export class QuoteController {
  constructor(
    private readonly requirements: RequirementService,
    private readonly quotes: QuoteService,
    private readonly myRequirements: MyRequirementService,
  ) {}

  @Post('procurement/requirements')
  @Roles(Role.Owner)
  @ApiBearerAuth()
  @ApiOperation({ summary: '发布网上竞价需求(采购人,最高限价须高于直购上限)/ Publish an online-quote requirement (purchaser; above the direct-purchase limit)' })
  @ApiCreatedResponse({ type: RequirementView })
  publish(@Body() dto: PublishRequirementDto, @CurrentActor() actor: Actor): Promise<RequirementView> {
    return this.requirements.publish(actor, dto);
  }

  @Get('procurement/requirements/mine')
  @Roles(Role.Owner)
  @ApiBearerAuth()
  @ApiOperation({ summary: '我的采购需求:本单位发布的竞价需求、截止后的报价家数、成交与订单,最新在前 / My requirements: status, quote counts after the deadline, the winner and the order, newest first' })
  @ApiOkResponse({ type: MyRequirementPage })
  myRequirementList(@Query() q: MyRequirementsQuery, @CurrentActor() actor: Actor): Promise<MyRequirementPage> {
    return this.myRequirements.page(actor, q);
  }

  @ProjectWrite('procurement-requirement')
  @Post('procurement/requirements/:id/quotes')
  @Roles(Role.Bidder)
  @ApiBearerAuth()
  @ApiOperation({ summary: '递交密封报价(协议供应商;以服务器完整收到请求的时间判断是否截止,回执载明该时间;截止前可重新递交,以最后一次为准)/ Submit a sealed quote (framework suppliers; the deadline is judged on when the server fully received the request, shown on the receipt; resubmitting replaces it)' })
  @ApiCreatedResponse({ type: QuoteReceiptView })
  submit(@Param() p: RequirementIdParam, @Body() dto: SubmitQuoteDto, @Req() req: FastifyRequest, @CurrentActor() actor: Actor, @ReceivedAt() received: BodyReceipt): Promise<QuoteReceiptView> {
    return this.quotes.submit(actor, p.id, dto, req.ip ?? null, received);
  }

  @Get('procurement/requirements/:id/quotes/mine')
  @Roles(Role.Bidder)
  @ApiBearerAuth()
  @ApiOperation({ summary: '我的报价回执(不回显报价)/ My quote receipts (prices are never echoed)' })
  @ApiOkResponse({ type: [QuoteReceiptView] })
  mine(@Param() p: RequirementIdParam, @CurrentActor() actor: Actor): Promise<QuoteReceiptView[]> {
    return this.quotes.mine(actor, p.id);
  }

  @Get('procurement/requirements/:id/quotes')
  @Roles(Role.Owner, Role.Centre, Role.Office, Role.Regulator)
  @ApiBearerAuth()
  @ApiOperation({ summary: '截止后的报价(采购人、中心、监管;截止前任何人不可)/ Quotes after the deadline (purchaser, centre, supervisors; nobody before)' })
  @ApiOkResponse({ type: [OpenedQuoteView] })
  list(@Param() p: RequirementIdParam, @CurrentActor() actor: Actor): Promise<OpenedQuoteView[]> {
    return this.requirements.quotes(actor, p.id);
  }

  @ProjectWrite('procurement-requirement')
  @Post('procurement/requirements/:id/reopen')
  @HttpCode(200)
  @Roles(Role.Owner)
  @ApiBearerAuth()
  @ApiOperation({ summary: '有效报价不足,重新竞价(仅一次)/ Reopen a failed round (once)' })
  @ApiOkResponse({ type: RequirementView })
  reopen(@Param() p: RequirementIdParam, @CurrentActor() actor: Actor): Promise<RequirementView> {
    return this.requirements.reopen(actor, p.id);
  }

  @ProjectWrite('procurement-requirement')
  @Post('procurement/requirements/:id/switch')
  @HttpCode(200)
  @Roles(Role.Owner)
  @ApiBearerAuth()
  @ApiOperation({ summary: '有效报价不足,变更采购方式(记录在案)/ Switch the procurement method after a failed round (recorded)' })
  @ApiOkResponse({ type: RequirementView })
  switchMethod(@Param() p: RequirementIdParam, @Body() dto: SwitchMethodDto, @CurrentActor() actor: Actor): Promise<RequirementView> {
    return this.requirements.switchMethod(actor, p.id, dto.reason);
  }

  @Get('public/procurement/requirements')
  @Public()
  @ApiOperation({ summary: '网上竞价公开信息(需求、轮次、状态、成交供应商)/ Online quotes, public (requirement, round, status, winner)' })
  @ApiOkResponse({ type: [RequirementView] })
  publicList(): Promise<RequirementView[]> {
    return this.requirements.publicList();
  }

  @Get('public/procurement/requirements/:id')
  @Public()
  @ApiOperation({ summary: '网上竞价结果公开(截止后公开每家报价与成交供应商)/ An online quote, public (after the deadline: every quote and the winner)' })
  @ApiOkResponse({ type: RequirementView })
  publicGet(@Param() p: RequirementIdParam): Promise<RequirementView> {
    return this.requirements.publicGet(p.id);
  }
}
