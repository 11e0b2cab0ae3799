import { Body, Controller, Get, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentActor, Public, Roles } from '@app/platform/auth/decorators';
import { Actor, Role } from '@app/platform/auth/roles';
import { readMultipart } from '@app/platform/http/multipart';
import { PlatformErrors } from '@app/platform/errors/platform-errors';
import { AnnounceTenderDto, AnswerDto, MyRegistrationsQuery, QuestionDto, QuestionParam, RegisterTenderDto, ReturnTenderDto, TenderIdParam, TenderListQuery } from '../dto/tender.dto';
import { MyRegistrationPage } from '../dto/my-registration.view';
import { MyRegistrationService } from '../registrations/my-registration.service';
import { TenderListView, TenderView } from '../dto/tender.view';
import { AmendmentView, BidderRegistrationView, PublicTenderView, QuestionView } from '../dto/clarification.view';
import { ClarificationService } from './clarification.service';
import { TenderDocumentsService } from './tender-documents.service';
import { TenderService } from './tender.service';
import { ProjectWrite } from '@app/trading/gate/project-write.decorator';

const DOCUMENT_TYPES = ['pdf', 'zip', 'doc', 'docx', 'xls', 'xlsx', 'txt', 'ofd'] as const;

async function documentUpload(req: FastifyRequest) {
  const form = await readMultipart(req, DOCUMENT_TYPES);
  if (!form.file || form.file.buffer.length === 0) throw PlatformErrors.UPLOAD_INVALID({ reason: 'a document file is required' });
  return { file: { filename: form.file.filename, buffer: form.file.buffer }, note: form.fields.note?.slice(0, 500) ?? null };
}

@ApiTags('tenders 建设工程招投标')
@Controller()
export class TenderController {
  constructor(
    private readonly tenders: TenderService,
    private readonly clarifications: ClarificationService,
    private readonly documents: TenderDocumentsService,
    private readonly myRegistrations: MyRegistrationService,
  ) {}

  @Post('tenders')
  @Roles(Role.Owner, Role.Agent)
  @ApiBearerAuth()
  @ApiOperation({ summary: '进场登记招标项目(招标人或代理机构)/ Register a tender (owner or agent)' })
  @ApiCreatedResponse({ type: TenderView })
  register(@Body() dto: RegisterTenderDto, @CurrentActor() actor: Actor): Promise<TenderView> {
    return this.tenders.register(actor, dto);
  }

  @Get('tenders')
  @Roles(Role.Centre, Role.Office, Role.Regulator, Role.Owner, Role.Agent)
  @ApiBearerAuth()
  @ApiOperation({ summary: '招标项目清单,可按状态筛选(交易中心、监管看全部,招标人和代理看本单位的)/ Tenders by status, paged (centre and supervisors: all; owner and agent: their own)' })
  @ApiOkResponse({ type: TenderListView })
  list(@Query() q: TenderListQuery, @CurrentActor() actor: Actor): Promise<TenderListView> {
    return this.tenders.list(actor, q);
  }

  @Get('tenders/:id')
  @Roles(Role.Owner, Role.Agent, Role.Centre, Role.Office, Role.Regulator)
  @ApiBearerAuth()
  @ApiOperation({ summary: '招标项目详情(当事单位、交易中心、监管)/ A tender (its parties, the centre, supervisors)' })
  @ApiOkResponse({ type: TenderView })
  get(@Param() p: TenderIdParam, @CurrentActor() actor: Actor): Promise<TenderView> {
    return this.tenders.get(actor, p.id);
  }

  @ProjectWrite()
  @Post('tenders/:id/accept')
  @HttpCode(200)
  @Roles(Role.Centre)
  @ApiBearerAuth()
  @ApiOperation({ summary: '受理进场登记(交易中心)/ Accept the registration (centre)' })
  @ApiOkResponse({ type: TenderView })
  accept(@Param() p: TenderIdParam, @CurrentActor() actor: Actor): Promise<TenderView> {
    return this.tenders.accept(actor, p.id);
  }

