import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';

export class ProjectDrawsQuery {
  @ApiProperty({ description: '交易项目 / project', format: 'uuid' })
  @IsUUID()
  projectId!: string;
}
