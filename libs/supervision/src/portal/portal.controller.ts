import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '@app/platform/auth/decorators';
import { PortalProjectPage } from './dto/portal-project.view';
import { PortalContractPage, PortalContractQuery, PortalNoticePage, PortalNoticeQuery, PortalProjectParam } from './dto/portal.dto';
import { PortalService } from './portal.service';

@ApiTags('portal 信息公开')
@Controller('public/portal')
export class PortalController {
  constructor(private readonly portal: PortalService) {}

  @Get('announcements')
  @Public()
  @ApiOperation({
    summary: '公告信息(各领域统一检索)/ Notices of every domain in one feed',
    description: '招标/出让/挂牌公告、修改公告、中标候选人公示、结果、合同;按类型、领域、区划、关键字、时间筛选,分页,最新在前。Announcements, amendments, candidates, results, contracts; by kind, domain, region, keyword and date; paged, newest first.',
  })
  @ApiOkResponse({ type: PortalNoticePage })
  notices(@Query() q: PortalNoticeQuery): Promise<PortalNoticePage> {
    return this.portal.notices(q);
  }

  @Get('contracts')
  @Public()
  @ApiOperation({ summary: '合同公开(各领域)/ Contracts of every domain', description: '工程合同、土地成交确认书、农村产权合同、电子卖场订单;分页,最新在前。Tender contracts, land deal confirmations, rural contracts, e-mall orders; paged, newest first.' })
  @ApiOkResponse({ type: PortalContractPage })
  contracts(@Query() q: PortalContractQuery): Promise<PortalContractPage> {
    return this.portal.contracts(q);
  }

  @Get('projects/:id')
  @Public()
  @ApiOperation({
    summary: '项目公开页:公告、文件、开标记录、候选人、结果、合同 / A project’s public page: notices, documents, opening, candidates, result, contract',
    description: '仅已发布项目;只含单位名称,不含个人信息。Published projects only; organisation names, no personal data.',
  })
  @ApiOkResponse({ type: PortalProjectPage })
  project(@Param() p: PortalProjectParam): Promise<PortalProjectPage> {
    return this.portal.project(p.id);
  }
}
