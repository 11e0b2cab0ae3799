import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsDate, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { PageQuery } from '@app/platform/http/page-query.dto';
import { IsYuan, YuanField } from '@app/platform/money/money.decorators';

export class RequirementItemDto {
  @ApiProperty({ description: '品名 / description', example: '台式计算机' })
  @IsString()
  @Length(1, 200)
  description!: string;

  @ApiProperty({ description: '数量 / quantity', example: 20 })
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  quantity!: number;

  @ApiProperty({ description: '计量单位 / unit', example: '台' })
  @IsString()
  @Length(1, 20)
  unit!: string;

  @ApiPropertyOptional({ description: '技术参数 / specifications', example: 'i7 / 16G / 512G SSD / 23.8 英寸' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  specs?: string;
}

export class PublishRequirementDto {
  @ApiProperty({ description: '需求名称 / title', example: '市财政局办公计算机采购' })
  @IsString()
  @Length(2, 200)
  title!: string;

  @ApiProperty({ description: '采购目录品目编码 / catalogue category code', example: 'A02.01.02' })
  @Matches(/^[A-Z][0-9]{2}(\.[0-9]{2}){0,3}$/)
  categoryCode!: string;

  @ApiProperty({ description: '采购明细 / items', type: [RequirementItemDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => RequirementItemDto)
  items!: RequirementItemDto[];

  @ApiProperty({ description: '交货地区代码(6 位)/ delivery region code', example: '350102' })
  @Matches(/^[1-9]\d{5}$/)
  deliveryRegion!: string;

  @ApiProperty({ description: '交货日期 / delivery date', example: '2026-12-31' })
  @Matches(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/)
  deliveryDate!: string;

  @YuanField('最高限价(元),须高于直购上限 / maximum price (yuan), above the direct-purchase limit', { example: '1500000.00' })
  maxPrice!: string;

  @ApiProperty({ description: '预算指标 / budget line', format: 'uuid' })
  @IsUUID()
  budgetLineId!: string;

  @ApiPropertyOptional({ description: '规则:standard 正式,sandbox 演示与测试(以秒计,生产环境禁用)/ rule set kind', enum: ['standard', 'sandbox'] })
  @IsOptional()
  @IsIn(['standard', 'sandbox'])
  ruleSet?: 'standard' | 'sandbox';

  @ApiPropertyOptional({
    description: '报价截止时间(可选):不得早于规则规定的最短报价期届满之时,缺省即为该最短期限 / the quote deadline (optional): no earlier than the rule set’s shortest quote window allows; by default exactly that',
    example: '2026-12-18T17:00:00+08:00',
  })
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  quoteDeadline?: Date;
}

export class SubmitQuoteDto {
  @YuanField('报价总价(元)/ total price (yuan)', { example: '1280000.00' })
  total!: string;

  @ApiPropertyOptional({ description: '分项单价(元),按需求明细顺序,可不填 / unit prices (yuan) in the items’ order, optional', type: [String], example: ['64000.00'] })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @IsYuan({ each: true })
  unitPrices?: string[];

  @ApiPropertyOptional({ description: '报价客户端的设备标识(围标串标监测用,不加密)/ the device id the quoting client declares (a collusion indicator, not sealed)', example: 'DEV-7F3A-0042' })
  @IsOptional()
  @Matches(/^[\x21-\x7e]{1,128}$/, { message: 'deviceId must be 1–128 printable ASCII characters' })
  deviceId?: string;
}

export class SwitchMethodDto {
  @ApiProperty({ description: '变更采购方式的理由及拟采用的方式 / why, and the method to be used instead', example: '有效报价不足三家,转为竞争性磋商' })
  @IsString()
  @Length(2, 1000)
  reason!: string;
}

export class RequirementIdParam {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  id!: string;
}

export const REQUIREMENT_STATUSES = ['quoting', 'failed', 'awarded', 'switched'] as const;

export class MyRequirementsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: REQUIREMENT_STATUSES, description: '需求状态 / requirement status' })
  @IsOptional()
  @IsIn(REQUIREMENT_STATUSES)
  status?: (typeof REQUIREMENT_STATUSES)[number];
}
