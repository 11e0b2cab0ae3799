import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsIn, IsInt, IsISO8601, IsOptional, IsString, IsUUID, Length, Matches, Max, Min } from 'class-validator';
import { IsYuan, YuanField } from '@app/platform/money/money.decorators';
import { PageQuery } from '@app/platform/http/page-query.dto';

const CATEGORY_CODE = /^[A-Z][0-9]{2}(\.[0-9]{2}){0,3}$/;
const REGION = /^[1-9]\d{5}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const dateField = { strict: true } as const;

export class RecordAgreementDto {
  @ApiProperty({ description: '协议编号 / agreement number', example: 'XYGH-2026-A0202-001' })
  @IsString()
  @Length(2, 60)
  agreementNo!: string;

  @ApiProperty({ description: '供应商单位 / supplier organisation', format: 'uuid' })
  @IsUUID()
  organisationId!: string;

  @ApiProperty({ description: '品目代码(协议覆盖其下级品目)/ category code (covers the categories below it)', example: 'A02.02' })
  @Matches(CATEGORY_CODE, { message: 'categoryCode must look like A02 or A02.02.04 (品目代码格式无效)' })
  categoryCode!: string;

  @ApiProperty({ description: '协议供货或定点采购 / framework or designated', enum: ['framework', 'designated'] })
  @IsIn(['framework', 'designated'])
  kind!: 'framework' | 'designated';

  @ApiProperty({ description: '有效期起(含)/ valid from (inclusive)', example: '2026-01-01' })
  @Matches(DATE)
  @IsISO8601(dateField)
  validFrom!: string;

  @ApiProperty({ description: '有效期止(含)/ valid until (inclusive)', example: '2027-12-31' })
  @Matches(DATE)
  @IsISO8601(dateField)
  validUntil!: string;
}

export class AgreementQuery {
  @ApiPropertyOptional({ description: '供应商单位 / supplier organisation', format: 'uuid' })
  @IsOptional()
  @IsUUID()
  organisationId?: string;

  @ApiPropertyOptional({ description: '品目(含下级)/ category and below', example: 'A02' })
  @IsOptional()
  @Matches(CATEGORY_CODE, { message: 'category must look like A02 or A02.02.04 (品目代码格式无效)' })
  category?: string;
}

export class ListProductDto {
  @ApiProperty({ description: '品目代码 / category code', example: 'A02.02.04' })
  @Matches(CATEGORY_CODE, { message: 'categoryCode must look like A02 or A02.02.04 (品目代码格式无效)' })
  categoryCode!: string;

  @ApiProperty({ description: '商品名称 / name', example: '黑白激光打印机' })
  @IsString()
  @Length(2, 200)
  name!: string;

  @ApiProperty({ description: '品牌 / brand', example: '惠普' })
  @IsString()
  @Length(1, 100)
  brand!: string;

  @ApiProperty({ description: '型号 / model', example: 'LaserJet Pro M126a' })
  @IsString()
  @Length(1, 100)
  model!: string;

  @ApiProperty({ description: '规格参数 / specifications', example: 'A4 幅面,20 页/分钟,USB 2.0' })
  @IsString()
  @Length(0, 4000)
  specs!: string;

  @ApiProperty({ description: '计量单位 / unit', example: '台' })
  @IsString()
  @Length(1, 20)
  unit!: string;

  @YuanField('单价(元)/ unit price (yuan)', { example: '1299.00' })
  price!: string;

  @ApiProperty({ description: '库存 / stock', example: 100 })
  @IsInt()
  @Min(0)
  @Max(100_000_000)
  stock!: number;

