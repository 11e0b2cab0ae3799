import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsDate, IsDefined, IsIn, IsInt, IsObject, IsOptional, IsString, IsUUID, Length, Matches, Max, Min, ValidateNested } from 'class-validator';
import { IsYuan, YuanField } from '@app/platform/money/money.decorators';
import { LAND_USES } from '../rules/parcel-terms';
import { ProjectRegistrationFields } from '@app/trading/dto/project.dto';
import { PageQuery } from '@app/platform/http/page-query.dto';

const DECIMAL_2DP = /^(0|[1-9]\d{0,11})(\.\d{1,2})?$/;

export class LadderBandDto {
  @YuanField('本档起点价(元),当前价不低于此值时适用 / band starts at this price (yuan)', { example: '0.00' })
  from!: string;

  @YuanField('本档加价幅度(元)/ the step in this band (yuan)', { example: '100000.00' })
  step!: string;
}

export class IncrementDto {
  @ApiPropertyOptional({ description: '固定加价幅度(元)/ a fixed step (yuan)', example: '100000.00' })
  @IsOptional()
  @IsYuan()
  fixed?: string;

  @ApiPropertyOptional({ description: '阶梯加价幅度,按价格区间 / a ladder by price band', type: [LadderBandDto] })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => LadderBandDto)
  ladder?: LadderBandDto[];
}

export class RegisterParcelDto extends ProjectRegistrationFields {
  @ApiProperty({ description: '坐落 / location', example: '鼓楼区东街以南、八一七路以东' })
  @IsString()
  @Length(2, 500)
  location!: string;

  @ApiProperty({ description: '面积(平方米,最多两位小数)/ area in m², up to 2 decimals', example: '35000.50' })
  @Matches(DECIMAL_2DP, { message: 'area must be square metres with at most 2 decimals (面积须为平方米,最多两位小数)' })
  area!: string;

  @ApiProperty({ description: '规划用途 / use', enum: LAND_USES })
  @IsIn(LAND_USES)
  use!: (typeof LAND_USES)[number];

  @ApiProperty({ description: '出让年限(年)/ term in years', example: 70 })
  @IsInt()
  @Min(1)
  @Max(70)
  termYears!: number;

  @ApiProperty({ description: '容积率(最多两位小数)/ plot ratio, up to 2 decimals', example: '2.50' })
  @Matches(DECIMAL_2DP, { message: 'plotRatio must be a number with at most 2 decimals (容积率最多两位小数)' })
  plotRatio!: string;

  @ApiProperty({ description: '出让方式:挂牌或拍卖 / listing or auction', enum: ['listing', 'auction'] })
  @IsIn(['listing', 'auction'])
  mode!: 'listing' | 'auction';

  @YuanField('起始价(元)/ start price (yuan)', { example: '120000000.00' })
  startPrice!: string;

  @ApiProperty({ description: '加价幅度:固定或阶梯,二选一 / increment: fixed or a ladder, one of them', type: IncrementDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => IncrementDto)
  increment!: IncrementDto;

  @YuanField('竞买保证金(元)/ deposit (yuan)', { example: '24000000.00' })
  deposit!: string;

  @ApiPropertyOptional({ description: '保留价(元,密封,结束前任何人不可见;不设则不填)/ reserve (yuan; sealed until the end; omit for none)', example: '150000000.00' })
  @IsOptional()
  @IsYuan()
  reserve?: string;


}

export class AnnounceParcelDto {
  @ApiPropertyOptional({ description: '挂牌开始时间(挂牌出让)/ listing starts (listing mode)', example: '2026-12-01T09:00:00+08:00' })
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  listingStartsAt?: Date;

  @ApiPropertyOptional({ description: '挂牌截止时间(挂牌出让)/ listing ends (listing mode)', example: '2026-12-11T16:00:00+08:00' })
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  listingEndsAt?: Date;

  @ApiPropertyOptional({ description: '拍卖会(限时竞价)开始时间(拍卖出让)/ auction session starts (auction mode)', example: '2026-12-01T09:00:00+08:00' })
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  auctionAt?: Date;
}

export class ParcelIdParam {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  id!: string;
}

export class LandApplicationParam {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  applicationId!: string;
}

export class RejectApplicationDto {
  @ApiProperty({ description: '不予确认的理由 / why it is refused', example: '保证金未到账' })
  @IsString()
  @Length(1, 500)
  reason!: string;
}

export class LandRefundDto {
  @ApiProperty({ description: '退款流水号 / refund reference', example: 'TK2026120100001' })
  @IsString()
  @Length(4, 64)
  reference!: string;
}

/** The form fields of a 竞买申请 (multipart, with the qualification documents as the one file). */
export class ApplicationFields {
  @ApiProperty({ description: '缴纳方式:银行转账或保函 / bank transfer or guarantee', enum: ['transfer', 'guarantee'] })
  @IsIn(['transfer', 'guarantee'])
  depositMethod!: 'transfer' | 'guarantee';

  @ApiProperty({ description: '转账流水号或保函编号 / transfer reference or guarantee number', example: 'ZZ2026112400123' })
  @IsString()
  @Length(4, 64)
  depositReference!: string;

  @YuanField('保证金金额(元)/ deposit amount (yuan)', { example: '24000000.00' })
  depositAmount!: string;
}

export const PARCEL_STATUSES = ['registered', 'announced', 'ended', 'confirmed'] as const;
export const PARCEL_WAITING = ['announcement', 'applications', 'confirmation', 'refunds'] as const;
export type ParcelWaiting = (typeof PARCEL_WAITING)[number];

/** The centre's desk (and supervisors' view) over every parcel, by status or by what waits for the centre. */
export class ParcelDeskQuery extends PageQuery {
  @ApiPropertyOptional({ enum: PARCEL_STATUSES, description: '状态 / status' })
  @IsOptional()
  @IsIn(PARCEL_STATUSES)
  status?: (typeof PARCEL_STATUSES)[number];

  @ApiPropertyOptional({
    enum: PARCEL_WAITING,
    description:
      '待办:announcement 待发布公告,applications 有待审核的竞买申请,confirmation 成交待出具确认书,refunds 有待退还的保证金 / waiting for the centre: to announce, applications to decide, a deal to confirm, deposits to refund',
  })
  @IsOptional()
  @IsIn(PARCEL_WAITING)
  waiting?: ParcelWaiting;
}

export const LAND_APPLICATION_STATUSES = ['submitted', 'qualified', 'rejected'] as const;

export class MyLandApplicationsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: LAND_APPLICATION_STATUSES, description: '资格审核状态 / qualification status' })
  @IsOptional()
  @IsIn(LAND_APPLICATION_STATUSES)
  status?: (typeof LAND_APPLICATION_STATUSES)[number];
}
