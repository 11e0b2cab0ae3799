import { Body, Controller, Get, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentActor, Public, Roles } from '@app/platform/auth/decorators';
import { Actor, Role } from '@app/platform/auth/roles';
import { PlatformErrors } from '@app/platform/errors/platform-errors';
import { createValidationPipe } from '@app/platform/errors/validation.pipe';
import { readMultipart } from '@app/platform/http/multipart';
import { BodyReceipt, ReceivedAt } from '@app/platform/http/received-at';
import { AnnounceParcelDto, ApplicationFields, LandApplicationParam, MyLandApplicationsQuery, ParcelDeskQuery, ParcelIdParam, LandRefundDto, RegisterParcelDto, RejectApplicationDto } from '../dto/parcel.dto';
import { LandApplicationView, ConfirmationView, ParcelDeskPage, ParcelView, PublicParcelDetailView, PublicParcelView } from '../dto/parcel.view';
import { MyLandApplicationPage } from '../dto/my-application.view';
import { ApplicationService } from './application.service';
import { MyApplicationService } from './my-application.service';
import { ParcelService } from './parcel.service';
import { ResultService } from './result.service';
import { ProjectWrite } from '@app/trading/gate/project-write.decorator';

const DOCUMENT_TYPES = ['pdf', 'zip', 'doc', 'docx', 'jpg', 'jpeg', 'png', 'ofd'] as const;
const fieldsPipe = createValidationPipe();

@ApiTags('land 国有建设用地使用权出让')
@Controller()
export class ParcelController {
  constructor(
    private readonly parcels: ParcelService,
    private readonly applications: ApplicationService,
    private readonly results: ResultService,
    private readonly myApplications: MyApplicationService,
  ) {}

  @Post('land/parcels')
  @Roles(Role.Owner)
  @ApiBearerAuth()
  @ApiOperation({ summary: '登记出让地块(出让人)/ Register a parcel (owner)' })
  @ApiCreatedResponse({ type: ParcelView })
  register(@Body() dto: RegisterParcelDto, @CurrentActor() actor: Actor): Promise<ParcelView> {
    return this.parcels.register(actor, dto);
  }

  @Get('land/parcels')
  @Roles(Role.Centre, Role.Office, Role.Regulator)
  @ApiBearerAuth()
  @ApiOperation({
    summary:
      '出让地块清单,按状态或待办筛选,含待审核申请与待退保证金数(交易中心;管理办公室与自然资源监管只读)/ Parcels by status or by what waits for the centre, with counts of applications to decide and deposits to refund (centre; office and the land regulator read)',
  })
  @ApiOkResponse({ type: ParcelDeskPage })
  desk(@Query() q: ParcelDeskQuery, @CurrentActor() actor: Actor): Promise<ParcelDeskPage> {
    return this.parcels.desk(actor, q);
  }

  @Get('land/parcels/:id')
  @Roles(Role.Owner, Role.Centre, Role.Office, Role.Regulator)
  @ApiBearerAuth()
  @ApiOperation({ summary: '出让地块详情(出让人、交易中心、监管;保留价不显示)/ A parcel (owner, centre, supervisors; never the reserve)' })
  @ApiOkResponse({ type: ParcelView })
  get(@Param() p: ParcelIdParam, @CurrentActor() actor: Actor): Promise<ParcelView> {
    return this.parcels.get(actor, p.id);
  }

  @ProjectWrite()
  @Post('land/parcels/:id/announce')
  @HttpCode(200)
  @Roles(Role.Centre)
  @ApiBearerAuth()
  @ApiOperation({ summary: '发布出让公告,固化规则,设定挂牌起止或拍卖时间(交易中心)/ Announce: freeze the rules, set the listing or the auction time (centre)' })
  @ApiOkResponse({ type: ParcelView })
  announce(@Param() p: ParcelIdParam, @Body() dto: AnnounceParcelDto, @CurrentActor() actor: Actor): Promise<ParcelView> {
    return this.parcels.announce(actor, p.id, dto);
  }

