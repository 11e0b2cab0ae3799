import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';

export class SubjectIdParam {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  id!: string;
}
