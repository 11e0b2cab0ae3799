import { Period, PeriodUnit } from '../calendar/working-days';
import { TradingDomain } from '../auth/roles';

/** What one rule-set version holds: named periods, named whole numbers and named amounts (fen, as strings). */
export interface RuleParams {
  periods: Record<string, Period>;
  numbers: Record<string, number>;
  amountsFen: Record<string, string>;
}

export interface ParamSpec {
  periods: string[];
  numbers: Record<string, [min: number, max: number]>;
  amounts: string[];
}

const UNITS: PeriodUnit[] = ['d', 'wd', 'h', 'min', 's'];

export interface ParamProblem {
  field: string;
  zh: string;
  en: string;
}

/** Checks params against a domain's spec: every named value present, of its kind and within bounds; nothing unknown. */
export function validateParams(spec: ParamSpec, params: unknown, sandbox: boolean): ParamProblem[] {
  const problems: ParamProblem[] = [];
  const p = params as Partial<RuleParams> | null;
  if (!p || typeof p !== 'object') return [{ field: 'params', zh: '参数必须是对象', en: 'params must be an object' }];
  const section = <T>(name: keyof RuleParams) => (p[name] && typeof p[name] === 'object' ? (p[name] as Record<string, T>) : ({} as Record<string, T>));
  const periods = section<Period>('periods');
  const numbers = section<number>('numbers');
  const amounts = section<string>('amountsFen');
  for (const name of spec.periods) {
    const v = periods[name];
    if (!v || !Number.isInteger(v.value) || v.value < 0 || v.value > 100_000 || !UNITS.includes(v.unit)) {
      problems.push({ field: `periods.${name}`, zh: `期限 ${name} 须为 { value: 非负整数, unit: d|wd|h|min|s }`, en: `period ${name} must be { value: whole number ≥ 0, unit: d|wd|h|min|s }` });
    } else if (!sandbox && v.unit === 's') {
      problems.push({ field: `periods.${name}`, zh: `正式规则的期限 ${name} 不能以秒计`, en: `a standard rule set cannot count ${name} in seconds` });
    }
  }
  for (const [name, [min, max]] of Object.entries(spec.numbers)) {
    const v = numbers[name];
    if (!Number.isInteger(v) || v < min || v > max) problems.push({ field: `numbers.${name}`, zh: `${name} 须为 ${min}–${max} 的整数`, en: `${name} must be a whole number from ${min} to ${max}` });
  }
  for (const name of spec.amounts) {
    const v = amounts[name];
    if (typeof v !== 'string' || !/^(0|[1-9]\d{0,17})$/.test(v)) problems.push({ field: `amountsFen.${name}`, zh: `金额 ${name} 须为以分计的非负整数字符串`, en: `amount ${name} must be whole fen as a string` });
  }
  const known = { periods: spec.periods, numbers: Object.keys(spec.numbers), amountsFen: spec.amounts } as Record<string, string[]>;
  for (const [sectionName, names] of Object.entries(known)) {
    for (const key of Object.keys(section(sectionName as keyof RuleParams))) {
      if (!names.includes(key)) problems.push({ field: `${sectionName}.${key}`, zh: `未知参数 ${key}`, en: `unknown parameter ${key}` });
    }
  }
  for (const key of Object.keys(p)) if (!['periods', 'numbers', 'amountsFen'].includes(key)) problems.push({ field: key, zh: `未知参数组 ${key}`, en: `unknown section ${key}` });
  return problems;
}

/** Domain-level consistency the bounds cannot express, e.g. committee composition (法 37). */
export function crossChecks(domain: TradingDomain, params: RuleParams): ParamProblem[] {
  const n = params.numbers;
  if (domain === TradingDomain.Tendering || domain === TradingDomain.Procurement) {
    if (n.committeeMinSize % 2 === 0) return [{ field: 'numbers.committeeMinSize', zh: '评标委员会人数须为单数', en: 'the committee size must be odd' }];
    if (n.expertShareNumerator * 3 < n.expertShareDenominator * 2) return [{ field: 'numbers.expertShareNumerator', zh: '专家不得少于成员总数的三分之二', en: 'experts must be at least two thirds of the committee' }];
  }
  return [];
}

/** Changes between two versions, for the committee's review. */
export function diffParams(a: RuleParams, b: RuleParams): { path: string; from: unknown; to: unknown }[] {
  const flat = (p: RuleParams) => {
    const out = new Map<string, string>();
    for (const [k, v] of Object.entries(p.periods ?? {})) out.set(`periods.${k}`, `${v.value}${v.unit}`);
    for (const [k, v] of Object.entries(p.numbers ?? {})) out.set(`numbers.${k}`, String(v));
    for (const [k, v] of Object.entries(p.amountsFen ?? {})) out.set(`amountsFen.${k}`, v);
    return out;
  };
  const fa = flat(a);
  const fb = flat(b);
  const paths = [...new Set([...fa.keys(), ...fb.keys()])].sort();
  return paths.filter((k) => fa.get(k) !== fb.get(k)).map((path) => ({ path, from: fa.get(path) ?? null, to: fb.get(path) ?? null }));
}
