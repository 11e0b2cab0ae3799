import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles } from '../auth/decorators';
import { Actor, Role } from '../auth/roles';
import { SubjectQueryDto } from '../http/subject-query.dto';
import { AuditReads } from './audit-reads';
import { AuditVerifyService } from './audit-verify.service';
import { VerifyResultDto } from './dto/verify-result.view';

@ApiTags('audit 审计链')
@ApiBearerAuth()
@Controller('audit')
export class AuditController {
  constructor(
    private readonly verifier: AuditVerifyService,
    private readonly reads: AuditReads,
  ) {}

  @Get('verify')
  @Roles(Role.Office, Role.Regulator)
  @ApiOperation({ summary: '校验整条审计哈希链 / Verify the whole audit hash chain', description: '逐条重算哈希,报告第一处断裂的序号。Recomputes every link and reports the first broken sequence.' })
  @ApiOkResponse({ type: VerifyResultDto })
  verify(): Promise<VerifyResultDto> {
    return this.verifier.verify();
  }

  @Get('events')
  @Roles(Role.Office, Role.Regulator)
  @ApiOperation({ summary: '查看某对象的审计记录(开标前查看投标人信息的,本次查看留痕)/ Audit events of one subject (a read naming bidders before the opening is itself audited)' })
  async events(@Query() q: SubjectQueryDto, @CurrentActor() actor: Actor) {
    return { items: await this.reads.subjectEvents(actor, q.subjectType, q.subjectId) };
  }
}
