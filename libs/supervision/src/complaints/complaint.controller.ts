import { Body, Controller, Get, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentActor, Public, Roles } from '@app/platform/auth/decorators';
import { Actor, Role } from '@app/platform/auth/roles';
import { createValidationPipe } from '@app/platform/errors/validation.pipe';
import { readMultipartFiles } from '@app/platform/http/multipart';
import {
  AcceptComplaintDto,
  ComplaintParam,
  DecideComplaintDto,
  EvidenceParam,
  FileComplaintFields,
  MyComplaintsQuery,
  PublicDecisionQuery,
  RejectComplaintDto,
  ResumeForComplaintDto,
  SupervisionComplaintsQuery,
  SuspendForComplaintDto,
  WithdrawComplaintDto,
} from './dto/complaint.dto';
import { ComplaintPage, ComplaintView, PublicComplaintDecisionPage } from './dto/complaint.view';
import { ComplaintService } from './complaint.service';
import { ProjectSupervision, ProjectWriteExempt } from '@app/trading';

/** docs/complaints.md: evidence a complaint carries. */
const EVIDENCE = { allowedExtensions: ['pdf', 'ofd', 'jpg', 'jpeg', 'png', 'zip', 'doc', 'docx', 'txt'], maxFiles: 5, maxFileBytes: 10 * 1024 * 1024 } as const;

/** The complainant's side: file, read, withdraw; and the evidence for whoever may read the complaint. */
@ApiTags('complaints 投诉')
@ApiBearerAuth()
@Controller('complaints')
export class ComplaintController {
  constructor(private readonly complaints: ComplaintService) {}

  @ProjectWriteExempt('a complaint is a party’s way to the supervisors, open while the project is suspended')
  @Post()
  @Roles(Role.Bidder)
  @ApiConsumes('multipart/form-data')
  @ApiOperation({
    summary: '提出投诉(投标人,附证明材料)/ File a complaint (bidder, with evidence)',
    description:
      '字段 projectId、objectionId(招标投标必填:本单位已被答复或逾期未答复的异议)、grounds、respondentOrganisationId(可选);文件 evidence 1–5 个,每个 ≤ 10 MiB。Fields projectId, objectionId (tenders: your objection answered or unanswered past its reply time), grounds, respondentOrganisationId (optional); 1–5 evidence files of ≤ 10 MiB.',
  })
  @ApiCreatedResponse({ type: ComplaintView })
  async file(@Req() req: FastifyRequest, @CurrentActor() actor: Actor): Promise<ComplaintView> {
    const form = await readMultipartFiles(req, EVIDENCE);
    const fields: FileComplaintFields = await createValidationPipe().transform(form.fields, { type: 'body', metatype: FileComplaintFields });
    return this.complaints.file(actor, fields, form.files);
  }

  @Get('mine')
  @Roles(Role.Bidder)
  @ApiOperation({ summary: '本单位的投诉 / My organisation’s complaints' })
  @ApiOkResponse({ type: ComplaintPage })
  mine(@Query() q: MyComplaintsQuery, @CurrentActor() actor: Actor): Promise<ComplaintPage> {
    return this.complaints.mine(actor, q);
  }

  @Get(':id')
  @Roles(Role.Bidder, Role.Office, Role.Regulator)
  @ApiOperation({ summary: '投诉详情(投诉人、管理办公室、本领域监管部门)/ A complaint (its complainant, the office, its domain’s regulator)' })
  @ApiOkResponse({ type: ComplaintView })
  get(@Param() p: ComplaintParam, @CurrentActor() actor: Actor): Promise<ComplaintView> {
    return this.complaints.get(actor, p.id);
  }

  @Get(':id/evidence/:evidenceId')
  @Roles(Role.Bidder, Role.Office, Role.Regulator)
  @ApiOperation({ summary: '下载证明材料(不公开)/ Download an evidence file (never public)' })
  async evidence(@Param() p: EvidenceParam, @CurrentActor() actor: Actor, @Res() reply: FastifyReply): Promise<void> {
    const file = await this.complaints.evidenceFile(actor, p.id, p.evidenceId);
    await reply
      .header('content-type', 'application/octet-stream')
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
      .header('x-content-sha256', file.sha256.trim())
      .send(file.content);
  }

