import { Body, Controller, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Public, Roles } from '@app/platform/auth/decorators';
import { Actor, Role } from '@app/platform/auth/roles';
import { AwardDto, TenderContractDto, ScoreDto, SectionBidParam, SignReportDto, StartEvaluationDto } from '../dto/evaluation.dto';
import { MyEvaluationView } from '../dto/tender.view';
import { AwardView, EvaluationBidsView, EvaluationSectionView, ObjectionView, PublicResultsView, ReportRecordView, ReportView, ScoreView } from '../dto/evaluation.view';
import { ObjectionDto, ObjectionParam, ReplyDto, SectionParam, TenderIdParam } from '../dto/tender.dto';
import { EvaluationService } from './evaluation.service';
import { EvaluationRecordService } from './evaluation-record.service';
import { ProjectWrite } from '@app/trading/gate/project-write.decorator';

const SECTION = 'tenders/:id/sections/:no';

@ApiTags('tendering 招投标')
@Controller()
export class EvaluationController {
  constructor(
    private readonly evaluations: EvaluationService,
    private readonly records: EvaluationRecordService,
  ) {}

  @ProjectWrite()
  @Post(`${SECTION}/evaluation`)
  @HttpCode(200)
  @Roles(Role.Centre)
  @ApiBearerAuth()
  @ApiOperation({ summary: '开始评标:本标段由已开始评标场次的抽取专家评审(交易中心)/ Start the evaluation with a draw whose session has started (centre)' })
  @ApiOkResponse({ type: EvaluationSectionView })
  start(@Param() p: SectionParam, @Body() dto: StartEvaluationDto, @CurrentActor() actor: Actor): Promise<EvaluationSectionView> {
    return this.evaluations.start(actor, p.id, p.no, dto);
  }

  @Get('tenders/evaluations/mine')
  @Roles(Role.Expert)
  @ApiBearerAuth()
  @ApiOperation({ summary: '我参加评标的标段(评标专家;评标开始后可见)/ The sections I evaluate (the expert; once the evaluation has started)' })
  @ApiOkResponse({ type: [MyEvaluationView] })
  mine(@CurrentActor() actor: Actor): Promise<MyEvaluationView[]> {
    return this.evaluations.mine(actor);
  }

  @Get(`${SECTION}/evaluation/bids`)
  @Roles(Role.Expert)
  @ApiBearerAuth()
  @ApiOperation({ summary: '待评投标文件与评审因素(本标段评标专家)/ The bids and criteria to evaluate (the section’s experts)' })
  @ApiOkResponse({ type: EvaluationBidsView })
  bids(@Param() p: SectionParam, @CurrentActor() actor: Actor): Promise<EvaluationBidsView> {
    return this.evaluations.bids(actor, p.id, p.no);
  }

  @ProjectWrite()
  @Put(`${SECTION}/evaluation/bids/:bidId/score`)
  @Roles(Role.Expert)
  @ApiBearerAuth()
  @ApiOperation({ summary: '评分或修改评分,可提出否决意见(本标段评标专家)/ Score a bid, or rescore it, optionally proposing to reject it (the section’s experts)' })
  @ApiOkResponse({ type: ScoreView })
  score(@Param() p: SectionBidParam, @Body() dto: ScoreDto, @CurrentActor() actor: Actor): Promise<ScoreView> {
    return this.evaluations.score(actor, p.id, p.no, p.bidId, dto);
  }

  @ProjectWrite()
  @Post(`${SECTION}/evaluation/report`)
  @Roles(Role.Expert)
  @ApiBearerAuth()
  @ApiOperation({ summary: '形成评标报告,推荐中标候选人(本标段评标专家)/ Make the evaluation report and recommend candidates (the section’s experts)' })
  @ApiCreatedResponse({ type: ReportView })
  report(@Param() p: SectionParam, @CurrentActor() actor: Actor): Promise<ReportView> {
    return this.evaluations.report(actor, p.id, p.no);
  }

  @Get(`${SECTION}/evaluation/report`)
  @Roles(Role.Expert, Role.Owner, Role.Agent, Role.Office, Role.Regulator)
  @ApiBearerAuth()
  @ApiOperation({ summary: '评标报告及签字情况(本标段评标委员会成员、招标人或代理机构、监管;报告形成后)/ The report and its signatures (the committee, the owner or agent, supervisors; once made)' })
  @ApiOkResponse({ type: ReportRecordView })
  readReport(@Param() p: SectionParam, @CurrentActor() actor: Actor): Promise<ReportRecordView> {
    return this.records.report(actor, p.id, p.no);
  }

  @ProjectWrite()
  @Post(`${SECTION}/evaluation/report/signature`)
  @Roles(Role.Expert)
  @ApiBearerAuth()
  @ApiOperation({ summary: '在评标报告上签字,可附书面不同意见(本标段评标委员会成员,公示前)/ Sign the report, optionally with a written dissent (a committee member, before the publicity)' })
  @ApiCreatedResponse({ type: ReportRecordView })
  sign(@Param() p: SectionParam, @Body() dto: SignReportDto, @CurrentActor() actor: Actor): Promise<ReportRecordView> {
    return this.records.sign(actor, p.id, p.no, dto.dissent);
  }

