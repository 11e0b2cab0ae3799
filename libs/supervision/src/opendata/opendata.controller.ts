import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '@app/platform/auth/decorators';
import { OcdsProjectParam, OcdsRecordParam, OcdsReleasesQuery } from './dto/ocds.dto';
import { OpenDataService } from './opendata.service';

@ApiTags('open data 公开数据')
@Controller('public/ocds')
export class OpenDataController {
  constructor(private readonly openData: OpenDataService) {}

  @Get('projects/:id')
  @Public()
  @ApiOperation({
    summary: '项目的 OCDS 1.1 发布包(公开)/ A project’s OCDS 1.1 release package (public)',
    description: '交易项目或电子卖场采购需求;每个事件一个发布,开标前无报价与投标人,无个人信息。A trading project or an e-mall requirement; one release per event, no prices or bidders before the opening, no personal data.',
  })
  project(@Param() p: OcdsProjectParam) {
    return this.openData.projectPackage(p.id);
  }

  @Get('records/:ocid')
  @Public()
  @ApiOperation({
    summary: '一个流程的 OCDS 1.1 记录包(公开)/ The OCDS 1.1 record package of one process (public)',
    description: '全部已发布的发布(按日期)、合并发布(compiledRelease)与带版本的发布(versionedRelease)。Every published release (by date), the compiled release and the versioned release.',
  })
  record(@Param() p: OcdsRecordParam) {
    return this.openData.recordPackage(p.ocid);
  }

  @Get('releases')
  @Public()
  @ApiOperation({
    summary: '全部已发布项目的 OCDS 批量导出(游标分页)/ Bulk OCDS export of every published process (cursor pages)',
    description: '按发布时间从早到晚,每页最多 100 个项目;links.next 为下一页。Oldest publication first, up to 100 processes a page; links.next is the next page.',
  })
  releases(@Query() q: OcdsReleasesQuery) {
    return this.openData.exportPage(q.after, q.limit);
  }

  @Get('publication-policy')
  @Public()
  @ApiOperation({ summary: 'OCDS 数据发布政策 / The OCDS publication policy' })
  policy() {
    return this.openData.publicationPolicy();
  }
}
