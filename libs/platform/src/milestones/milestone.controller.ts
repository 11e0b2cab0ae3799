import { Body, Controller, Get, Inject, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles } from '../auth/decorators';
import { Actor, Role } from '../auth/roles';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { TransactionRunner } from '../database/transaction-runner';
import { DIAGNOSTIC_PROBE_KIND } from './diagnostic-probe';
import { MilestoneDto, ProbeRequestDto, SubjectQueryDto } from './dto/milestone.dto';
import { MilestoneErrors } from './milestone-errors';
import { MilestoneService } from './milestone.service';

@ApiTags('milestones 时间节点')
@ApiBearerAuth()
@Controller('milestones')
export class MilestoneController {
  constructor(
    private readonly milestones: MilestoneService,
    private readonly txr: TransactionRunner,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get()
  @Roles(Role.Centre, Role.Office, Role.Regulator)
  @ApiOperation({ summary: '查看某对象的时间节点 / Milestones of one subject' })
  @ApiOkResponse({ type: MilestoneDto, isArray: true })
  async list(@Query() q: SubjectQueryDto): Promise<{ items: MilestoneDto[] }> {
    return { items: await this.milestones.listForSubject(q.subjectType, q.subjectId) };
  }

  @Post('probe')
  @Roles(Role.Centre)
  @ApiOperation({ summary: '安排诊断节点(非生产环境)/ Schedule a diagnostic probe milestone (not in production)' })
  @ApiOkResponse({ type: MilestoneDto })
  async probe(@Body() body: ProbeRequestDto, @CurrentActor() actor: Actor): Promise<MilestoneDto> {
    if (this.config.nodeEnv === 'production') throw MilestoneErrors.DIAGNOSTICS_DISABLED();
    return this.txr.run((tx) =>
      this.milestones.schedule(
        tx,
        {
          kind: DIAGNOSTIC_PROBE_KIND,
          subjectType: 'diagnostic',
          subjectId: body.subjectId ?? 'probe',
          dueAt: new Date(Date.now() + body.inMs),
          payload: { holdMs: body.holdMs ?? 0, failTimes: body.failTimes ?? 0 },
        },
        actor,
      ),
    );
  }
}
