import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID, Matches } from 'class-validator';
import { PageQuery } from '@app/platform/http/page-query.dto';

export const CARD_DOMAINS = ['tendering', 'land', 'procurement', 'rural'] as const;
export const STEP_KINDS = [
  'tender.registration_review',
  'tender.candidates_publicity',
  'tender.objection_reply',
  'tender.contract',
  'tender.deposit_refund',
  'land.deposit_refund',
  'rural.deposit_refund',
  'expert.draw_response',
  'procurement.order_confirmation',
  'procurement.order_acceptance',
  'procurement.order_payment',
] as const;

export class CardCountQuery {
  @ApiPropertyOptional({ description: '被亮牌单位 / organisation carded', format: 'uuid' })
  @IsOptional()
  @IsUUID()
  organisationId?: string;

  @ApiPropertyOptional({ description: '月份(北京时间)/ month (Beijing time), YYYY-MM', example: '2025-03' })
  @IsOptional()
  @Matches(/^[0-9]{4}-(0[1-9]|1[0-2])$/)
  month?: string;

  @ApiPropertyOptional({ description: '交易领域 / trading domain', enum: CARD_DOMAINS })
  @IsOptional()
  @IsIn(CARD_DOMAINS)
  domain?: (typeof CARD_DOMAINS)[number];
}

export class CardListQuery extends PageQuery {
  @ApiPropertyOptional({ description: '被亮牌单位 / organisation carded', format: 'uuid' })
  @IsOptional()
  @IsUUID()
  organisationId?: string;

  @ApiPropertyOptional({ description: '项目 / project', format: 'uuid' })
  @IsOptional()
  @IsUUID()
  projectId?: string;

  @ApiPropertyOptional({ description: '黄牌或红牌 / yellow or red', enum: ['yellow', 'red'] })
  @IsOptional()
  @IsIn(['yellow', 'red'])
  colour?: 'yellow' | 'red';

  @ApiPropertyOptional({ description: '月份(北京时间)/ month (Beijing time), YYYY-MM', example: '2025-03' })
  @IsOptional()
  @Matches(/^[0-9]{4}-(0[1-9]|1[0-2])$/)
  month?: string;

  @ApiPropertyOptional({ description: '交易领域 / trading domain', enum: CARD_DOMAINS })
  @IsOptional()
  @IsIn(CARD_DOMAINS)
  domain?: (typeof CARD_DOMAINS)[number];

  @ApiPropertyOptional({ description: '环节 / step', enum: STEP_KINDS })
  @IsOptional()
  @IsIn(STEP_KINDS)
  stepKind?: (typeof STEP_KINDS)[number];
}

export class CardProjectView {
  @ApiProperty({ format: 'uuid', description: '项目 / project' }) id!: string;
  @ApiProperty({ description: '项目编号 / code' }) code!: string;
  @ApiProperty({ description: '项目名称 / name' }) name!: string;
}

export class CardSubjectView {
  @ApiProperty({ description: '对象类型 / subject type' }) type!: string;
  @ApiProperty({ description: '对象编号 / subject id' }) id!: string;
}

export class CardOrganisationView {
  @ApiProperty({ format: 'uuid', description: '单位 / organisation' }) id!: string;
  @ApiProperty({ description: '名称 / name' }) name!: string;
}

export class CardView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: ['yellow', 'red'] }) colour!: string;
  @ApiProperty({ enum: STEP_KINDS, description: '环节 / step' }) stepKind!: string;
  @ApiProperty({ enum: CARD_DOMAINS }) domain!: string;
  @ApiProperty({ nullable: true, type: () => CardProjectView, description: '项目 / project' }) project!: { id: string; code: string; name: string } | null;
  @ApiProperty({ type: () => CardSubjectView, description: '环节对象 / the step’s subject' }) subject!: { type: string; id: string };
  @ApiProperty({ enum: ['owner', 'centre', 'supplier', 'purchaser', 'expert'], description: '责任方 / responsible party' }) responsibleRole!: string;
  @ApiProperty({ nullable: true, type: () => CardOrganisationView, description: '责任单位 / responsible organisation' }) organisation!: { id: string; name: string } | null;
  @ApiProperty({ nullable: true, description: '责任专家(专家库编号)/ responsible expert (library id)', type: String }) expertId!: string | null;
  @ApiProperty() startedAt!: Date;
  @ApiProperty({ description: '预警时点 / warning point' }) warnAt!: Date;
  @ApiProperty({ description: '时限 / due time' }) dueAt!: Date;
  @ApiProperty({ nullable: true, description: '完成时间(亮牌时已完成的)/ when the step was done, if it was when carded', type: String, format: 'date-time' }) doneAt!: Date | null;
  @ApiProperty() warningPercent!: number;
  @ApiProperty() issuedAt!: Date;
  @ApiProperty({ example: '2025-03' }) month!: string;
}

export class CardPage {
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
  @ApiProperty() total!: number;
  @ApiProperty({ type: [CardView] }) items!: CardView[];
}

export class CardCountView {
  @ApiProperty({ example: '2025-03' }) month!: string;
  @ApiProperty({ enum: ['organisation', 'expert', 'centre'], description: '被亮牌方 / who was carded' }) party!: string;
  @ApiProperty({ nullable: true, type: () => CardOrganisationView, description: '责任单位 / responsible organisation' }) organisation!: { id: string; name: string } | null;
  @ApiProperty({ nullable: true, type: String }) expertId!: string | null;
  @ApiProperty() yellow!: number;
  @ApiProperty() red!: number;
}
