import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Max, Min, ValidateNested } from 'class-validator';
import { IsYuan, YuanField } from '@app/platform/money/money.decorators';

export class CreateBudgetLineDto {
  @ApiProperty({ description: '预算项目编码 / budget code', example: '2026-YL-0301' })
  @IsString()
  @Length(1, 64)
  code!: string;

  @ApiProperty({ description: '预算项目名称 / budget name', example: '2026 年医用耗材采购' })
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiProperty({ description: '预算年度 / year', example: 2026 })
  @IsInt()
  @Min(2000)
  @Max(2100)
  year!: number;

  @YuanField('预算金额(元)/ amount (yuan)', { example: '500000.00' })
  amount!: string;
}

export class BudgetLineQuery {
  @ApiPropertyOptional({ description: '单位(监管查看时)/ organisation (for supervisors)', format: 'uuid' })
  @IsOptional()
  @IsUUID()
  organisationId?: string;
}

export class DirectPurchaseItemDto {
  @ApiProperty({ description: '商品 / product', format: 'uuid' })
  @IsUUID()
  productId!: string;

  @ApiProperty({ description: '数量 / quantity', example: 10 })
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  quantity!: number;
}

export class DirectPurchaseDto {
  @ApiProperty({ description: '预算指标 / budget line', format: 'uuid' })
  @IsUUID()
  budgetLineId!: string;

  @ApiProperty({ description: '商品与数量(同一供应商)/ products and quantities (one supplier)', type: [DirectPurchaseItemDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => DirectPurchaseItemDto)
  items!: DirectPurchaseItemDto[];

  @ApiPropertyOptional({ description: '规则:standard 正式,sandbox 演示(非生产环境)/ rule line', enum: ['standard', 'sandbox'] })
  @IsOptional()
  @IsIn(['standard', 'sandbox'])
  ruleSet?: 'standard' | 'sandbox';

  @ApiPropertyOptional({
    type: String,
    example: '12990.00',
    pattern: '^(0|[1-9]\\d{0,15})(\\.\\d{1,2})?$',
    description:
      '采购人确认的订单总额(元);与按现价计算的总额不符时拒绝下单(价格已变动)/ the total the purchaser confirmed (yuan); refused when the current prices give another total',
  })
  @IsOptional()
  @IsYuan()
  expectedTotal?: string;
}

export class DeliverDto {
  @ApiProperty({ description: '送货单 / delivery note', example: '送货单 SH-20261124-01,共 10 箱,已送至设备科' })
  @IsString()
  @Length(1, 2000)
  note!: string;
}

export class RejectDto {
  @ApiProperty({ description: '验收不合格理由 / reasons for rejection', type: [String], example: ['规格型号与合同不符'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @Length(1, 500, { each: true })
  reasons!: string[];
}

export class PaymentDto {
  @ApiProperty({ description: '支付凭证号 / payment reference', example: 'ZF2026112400018' })
  @IsString()
  @Length(4, 64)
  reference!: string;

  @YuanField('支付金额(元),须等于订单金额 / amount paid (yuan), equal to the order total')
  amount!: string;
}

export class RatingDto {
  @ApiProperty({ description: '质量 / quality (1–5)', minimum: 1, maximum: 5 })
  @IsInt()
  @Min(1)
  @Max(5)
  quality!: number;

  @ApiProperty({ description: '交付 / delivery (1–5)', minimum: 1, maximum: 5 })
  @IsInt()
  @Min(1)
  @Max(5)
  delivery!: number;

  @ApiProperty({ description: '服务 / service (1–5)', minimum: 1, maximum: 5 })
  @IsInt()
  @Min(1)
  @Max(5)
  service!: number;

  @ApiProperty({ description: '评价内容 / comment', example: '到货及时,包装完好。' })
  @IsString()
  @Length(1, 1000)
  comment!: string;
}

export class RatingReplyDto {
  @ApiProperty({ description: '供应商回复 / the supplier’s reply', example: '感谢认可,我们会继续做好售后服务。' })
  @IsString()
  @Length(1, 1000)
  reply!: string;
}

export class OrderIdParam {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  id!: string;
}

export class OrganisationIdParam {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  organisationId!: string;
}
