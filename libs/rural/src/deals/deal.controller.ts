import { Body, Controller, Get, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { CurrentActor, Public, Roles } from '@app/platform/auth/decorators';
import { BodyReceipt, ReceivedAt } from '@app/platform/http/received-at';
import { Actor, Role } from '@app/platform/auth/roles';
import { PlatformErrors } from '@app/platform/errors/platform-errors';
import { readMultipart } from '@app/platform/http/multipart';
import { AgreementDto, ApplicationParam, ApplyDto, ApprovalForm, ListDealDto, ContractDto, DealDeskQuery, DealIdParam, KindDto, MyRuralApplicationsQuery, PublicDealQuery, RefundDto, RegisterDealDto, RelistDto, ResolutionForm } from '../dto/deal.dto';
import { ApplicationView, DealDeskPage, DealView, PublicDealPage } from '../dto/deal.view';
import { MyRuralApplicationPage } from '../dto/my-application.view';
import { RuralErrors } from '../rural-errors';
import { ApplicationService } from './application.service';
import { DealService, UploadedFile } from './deal.service';
import { MyApplicationService } from './my-application.service';
import { KindRow } from './deal.types';
import { ProjectWrite } from '@app/trading';

const DOCUMENT_TYPES = ['pdf', 'jpg', 'jpeg', 'png', 'ofd', 'doc', 'docx'] as const;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

async function documentForm(req: FastifyRequest): Promise<{ fields: Record<string, string>; file: UploadedFile }> {
  const form = await readMultipart(req, DOCUMENT_TYPES);
  if (!form.file || form.file.buffer.length === 0) throw PlatformErrors.UPLOAD_INVALID({ reason: 'the scanned document is required' });
  return { fields: form.fields, file: { filename: form.file.filename, buffer: form.file.buffer } };
}

const isPastDate = (s: string | undefined): s is string => !!s && DATE.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00+08:00`)) && Date.parse(`${s}T00:00:00+08:00`) <= Date.now();
const whole = (s: string | undefined) => (s !== undefined && /^\d{1,6}$/.test(s) ? Number(s) : NaN);

function resolutionForm(f: Record<string, string>): ResolutionForm {
  const votesFor = whole(f.votesFor);
  const votesTotal = whole(f.votesTotal);
  const body = f.body ?? 'representatives_meeting';
  if (!['villagers_meeting', 'representatives_meeting'].includes(body) || !(votesTotal >= 1) || !(votesFor >= 0) || votesFor > votesTotal || !isPastDate(f.date)) {
    throw RuralErrors.RESOLUTION_INVALID({ body, votesFor: f.votesFor ?? null, votesTotal: f.votesTotal ?? null, date: f.date ?? null });
  }
  return { body: body as ResolutionForm['body'], votesFor, votesTotal, date: f.date };
}

function approvalForm(f: Record<string, string>): ApprovalForm {
  const authority = (f.authority ?? '').trim();
  if (authority.length < 2 || authority.length > 100 || !isPastDate(f.date)) {
    throw PlatformErrors.UPLOAD_INVALID({ reason: 'authority (2–100 characters) and a past date (YYYY-MM-DD) are required / 须填写审批机关与审批日期' });
  }
  return { authority, date: f.date };
}

@ApiTags('rural 农村产权交易')
@Controller()
export class DealController {
  constructor(
    private readonly deals: DealService,
    private readonly applications: ApplicationService,
    private readonly myApplications: MyApplicationService,
  ) {}

  @Get('public/rural/kinds')
  @Public()
  @ApiOperation({ summary: '农村产权交易品种目录(公开)/ The catalogue of rural kinds (public)' })
  kinds(): Promise<KindRow[]> {
    return this.deals.kinds();
  }

  @Post('rural/kinds')
  @Roles(Role.Committee)
  @ApiBearerAuth()
  @ApiOperation({ summary: '增加交易品种(管委会)/ Add a kind to the catalogue (committee)' })
  addKind(@Body() dto: KindDto, @CurrentActor() actor: Actor): Promise<KindRow> {
    return this.deals.addKind(actor, dto);
  }

  @Post('rural/deals')
  @Roles(Role.Owner, Role.Agent)
  @ApiBearerAuth()
  @ApiOperation({ summary: '登记农村产权交易项目(转出方或代理机构)/ Register a rural deal (collective or agent)' })
  @ApiCreatedResponse({ type: DealView })
  register(@Body() dto: RegisterDealDto, @CurrentActor() actor: Actor): Promise<DealView> {
    return this.deals.register(actor, dto);
  }

  @Get('rural/deals')
  @Roles(Role.Centre, Role.Office, Role.Regulator)
  @ApiBearerAuth()
  @ApiOperation({
    summary:
      '农村产权交易项目清单,按状态或待办筛选,含待确认与待退还的保证金数(交易中心;管理办公室与农业农村监管只读)/ Deals by status or by what waits for the centre, with counts of deposits to confirm and to refund (centre; office and the rural regulator read)',
  })
  @ApiOkResponse({ type: DealDeskPage })
  desk(@Query() q: DealDeskQuery, @CurrentActor() actor: Actor): Promise<DealDeskPage> {
    return this.deals.desk(actor, q);
  }

  @Get('rural/deals/:id')
  @Roles(Role.Owner, Role.Agent, Role.Centre, Role.Office, Role.Regulator)
  @ApiBearerAuth()
  @ApiOperation({ summary: '交易项目详情(当事单位、交易中心、监管)/ A deal (its parties, the centre, supervisors)' })
  @ApiOkResponse({ type: DealView })
  get(@Param() p: DealIdParam, @CurrentActor() actor: Actor): Promise<DealView> {
    return this.deals.get(actor, p.id);
  }

  @ProjectWrite()
  @Post('rural/deals/:id/resolution')
  @Roles(Role.Owner, Role.Agent)
  @ApiBearerAuth()
  @ApiConsumes('multipart/form-data')
  @ApiOperation({
    summary: '上传村民会议或村民代表会议决议(字段 body、votesFor、votesTotal、date 与文件;以 SHA-256 存证)/ Upload the collective’s resolution (fields body, votesFor, votesTotal, date and the file; SHA-256 kept)',
  })
  @ApiCreatedResponse({ type: DealView })
  async resolution(@Param() p: DealIdParam, @Req() req: FastifyRequest, @CurrentActor() actor: Actor): Promise<DealView> {
    const { fields, file } = await documentForm(req);
    return this.deals.uploadResolution(actor, p.id, resolutionForm(fields), file);
  }

  @ProjectWrite()
  @Post('rural/deals/:id/approval')
  @Roles(Role.Owner, Role.Agent)
  @ApiBearerAuth()
  @ApiConsumes('multipart/form-data')
  @ApiOperation({ summary: '上传乡镇人民政府审核批准文件(字段 authority、date 与文件)/ Upload the township’s approval (fields authority, date and the file)' })
  @ApiCreatedResponse({ type: DealView })
  async approval(@Param() p: DealIdParam, @Req() req: FastifyRequest, @CurrentActor() actor: Actor): Promise<DealView> {
    const { fields, file } = await documentForm(req);
    return this.deals.uploadApproval(actor, p.id, approvalForm(fields), file);
  }

  @ProjectWrite()
  @Post('rural/deals/:id/list')
  @HttpCode(200)
  @Roles(Role.Centre)
  @ApiBearerAuth()
  @ApiOperation({
    summary: '挂牌公示,固化规则;可指定晚于最短挂牌期的截止时间(交易中心)/ List the deal and freeze the rules; the end may be later than the shortest listing period (centre)',
  })
  @ApiOkResponse({ type: DealView })
  list(@Param() p: DealIdParam, @Body() dto: ListDealDto, @CurrentActor() actor: Actor): Promise<DealView> {
    return this.deals.list(actor, p.id, dto?.endsAt);
  }

  @ProjectWrite()
  @Post('rural/deals/:id/relist')
  @HttpCode(200)
  @Roles(Role.Owner, Role.Agent)
  @ApiBearerAuth()
  @ApiOperation({ summary: '流标后降价重新挂牌(转出方或代理机构)/ Relist at a lower price after a failed listing (collective or agent)' })
  @ApiOkResponse({ type: DealView })
  relist(@Param() p: DealIdParam, @Body() dto: RelistDto, @CurrentActor() actor: Actor): Promise<DealView> {
    return this.deals.relist(actor, p.id, dto.listingPrice);
  }

  @ProjectWrite()
  @Post('rural/deals/:id/applications')
  @Roles(Role.Bidder)
  @ApiBearerAuth()
  @ApiOperation({ summary: '报名受让并申报保证金(意向受让方;以服务器完整收到请求的时间判断挂牌是否截止)/ Apply and declare the deposit (buyer; the listing end is judged on when the server fully received the request)' })
  @ApiCreatedResponse({ type: ApplicationView })
  apply(@Param() p: DealIdParam, @Body() dto: ApplyDto, @CurrentActor() actor: Actor, @ReceivedAt() received: BodyReceipt): Promise<ApplicationView> {
    return this.applications.apply(actor, p.id, dto, received);
  }

  @Get('rural/deals/:id/applications')
  @Roles(Role.Bidder, Role.Owner, Role.Agent, Role.Centre, Role.Office, Role.Regulator)
  @ApiBearerAuth()
  @ApiOperation({ summary: '报名与保证金(意向受让方看自己的;转出方在挂牌结束后可见)/ Applications (a buyer its own; the collective after the listing)' })
  @ApiOkResponse({ type: [ApplicationView] })
  applicationsOf(@Param() p: DealIdParam, @CurrentActor() actor: Actor): Promise<ApplicationView[]> {
    return this.applications.list(actor, p.id);
  }

  @Get('rural/applications/mine')
  @Roles(Role.Bidder)
  @ApiBearerAuth()
  @ApiOperation({ summary: '我的受让报名:各项目各轮的保证金、资格与竞买号(仅本单位),最新在前 / My applications across deals and rounds: deposit, qualification and paddle (my organisation only), newest first' })
  @ApiOkResponse({ type: MyRuralApplicationPage })
  myApplicationList(@Query() q: MyRuralApplicationsQuery, @CurrentActor() actor: Actor): Promise<MyRuralApplicationPage> {
    return this.myApplications.page(actor, q);
  }

  @ProjectWrite('rural-application', { param: 'applicationId' })
  @Post('rural/applications/:applicationId/confirm')
  @HttpCode(200)
  @Roles(Role.Centre)
  @ApiBearerAuth()
  @ApiOperation({ summary: '确认保证金到账,发放竞买号(交易中心)/ Confirm the deposit and give a paddle number (centre)' })
  @ApiOkResponse({ type: ApplicationView })
  confirm(@Param() p: ApplicationParam, @CurrentActor() actor: Actor): Promise<ApplicationView> {
    return this.applications.confirm(actor, p.applicationId);
  }

  @ProjectWrite('rural-application', { param: 'applicationId' })
  @Post('rural/applications/:applicationId/refund')
  @HttpCode(200)
  @Roles(Role.Centre)
  @ApiBearerAuth()
  @ApiOperation({ summary: '登记保证金退还(交易中心)/ Record a deposit refund (centre)' })
  @ApiOkResponse({ type: ApplicationView })
  refund(@Param() p: ApplicationParam, @Body() dto: RefundDto, @CurrentActor() actor: Actor): Promise<ApplicationView> {
    return this.applications.refund(actor, p.applicationId, dto.reference);
  }

  @ProjectWrite()
  @Post('rural/deals/:id/agreement')
  @HttpCode(200)
  @Roles(Role.Bidder)
  @ApiBearerAuth()
  @ApiOperation({ summary: '协议转让:唯一合格意向受让方确认不低于挂牌价的价格 / Agreement transfer: the one qualified buyer confirms a price at least the listing price' })
  @ApiOkResponse({ type: DealView })
  agree(@Param() p: DealIdParam, @Body() dto: AgreementDto, @CurrentActor() actor: Actor): Promise<DealView> {
    return this.applications.agree(actor, p.id, dto.price);
  }

  @ProjectWrite()
  @Post('rural/deals/:id/contract')
  @HttpCode(200)
  @Roles(Role.Owner, Role.Agent)
  @ApiBearerAuth()
  @ApiOperation({ summary: '合同备案(公示期满后,转出方或代理机构)/ Record the contract after the publicity (collective or agent)' })
  @ApiOkResponse({ type: DealView })
  contract(@Param() p: DealIdParam, @Body() dto: ContractDto, @CurrentActor() actor: Actor): Promise<DealView> {
    return this.deals.contract(actor, p.id, dto);
  }

  @Get('public/rural/deals')
  @Public()
  @ApiOperation({ summary: '农村产权交易公告与结果(公开)/ Rural listings and results (public)' })
  @ApiOkResponse({ type: PublicDealPage })
  publicList(@Query() q: PublicDealQuery): Promise<PublicDealPage> {
    return this.deals.publicList(q);
  }

  @Get('public/rural/deals/:id')
  @Public()
  @ApiOperation({ summary: '交易项目公告、决议与审批摘要、挂牌轮次与成交结果(公开)/ A deal’s listing, document digests, rounds and result (public)' })
  @ApiOkResponse({ type: DealView })
  publicOne(@Param() p: DealIdParam): Promise<DealView> {
    return this.deals.publicOne(p.id);
  }
}
