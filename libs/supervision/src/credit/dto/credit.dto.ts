import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';

export class CreditOrganisationParam {
  @ApiProperty({ description: '单位 / organisation', format: 'uuid' })
  @IsUUID()
  organisationId!: string;
}

export class CreditUsccParam {
  @ApiProperty({ description: '统一社会信用代码 / unified social credit code', example: '91350100M000100Y43' })
  @Matches(/^[0-9A-HJ-NPQRTUWXY]{18}$/)
  uscc!: string;
}

export class RecordPenaltyDto {
  @ApiProperty({ description: '扣减信用分(1–100)/ points taken off the score (1–100)', minimum: 1, maximum: 100 })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  points!: number;

  @ApiProperty({ description: '行政处罚决定书文号 / number of the penalty decision', maxLength: 100 })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  decisionNo!: string;

  @ApiProperty({ description: '处罚事由 / grounds of the penalty', maxLength: 2000 })
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  note!: string;

  @ApiPropertyOptional({ description: '相关项目 / project concerned', format: 'uuid' })
  @IsOptional()
  @IsUUID()
  projectId?: string;
}

export class CreditReferenceView {
  @ApiProperty({ description: '依据类型 / type' }) type!: string;
  @ApiProperty({ description: '依据编号 / id' }) id!: string;
}

export class CreditOrganisationView {
  @ApiProperty({ format: 'uuid', description: '单位 / organisation' }) id!: string;
  @ApiProperty({ description: '名称 / name' }) name!: string;
  @ApiProperty({ description: '统一社会信用代码 / USCC' }) uscc!: string;
}

export class CreditRatingView {
  @ApiProperty({ description: '平均分 / average' }) average!: string;
  @ApiProperty({ description: '评价数 / count' }) count!: number;
}

export class CreditEntryView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: ['yellow_card', 'red_card', 'complaint_upheld', 'penalty', 'rating'] }) kind!: string;
  @ApiProperty({ description: '分值(扣分为负)/ points (negative: taken off)' }) points!: number;
  @ApiProperty({ nullable: true, type: () => CreditReferenceView, description: '依据 / what the entry stands on' }) reference!: { type: string; id: string } | null;
  @ApiProperty({ nullable: true, type: String }) note!: string | null;
  @ApiProperty({ nullable: true, format: 'uuid', type: String }) projectId!: string | null;
  @ApiProperty() occurredAt!: Date;
}

export class CreditRecordView {
  @ApiProperty({ type: () => CreditOrganisationView, description: '单位 / organisation' }) organisation!: { id: string; name: string; uscc: string };
  @ApiProperty({ description: '信用分(0–100)/ credit score (0–100)' }) score!: number;
  @ApiProperty({ description: '记录分值合计 / sum of the entries’ points' }) pointsTotal!: number;
  @ApiProperty({ description: '电子卖场评价加减分 / points from the e-mall ratings' }) ratingPoints!: number;
  @ApiProperty({ nullable: true, type: () => CreditRatingView, description: '电子卖场评价 / e-mall ratings' }) rating!: { average: string; count: number } | null;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
  @ApiProperty() total!: number;
  @ApiProperty({ type: [CreditEntryView] }) entries!: CreditEntryView[];
}

export class PenaltyRecordedView {
  @ApiProperty({ type: CreditEntryView }) entry!: CreditEntryView;
  @ApiProperty({ description: '处罚后信用分 / score after the penalty' }) score!: number;
}

export class PublicCreditView {
  @ApiProperty() uscc!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ description: '信用分(0–100)/ credit score (0–100)' }) score!: number;
}

/** `?q=&page=&pageSize=` of the supervisors' organisation search; pages of at most 50. */
export class OrganisationSearchQuery {
  @ApiProperty({ description: '单位名称片段或统一社会信用代码前缀(2–50 字)/ part of the name or the start of the USCC (2–50 characters)', minLength: 2, maxLength: 50, example: '建设' })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @MinLength(2)
  @MaxLength(50)
  q!: string;

  @ApiPropertyOptional({ description: '页码 / page', default: 1, minimum: 1, maximum: 10000 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(10000)
  page?: number;

  @ApiPropertyOptional({ description: '每页条数 / page size', default: 20, minimum: 1, maximum: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(50)
  pageSize?: number;
}

export class OrganisationHitView {
  @ApiProperty({ format: 'uuid', description: '单位 / organisation' }) id!: string;
  @ApiProperty({ description: '单位名称 / name' }) name!: string;
  @ApiProperty({ description: '统一社会信用代码 / unified social credit code' }) uscc!: string;
  @ApiProperty({ nullable: true, type: String, description: '行政区划代码 / region' }) region!: string | null;
  @ApiProperty({ description: '当前信用分(0–100,无记录为 100)/ current credit score (0–100; 100 without a record)' }) score!: number;
}

export class OrganisationSearchPage {
  @ApiProperty({ type: [OrganisationHitView], description: 'USCC 前缀命中在前,再按名称 / USCC-prefix matches first, then by name' }) items!: OrganisationHitView[];
  @ApiProperty({ description: '总数 / total' }) total!: number;
  @ApiProperty({ description: '页码 / page' }) page!: number;
  @ApiProperty({ description: '每页条数 / page size' }) pageSize!: number;
}

/** 信用查询 by name for anyone: a fragment of the name of an organisation that the platform has already made public. */
export class PublicCreditSearchQuery {
  @ApiProperty({ description: '单位名称片段(2–50 字)/ part of the organisation’s name (2–50 characters)', minLength: 2, maxLength: 50, example: '建设' })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @MinLength(2)
  @MaxLength(50)
  q!: string;

  @ApiPropertyOptional({ description: '页码 / page', default: 1, minimum: 1, maximum: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(50)
  page?: number;

  @ApiPropertyOptional({ description: '每页条数 / page size', default: 10, minimum: 1, maximum: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(20)
  pageSize?: number;
}

export class PublicCreditHitView {
  @ApiProperty({ description: '单位名称 / name' }) name!: string;
  @ApiProperty({ description: '统一社会信用代码 / unified social credit code' }) uscc!: string;
  @ApiProperty({ description: '信用分(0–100,无记录为 100)/ credit score (0–100; 100 without a record)' }) score!: number;
}

export class PublicCreditSearchPage {
  @ApiProperty({ type: [PublicCreditHitView], description: '按名称排序 / by name' }) items!: PublicCreditHitView[];
  @ApiProperty({ description: '总数 / total' }) total!: number;
  @ApiProperty({ description: '页码 / page' }) page!: number;
  @ApiProperty({ description: '每页条数 / page size' }) pageSize!: number;
}