  @ProjectWrite()
  @Post('tenders/:id/return')
  @HttpCode(200)
  @Roles(Role.Centre)
  @ApiBearerAuth()
  @ApiOperation({ summary: '退回进场登记并说明理由(交易中心)/ Return the registration with reasons (centre)' })
  @ApiOkResponse({ type: TenderView })
  returnIt(@Param() p: TenderIdParam, @Body() dto: ReturnTenderDto, @CurrentActor() actor: Actor): Promise<TenderView> {
    return this.tenders.returnRegistration(actor, p.id, dto.reasons);
  }

  @ProjectWrite()
  @Post('tenders/:id/resubmit')
  @HttpCode(200)
  @Roles(Role.Owner, Role.Agent)
  @ApiBearerAuth()
  @ApiOperation({ summary: '修改后重新提交登记(招标人或代理机构)/ Resubmit a returned registration (owner or agent)' })
  @ApiOkResponse({ type: TenderView })
  resubmit(@Param() p: TenderIdParam, @CurrentActor() actor: Actor): Promise<TenderView> {
    return this.tenders.resubmit(actor, p.id);
  }

  @ProjectWrite()
  @Post('tenders/:id/documents')
  @Roles(Role.Owner, Role.Agent)
  @ApiBearerAuth()
  @ApiConsumes('multipart/form-data')
  @ApiOperation({ summary: '上传招标文件(公告前;以 SHA-256 存证)/ Upload the tender documents (before the announcement; SHA-256 kept)' })
  @ApiCreatedResponse({ type: TenderView })
  async upload(@Param() p: TenderIdParam, @Req() req: FastifyRequest, @CurrentActor() actor: Actor): Promise<TenderView> {
    const { file, note } = await documentUpload(req);
    return this.tenders.uploadDocuments(actor, p.id, file, note);
  }

  @ProjectWrite()
  @Post('tenders/:id/announce')
  @HttpCode(200)
  @Roles(Role.Centre)
  @ApiBearerAuth()
  @ApiOperation({ summary: '发布招标公告,固化规则,设定投标截止(交易中心)/ Publish the announcement, freeze the rules, set the deadline (centre)' })
  @ApiOkResponse({ type: TenderView })
  announce(@Param() p: TenderIdParam, @Body() dto: AnnounceTenderDto, @CurrentActor() actor: Actor): Promise<TenderView> {
    return this.tenders.announce(actor, p.id, dto);
  }

  @ProjectWrite()
  @Post('tenders/:id/retender')
  @Roles(Role.Owner, Role.Agent)
  @ApiBearerAuth()
  @ApiOperation({ summary: '流标后重新招标(招标人或代理机构)/ Re-tender after a failure (owner or agent)' })
  @ApiCreatedResponse({ type: TenderView })
  retender(@Param() p: TenderIdParam, @CurrentActor() actor: Actor): Promise<TenderView> {
    return this.tenders.retender(actor, p.id);
  }

  @ProjectWrite()
  @Post('tenders/:id/registrations')
  @HttpCode(200)
  @Roles(Role.Bidder)
  @ApiBearerAuth()
  @ApiOperation({ summary: '报名并获取招标文件(投标人)/ Register for the documents (bidder)' })
  @ApiOkResponse({ type: BidderRegistrationView })
  registerBidder(@Param() p: TenderIdParam, @CurrentActor() actor: Actor): Promise<BidderRegistrationView> {
    return this.clarifications.registerBidder(actor, p.id);
  }

  @Get('tenders/registrations/mine')
  @Roles(Role.Bidder)
  @ApiBearerAuth()
  @ApiOperation({ summary: '我的报名与保证金:本单位报名的招标项目按标段列出保证金与投标回执(不含报价),最新报名在前 / My registrations: per section, the deposit and the bid receipt (never the price), newest first' })
  @ApiOkResponse({ type: MyRegistrationPage })
  myRegistrationList(@Query() q: MyRegistrationsQuery, @CurrentActor() actor: Actor): Promise<MyRegistrationPage> {
    return this.myRegistrations.page(actor, q);
  }

