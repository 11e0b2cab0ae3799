import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsDate, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { YuanField } from '@app/platform/money/money.decorators';
import { DepositDeclarationDto, RefundReferenceDto } from '@app/trading/dto/deposit.dto';
import { PageQuery } from '@app/platform/http/page-query.dto';
import { ProjectRegistrationFields } from '@app/trading/dto/project.dto';
import { TENDER_STATUSES, TenderStatus } from '../rules/tender-state';

export class SectionDto {
  @ApiProperty({ description: '标段名称 / section name', example: '一标段:主体结构' })
  @IsString()
  @Length(1, 100)
  name!: string;

  @YuanField('标段估算价(元)/ section estimate (yuan)', { example: '50000000.00' })
  estimate!: string;

  @YuanField('投标保证金(元),不超过估算价的规定比例 / deposit (yuan), within the cap', { example: '1000000.00' })
  deposit!: string;
}

export class RegisterTenderDto extends ProjectRegistrationFields {
  @ApiProperty({ description: '项目类型 / kind', enum: ['construction', 'supervision', 'design', 'survey', 'goods', 'services'] })
  @IsIn(['construction', 'supervision', 'design', 'survey', 'goods', 'services'])
  kind!: string;

  @ApiProperty({ description: '资格条件 / qualification requirements', example: '建筑工程施工总承包一级及以上资质' })
  @IsString()
  @Length(1, 2000)
  qualification!: string;

  @ApiProperty({ description: '评标办法:综合评分法或经评审的最低投标价法 / evaluation method', enum: ['comprehensive', 'lowest_price'] })
  @IsIn(['comprehensive', 'lowest_price'])
  evaluationMethod!: string;

  @ApiProperty({ description: '标段 / sections', type: [SectionDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => SectionDto)
  sections!: SectionDto[];


}

export class ReturnTenderDto {
  @ApiProperty({ description: '退回理由 / reasons for returning it', type: [String], example: ['缺少立项批复文件'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @Length(1, 500, { each: true })
  reasons!: string[];
}

export class AnnounceTenderDto {
  @ApiProperty({ description: '投标截止及开标时间 / bid deadline and opening time', example: '2026-12-20T09:30:00+08:00' })
  @Type(() => Date)
  @IsDate()
  bidDeadline!: Date;
}

export class TenderIdParam {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  id!: string;
}

export class SectionParam extends TenderIdParam {
  @ApiProperty({ description: '标段号 / section number', example: 1 })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(50)
  no!: number;
}

export class QuestionDto {
  @ApiProperty({ description: '问题 / the question', example: '第三章工程量清单第 12 项的单位是否有误?' })
  @IsString()
  @Length(1, 2000)
  question!: string;
}

export class AnswerDto {
  @ApiProperty({ description: '答复(向所有潜在投标人公开,不显示提问人)/ answer, sent to every bidder without the asker', example: '单位应为立方米,以本答复为准。' })
  @IsString()
  @Length(1, 4000)
  answer!: string;
}

export class QuestionParam extends TenderIdParam {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  questionId!: string;
}

export class DeclareDepositDto extends DepositDeclarationDto {}

export class DepositParam {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  depositId!: string;
}

export class RefundDepositDto extends RefundReferenceDto {}

export class ObjectionDto {
  @ApiProperty({ description: '异议内容 / the objection', example: '第二名投标人的项目经理同时在其他在建项目任职。' })
  @IsString()
  @Length(1, 4000)
  content!: string;
}

export class ObjectionParam extends TenderIdParam {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  objectionId!: string;
}

export class ReplyDto {
  @ApiProperty({ description: '答复 / the reply', example: '经核查,该项目经理已办理变更,异议不成立。' })
  @IsString()
  @Length(1, 4000)
  reply!: string;
}

export class BidParam extends TenderIdParam {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  bidId!: string;
}

export class NoteDto {
  @ApiPropertyOptional({ description: '说明 / note', example: '第 3 章技术要求修改' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  note?: string;
}

export class TenderListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: TENDER_STATUSES, description: '状态,如 submitted 待受理 / status, e.g. submitted (waiting for the centre)' })
  @IsOptional()
  @IsIn(TENDER_STATUSES)
  status?: TenderStatus;
}

export class MyRegistrationsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: TENDER_STATUSES, description: '招标项目状态,如 bidding 投标中 / tender status, e.g. bidding' })
  @IsOptional()
  @IsIn(TENDER_STATUSES)
  status?: TenderStatus;
}
