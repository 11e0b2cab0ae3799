import { yuan } from './format';

/**
 * Rule-set parameters for people. The names come from the API (`RuleSet.labels`, the same RuleSpec table the diff
 * reads); this file only says how a value is written: periods with their unit, fractions, money in yuan.
 */
export type RuleSection = 'periods' | 'numbers' | 'fractions' | 'amounts';
export const RULE_SECTIONS: RuleSection[] = ['periods', 'numbers', 'fractions', 'amounts'];

export interface ParamLabel {
  zh: string;
  en: string;
  law?: string;
}

/** How a period's unit reads after its number: 20 日, 3 个工作日, 30 分钟. */
export const PERIOD_UNIT: Record<string, string> = { d: '日', wd: '个工作日', h: '小时', min: '分钟', s: '秒' };

export const SECTION_LABEL: Record<RuleSection, string> = { periods: '期限', numbers: '数值', fractions: '比例', amounts: '金额' };

export function period(p: { value: number; unit: string }): string {
  return `${p.value} ${PERIOD_UNIT[p.unit] ?? p.unit}`;
}

/** A parameter's value as text; `section` says what it is (an amount is a yuan string, never parsed as a number). */
export function showParam(v: unknown, section?: RuleSection): string {
  if (v === null || v === undefined) return '—';
  if (section === 'amounts' || (section === undefined && typeof v === 'string' && /^\d+\.\d{2}$/.test(v))) return yuan(String(v));
  if (typeof v === 'object' && 'value' in v && 'unit' in v) return period(v as { value: number; unit: string });
  if (typeof v === 'object' && 'numerator' in v && 'denominator' in v) {
    const f = v as { numerator: number; denominator: number };
    return `${f.numerator}/${f.denominator}`;
  }
  return typeof v === 'object' ? JSON.stringify(v) : String(v);
}

/** The label of `field` ("periods.bidPreparation"); a field the API did not label keeps its code name. */
export function labelOf(labels: Record<string, ParamLabel> | undefined, field: string): ParamLabel {
  return labels?.[field] ?? { zh: field, en: field };
}

/** The fields of a set's parameters, in section order then as the API lists them. */
export function fieldsOf(params: Record<RuleSection, Record<string, unknown>>): { field: string; section: RuleSection; name: string }[] {
  return RULE_SECTIONS.flatMap((section) => Object.keys(params[section] ?? {}).map((name) => ({ field: `${section}.${name}`, section, name })));
}