  @Get('tenders/:id/documents/:documentId')
  @Roles(Role.Bidder, Role.Owner, Role.Agent, Role.Centre, Role.Office, Role.Regulator)
  @ApiBearerAuth()
  @ApiOperation({ summary: '下载招标文件或修改文件(已报名投标人、当事单位、交易中心、监管)/ Download a tender document (registered bidders, parties, centre, supervisors)' })
  async download(@Param('id') id: string, @Param('documentId') documentId: string, @CurrentActor() actor: Actor, @Res() reply: FastifyReply): Promise<void> {
    const doc = await this.documents.download(actor, id, documentId);
    await reply
      .header('content-type', 'application/octet-stream')
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(doc.fileName)}`)
      .header('x-content-sha256', doc.sha256)
      .send(doc.content);
  }

  @ProjectWrite()
  @Post('tenders/:id/questions')
  @Roles(Role.Bidder)
  @ApiBearerAuth()
  @ApiOperation({ summary: '就招标文件提问(已报名投标人)/ Ask about the documents (registered bidder)' })
  @ApiCreatedResponse({ type: QuestionView })
  ask(@Param() p: TenderIdParam, @Body() dto: QuestionDto, @CurrentActor() actor: Actor): Promise<QuestionView> {
    return this.clarifications.ask(actor, p.id, dto.question);
  }

  @Get('tenders/:id/questions')
  @Roles(Role.Bidder, Role.Owner, Role.Agent, Role.Centre, Role.Office, Role.Regulator)
  @ApiBearerAuth()
  @ApiOperation({ summary: '澄清问答(投标人看到已答复的和自己的;不显示提问人)/ Questions and answers (askers never named)' })
  @ApiOkResponse({ type: [QuestionView] })
  questions(@Param() p: TenderIdParam, @CurrentActor() actor: Actor): Promise<QuestionView[]> {
    return this.clarifications.questions(actor, p.id);
  }

  @ProjectWrite()
  @Post('tenders/:id/questions/:questionId/answer')
  @HttpCode(200)
  @Roles(Role.Owner, Role.Agent)
  @ApiBearerAuth()
  @ApiOperation({ summary: '澄清答复,通知所有投标人(招标人或代理机构)/ Answer a question to every bidder (owner or agent)' })
  @ApiOkResponse({ type: QuestionView })
  answer(@Param() p: QuestionParam, @Body() dto: AnswerDto, @CurrentActor() actor: Actor): Promise<QuestionView> {
    return this.clarifications.answer(actor, p.id, p.questionId, dto.answer);
  }

  @ProjectWrite()
  @Post('tenders/:id/amendments')
  @Roles(Role.Owner, Role.Agent)
  @ApiBearerAuth()
  @ApiConsumes('multipart/form-data')
  @ApiOperation({ summary: '发布修改文件,不足 15 日时自动顺延截止时间(招标人或代理机构)/ Publish an amendment; the deadline moves so that 15 days remain (owner or agent)' })
  @ApiCreatedResponse({ type: AmendmentView })
  async amend(@Param() p: TenderIdParam, @Req() req: FastifyRequest, @CurrentActor() actor: Actor): Promise<AmendmentView> {
    const { file, note } = await documentUpload(req);
    return this.clarifications.amend(actor, p.id, file, note);
  }

  @Get('public/tenders')
  @Public()
  @ApiOperation({ summary: '招标公告列表(公开)/ Tender announcements (public)' })
  @ApiOkResponse({ type: [TenderView] })
  publicList(): Promise<TenderView[]> {
    return this.documents.publicList();
  }

  @Get('public/tenders/:id')
  @Public()
  @ApiOperation({ summary: '招标公告、招标文件摘要与澄清(公开)/ A tender’s announcement, document digests and clarifications (public)' })
  @ApiOkResponse({ type: PublicTenderView })
  publicOne(@Param() p: TenderIdParam): Promise<PublicTenderView> {
    return this.documents.publicOne(p.id);
  }
}
