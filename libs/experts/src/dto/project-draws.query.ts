import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsEnum, IsIn, IsOptional, IsUUID } from 'class-validator';
import { TradingDomain } from '@app/platform/auth/roles';
import { PageQuery } from '@app/platform/http/page-query.dto';

export class ProjectDrawsQuery {
  @ApiProperty({ description: '交易项目 / project', format: 'uuid' })
  @IsUUID()
  projectId!: string;
}

export const DRAW_STATUSES = ['pending', 'inviting', 'complete', 'short', 'failed', 'opened', 'finished'] as const;

/** `?status=inviting,short` or `?status=inviting&status=short` */
const list = ({ value }: { value: unknown }) => (value === undefined ? undefined : (Array.isArray(value) ? value : [value]).flatMap((v) => String(v).split(',')).filter((v) => v !== ''));

export class DrawDeskQuery extends PageQuery {
  @ApiPropertyOptional({ enum: DRAW_STATUSES, isArray: true, description: '状态,可多个(逗号分隔)/ statuses, several allowed (comma-separated)', example: 'inviting,short' })
  @IsOptional()
  @Transform(list)
  @IsArray()
  @ArrayMaxSize(7)
  @IsIn(DRAW_STATUSES, { each: true })
  status?: (typeof DRAW_STATUSES)[number][];

  @ApiPropertyOptional({ enum: TradingDomain, description: '交易领域 / trading domain' })
  @IsOptional()
  @IsEnum(TradingDomain)
  domain?: TradingDomain;
}
