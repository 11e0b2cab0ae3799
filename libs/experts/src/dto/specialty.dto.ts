import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length, Matches } from 'class-validator';
import { SPECIALTY_CODE } from '../library/specialty-catalogue';

export class CreateSpecialtyDto {
  @ApiProperty({ description: '专业代码:字母加两位数字,每级再加“.两位数字”,最多四级;上级由前缀确定 / code: a letter and two digits, each level adding ".NN", up to four levels; the parent is its prefix', example: 'A01.01.07' })
  @Matches(SPECIALTY_CODE, { message: 'code must look like A01, A01.02 or A01.02.03 (专业代码格式无效)' })
  code: string;

  @ApiProperty({ description: '中文名称 / Chinese name', example: '装配式建筑', minLength: 2, maxLength: 60 })
  @IsString()
  @Length(2, 60)
  nameZh: string;

  @ApiProperty({ description: '英文名称 / English name', example: 'Prefabricated buildings', minLength: 2, maxLength: 120 })
  @IsString()
  @Length(2, 120)
  nameEn: string;
}

export class SpecialtyView {
  @ApiProperty({ description: '专业代码 / code', example: 'A01.01.01' }) code: string;
  @ApiProperty({ nullable: true, description: '上级专业代码(顶级为空)/ parent code (null at the top)', example: 'A01.01', type: String }) parentCode: string | null;
  @ApiProperty({ description: '中文名称 / Chinese name' }) nameZh: string;
  @ApiProperty({ description: '英文名称 / English name' }) nameEn: string;
}
