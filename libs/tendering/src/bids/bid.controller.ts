import { Body, Controller, Get, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentActor, Public, Roles } from '@app/platform/auth/decorators';
import { Actor, Role } from '@app/platform/auth/roles';
import { readMultipart } from '@app/platform/http/multipart';
import { BodyReceipt, ReceivedAt } from '@app/platform/http/received-at';
import { BidParam, DeclareDepositDto, DepositParam, ObjectionDto, ObjectionParam, RefundDepositDto, ReplyDto, SectionParam, TenderIdParam } from '../dto/tender.dto';
import { BidReceiptView, DepositView, OpeningObjectionView, OpeningRecordView } from '../dto/bid.view';
import { BidService } from './bid.service';
import { DepositService } from './deposit.service';
import { OpeningService } from './opening.service';
import { ProjectWrite } from '@app/trading/gate/project-write.decorator';

const BID_TYPES = ['pdf', 'zip', 'ofd', 'doc', 'docx', 'xls', 'xlsx', 'txt', 'gef', 'sgef'] as const;

@ApiTags('tender bids 投标、保证金与开标')
@Controller()
export class BidController {
  constructor(
    private readonly bids: BidService,
    private readonly deposits: DepositService,
    private readonly opening: OpeningService,
  ) {}

  @ProjectWrite()
  @Post('tenders/:id/sections/:no/bids')
  @Roles(Role.Bidder)
  @ApiBearerAuth()
  @ApiConsumes('multipart/form-data')
  @ApiOperation({ summary: '递交密封投标文件与报价(字段 price 元,文件 documents;投标工具可附 deviceId、toolSerial);以服务器完整收到请求的时间判断是否截止,回执载明该时间;截止前可重新递交 / Submit a sealed bid (field price in yuan, file documents; the bid tool may add deviceId and toolSerial); the deadline is judged on when the server fully received the request, shown on the receipt; resubmitting replaces it' })
  @ApiCreatedResponse({ type: BidReceiptView })
  async submit(@Param() p: SectionParam, @Req() req: FastifyRequest, @CurrentActor() actor: Actor, @ReceivedAt() received: BodyReceipt): Promise<BidReceiptView> {
    const form = await readMultipart(req, BID_TYPES);
    return this.bids.submit(actor, p.id, p.no, { priceYuan: form.fields.price, file: form.file, clientIp: req.ip ?? null, deviceId: form.fields.deviceId, toolSerial: form.fields.toolSerial }, received);
  }

  @Get('tenders/:id/bids/mine')
  @Roles(Role.Bidder)
  @ApiBearerAuth()
  @ApiOperation({ summary: '我的投标回执(不回显报价)/ My bid receipts (prices are never echoed)' })
  @ApiOkResponse({ type: [BidReceiptView] })
  mine(@Param() p: TenderIdParam, @CurrentActor() actor: Actor): Promise<BidReceiptView[]> {
    return this.bids.mine(actor, p.id);
  }

  @ProjectWrite()
  @Post('tenders/:id/bids/:bidId/withdraw')
  @HttpCode(200)
  @Roles(Role.Bidder)
  @ApiBearerAuth()
  @ApiOperation({ summary: '截止前撤回投标(投标人)/ Withdraw a bid before the deadline (bidder)' })
  @ApiOkResponse({ type: BidReceiptView })
  withdraw(@Param() p: BidParam, @CurrentActor() actor: Actor): Promise<BidReceiptView> {
    return this.bids.withdraw(actor, p.id, p.bidId);
  }

