import { ApiProperty } from '@nestjs/swagger';
import { SIGNAL_KINDS } from '../rules/signals';

/** 围标串标预警: one signal found in one opened round, with the evidence it was found on and its digest. */
export class CollusionSignalView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ description: '轮次类型:招标标段或网上竞价轮次 / a tender section or an online-quote round', enum: ['tender_section', 'quote_round'] }) roundKind!: 'tender_section' | 'quote_round';
  @ApiProperty({ nullable: true, type: String, format: 'uuid', description: '招标项目 / tender project' }) projectId!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid', description: '标段 / section' }) sectionId!: string | null;
  @ApiProperty({ nullable: true, type: Number, description: '标段号 / section number' }) sectionNo!: number | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid', description: '网上竞价需求 / online-quote requirement' }) requirementId!: string | null;
  @ApiProperty({ nullable: true, type: Number, description: '竞价轮次 / quote round' }) round!: number | null;
  @ApiProperty({ description: '预警类型 / kind', enum: SIGNAL_KINDS }) kind!: string;
  @ApiProperty({ type: 'object', additionalProperties: true, description: '证据(JSON)/ evidence (JSON)' }) evidence!: unknown;
  @ApiProperty({ description: '证据摘要 SHA-256 / evidence digest' }) evidenceDigest!: string;
  @ApiProperty({ description: '状态 / status', enum: ['open', 'dismissed', 'confirmed'] }) status!: 'open' | 'dismissed' | 'confirmed';
  @ApiProperty({ nullable: true, type: String, description: '复核意见 / review note' }) reviewNote!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid', description: '复核账号 / reviewed by' }) reviewedBy!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time', description: '复核时间 / reviewed at' }) reviewedAt!: Date | null;
  @ApiProperty({ description: '发现时间 / found at' }) foundAt!: Date;
}

export class SectionScanView {
  @ApiProperty({ format: 'uuid' }) sectionId!: string;
  @ApiProperty({ description: '标段号 / section number' }) no!: number;
  @ApiProperty({ description: '已开标投标数 / opened bids' }) bids!: number;
  @ApiProperty({ description: '发现的预警数(含已记录的)/ signals found (stored ones included)' }) signals!: number;
}

export class QuoteRoundScanView {
  @ApiProperty({ description: '竞价轮次 / round' }) round!: number;
  @ApiProperty({ description: '已开启报价数 / opened quotes' }) bids!: number;
  @ApiProperty({ description: '发现的预警数(含已记录的)/ signals found (stored ones included)' }) signals!: number;
}

export class TenderScanView {
  @ApiProperty({ format: 'uuid' }) projectId!: string;
  @ApiProperty({ type: [SectionScanView] }) sections!: SectionScanView[];
  @ApiProperty({ type: [CollusionSignalView], description: '本次新记录的预警 / signals stored by this scan' }) created!: CollusionSignalView[];
}

export class RequirementScanView {
  @ApiProperty({ format: 'uuid' }) requirementId!: string;
  @ApiProperty({ type: [QuoteRoundScanView] }) rounds!: QuoteRoundScanView[];
  @ApiProperty({ type: [CollusionSignalView], description: '本次新记录的预警 / signals stored by this scan' }) created!: CollusionSignalView[];
}
