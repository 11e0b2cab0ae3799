import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
export { SubjectQueryDto } from '../../http/subject-query.dto';
import { MAX_PROBE_HOLD_MS } from '../diagnostic-probe';

export class ProbeRequestDto {
  @ApiProperty({ description: '多少毫秒后触发 / fire in this many milliseconds', minimum: 0, maximum: 86_400_000 })
  @IsInt()
  @Min(0)
  @Max(86_400_000)
  inMs: number;

  @ApiPropertyOptional({ description: '触发事务保持的毫秒数(故障测试用)/ hold the firing transaction this long (fault tests)', maximum: MAX_PROBE_HOLD_MS })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_PROBE_HOLD_MS)
  holdMs?: number;

  @ApiPropertyOptional({ description: '前几次触发故意失败 / fail the first N attempts', maximum: 10 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(10)
  failTimes?: number;

  @ApiPropertyOptional({ description: '归属对象编号 / subject id to group probes' })
  @IsOptional()
  @IsString()
  @Length(1, 128)
  subjectId?: string;
}

export class MilestoneDto {
  @ApiProperty({ description: '编号 / id' }) id: string;
  @ApiProperty({ description: '类型 / kind' }) kind: string;
  @ApiProperty({ description: '对象类型 / subject type' }) subjectType: string;
  @ApiProperty({ description: '对象编号 / subject id' }) subjectId: string;
  @ApiProperty({ description: '到期时间 / due time' }) dueAt: Date;
  @ApiProperty({ description: '状态 / status', enum: ['pending', 'fired', 'cancelled', 'paused'] }) status: string;
  @ApiProperty({ description: '版本 / version' }) version: number;
  @ApiProperty({ description: '触发时间 / fired at', nullable: true, type: String, format: 'date-time' }) firedAt: Date | null;
  @ApiProperty({ description: '尝试次数 / attempts' }) attempts: number;
  @ApiProperty({ description: '最近错误 / last error', nullable: true, type: String }) lastError: string | null;
}
