import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEnum, IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { TradingDomain } from '@app/platform/auth/roles';
import { PageQuery } from '@app/platform/http/page-query.dto';
import { COMPLAINT_STATUSES, ComplaintStatus } from '../rules/complaint-state';

/** The text fields of the multipart filing form, validated like a JSON body. */
export class FileComplaintFields {
  @ApiProperty({ description: '被投诉的项目 / the project complained about', format: 'uuid' })
  @IsUUID()
  projectId!: string;

  @ApiPropertyOptional({ description: '所依据的异议(招标投标必填)/ the objection it follows (required for tenders)', format: 'uuid' })
  @IsOptional()
  @IsUUID()
  objectionId?: string;

  @ApiProperty({ description: '投诉事项与理由 / what is complained about and why', maxLength: 5000 })
  @IsString()
  @MinLength(1)
  @MaxLength(5000)
  grounds!: string;

  @ApiPropertyOptional({ description: '被投诉单位,缺省为招标人(出让人、采购人)/ the respondent; the project’s owner by default', format: 'uuid' })
  @IsOptional()
  @IsUUID()
  respondentOrganisationId?: string;
}

export class ComplaintParam {
  @ApiProperty({ description: '投诉编号 / complaint id', format: 'uuid' })
  @IsUUID()
  id!: string;
}

export class EvidenceParam extends ComplaintParam {
  @ApiProperty({ description: '证明材料编号 / evidence id', format: 'uuid' })
  @IsUUID()
  evidenceId!: string;
}

export class AcceptComplaintDto {
  @ApiPropertyOptional({ description: '受理意见 / note', maxLength: 2000 })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  note?: string;
}

export class RejectComplaintDto {
  @ApiProperty({ description: '不予受理的理由 / why it is not accepted', maxLength: 2000 })
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  reasons!: string;
}

export class SuspendForComplaintDto {
  @ApiProperty({ description: '暂停理由 / why the project is suspended', maxLength: 500 })
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  reason!: string;
}

export class ResumeForComplaintDto {
  @ApiPropertyOptional({ description: '恢复说明 / note', maxLength: 500 })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  note?: string;
}

export class DecideComplaintDto {
  @ApiProperty({ description: '处理结果:投诉成立 / 驳回 / upheld or dismissed', enum: ['upheld', 'dismissed'] })
  @IsIn(['upheld', 'dismissed'])
  outcome!: 'upheld' | 'dismissed';

  @ApiProperty({ description: '处理决定书正文(将公开)/ the decision (published)', maxLength: 10000 })
  @IsString()
  @MinLength(1)
  @MaxLength(10000)
  decision!: string;
}

export class WithdrawComplaintDto {
  @ApiPropertyOptional({ description: '撤回理由 / why it is withdrawn', maxLength: 2000 })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  reason?: string;
}

export class MyComplaintsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: COMPLAINT_STATUSES, description: '状态 / status' })
  @IsOptional()
  @IsIn(COMPLAINT_STATUSES)
  status?: ComplaintStatus;
}

export class SupervisionComplaintsQuery extends MyComplaintsQuery {
  @ApiPropertyOptional({ enum: TradingDomain, description: '交易领域 / domain' })
  @IsOptional()
  @IsEnum(TradingDomain)
  domain?: TradingDomain;

  @ApiPropertyOptional({ description: '项目 / project', format: 'uuid' })
  @IsOptional()
  @IsUUID()
  projectId?: string;

  @ApiPropertyOptional({ description: '只看逾期未受理或未决定的 / only those past their acceptance or decision time', enum: ['true', 'false'] })
  @IsOptional()
  @IsIn(['true', 'false'])
  overdue?: 'true' | 'false';
}

export class PublicDecisionQuery extends PageQuery {
  @ApiPropertyOptional({ enum: TradingDomain, description: '交易领域 / domain' })
  @IsOptional()
  @IsEnum(TradingDomain)
  domain?: TradingDomain;

  @ApiPropertyOptional({ description: '项目 / project', format: 'uuid' })
  @IsOptional()
  @IsUUID()
  projectId?: string;
}