  @ProjectWrite()
  @Post('land/parcels/:id/applications')
  @Roles(Role.Bidder)
  @ApiBearerAuth()
  @ApiConsumes('multipart/form-data')
  @ApiOperation({ summary: '竞买申请:资格文件(SHA-256 存证)与保证金(竞买人;以服务器完整收到请求的时间判断是否截止)/ Apply: qualification documents (SHA-256 kept) and the deposit (bidder; the end is judged on when the server fully received the request)' })
  @ApiCreatedResponse({ type: LandApplicationView })
  async apply(@Param() p: ParcelIdParam, @Req() req: FastifyRequest, @CurrentActor() actor: Actor, @ReceivedAt() received: BodyReceipt): Promise<LandApplicationView> {
    const form = await readMultipart(req, DOCUMENT_TYPES);
    if (!form.file || form.file.buffer.length === 0) throw PlatformErrors.UPLOAD_INVALID({ reason: 'the qualification documents are required' });
    const fields = (await fieldsPipe.transform(form.fields, { type: 'body', metatype: ApplicationFields })) as ApplicationFields;
    return this.applications.apply(actor, p.id, { filename: form.file.filename, buffer: form.file.buffer }, fields, received);
  }

  @Get('land/parcels/:id/applications')
  @Roles(Role.Centre, Role.Office, Role.Regulator)
  @ApiBearerAuth()
  @ApiOperation({ summary: '竞买申请列表(交易中心、监管;竞买号:监管随时,交易中心结束后)/ Applications (centre, supervisors; paddles to supervisors, to the centre after the end)' })
  @ApiOkResponse({ type: [LandApplicationView] })
  list(@Param() p: ParcelIdParam, @CurrentActor() actor: Actor): Promise<LandApplicationView[]> {
    return this.applications.list(actor, p.id);
  }

  @Get('land/parcels/:id/applications/mine')
  @Roles(Role.Bidder)
  @ApiBearerAuth()
  @ApiOperation({ summary: '我的竞买申请与竞买号(竞买人)/ My application and paddle number (bidder)' })
  @ApiOkResponse({ type: LandApplicationView })
  mine(@Param() p: ParcelIdParam, @CurrentActor() actor: Actor): Promise<LandApplicationView> {
    return this.applications.mine(actor, p.id);
  }

  @Get('land/applications/mine')
  @Roles(Role.Bidder)
  @ApiBearerAuth()
  @ApiOperation({ summary: '我的竞买申请:各地块的资格审核、保证金与竞买号(仅本单位),最新在前 / My applications across parcels: qualification, deposit and paddle (my organisation only), newest first' })
  @ApiOkResponse({ type: MyLandApplicationPage })
  myApplicationList(@Query() q: MyLandApplicationsQuery, @CurrentActor() actor: Actor): Promise<MyLandApplicationPage> {
    return this.myApplications.page(actor, q);
  }

