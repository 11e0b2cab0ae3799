import { canonicalJson } from '../audit/canonical-json';
import { Period } from '../calendar/period';
import { Money } from '../money/money';
import { Fraction, RuleParams, RuleSpec } from './rule-spec';
import { ParamProblem } from './validate-params';

/** Parameters as the API shows and takes them: money under `amounts`, in yuan strings ("10000.00"). */
export interface ApiRuleParams {
  periods: Record<string, Period>;
  numbers: Record<string, number>;
  fractions: Record<string, Fraction>;
  amounts: Record<string, string>;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function presentParams(params: RuleParams): ApiRuleParams {
  const amounts = Object.fromEntries(Object.entries(params.amountsFen ?? {}).map(([k, fen]) => [k, Money.ofFen(fen).toYuan()]));
  return { periods: params.periods ?? {}, numbers: params.numbers ?? {}, fractions: params.fractions ?? {}, amounts };
}

/**
 * A copy of `base` with the committee's changes: each named value replaced, money converted from yuan to fen.
 * Values are not checked here beyond the money format; validateParams() judges the result as a whole.
 */
export function applyChanges(base: RuleParams, changes: unknown): { params: RuleParams; problems: ParamProblem[] } {
  const params = structuredClone(base) as RuleParams & Record<string, Record<string, unknown>>;
  const problems: ParamProblem[] = [];
  if (changes === undefined || changes === null) return { params, problems };
  if (!isObject(changes)) return { params, problems: [{ field: 'changes', zh: '修改内容必须是对象', en: 'changes must be an object' }] };
  for (const [section, values] of Object.entries(changes)) {
    if (!['periods', 'numbers', 'fractions', 'amounts'].includes(section)) {
      problems.push({ field: section, zh: `未知参数组 ${section}`, en: `unknown section ${section}` });
    } else if (!isObject(values)) {
      problems.push({ field: section, zh: `参数组 ${section} 必须是对象`, en: `section ${section} must be an object` });
    } else if (section === 'amounts') {
      for (const [name, yuan] of Object.entries(values)) {
        if (Money.isYuan(yuan)) params.amountsFen[name] = Money.fromYuan(yuan).fen.toString();
        else problems.push({ field: `amounts.${name}`, zh: '金额须为元,非负,最多两位小数,如 "10000.00"', en: 'an amount is yuan, non-negative, at most 2 decimals, e.g. "10000.00"' });
      }
    } else {
      params[section] = { ...(params[section] ?? {}), ...values };
    }
  }
  return { params, problems };
}

/** A parameter's name for people, from the domain's RuleSpec (the one label table): Chinese, English, legal source. */
export interface ParamLabel {
  zh: string;
  en: string;
  law?: string;
}

const SPEC_SECTION = { periods: 'periods', numbers: 'numbers', fractions: 'fractions', amounts: 'amounts' } as const;
type ApiSection = keyof typeof SPEC_SECTION;

/** The label of `section.name`; a name the spec does not know (none in a validated set) keeps its code name. */
export function paramLabel(spec: RuleSpec, section: ApiSection, name: string): ParamLabel {
  const rule = (spec[SPEC_SECTION[section]] as Record<string, { zh: string; en: string; law?: string }>)[name];
  if (!rule) return { zh: name, en: name };
  return { zh: rule.zh, en: rule.en, ...(rule.law ? { law: rule.law } : {}) };
}

/** Labels of every parameter a set carries, keyed `section.name` as the diff's `field`. */
export function paramLabels(spec: RuleSpec, params: ApiRuleParams): Record<string, ParamLabel> {
  const out: Record<string, ParamLabel> = {};
  for (const section of Object.keys(SPEC_SECTION) as ApiSection[]) {
    for (const name of Object.keys(params[section])) out[`${section}.${name}`] = paramLabel(spec, section, name);
  }
  return out;
}

export interface ParamChange {
  field: string;
  label: ParamLabel;
  from: unknown;
  to: unknown;
}

/** What differs between two versions of one domain, in the API's terms, for the committee's review. */
export function diffParams(spec: RuleSpec, a: RuleParams, b: RuleParams): ParamChange[] {
  const [pa, pb] = [presentParams(a), presentParams(b)];
  const out: ParamChange[] = [];
  for (const section of ['periods', 'numbers', 'fractions', 'amounts'] as const) {
    const names = [...new Set([...Object.keys(pa[section]), ...Object.keys(pb[section])])].sort();
    for (const name of names) {
      const [from, to] = [pa[section][name] ?? null, pb[section][name] ?? null];
      if (canonicalJson(from) === canonicalJson(to)) continue;
      out.push({ field: `${section}.${name}`, label: paramLabel(spec, section, name), from, to });
    }
  }
  return out;
}