  @ProjectWrite()
  @Post(`${SECTION}/publicity`)
  @HttpCode(200)
  @Roles(Role.Owner, Role.Agent)
  @ApiBearerAuth()
  @ApiOperation({ summary: '公示中标候选人(招标人或代理机构)/ Publish the candidates (owner or agent)' })
  @ApiOkResponse({ type: EvaluationSectionView })
  publicise(@Param() p: SectionParam, @CurrentActor() actor: Actor): Promise<EvaluationSectionView> {
    return this.evaluations.publicise(actor, p.id, p.no);
  }

  @ProjectWrite()
  @Post(`${SECTION}/objections`)
  @Roles(Role.Bidder)
  @ApiBearerAuth()
  @ApiOperation({ summary: '公示期内对评标结果提出异议(本标段投标人)/ Object to the result during the publicity (the section’s bidders)' })
  @ApiCreatedResponse({ type: ObjectionView })
  object(@Param() p: SectionParam, @Body() dto: ObjectionDto, @CurrentActor() actor: Actor): Promise<ObjectionView> {
    return this.evaluations.object(actor, p.id, p.no, dto.content);
  }

  @Get(`${SECTION}/objections`)
  @Roles(Role.Bidder, Role.Owner, Role.Agent, Role.Centre, Role.Office, Role.Regulator)
  @ApiBearerAuth()
  @ApiOperation({ summary: '本标段的异议与答复(投标人只看到自己的异议人)/ The section’s objections and replies (a bidder sees only its own name)' })
  @ApiOkResponse({ type: [ObjectionView] })
  objections(@Param() p: SectionParam, @CurrentActor() actor: Actor): Promise<ObjectionView[]> {
    return this.evaluations.objections(actor, p.id, p.no);
  }

  @ProjectWrite()
  @Post('tenders/:id/objections/:objectionId/reply')
  @HttpCode(200)
  @Roles(Role.Owner, Role.Agent)
  @ApiBearerAuth()
  @ApiOperation({ summary: '答复公示期异议(答复前暂停定标)或招标文件异议(答复前暂停开标,答复通知所有投标人)(招标人或代理机构)/ Reply to a publicity objection (the award waits for it) or to one on the documents (the opening waits; every bidder is told) (owner or agent)' })
  @ApiOkResponse({ type: ObjectionView })
  reply(@Param() p: ObjectionParam, @Body() dto: ReplyDto, @CurrentActor() actor: Actor): Promise<ObjectionView> {
    return this.evaluations.reply(actor, p.id, p.objectionId, dto.reply);
  }

  @ProjectWrite()
  @Post(`${SECTION}/award`)
  @Roles(Role.Owner, Role.Agent)
  @ApiBearerAuth()
  @ApiOperation({ summary: '定标并发出中标通知书(招标人或代理机构)/ Award the section and send the award notice (owner or agent)' })
  @ApiCreatedResponse({ type: AwardView })
  award(@Param() p: SectionParam, @Body() dto: AwardDto, @CurrentActor() actor: Actor): Promise<AwardView> {
    return this.evaluations.award(actor, p.id, p.no, dto);
  }

  @Get(`${SECTION}/award`)
  @Roles(Role.Owner, Role.Agent, Role.Office, Role.Regulator)
  @ApiBearerAuth()
  @ApiOperation({ summary: '定标结果与合同登记(招标人或代理机构、监管)/ The award and its contract (owner or agent, supervisors)' })
  @ApiOkResponse({ type: AwardView })
  readAward(@Param() p: SectionParam, @CurrentActor() actor: Actor): Promise<AwardView> {
    return this.records.award(actor, p.id, p.no);
  }

  @ProjectWrite()
  @Post(`${SECTION}/contract`)
  @HttpCode(200)
  @Roles(Role.Owner, Role.Agent)
  @ApiBearerAuth()
  @ApiOperation({ summary: '登记合同签订,投标保证金进入退还期(招标人或代理机构)/ Record the contract; the deposits fall due for refund (owner or agent)' })
  @ApiOkResponse({ type: AwardView })
  contract(@Param() p: SectionParam, @Body() dto: TenderContractDto, @CurrentActor() actor: Actor): Promise<AwardView> {
    return this.evaluations.contract(actor, p.id, p.no, dto);
  }

  @Get('public/tenders/:id/results')
  @Public()
  @ApiOperation({ summary: '中标候选人与中标结果公示(公开)/ Candidates and results, public' })
  @ApiOkResponse({ type: PublicResultsView })
  results(@Param() p: TenderIdParam): Promise<PublicResultsView> {
    return this.evaluations.publicResults(p.id);
  }
}
