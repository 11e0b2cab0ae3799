import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { FastifyReply } from 'fastify';
import { Public } from '@app/platform/auth/decorators';
import { StatisticsQuery, StatisticsView } from './dto/statistics.dto';
import { statisticsWorkbook, XLSX_TYPE } from './statistics-workbook';
import { StatisticsService } from './statistics.service';

@ApiTags('statistics 交易统计')
@Controller()
export class StatisticsController {
  constructor(private readonly statistics: StatisticsService) {}

  @Get('public/statistics')
  @Public()
  @ApiOperation({
    summary: '交易统计(公开):场次、成交金额、成交率、节约率/溢价率、累计 / Trading statistics (public): sessions, amounts, rates, running totals',
    description: '按领域×月份(北京时间)×行政区划;金额为元字符串,亿元为精确十进制字符串。Per domain × month (Asia/Shanghai) × region; amounts as yuan strings, 亿元 as exact decimal strings.',
  })
  @ApiOkResponse({ type: StatisticsView })
  get(@Query() q: StatisticsQuery): Promise<StatisticsView> {
    return this.statistics.statistics(q);
  }

  @Get('public/statistics.xlsx')
  @Public()
  @ApiProduces(XLSX_TYPE)
  @ApiOperation({ summary: '交易统计下载(.xlsx)/ Trading statistics as an .xlsx workbook', description: '与 GET /public/statistics 相同的数据与筛选。The same data and filters as GET /public/statistics.' })
  async xlsx(@Query() q: StatisticsQuery, @Res() reply: FastifyReply): Promise<void> {
    const body = await statisticsWorkbook(await this.statistics.statistics(q));
    await reply
      .header('content-type', XLSX_TYPE)
      .header('content-disposition', `attachment; filename="statistics.xlsx"; filename*=UTF-8''${encodeURIComponent('交易统计.xlsx')}`)
      .send(body);
  }
}
