import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, IsUUID, Matches, Max, Min } from 'class-validator';
import { YuanField } from '@app/platform/money/money.decorators';

export class PlaceBidDto {
  @YuanField('出价(元)/ the bid (yuan)', { example: '125000000.00' })
  price!: string;

  @ApiProperty({ description: '客户端幂等键:重复提交返回首次结果 / client key: a repeat returns the first answer', example: 'b7e1c2d4-0001' })
  @IsString()
  @Matches(/^[A-Za-z0-9_.:-]{8,64}$/)
  clientKey!: string;
}

export class LotIdParam {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  id!: string;
}

export class EventsQuery {
  @ApiPropertyOptional({ description: '只返回此序号之后的事件 / events after this sequence', example: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  after?: number;
}