  @Get('tenders/:id/bids/:bidId/documents')
  @Roles(Role.Bidder, Role.Owner, Role.Agent, Role.Office, Role.Regulator)
  @ApiBearerAuth()
  @ApiOperation({ summary: '开标后下载投标文件(本投标人、当事单位、监管;开标前任何人不可)/ An opened bid’s documents (its bidder, the parties, supervisors; nobody before the opening)' })
  async documents(@Param() p: BidParam, @CurrentActor() actor: Actor, @Res() reply: FastifyReply): Promise<void> {
    const doc = await this.bids.documents(actor, p.id, p.bidId);
    await reply
      .header('content-type', 'application/octet-stream')
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(doc.fileName)}`)
      .header('x-content-sha256', doc.sha256)
      .send(doc.content);
  }

  @ProjectWrite()
  @Post('tenders/:id/sections/:no/deposits')
  @Roles(Role.Bidder)
  @ApiBearerAuth()
  @ApiOperation({ summary: '登记投标保证金(转账或电子保函)/ Declare a deposit (transfer or e-guarantee)' })
  @ApiCreatedResponse({ type: DepositView })
  declare(@Param() p: SectionParam, @Body() dto: DeclareDepositDto, @CurrentActor() actor: Actor): Promise<DepositView> {
    return this.deposits.declare(actor, p.id, p.no, dto);
  }

  @Get('tenders/:id/deposits')
  @Roles(Role.Bidder, Role.Owner, Role.Agent, Role.Centre, Role.Office, Role.Regulator)
  @ApiBearerAuth()
  @ApiOperation({ summary: '保证金:投标人只看自己的;交易中心看全部;监管看全部,开标前每次查看留痕;招标人、代理开标后才可查看(法 22)/ Deposits: a bidder its own; the centre all; supervisors all, each read before the opening audited; the owner and agent only after the opening (法 22)' })
  @ApiOkResponse({ type: [DepositView] })
  depositList(@Param() p: TenderIdParam, @CurrentActor() actor: Actor): Promise<DepositView[]> {
    return this.deposits.list(actor, p.id);
  }

  @ProjectWrite('tender-deposit', { param: 'depositId' })
  @Post('tenders/deposits/:depositId/confirm')
  @HttpCode(200)
  @Roles(Role.Centre)
  @ApiBearerAuth()
  @ApiOperation({ summary: '确认保证金到账(交易中心)/ Confirm a deposit (centre)' })
  @ApiOkResponse({ type: DepositView })
  confirm(@Param() p: DepositParam, @CurrentActor() actor: Actor): Promise<DepositView> {
    return this.deposits.confirm(actor, p.depositId);
  }

  @ProjectWrite('tender-deposit', { param: 'depositId' })
  @Post('tenders/deposits/:depositId/refund')
  @HttpCode(200)
  @Roles(Role.Centre)
  @ApiBearerAuth()
  @ApiOperation({ summary: '记录退还转账缴纳的保证金(交易中心;须已确认到账且已到退还时候:截止前撤回、招标失败或签订合同;电子保函须释放)/ Record the refund of a transferred deposit (centre; confirmed and due: a withdrawal before the deadline, a failure or the contract; e-guarantees are released)' })
  @ApiOkResponse({ type: DepositView })
  refund(@Param() p: DepositParam, @Body() dto: RefundDepositDto, @CurrentActor() actor: Actor): Promise<DepositView> {
    return this.deposits.refund(actor, p.depositId, dto.reference);
  }

  @ProjectWrite('tender-deposit', { param: 'depositId' })
  @Post('tenders/deposits/:depositId/release')
  @HttpCode(200)
  @Roles(Role.Centre)
  @ApiBearerAuth()
  @ApiOperation({ summary: '释放电子保函(交易中心;须已确认且已到退还时候)/ Release an e-guarantee (centre; confirmed and due)' })
  @ApiOkResponse({ type: DepositView })
  release(@Param() p: DepositParam, @CurrentActor() actor: Actor): Promise<DepositView> {
    return this.deposits.release(actor, p.depositId);
  }

  @Get('public/tenders/:id/opening')
  @Public()
  @ApiOperation({ summary: '开标记录(开标后公开:投标人、报价、保证金、回执摘要;开标前只显示密封状态与截止时间)/ The opening record (public after the opening; before it, only that it is sealed and the deadline)' })
  @ApiOkResponse({ type: OpeningRecordView })
  record(@Param() p: TenderIdParam): Promise<OpeningRecordView> {
    return this.opening.record(p.id);
  }

  @ProjectWrite()
  @Post('tenders/:id/opening-objections')
  @Roles(Role.Bidder)
  @ApiBearerAuth()
  @ApiOperation({ summary: '对开标提出异议(投标人,开标现场时限内)/ Object to the opening (bidder, on the spot)' })
  @ApiCreatedResponse({ type: OpeningObjectionView })
  object(@Param() p: TenderIdParam, @Body() dto: ObjectionDto, @CurrentActor() actor: Actor): Promise<OpeningObjectionView> {
    return this.opening.object(actor, p.id, dto.content);
  }

  @Get('tenders/:id/opening-objections')
  @Roles(Role.Bidder, Role.Owner, Role.Agent, Role.Centre, Role.Office, Role.Regulator)
  @ApiBearerAuth()
  @ApiOperation({ summary: '开标异议及答复 / Objections to the opening and replies' })
  @ApiOkResponse({ type: [OpeningObjectionView] })
  objections(@Param() p: TenderIdParam, @CurrentActor() actor: Actor): Promise<OpeningObjectionView[]> {
    return this.opening.objections(actor, p.id);
  }

  @ProjectWrite()
  @Post('tenders/:id/opening-objections/:objectionId/reply')
  @HttpCode(200)
  @Roles(Role.Centre)
  @ApiBearerAuth()
  @ApiOperation({ summary: '当场答复开标异议(交易中心)/ Answer an objection to the opening (centre)' })
  @ApiOkResponse({ type: OpeningObjectionView })
  reply(@Param() p: ObjectionParam, @Body() dto: ReplyDto, @CurrentActor() actor: Actor): Promise<OpeningObjectionView> {
    return this.opening.reply(actor, p.id, p.objectionId, dto.reply);
  }
}
