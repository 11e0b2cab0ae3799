import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsEnum, IsObject, IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { TradingDomain } from '../../auth/roles';

export class RuleSetQuery {
  @ApiPropertyOptional({ enum: TradingDomain, description: '交易领域 / trading domain' })
  @IsOptional()
  @IsEnum(TradingDomain)
  domain?: TradingDomain;
}

export class RuleSetIdParam {
  @ApiProperty({ description: '规则版本编号 / rule set id' })
  @IsUUID()
  id: string;
}

export class RuleSetPairParam extends RuleSetIdParam {
  @ApiProperty({ description: '对比的规则版本编号 / the other rule set id' })
  @IsUUID()
  otherId: string;
}

export class CreateRuleSetDto {
  @ApiProperty({ enum: TradingDomain, description: '交易领域 / trading domain' })
  @IsEnum(TradingDomain)
  domain: TradingDomain;

  @ApiProperty({ description: '版本名称 / name of the version', example: '2027 年第 1 版' })
  @IsString()
  @Length(1, 200)
  name: string;

  @ApiPropertyOptional({ description: '沙箱规则(以秒计,仅演示与测试)/ a sandbox version (seconds; demos and tests only)' })
  @IsOptional()
  @IsBoolean()
  sandbox?: boolean;

  @ApiPropertyOptional({ description: '在生效版本基础上修改的参数 / parameters changed from the version in force: { periods, numbers, amountsFen }' })
  @IsOptional()
  @IsObject()
  changes?: Record<string, Record<string, unknown>>;
}

export class UpdateRuleSetDto {
  @ApiPropertyOptional({ description: '版本名称 / name' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  name?: string;

  @ApiPropertyOptional({ description: '修改的参数 / parameters to change: { periods, numbers, amountsFen }' })
  @IsOptional()
  @IsObject()
  changes?: Record<string, Record<string, unknown>>;
}
