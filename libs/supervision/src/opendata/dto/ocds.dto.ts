import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';

export class OcdsProjectParam {
  @ApiProperty({ description: '交易项目或电子卖场采购需求 / a trading project or an e-mall requirement', format: 'uuid' })
  @IsUUID()
  id!: string;
}

export class OcdsReleasesQuery {
  @ApiPropertyOptional({ description: '上一页返回的游标 / the cursor of the previous page (links.next)' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  @Matches(/^[A-Za-z0-9_-]+$/)
  after?: string;

  @ApiPropertyOptional({ description: '每页项目数 / processes per page', minimum: 1, maximum: 100, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;
}

export class OcdsRecordParam {
  @ApiProperty({ description: '开放合同标识 / the ocid (`<prefix>-<project code>` or `<prefix>-CG-RQ-<requirement>[-R<round>]`)', example: 'ocds-yg0000-GC-2026-000001' })
  @IsString()
  @MaxLength(120)
  @Matches(/^ocds-[a-z0-9]{6}-[A-Za-z0-9-]+$/)
  ocid!: string;
}
