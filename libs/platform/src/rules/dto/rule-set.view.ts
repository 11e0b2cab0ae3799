import { ApiExtraModels, ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import { TradingDomain } from '../../auth/roles';
import { RULE_SPECS } from '../defaults';
import { ApiRuleParams, ParamChange, ParamLabel, paramLabels, presentParams } from '../rule-params';
import { RuleSet, RuleSetStatus } from '../rule-set.entity';

export class ParamLabelView implements ParamLabel {
  @ApiProperty({ description: '中文名称 / Chinese name' }) zh: string;
  @ApiProperty({ description: '英文名称 / English name' }) en: string;
  @ApiPropertyOptional({ description: '法律依据 / legal source', example: '法 24' }) law?: string;
}

/** A parameter's value: a period, a fraction, a whole number or an amount. */
const PARAM_VALUE = { oneOf: [{ type: 'number' }, { type: 'string' }, { type: 'object', additionalProperties: true }] };

export class RuleParamsView implements ApiRuleParams {
  @ApiProperty({ description: '期限 { value, unit: d 日 | wd 工作日 | h | min | s } / periods', type: 'object', additionalProperties: { type: 'object', required: ['value', 'unit'], properties: { value: { type: 'integer' }, unit: { type: 'string' } } }, example: { bidPreparation: { value: 20, unit: 'd' } } })
  periods: ApiRuleParams['periods'];

  @ApiProperty({ description: '数值(人数、基点、秒数)/ whole numbers (people, basis points, seconds)', type: 'object', additionalProperties: { type: 'integer' }, example: { minBidders: 3 } })
  numbers: ApiRuleParams['numbers'];

  @ApiProperty({ description: '比例 { numerator, denominator } / fractions', type: 'object', additionalProperties: { type: 'object', required: ['numerator', 'denominator'], properties: { numerator: { type: 'integer' }, denominator: { type: 'integer' } } }, example: { expertShare: { numerator: 2, denominator: 3 } } })
  fractions: ApiRuleParams['fractions'];

  @ApiProperty({ description: '金额(元)/ amounts in yuan', type: 'object', additionalProperties: { type: 'string' }, example: { minIncrement: '10000.00' } })
  amounts: ApiRuleParams['amounts'];
}

@ApiExtraModels(ParamLabelView)
export class RuleSetView {
  @ApiProperty({ description: '规则版本编号 / id', format: 'uuid' }) id: string;
  @ApiProperty({ enum: TradingDomain, description: '交易领域 / trading domain' }) domain: TradingDomain;
  @ApiProperty({ description: '版本号(正式与沙箱分别编号)/ version (standard and sandbox lines numbered apart)' }) version: number;
  @ApiProperty({ description: '版本名称 / name' }) name: string;
  @ApiProperty({ enum: ['draft', 'active', 'retired'], description: '草稿、生效、废止 / draft, in force, retired' }) status: RuleSetStatus;
  @ApiProperty({ description: '是否沙箱规则(以秒计)/ a sandbox set (seconds)' }) isSandbox: boolean;
  @ApiProperty({ type: RuleParamsView, description: '规则参数 / parameters' }) params: RuleParamsView;
  @ApiProperty({
    description: '参数名称(与差异同一张表),键为 分组.参数 / the parameters’ labels (the same table as the diff’s), keyed section.name',
    type: 'object',
    additionalProperties: { $ref: getSchemaPath(ParamLabelView) },
    example: { 'periods.bidPreparation': { zh: '招标文件发出至投标截止', en: 'documents issued to bid deadline', law: '法 24' } },
  })
  labels: Record<string, ParamLabel>;
  @ApiProperty({ description: '起草所依据的版本 / the version this was drafted from', format: 'uuid', nullable: true, type: String }) basedOn: string | null;
  @ApiProperty({ description: '生效时间 / in force from', nullable: true, type: String, format: 'date-time' }) effectiveFrom: Date | null;
  @ApiProperty({ description: '创建时间 / created at' }) createdAt: Date;
  @ApiProperty({ description: '发布时间 / published at', nullable: true, type: String, format: 'date-time' }) publishedAt: Date | null;
}

export class RuleSetListView {
  @ApiProperty({ type: [RuleSetView], description: '规则版本 / versions' }) items: RuleSetView[];
}

class RuleSetRef {
  @ApiProperty({ format: 'uuid', description: '规则版本编号 / id' }) id: string;
  @ApiProperty({ enum: TradingDomain, description: '交易领域 / trading domain' }) domain: TradingDomain;
  @ApiProperty({ description: '版本号 / version' }) version: number;
  @ApiProperty({ description: '是否沙箱规则 / a sandbox set' }) isSandbox: boolean;
  @ApiProperty({ enum: ['draft', 'active', 'retired'], description: '草稿、生效、废止 / draft, in force, retired' }) status: RuleSetStatus;
}

class ParamChangeView implements ParamChange {
  @ApiProperty({ description: '参数 / field', example: 'periods.bidPreparation' }) field: string;
  @ApiProperty({ description: '参数名称 / label', type: ParamLabelView, example: { zh: '招标文件发出至投标截止', en: 'documents issued to bid deadline', law: '法 24' } }) label: ParamLabel;
  @ApiProperty({ description: '原值 / from', nullable: true, ...PARAM_VALUE }) from: unknown;
  @ApiProperty({ description: '新值 / to', nullable: true, ...PARAM_VALUE }) to: unknown;
}

export class RuleSetDiffView {
  @ApiProperty({ type: RuleSetRef, description: '原版本 / from' }) from: RuleSetRef;
  @ApiProperty({ type: RuleSetRef, description: '新版本 / to' }) to: RuleSetRef;
  @ApiProperty({ type: [ParamChangeView], description: '差异 / changes' }) changes: ParamChangeView[];
}

/** Who drafted or published stays in the audit trail; the public view shows the rules themselves. */
export function ruleSetView(r: RuleSet): RuleSetView {
  const params = presentParams(r.params);
  return {
    id: r.id,
    domain: r.domain,
    version: r.version,
    name: r.name,
    status: r.status,
    isSandbox: r.isSandbox,
    params,
    labels: paramLabels(RULE_SPECS[r.domain], params),
    basedOn: r.basedOn,
    effectiveFrom: r.effectiveFrom,
    createdAt: r.createdAt,
    publishedAt: r.publishedAt,
  };
}

export function ruleSetRef(r: RuleSet): RuleSetRef {
  return { id: r.id, domain: r.domain, version: r.version, isSandbox: r.isSandbox, status: r.status };
}
