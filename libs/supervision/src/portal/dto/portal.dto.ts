import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsISO8601, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';
import { ALL_DOMAINS, TradingDomain } from '@app/platform/auth/roles';
import { PageQuery } from '@app/platform/http/page-query.dto';

export const NOTICE_KINDS = ['announcement', 'amendment', 'candidates', 'result', 'contract', 'suspension', 'resumption'] as const;

class PortalFilterQuery extends PageQuery {
  @ApiPropertyOptional({ enum: TradingDomain, description: '交易领域 / domain' })
  @IsOptional()
  @IsIn(ALL_DOMAINS)
  domain?: TradingDomain;

  @ApiPropertyOptional({ description: '行政区划代码(6 位)/ region (6-digit code)', example: '350102' })
  @IsOptional()
  @Matches(/^\d{6}$/, { message: 'region must be a 6-digit code (行政区划代码为 6 位数字)' })
  region?: string;

  @ApiPropertyOptional({ description: '关键字(标题或项目代码)/ keyword in the title or the project code', maxLength: 50 })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(50)
  keyword?: string;

  @ApiPropertyOptional({ description: '发布时间起(含),ISO-8601 / published from (inclusive), ISO-8601' })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({ description: '发布时间止(不含),ISO-8601 / published before (exclusive), ISO-8601' })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;
}

export class PortalNoticeQuery extends PortalFilterQuery {
  @ApiPropertyOptional({
    description: '公告类型,可多选(逗号分隔)/ kinds, several comma-separated',
    enum: NOTICE_KINDS,
    isArray: true,
  })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? value.split(',').filter(Boolean) : value))
  @IsArray()
  @ArrayMaxSize(7)
  @IsIn(NOTICE_KINDS, { each: true })
  kind?: (typeof NOTICE_KINDS)[number][];
}

export class PortalContractQuery extends PortalFilterQuery {}

export class PortalProjectParam {
  @ApiProperty({ description: '项目编号 / project id', format: 'uuid' })
  @IsUUID()
  id!: string;
}

export class PortalShiftedTimeView {
  @ApiProperty({ description: '时间节点 / the period' }) label!: string;
  @ApiProperty({ description: '原定时间 / the time it had' }) from!: Date;
  @ApiProperty({ description: '顺延后的时间 / the new time' }) to!: Date;
}

export class PortalNoticeDetailView {
  @ApiPropertyOptional({ description: '中止原因 / why the project is suspended' }) reason?: string;
  @ApiPropertyOptional({ description: '中止时间 / suspended at' }) suspendedAt?: Date;
  @ApiPropertyOptional({ description: '恢复时间 / resumed at' }) resumedAt?: Date;
  @ApiPropertyOptional({ type: [PortalShiftedTimeView], description: '顺延后的时间节点 / the new times' }) times?: PortalShiftedTimeView[];
}

export class PortalNoticeView {
  @ApiProperty({ description: '公告标识(类型:领域:对象[:标段或轮次])/ notice id (kind:domain:subject[:section or round])' }) id!: string;
  @ApiProperty({ enum: NOTICE_KINDS, description: '招标/出让/挂牌公告、修改公告、中标候选人公示、结果、合同、中止公告、恢复公告 / announcement, amendment, candidates, result, contract, suspension, resumption' }) kind!: string;
  @ApiProperty({ enum: TradingDomain, description: '交易领域 / domain' }) domain!: TradingDomain;
  @ApiProperty({ nullable: true, type: String, description: '行政区划代码 / region' }) region!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid', description: '交易项目(电子卖场无)/ trading project (none in the e-mall)' }) projectId!: string | null;
  @ApiProperty({ format: 'uuid', description: '对象编号:项目、标段、文件、需求或订单 / subject: project, section, document, requirement or order' }) subjectId!: string;
  @ApiProperty({ nullable: true, type: Number, description: '标段号或挂牌轮次 / section number or listing round' }) sectionNo!: number | null;
  @ApiProperty({ nullable: true, type: String, description: '项目代码或订单号 / project code or order number' }) code!: string | null;
  @ApiProperty({ description: '标题 / title' }) title!: string;
  @ApiProperty({ description: '发布时间(服务器时间)/ published at (server time)' }) publishedAt!: Date;
  @ApiProperty({ nullable: true, enum: ['success', 'failed'], description: '结果:成交或流标、流拍 / result: deal or failed' }) outcome!: string | null;
  @ApiProperty({ nullable: true, type: String, description: '成交或合同金额(元)/ deal or contract amount in yuan' }) amount!: string | null;
  @ApiProperty({ nullable: true, type: String, description: '中标人、受让方或供应商(单位名称)/ winner, buyer or supplier (organisation name)' }) organisationName!: string | null;
  @ApiProperty({ nullable: true, type: String, description: '招标人、出让方、转出方或采购人(单位名称)/ owner or purchaser (organisation name)' }) buyerName!: string | null;
  @ApiProperty({ nullable: true, type: String, description: '领域公开接口 / the domain’s public route' }) link!: string | null;
  @ApiProperty({ nullable: true, type: PortalNoticeDetailView, description: '中止公告的原因、恢复公告的新时间 / a suspension’s reason, a resumption’s new times' }) detail!: PortalNoticeDetailView | null;
}

export class PortalNoticePage {
  @ApiProperty({ type: [PortalNoticeView], description: '本页公告,最新在前 / notices on this page, newest first' }) items!: PortalNoticeView[];
  @ApiProperty({ description: '总数 / total' }) total!: number;
  @ApiProperty({ description: '页码 / page' }) page!: number;
  @ApiProperty({ description: '每页条数 / page size' }) pageSize!: number;
}

export class PortalContractView {
  @ApiProperty({ enum: TradingDomain, description: '交易领域 / domain' }) domain!: TradingDomain;
  @ApiProperty({ nullable: true, type: String, description: '行政区划代码 / region' }) region!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid', description: '交易项目 / trading project' }) projectId!: string | null;
  @ApiProperty({ format: 'uuid', description: '标段、项目或订单编号 / section, project or order id' }) subjectId!: string;
  @ApiProperty({ nullable: true, type: Number, description: '标段号 / section number' }) sectionNo!: number | null;
  @ApiProperty({ nullable: true, type: String, description: '项目代码或订单号 / project code or order number' }) code!: string | null;
  @ApiProperty({ description: '标题 / title' }) title!: string;
  @ApiProperty({ description: '签订或确认时间 / signed or confirmed at' }) signedAt!: Date;
  @ApiProperty({ nullable: true, type: String, description: '合同金额(元)/ contract amount in yuan' }) amount!: string | null;
  @ApiProperty({ nullable: true, type: String, description: '招标人、出让方或采购人 / owner or purchaser' }) buyerName!: string | null;
  @ApiProperty({ nullable: true, type: String, description: '中标人、受让方或供应商(土地不公开竞得人)/ winner, buyer or supplier (none for land)' }) supplierName!: string | null;
  @ApiProperty({ nullable: true, type: String, description: '领域公开接口 / the domain’s public route' }) link!: string | null;
}

export class PortalContractPage {
  @ApiProperty({ type: [PortalContractView], description: '本页合同,最新在前 / contracts on this page, newest first' }) items!: PortalContractView[];
  @ApiProperty({ description: '总数 / total' }) total!: number;
  @ApiProperty({ description: '页码 / page' }) page!: number;
  @ApiProperty({ description: '每页条数 / page size' }) pageSize!: number;
}