  @ApiProperty({ description: '供货区域(6 位行政区划代码,市、省级代码覆盖其下辖区县)/ delivery regions (6-digit codes; a city or province covers its districts)', example: ['350100'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @Matches(REGION, { each: true, message: 'regions must be 6-digit division codes (行政区划代码须为 6 位数字)' })
  regions!: string[];

  @ApiPropertyOptional({ description: '医疗器械注册证号(仅医用耗材)/ registration certificate no. (medical consumables only)', example: '国械注准20193140123' })
  @IsOptional()
  @IsString()
  @Length(1, 40)
  certificateNo?: string;

  @ApiPropertyOptional({ description: '注册证有效期至(含,仅医用耗材)/ certificate valid until (inclusive; medical consumables only)', example: '2029-06-30' })
  @IsOptional()
  @Matches(DATE)
  @IsISO8601(dateField)
  certificateValidUntil?: string;

  @ApiPropertyOptional({ description: '包装单位(仅医用耗材)/ packing unit (medical consumables only)', example: '盒(100 支)' })
  @IsOptional()
  @IsString()
  @Length(1, 40)
  packingUnit?: string;
}

export class UpdateProductDto {
  @ApiPropertyOptional({ description: '商品名称 / name' }) @IsOptional() @IsString() @Length(2, 200) name?: string;
  @ApiPropertyOptional({ description: '品牌 / brand' }) @IsOptional() @IsString() @Length(1, 100) brand?: string;
  @ApiPropertyOptional({ description: '型号 / model' }) @IsOptional() @IsString() @Length(1, 100) model?: string;
  @ApiPropertyOptional({ description: '规格参数 / specifications' }) @IsOptional() @IsString() @Length(0, 4000) specs?: string;
  @ApiPropertyOptional({ description: '计量单位 / unit' }) @IsOptional() @IsString() @Length(1, 20) unit?: string;

  @ApiPropertyOptional({ description: '单价(元),每次变更留存价格版本 / unit price (yuan); every change is a price version', example: '1199.00' })
  @IsOptional()
  @IsYuan()
  price?: string;

  @ApiPropertyOptional({ description: '库存 / stock' }) @IsOptional() @IsInt() @Min(0) @Max(100_000_000) stock?: number;

  @ApiPropertyOptional({ description: '供货区域 / delivery regions', example: ['350000'] })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @Matches(REGION, { each: true, message: 'regions must be 6-digit division codes (行政区划代码须为 6 位数字)' })
  regions?: string[];

  @ApiPropertyOptional({ description: '注册证号(换证时填写新证)/ certificate no. (a renewal gives the new one)' }) @IsOptional() @IsString() @Length(1, 40) certificateNo?: string;

  @ApiPropertyOptional({ description: '注册证有效期至 / certificate valid until', example: '2031-06-30' })
  @IsOptional()
  @Matches(DATE)
  @IsISO8601(dateField)
  certificateValidUntil?: string;

  @ApiPropertyOptional({ description: '包装单位 / packing unit' }) @IsOptional() @IsString() @Length(1, 40) packingUnit?: string;

  @ApiPropertyOptional({ description: '上架(true)或下架(false)/ on sale (true) or off sale (false)' })
  @IsOptional()
  @IsBoolean()
  onSale?: boolean;
}

export class ProductIdParam {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  id!: string;
}

export class ReferencePriceDto {
  @YuanField('其他渠道最低价(元)/ lowest price of the other channels (yuan)', { example: '1199.00' })
  price!: string;

  @ApiProperty({ description: '价格来源渠道 / where the price was seen', example: '京东政企采购 2026-11-20' })
  @IsString()
  @Length(2, 200)
  channel!: string;
}

export class ClearFlagDto {
  @ApiProperty({ description: '复核意见 / review note', example: '含三年上门保修,价格合理' })
  @IsString()
  @Length(2, 1000)
  note!: string;
}

export const PRODUCT_SORTS = ['price', '-price', 'rating'] as const;

export class ProductSearchQuery extends PageQuery {
  @ApiPropertyOptional({ description: '关键词(名称、品牌、型号、规格)/ keywords over name, brand, model, specs', example: '激光打印机' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  q?: string;

  @ApiPropertyOptional({ description: '品目(含下级)/ category and below', example: 'A02.02' })
  @IsOptional()
  @Matches(CATEGORY_CODE, { message: 'category must look like A02 or A02.02.04 (品目代码格式无效)' })
  category?: string;

  @ApiPropertyOptional({ description: '最低价(元)/ lowest price (yuan)', example: '500.00' })
  @IsOptional()
  @IsYuan()
  minPrice?: string;

  @ApiPropertyOptional({ description: '最高价(元)/ highest price (yuan)', example: '3000.00' })
  @IsOptional()
  @IsYuan()
  maxPrice?: string;

  @ApiPropertyOptional({ description: '送达地区(6 位代码)/ delivery region (6 digits)', example: '350102' })
  @IsOptional()
  @Matches(REGION, { message: 'region must be a 6-digit division code (行政区划代码须为 6 位数字)' })
  region?: string;

  @ApiPropertyOptional({ description: '品牌(完整品牌名,不区分大小写)/ brand (the whole name, case-insensitive)', example: '惠普' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  brand?: string;

  @ApiPropertyOptional({ description: '供应商单位 / supplier organisation', format: 'uuid' })
  @IsOptional()
  @IsUUID()
  supplierId?: string;

  @ApiPropertyOptional({
    description: '注册证有效期至少到该日(含;只留医用耗材)/ registration certificate valid at least through this day (inclusive; medical consumables only)',
    example: '2027-12-31',
  })
  @IsOptional()
  @Matches(DATE)
  @IsISO8601(dateField)
  certificateValidThrough?: string;

  @ApiPropertyOptional({ description: '排序:price 价格升序,-price 价格降序,rating 供应商评分 / sort', enum: PRODUCT_SORTS, default: 'price' })
  @IsOptional()
  @IsIn(PRODUCT_SORTS)
  sort?: (typeof PRODUCT_SORTS)[number];

  @ApiPropertyOptional({ description: '页码(最多 1000 页)/ page (at most 1,000)', default: 1, minimum: 1, maximum: 1000 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  declare page?: number;
}
