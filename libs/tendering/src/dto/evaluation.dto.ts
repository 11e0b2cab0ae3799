import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsDate, IsInt, IsOptional, IsString, IsUUID, Length, Matches } from 'class-validator';
import { YuanField } from '@app/platform/money/money.decorators';
import { SectionParam } from './tender.dto';

export class StartEvaluationDto {
  @ApiProperty({ description: '专家抽取(须属于本项目且评标已开始)/ the expert draw (this project’s, its session started)', format: 'uuid' })
  @IsUUID()
  drawId!: string;
}

export class SectionBidParam extends SectionParam {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  bidId!: string;
}

/** A signed yuan amount: 经评审的最低投标价法 adjusts a price up or down. */
export const SIGNED_YUAN = /^-?(0|[1-9]\d{0,15})(\.\d{1,2})?$/;

export class ScoreDto {
  @ApiProperty({ description: '技术分,每项一个,以百分之一分计 / technical scores, one per criterion, in hundredths of a point', type: [Number], example: [850, 900, 780] })
  @IsArray()
  @ArrayMaxSize(20)
  @IsInt({ each: true })
  technical!: number[];

  @ApiProperty({ description: '商务分,每项一个,以百分之一分计 / business scores, one per criterion, in hundredths', type: [Number], example: [450, 400] })
  @IsArray()
  @ArrayMaxSize(20)
  @IsInt({ each: true })
  business!: number[];

  @ApiPropertyOptional({ description: '评审价格调整(元,可为负,仅经评审的最低投标价法)/ price adjustment in yuan, may be negative (lowest price method only)', example: '-1000.00' })
  @IsOptional()
  @Matches(SIGNED_YUAN, { message: 'adjustment must be yuan with at most 2 decimals, optionally negative, e.g. "-1000.00" (调整金额须为元,最多两位小数,可为负)' })
  adjustment?: string;

  @ApiPropertyOptional({ description: '否决投标理由(留空即不否决)/ reason to reject the bid (条例 51); leave out to keep it', example: '投标文件未经投标单位盖章' })
  @IsOptional()
  @IsString()
  @Length(1, 2000)
  disqualifyReason?: string;
}

export class AwardDto {
  @ApiPropertyOptional({ description: '放弃中标或不能履约的候选人的投标 / bids of candidates that withdrew or cannot perform (条例 55)', type: [String], format: 'uuid' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @IsUUID('all', { each: true })
  withdrawn?: string[];
}

export class TenderContractDto {
  @YuanField('合同金额(元)/ contract amount (yuan)', { example: '48500000.00' })
  amount!: string;

  @ApiPropertyOptional({ description: '签订时间(默认现在)/ signed at (default now)', example: '2026-12-28T10:00:00+08:00' })
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  signedAt?: Date;
}

export class SignReportDto {
  @ApiPropertyOptional({ description: '对评标结果的书面不同意见和理由(条例 53),同意则不填 / written dissent and its reasons (条例 53); leave out to agree', example: '第二名投标人的技术方案工期安排不合理,不同意其排名。' })
  @IsOptional()
  @IsString()
  @Length(1, 4000)
  dissent?: string;
}