  @Get('land/applications/:applicationId/documents')
  @Roles(Role.Bidder, Role.Centre, Role.Office, Role.Regulator)
  @ApiBearerAuth()
  @ApiOperation({ summary: '下载资格文件(申请人、交易中心、监管)/ Download the qualification documents (applicant, centre, supervisors)' })
  async document(@Param() p: LandApplicationParam, @CurrentActor() actor: Actor, @Res() reply: FastifyReply): Promise<void> {
    const doc = await this.applications.document(actor, p.applicationId);
    await reply
      .header('content-type', 'application/octet-stream')
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(doc.fileName)}`)
      .header('x-content-sha256', doc.sha256)
      .send(doc.content);
  }

  @ProjectWrite('land-application', { param: 'applicationId' })
  @Post('land/applications/:applicationId/qualify')
  @HttpCode(200)
  @Roles(Role.Centre)
  @ApiBearerAuth()
  @ApiOperation({ summary: '确认竞买资格,发放竞买号(仅竞买人可见)(交易中心)/ Confirm the buyer; the paddle goes to the buyer only (centre)' })
  @ApiOkResponse({ type: LandApplicationView })
  qualify(@Param() p: LandApplicationParam, @CurrentActor() actor: Actor): Promise<LandApplicationView> {
    return this.applications.qualify(actor, p.applicationId);
  }

  @ProjectWrite('land-application', { param: 'applicationId' })
  @Post('land/applications/:applicationId/reject')
  @HttpCode(200)
  @Roles(Role.Centre)
  @ApiBearerAuth()
  @ApiOperation({ summary: '不予确认竞买资格并说明理由(交易中心)/ Refuse the application with a reason (centre)' })
  @ApiOkResponse({ type: LandApplicationView })
  reject(@Param() p: LandApplicationParam, @Body() dto: RejectApplicationDto, @CurrentActor() actor: Actor): Promise<LandApplicationView> {
    return this.applications.reject(actor, p.applicationId, dto.reason);
  }

  @ProjectWrite()
  @Post('land/parcels/:id/continue')
  @HttpCode(200)
  @Roles(Role.Bidder)
  @ApiBearerAuth()
  @ApiOperation({ summary: '挂牌期内表示挂牌截止时继续竞价(合格竞买人)/ Say during the listing that you will keep bidding at its end (qualified buyer)' })
  declareContinue(@Param() p: ParcelIdParam, @CurrentActor() actor: Actor): Promise<{ paddle: number; declaredAt: Date }> {
    return this.applications.declareContinue(actor, p.id);
  }

  @Get('land/parcels/:id/result')
  @Roles(Role.Bidder, Role.Owner, Role.Centre, Role.Office, Role.Regulator)
  @ApiBearerAuth()
  @ApiOperation({ summary: '出让结果(竞得人、出让人、交易中心、监管)/ The result (winner, owner, centre, supervisors)' })
  @ApiOkResponse({ type: ParcelView })
  result(@Param() p: ParcelIdParam, @CurrentActor() actor: Actor): Promise<ParcelView> {
    return this.results.result(actor, p.id);
  }

  @ProjectWrite()
  @Post('land/parcels/:id/confirmation')
  @Roles(Role.Centre)
  @ApiBearerAuth()
  @ApiOperation({ summary: '出具成交确认书,竞得人保证金转作价款(交易中心)/ Issue the deal confirmation; the winner’s deposit becomes part payment (centre)' })
  @ApiCreatedResponse({ type: ConfirmationView })
  confirm(@Param() p: ParcelIdParam, @CurrentActor() actor: Actor): Promise<ConfirmationView> {
    return this.results.confirm(actor, p.id);
  }

  @Get('land/parcels/:id/confirmation')
  @Roles(Role.Bidder, Role.Owner, Role.Centre, Role.Office, Role.Regulator)
  @ApiBearerAuth()
  @ApiOperation({ summary: '成交确认书(竞得人、出让人、交易中心、监管)/ The deal confirmation (winner, owner, centre, supervisors)' })
  @ApiOkResponse({ type: ConfirmationView })
  confirmation(@Param() p: ParcelIdParam, @CurrentActor() actor: Actor): Promise<ConfirmationView> {
    return this.results.confirmation(actor, p.id);
  }

  @ProjectWrite('land-application', { param: 'applicationId' })
  @Post('land/applications/:applicationId/refund')
  @HttpCode(200)
  @Roles(Role.Centre)
  @ApiBearerAuth()
  @ApiOperation({ summary: '登记退还未竞得人保证金(交易中心)/ Record a deposit refund to a buyer who did not win (centre)' })
  @ApiOkResponse({ type: LandApplicationView })
  refund(@Param() p: LandApplicationParam, @Body() dto: LandRefundDto, @CurrentActor() actor: Actor): Promise<LandApplicationView> {
    return this.applications.refund(actor, p.applicationId, dto.reference);
  }

  @Get('public/land/parcels')
  @Public()
  @ApiOperation({ summary: '出让公告与结果公示(公开;成交后公示竞得人)/ Announcements and results (public; the winner named after the end)' })
  @ApiOkResponse({ type: [PublicParcelView] })
  publicList(): Promise<PublicParcelView[]> {
    return this.parcels.publicList();
  }

  @Get('public/land/parcels/:id')
  @Public()
  @ApiOperation({ summary: '出让地块公告、阶段与结果(公开)/ A parcel’s announcement, phase and result (public)' })
  @ApiOkResponse({ type: PublicParcelDetailView })
  publicOne(@Param() p: ParcelIdParam): Promise<PublicParcelDetailView> {
    return this.parcels.publicOne(p.id);
  }
}
