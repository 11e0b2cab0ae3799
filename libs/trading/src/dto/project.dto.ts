import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsEnum, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Matches, Max, Min } from 'class-validator';
import { TradingDomain } from '@app/platform/auth/roles';
import { PageQuery } from '@app/platform/http/page-query.dto';
import { PROJECT_STATUSES, ProjectStatus } from '../rules/project-state';

/** What registering any project asks, whatever its domain: a domain's registration DTO extends it. */
export class ProjectRegistrationFields {
  @ApiProperty({ description: '项目名称 / project name', example: '城东安置房一期施工总承包', minLength: 2, maxLength: 200 })
  @IsString()
  @Length(2, 200)
  name: string;

  @ApiProperty({ description: '项目所在地行政区划代码(6 位)/ region: the 6-digit administrative division code', example: '350102' })
  @Matches(/^\d{6}$/, { message: 'region must be a 6-digit division code (行政区划代码须为 6 位数字)' })
  region: string;

  @ApiPropertyOptional({ description: '委托单位(代理机构登记时必填)/ the owner organisation, required when an agent registers', format: 'uuid' })
  @IsOptional()
  @IsUUID()
  ownerOrganisationId?: string;

  @ApiPropertyOptional({
    enum: ['standard', 'sandbox'],
    default: 'standard',
    description: '适用规则:现行正式规则,或沙箱规则(以秒计,仅演示与测试,生产环境拒绝)/ the rules in force, or the sandbox (seconds; demos and tests; refused in production)',
  })
  @IsOptional()
  @IsIn(['standard', 'sandbox'])
  ruleSet?: 'standard' | 'sandbox';
}

export class CreateProjectDto extends ProjectRegistrationFields {
  @ApiProperty({ enum: TradingDomain, description: '交易领域 / trading domain' })
  @IsEnum(TradingDomain)
  domain: TradingDomain;
}

export class ProjectIdParam {
  @ApiProperty({ description: '项目编号 / project id', format: 'uuid' })
  @IsUUID()
  id: string;
}

export class SuspendProjectDto {
  @ApiProperty({ description: '暂停原因(记入审计,向当事人公开)/ why (audited, shown to the parties)', example: '收到投诉,需调查核实', minLength: 2, maxLength: 500 })
  @IsString()
  @Length(2, 500)
  reason: string;
}

export class ResumeProjectDto {
  @ApiPropertyOptional({ description: '恢复说明(记入审计)/ a note (audited)', maxLength: 500 })
  @IsOptional()
  @IsString()
  @Length(1, 500)
  note?: string;
}

export class PublicProjectQuery extends PageQuery {
  @ApiPropertyOptional({ enum: TradingDomain, description: '交易领域 / trading domain' })
  @IsOptional()
  @IsEnum(TradingDomain)
  domain?: TradingDomain;
}

/** `?status=draft,published` or `?status=draft&status=published`: one list of statuses. */
const statusList = ({ value }: { value: unknown }) => (value === undefined ? undefined : (Array.isArray(value) ? value : [value]).flatMap((v) => String(v).split(',')).filter((v) => v !== ''));

export class ProjectListQuery extends PageQuery {
  @ApiPropertyOptional({ description: '名称片段或项目代码前缀 / a fragment of the name, or the start of the code', example: '新院区', maxLength: 50 })
  @IsOptional()
  @IsString()
  @Length(1, 50)
  q?: string;

  @ApiPropertyOptional({ enum: TradingDomain, description: '交易领域 / trading domain' })
  @IsOptional()
  @IsEnum(TradingDomain)
  domain?: TradingDomain;

  @ApiPropertyOptional({ enum: PROJECT_STATUSES, isArray: true, description: '状态,可多个(逗号分隔)/ statuses, several allowed (comma-separated)', example: 'draft,published' })
  @IsOptional()
  @Transform(statusList)
  @IsArray()
  @ArrayMaxSize(5)
  @IsIn(PROJECT_STATUSES, { each: true })
  status?: ProjectStatus[];
}
