import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { ALL_DOMAINS, TradingDomain } from '@app/platform/auth/roles';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

export class StatisticsQuery {
  @ApiPropertyOptional({ description: '起始月份(含,北京时间)/ first month (inclusive, Asia/Shanghai)', example: '2026-01' })
  @IsOptional()
  @Matches(MONTH, { message: 'from must be a month YYYY-MM (月份格式 YYYY-MM)' })
  from?: string;

  @ApiPropertyOptional({ description: '截止月份(含,北京时间)/ last month (inclusive, Asia/Shanghai)', example: '2026-12' })
  @IsOptional()
  @Matches(MONTH, { message: 'to must be a month YYYY-MM (月份格式 YYYY-MM)' })
  to?: string;

  @ApiPropertyOptional({ enum: TradingDomain, description: '交易领域 / domain' })
  @IsOptional()
  @IsIn(ALL_DOMAINS)
  domain?: TradingDomain;

  @ApiPropertyOptional({ description: '行政区划代码(6 位)/ region (6-digit code)', example: '350102' })
  @IsOptional()
  @Matches(/^\d{6}$/, { message: 'region must be a 6-digit code (行政区划代码为 6 位数字)' })
  region?: string;
}

export class StatisticsFiguresView {
  @ApiProperty({ description: '场次(成交与未成交)/ sessions (concluded either way)' }) sessions: number;
  @ApiProperty({ description: '成交场次 / sessions that closed a deal' }) succeeded: number;
  @ApiProperty({ description: '流标、流拍、竞价失败场次 / failed sessions' }) failed: number;
  @ApiProperty({ nullable: true, type: Number, description: '成交率,4 位小数 / success rate, 4 decimals' }) successRate: number | null;
  @ApiProperty({ nullable: true, type: Number, description: '流标(流拍)率,4 位小数 / failure rate, 4 decimals' }) failureRate: number | null;
  @ApiProperty({ description: '成交金额(元)/ deal amount in yuan', example: '1234.56' }) amount: string;
  @ApiProperty({ description: '成交金额(亿元,由分精确换算)/ deal amount in 亿元 (10^8 yuan), exact from fen', example: '1.2345678901' }) amountYi: string;
  @ApiProperty({ description: '有参考价成交的估算价、最高限价或起始价合计(元)/ estimates, maximum or start prices of the deals that have one, in yuan' }) referenceAmount: string;
  @ApiProperty({ nullable: true, type: Number, description: '节约率(工程招标、电子卖场竞价),4 位小数 / savings against estimates (tenders, e-mall quotes), 4 decimals' }) savingsRate: number | null;
  @ApiProperty({ nullable: true, type: Number, description: '溢价率(土地、农村产权),4 位小数 / premium over the start price (land, rural), 4 decimals' }) premiumRate: number | null;
}

export class StatisticsRowView extends StatisticsFiguresView {
  @ApiProperty({ enum: TradingDomain, description: '交易领域 / domain' }) domain: TradingDomain;
  @ApiProperty({ description: '月份(北京时间)/ month (Asia/Shanghai)', example: '2026-03' }) month: string;
  @ApiProperty({ nullable: true, type: String, description: '行政区划代码,未知为空 / region code, null when unknown' }) region: string | null;
}

export class StatisticsDomainTotalView extends StatisticsFiguresView {
  @ApiProperty({ enum: TradingDomain, description: '交易领域 / domain' }) domain: TradingDomain;
}

export class StatisticsTotalsView {
  @ApiProperty({ type: [StatisticsDomainTotalView], description: '各领域合计 / totals per domain' }) byDomain: StatisticsDomainTotalView[];
  @ApiProperty({ type: StatisticsFiguresView, description: '总计(跨领域不计节约率、溢价率)/ grand total (no savings or premium across domains)' }) all: StatisticsFiguresView;
}

export class StatisticsCumulativeView {
  @ApiProperty({ description: '月份 / month' }) month: string;
  @ApiProperty({ description: '截至该月末累计场次 / sessions up to the end of the month' }) sessions: number;
  @ApiProperty({ description: '截至该月末累计成交场次 / deals up to the end of the month' }) succeeded: number;
  @ApiProperty({ description: '累计成交金额(元)/ cumulative deal amount in yuan' }) amount: string;
  @ApiProperty({ description: '累计成交金额(亿元)/ cumulative deal amount in 亿元' }) amountYi: string;
}

export class StatisticsFilterView {
  @ApiProperty({ nullable: true, type: String, description: '起始月份 / first month' }) from: string | null;
  @ApiProperty({ nullable: true, type: String, description: '截止月份 / last month' }) to: string | null;
  @ApiProperty({ nullable: true, type: String, description: '交易领域 / domain' }) domain: string | null;
  @ApiProperty({ nullable: true, type: String, description: '行政区划 / region' }) region: string | null;
}

export class StatisticsView {
  @ApiProperty({ type: StatisticsFilterView, description: '所用筛选条件 / the filter applied' }) filter: StatisticsFilterView;
  @ApiProperty({ description: '月份所用时区 / time zone of the months', example: 'Asia/Shanghai' }) timeZone: string;
  @ApiProperty({ description: '比率的小数位数 / decimals of the rates' }) rateDecimals: number;
  @ApiProperty({ type: [StatisticsRowView], description: '按领域×月份×区划的明细 / per domain × month × region' }) rows: StatisticsRowView[];
  @ApiProperty({ type: StatisticsTotalsView, description: '筛选范围内合计 / totals over the filter' }) totals: StatisticsTotalsView;
  @ApiProperty({ type: [StatisticsCumulativeView], description: '逐月累计(自有记录起,受领域和区划筛选)/ running totals from the first record (domain and region filters apply)' })
  cumulative: StatisticsCumulativeView[];
}
