import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDate, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Matches, Max, Min } from 'class-validator';
import { PageQuery } from '@app/platform/http/page-query.dto';
import { YuanField } from '@app/platform/money/money.decorators';
import { DepositDeclarationDto, RefundReferenceDto } from '@app/trading/dto/deposit.dto';
import { ProjectRegistrationFields } from '@app/trading/dto/project.dto';
import { DEAL_STATUSES, DealStatus } from '../rules/deal-state';

export class RegisterDealDto extends ProjectRegistrationFields {
  @ApiProperty({ description: '交易品种代码(见 GET /public/rural/kinds)/ kind code from the catalogue', example: 'land_management' })
  @Matches(/^[a-z][a-z0-9_]{1,39}$/)
  kind!: string;

  @ApiProperty({ description: '标的描述:位置、四至、现状、用途限制 / the asset: location, bounds, state, restrictions', example: '东山村一组,东至水渠,西至村道;现状水田,限农业用途' })
  @IsString()
  @Length(1, 4000)
  description!: string;

  @ApiProperty({ description: '面积或数量(最多 4 位小数)/ area or quantity (up to 4 decimals)', example: '120.5' })
  @Matches(/^(0|[1-9]\d{0,13})(\.\d{1,4})?$/)
  quantity!: string;

  @ApiProperty({ description: '计量单位 / unit', example: '亩' })
  @IsString()
  @Length(1, 20)
  unit!: string;

  @ApiPropertyOptional({ description: '流转或租赁期限(月;出售不填)/ term in months (none for a sale)', example: 120 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1200)
  termMonths?: number;

  @YuanField('挂牌价格(元)/ listing price (yuan)', { example: '360000.00' })
  listingPrice!: string;

  @YuanField('竞价加价幅度(元)/ bidding increment (yuan)', { example: '1000.00' })
  increment!: string;

  @YuanField('交易保证金(元)/ deposit (yuan)', { example: '20000.00' })
  deposit!: string;


}

export class DealIdParam {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  id!: string;
}

export class ApplicationParam {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  applicationId!: string;
}

export class ApplyDto extends DepositDeclarationDto {}

export class ListDealDto {
  @ApiPropertyOptional({
    description:
      '挂牌截止时间(可选):不得早于规则规定的最短挂牌公示期届满之时,缺省即为该最短期限 / the listing end (optional): no earlier than the rule set’s shortest listing period allows; by default exactly that',
    example: '2026-12-21T15:00:00+08:00',
  })
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  endsAt?: Date;
}

export class AgreementDto {
  @YuanField('协议转让价格(元),不低于挂牌价 / agreement price (yuan), at least the listing price', { example: '360000.00' })
  price!: string;
}

export class RelistDto {
  @YuanField('重新挂牌价格(元),降幅不超过规则允许的比例 / new listing price (yuan), cut by no more than the rule set allows', { example: '300000.00' })
  listingPrice!: string;
}

export class ContractDto {
  @ApiProperty({ description: '合同编号 / contract number', example: 'NCHT-2026-0012' })
  @IsString()
  @Length(1, 64)
  contractNo!: string;

  @ApiProperty({ description: '签订时间 / signed at', example: '2026-12-20T10:00:00+08:00' })
  @Type(() => Date)
  @IsDate()
  signedAt!: Date;

  @YuanField('合同金额(元),等于成交价格 / contract amount (yuan), the deal price', { example: '365000.00' })
  amount!: string;
}

export class RefundDto extends RefundReferenceDto {}

export class KindDto {
  @ApiProperty({ description: '品种代码(小写字母、数字、下划线)/ code (lower-case letters, digits, underscores)', example: 'aquaculture_water' })
  @Matches(/^[a-z][a-z0-9_]{1,39}$/)
  code!: string;

  @ApiProperty({ description: '中文名称 / Chinese name', example: '养殖水面经营权' })
  @IsString()
  @Length(1, 60)
  nameZh!: string;

  @ApiProperty({ description: '英文名称 / English name', example: 'aquaculture water rights' })
  @IsString()
  @Length(1, 120)
  nameEn!: string;
}

export const DEAL_WAITING = ['listing', 'deposits', 'refunds'] as const;
export type DealWaiting = (typeof DEAL_WAITING)[number];

/** The centre's desk (and supervisors' view) over every deal, by status or by what waits for the centre. */
export class DealDeskQuery extends PageQuery {
  @ApiPropertyOptional({ enum: DEAL_STATUSES, description: '状态 / status' })
  @IsOptional()
  @IsIn(DEAL_STATUSES)
  status?: DealStatus;

  @ApiPropertyOptional({
    enum: DEAL_WAITING,
    description: '待办:listing 待挂牌(登记或重新挂牌),deposits 有待确认的保证金,refunds 有待退还的保证金 / waiting for the centre: to list, deposits to confirm, deposits to refund',
  })
  @IsOptional()
  @IsIn(DEAL_WAITING)
  waiting?: DealWaiting;
}

/** The public list of deals pages like every other list. */
export class PublicDealQuery extends PageQuery {}

/** The fields of the resolution form (multipart, with the scanned resolution as the file). */
export interface ResolutionForm {
  body: 'villagers_meeting' | 'representatives_meeting';
  votesFor: number;
  votesTotal: number;
  date: string;
}

/** The fields of the township's approval form (multipart, with the approval as the file). */
export interface ApprovalForm {
  authority: string;
  date: string;
}

export const RURAL_APPLICATION_STATUSES = ['declared', 'qualified', 'refund_due', 'refunded', 'applied_to_price'] as const;

export class MyRuralApplicationsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: RURAL_APPLICATION_STATUSES, description: '报名状态 / application status' })
  @IsOptional()
  @IsIn(RURAL_APPLICATION_STATUSES)
  status?: (typeof RURAL_APPLICATION_STATUSES)[number];
}