  @ProjectWriteExempt('a complaint is a party’s way to the supervisors, open while the project is suspended')
  @Post(':id/withdraw')
  @HttpCode(200)
  @Roles(Role.Bidder)
  @ApiOperation({ summary: '决定前撤回投诉(投诉人)/ Withdraw a complaint before its decision (complainant)' })
  @ApiOkResponse({ type: ComplaintView })
  withdraw(@Param() p: ComplaintParam, @Body() dto: WithdrawComplaintDto, @CurrentActor() actor: Actor): Promise<ComplaintView> {
    return this.complaints.withdraw(actor, p.id, dto);
  }
}

/** The office's and the domain regulator's side: accept or reject, suspend and resume the project, decide. */
@ApiTags('supervision 监督')
@ApiBearerAuth()
@ProjectSupervision()
@Controller('supervision/complaints')
export class ComplaintSupervisionController {
  constructor(private readonly complaints: ComplaintService) {}

  @Get()
  @Roles(Role.Office, Role.Regulator)
  @ApiOperation({ summary: '投诉列表(管理办公室全部,监管部门本领域)/ Complaints (the office all, a regulator its domain)', description: '按状态、领域、项目、是否逾期筛选,最新在前。By status, domain, project and overdue, newest first.' })
  @ApiOkResponse({ type: ComplaintPage })
  list(@Query() q: SupervisionComplaintsQuery, @CurrentActor() actor: Actor): Promise<ComplaintPage> {
    return this.complaints.supervisionList(actor, q);
  }

  @Post(':id/accept')
  @HttpCode(200)
  @Roles(Role.Office, Role.Regulator)
  @ApiOperation({ summary: '受理投诉,起算处理期限 / Accept a complaint; the decision period starts' })
  @ApiOkResponse({ type: ComplaintView })
  accept(@Param() p: ComplaintParam, @Body() dto: AcceptComplaintDto, @CurrentActor() actor: Actor): Promise<ComplaintView> {
    return this.complaints.accept(actor, p.id, dto);
  }

  @Post(':id/reject')
  @HttpCode(200)
  @Roles(Role.Office, Role.Regulator)
  @ApiOperation({ summary: '不予受理投诉(附理由)/ Refuse to accept a complaint, with reasons' })
  @ApiOkResponse({ type: ComplaintView })
  reject(@Param() p: ComplaintParam, @Body() dto: RejectComplaintDto, @CurrentActor() actor: Actor): Promise<ComplaintView> {
    return this.complaints.reject(actor, p.id, dto);
  }

  @Post(':id/suspend')
  @HttpCode(200)
  @Roles(Role.Office, Role.Regulator)
  @ApiOperation({ summary: '因投诉暂停项目,所有时间节点暂停 / Suspend the project for the complaint; its milestones pause' })
  @ApiOkResponse({ type: ComplaintView })
  suspend(@Param() p: ComplaintParam, @Body() dto: SuspendForComplaintDto, @CurrentActor() actor: Actor): Promise<ComplaintView> {
    return this.complaints.suspend(actor, p.id, dto);
  }

  @Post(':id/resume')
  @HttpCode(200)
  @Roles(Role.Office, Role.Regulator)
  @ApiOperation({ summary: '恢复因投诉暂停的项目,时间节点顺延 / Resume the project suspended for the complaint; its milestones shift' })
  @ApiOkResponse({ type: ComplaintView })
  resume(@Param() p: ComplaintParam, @Body() dto: ResumeForComplaintDto, @CurrentActor() actor: Actor): Promise<ComplaintView> {
    return this.complaints.resume(actor, p.id, dto);
  }

  @Post(':id/decide')
  @HttpCode(200)
  @Roles(Role.Office, Role.Regulator)
  @ApiOperation({ summary: '作出投诉处理决定(成立或驳回,将公开;仍暂停的项目随之恢复)/ Decide a complaint (upheld or dismissed, published; a project still suspended for it resumes)' })
  @ApiOkResponse({ type: ComplaintView })
  decide(@Param() p: ComplaintParam, @Body() dto: DecideComplaintDto, @CurrentActor() actor: Actor): Promise<ComplaintView> {
    return this.complaints.decide(actor, p.id, dto);
  }
}

@ApiTags('complaints 投诉')
@Controller('public/complaints')
export class PublicComplaintController {
  constructor(private readonly complaints: ComplaintService) {}

  @Get('decisions')
  @Public()
  @ApiOperation({ summary: '投诉处理决定公开(无个人信息、无证明材料)/ Complaint decisions, public (no personal data, no evidence)' })
  @ApiOkResponse({ type: PublicComplaintDecisionPage })
  decisions(@Query() q: PublicDecisionQuery): Promise<PublicComplaintDecisionPage> {
    return this.complaints.publicDecisions(q);
  }
}
