import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';

export class CollusionProjectParam {
  @ApiProperty({ description: '招标项目 / tender project', format: 'uuid' })
  @IsUUID()
  projectId!: string;
}

export class CollusionRequirementParam {
  @ApiProperty({ description: '网上竞价需求 / online-quote requirement', format: 'uuid' })
  @IsUUID()
  requirementId!: string;
}

export class CollusionSignalParam {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  id!: string;
}

export class CollusionSignalQuery {
  @ApiPropertyOptional({ description: '招标项目 / tender project', format: 'uuid' })
  @IsOptional()
  @IsUUID()
  projectId?: string;

  @ApiPropertyOptional({ description: '网上竞价需求 / online-quote requirement', format: 'uuid' })
  @IsOptional()
  @IsUUID()
  requirementId?: string;

  @ApiPropertyOptional({ description: '状态 / status', enum: ['open', 'dismissed', 'confirmed'] })
  @IsOptional()
  @IsIn(['open', 'dismissed', 'confirmed'])
  status?: 'open' | 'dismissed' | 'confirmed';
}

export class ReviewCollusionSignalDto {
  @ApiProperty({ description: '复核结论:排除 / 确认 / dismissed or confirmed', enum: ['dismissed', 'confirmed'] })
  @IsIn(['dismissed', 'confirmed'])
  status!: 'dismissed' | 'confirmed';

  @ApiProperty({ description: '复核意见 / review note', maxLength: 2000 })
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  note!: string;
}
