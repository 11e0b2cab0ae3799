import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles } from '@app/platform/auth/decorators';
import { Actor, Role } from '@app/platform/auth/roles';
import { ProjectWrite } from '@app/trading/gate/project-write.decorator';
import { ObjectionView } from '../dto/evaluation.view';
import { ObjectionDto, TenderIdParam } from '../dto/tender.dto';
import { DocumentObjectionService } from './document-objection.service';

@ApiTags('tenders 建设工程招投标')
@Controller()
export class DocumentObjectionController {
  constructor(private readonly objections: DocumentObjectionService) {}

  @ProjectWrite()
  @Post('tenders/:id/objections')
  @Roles(Role.Bidder)
  @ApiBearerAuth()
  @ApiOperation({ summary: '对招标文件提出异议(已报名投标人,投标截止 10 日前;招标人 3 日内答复,答复前暂停开标)/ Object to the tender documents (registered bidder, no later than 10 days before the deadline; the owner replies within 3 days and the opening waits)' })
  @ApiCreatedResponse({ type: ObjectionView })
  object(@Param() p: TenderIdParam, @Body() dto: ObjectionDto, @CurrentActor() actor: Actor): Promise<ObjectionView> {
    return this.objections.object(actor, p.id, dto.content);
  }

  @Get('tenders/:id/objections')
  @Roles(Role.Bidder, Role.Owner, Role.Agent, Role.Centre, Role.Office, Role.Regulator)
  @ApiBearerAuth()
  @ApiOperation({ summary: '招标文件异议及答复(招标人看到内容与代号;交易中心和监管看到异议人;投标人看到已答复的和自己的)/ Objections to the documents and replies (owner/agent: content and pseudonym; centre and supervisors: the objector; bidders: answered ones and their own)' })
  @ApiOkResponse({ type: [ObjectionView] })
  list(@Param() p: TenderIdParam, @CurrentActor() actor: Actor): Promise<ObjectionView[]> {
    return this.objections.list(actor, p.id);
  }
}
