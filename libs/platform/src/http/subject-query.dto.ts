import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

/** `?subjectType=&subjectId=`: the thing an audit trail or a milestone list is about. */
export class SubjectQueryDto {
  @ApiProperty({ description: '对象类型 / subject type, e.g. trading_project' })
  @IsString()
  @Length(1, 64)
  subjectType: string;

  @ApiProperty({ description: '对象编号 / subject id' })
  @IsString()
  @Length(1, 128)
  subjectId: string;
}
