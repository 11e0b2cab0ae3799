import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsISO8601, IsInt, IsOptional, IsString, IsUUID, Matches, Max, Min } from 'class-validator';
import { PageQuery } from '@app/platform/http/page-query.dto';

export class AuditSearchQuery extends PageQuery {
  @ApiPropertyOptional({ description: '项目(含其标段、抽取、时间节点)/ project, with its lots, draws and milestones', format: 'uuid' })
  @IsOptional()
  @IsUUID()
  projectId?: string;

  @ApiPropertyOptional({ description: '操作单位 / acting organisation', format: 'uuid' })
  @IsOptional()
  @IsUUID()
  organisationId?: string;

  @ApiPropertyOptional({ description: '操作账号 / acting account', format: 'uuid' })
  @IsOptional()
  @IsUUID()
  accountId?: string;

  @ApiPropertyOptional({ description: '动作,如 project.published / action, e.g. project.published' })
  @IsOptional()
  @IsString()
  @Matches(/^[a-z0-9_.]{1,100}$/)
  action?: string;

  @ApiPropertyOptional({ description: '起始时间(含)/ from (inclusive), ISO-8601' })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({ description: '截止时间(不含)/ to (exclusive), ISO-8601' })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;
}

export class ProjectIdParam {
  @ApiProperty({ description: '项目编号 / project id', format: 'uuid' })
  @IsUUID()
  id: string;
}
