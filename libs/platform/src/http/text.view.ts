import { ApiProperty } from '@nestjs/swagger';

/** A text in Chinese and English, e.g. a kind's or a step's name (so the OpenAPI document, and the web's types, name both). */
export class ZhEnView {
  @ApiProperty({ description: '中文 / Chinese' }) zh!: string;
  @ApiProperty({ description: '英文 / English' }) en!: string;
}
