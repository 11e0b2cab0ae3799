import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';
import { YuanField } from '@app/platform/money/money.decorators';

/** 保证金: how a bidder says it paid — a bank transfer with its reference, or an electronic guarantee's number. */
export class DepositDeclarationDto {
  @ApiProperty({ description: '缴纳方式:银行转账或电子保函 / bank transfer or e-guarantee', enum: ['transfer', 'guarantee'] })
  @IsIn(['transfer', 'guarantee'])
  method!: 'transfer' | 'guarantee';

  @ApiProperty({ description: '转账流水号或保函编号 / transfer reference or guarantee number', example: 'BH2026112400123' })
  @IsString()
  @Length(4, 64)
  reference!: string;

  @ApiPropertyOptional({ description: '付款账号(转账时)/ paying account (transfers)', example: '6222020200112233445' })
  @IsOptional()
  @Matches(/^\d{8,32}$/)
  payerAccount?: string;

  @YuanField('金额(元)/ amount (yuan)', { example: '200000.00' })
  amount!: string;
}

/** A refund recorded by the centre, with the bank's reference. */
export class RefundReferenceDto {
  @ApiProperty({ description: '退款流水号 / refund reference', example: 'TK2026120100001' })
  @IsString()
  @Length(4, 64)
  reference!: string;
}
