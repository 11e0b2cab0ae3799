import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional, Matches } from 'class-validator';

export class HistoryQuery {
  @ApiPropertyOptional({ description: '时刻(ISO 8601,含时区)/ the moment (ISO 8601 with offset)', example: '2026-03-01T08:00:00.000Z' })
  @IsOptional()
  @IsISO8601({ strict: true, strictSeparator: true })
  @Matches(/T.*(Z|[+-]\d{2}:\d{2})$/, { message: 'at must be a date-time with Z or an offset' })
  at?: string;
}
