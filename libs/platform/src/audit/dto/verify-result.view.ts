import { ApiProperty } from '@nestjs/swagger';
import { LinkBreak } from '../chain-range';

/** Every reason a link can break: a Record so that a new reason fails to compile until it is listed here. */
const BREAKS: Record<LinkBreak, true> = { sequence_gap: true, prev_hash_mismatch: true, hash_mismatch: true, payload_mismatch: true, head_mismatch: true, canonical_payload_mismatch: true };

export class ChainBreakView {
  @ApiProperty({ description: '断裂处的序号 / sequence of the broken link' }) seq!: string;
  @ApiProperty({ description: '断裂原因 / why it is broken', enum: Object.keys(BREAKS) }) reason!: LinkBreak;
}

export class VerifyResultDto {
  @ApiProperty({ description: '链是否完整 / whether the chain is intact' }) ok!: boolean;
  @ApiProperty({ description: '已校验条数 / links checked' }) checked!: number;
  @ApiProperty({ description: '最后一条的序号 / last sequence checked' }) lastSeq!: string;
  @ApiProperty({ description: '第一处断裂(链完整时为空)/ first broken link (null when intact)', nullable: true, type: ChainBreakView }) firstBroken!: ChainBreakView | null;
  @ApiProperty({ description: '耗时毫秒 / duration in ms' }) durationMs!: number;
}
