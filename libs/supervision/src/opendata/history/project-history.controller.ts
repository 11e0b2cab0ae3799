import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '@app/platform/auth/decorators';
import { OcdsProjectParam } from '../dto/ocds.dto';
import { HistoryQuery } from '../dto/history.dto';
import { ProjectHistoryService } from './project-history.service';

@ApiTags('open data 公开数据')
@Controller('public/projects')
export class ProjectHistoryController {
  constructor(private readonly history: ProjectHistoryService) {}

  @Get(':id/history')
  @Public()
  @ApiOperation({
    summary: '已公开项目的历史版本,或某一时刻的公开内容(公开)/ A public project’s versions, or its public view at a past moment (public)',
    description: '由审计日志重建:每个公开事件一个版本(改了什么、为什么);?at= 给出当时的状态、投标截止时间、文件与澄清;土地地块、农村产权交易与电子卖场需求的状态、时间与公开结果。Rebuilt from the audit trail: one version per public event (what changed and why); ?at= gives the status, bid deadline, documents and clarifications as they were; for land parcels, rural deals and e-mall requirements their status, times and public result.',
  })
  get(@Param() p: OcdsProjectParam, @Query() q: HistoryQuery) {
    return this.history.history(p.id, q.at ? new Date(q.at) : undefined);
  }
}
