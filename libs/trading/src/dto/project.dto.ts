import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsEnum, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Max, Min } from 'class-validator';
import { TradingDomain } from '@app/platform/auth/roles';

export class CreateProjectDto {
  @ApiProperty({ enum: TradingDomain, description: '交易领域 / trading domain' })
  @IsEnum(TradingDomain)
  domain: TradingDomain;

  @ApiProperty({ description: '项目名称 / project name', example: '城东安置房一期施工总承包' })
  @IsString()
  @Length(2, 200)
  name: string;

  @ApiPropertyOptional({ description: '地区(行政区划代码)/ region (division code)', example: '350102' })
  @IsOptional()
  @IsString()
  @Length(2, 12)
  region?: string;

  @ApiPropertyOptional({ description: '委托人单位(代理登记时必填)/ the owner organisation, when an agent registers for it' })
  @IsOptional()
  @IsUUID()
  ownerOrganisationId?: string;

  @ApiPropertyOptional({ enum: ['standard', 'sandbox'], description: '适用规则:正式或沙箱(演示,以秒计)/ standard rules or the sandbox (demo, seconds)' })
  @IsOptional()
  @IsIn(['standard', 'sandbox'])
  ruleSet?: 'standard' | 'sandbox';
}

export class ProjectIdParam {
  @ApiProperty({ description: '项目编号 / project id' })
  @IsUUID()
  id: string;
}

export class PublicProjectQuery {
  @ApiPropertyOptional({ enum: TradingDomain, description: '交易领域 / trading domain' })
  @IsOptional()
  @IsEnum(TradingDomain)
  domain?: TradingDomain;

  @ApiPropertyOptional({ description: '页码 / page', default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(10000)
  page?: number;

  @ApiPropertyOptional({ description: '每页条数 / page size', default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  pageSize?: number;
}
