import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsEnum, IsIn, IsObject, IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { TradingDomain } from '../../auth/roles';
import { RuleSetStatus } from '../rule-set.entity';

const CHANGES_DESCRIPTION =
  '要修改的参数,未列出的沿用原值;金额以元为单位的字符串 / the parameters to change, the rest stay as they are; money in yuan strings: ' +
  '{ periods: { name: { value, unit: d|wd|h|min|s } }, numbers: { name: n }, fractions: { name: { numerator, denominator } }, amounts: { name: "10000.00" } }';

const CHANGES_EXAMPLE = { periods: { bidPreparation: { value: 25, unit: 'd' } }, numbers: { minBidders: 3 } };

export class RuleSetQuery {
  @ApiPropertyOptional({ enum: TradingDomain, description: '交易领域 / trading domain' })
  @IsOptional()
  @IsEnum(TradingDomain)
  domain?: TradingDomain;

  @ApiPropertyOptional({ enum: ['true', 'false'], description: '只看沙箱或只看正式规则 / sandbox sets only, or standard ones only' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  sandbox?: boolean;

  @ApiPropertyOptional({ enum: ['draft', 'active', 'retired'], description: '状态:草稿、生效、废止 / status: draft, in force, retired' })
  @IsOptional()
  @IsIn(['draft', 'active', 'retired'])
  status?: RuleSetStatus;
}

export class RuleSetIdParam {
  @ApiProperty({ description: '规则版本编号 / rule set id', format: 'uuid' })
  @IsUUID()
  id: string;
}

export class RuleSetPairParam extends RuleSetIdParam {
  @ApiProperty({ description: '对比的另一版本编号 / the other rule set id', format: 'uuid' })
  @IsUUID()
  otherId: string;
}

export class CreateRuleSetDto {
  @ApiProperty({ enum: TradingDomain, description: '交易领域 / trading domain' })
  @IsEnum(TradingDomain)
  domain: TradingDomain;

  @ApiProperty({ description: '版本名称 / name of the version', example: '2027 年修订 / 2027 revision', minLength: 1, maxLength: 200 })
  @IsString()
  @Length(1, 200)
  name: string;

  @ApiPropertyOptional({ description: '起草沙箱规则(以秒计,仅演示与测试,生产环境拒绝)/ draft a sandbox version (seconds; demos and tests; refused in production)', default: false })
  @IsOptional()
  @IsBoolean()
  sandbox?: boolean;

  @ApiPropertyOptional({ description: CHANGES_DESCRIPTION, type: 'object', additionalProperties: true, example: CHANGES_EXAMPLE })
  @IsOptional()
  @IsObject()
  changes?: Record<string, unknown>;
}

export class UpdateRuleSetDto {
  @ApiPropertyOptional({ description: '版本名称 / name of the version', minLength: 1, maxLength: 200 })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  name?: string;

  @ApiPropertyOptional({ description: CHANGES_DESCRIPTION, type: 'object', additionalProperties: true, example: CHANGES_EXAMPLE })
  @IsOptional()
  @IsObject()
  changes?: Record<string, unknown>;
}
