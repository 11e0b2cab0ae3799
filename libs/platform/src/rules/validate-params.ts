import { describePeriod, isPeriodUnit, Period, PeriodUnit } from '../calendar/period';
import { provablyAtLeast, provablyAtMost } from './period-bounds';
import { Fraction, RULE_SECTIONS, RuleSpec } from './rule-spec';

/** One reason a rule set is refused, on the field the committee edits (money under `amounts`, in yuan). */
export interface ParamProblem {
  field: string;
  zh: string;
  en: string;
}

const MAX_VALUE = 100_000;
const SANDBOX_MAX_SECONDS = 86_400;
const FEN = /^(0|[1-9]\d{0,15})$/;

const UNIT_NAMES: Record<PeriodUnit, { zh: string; en: string }> = {
  d: { zh: '日', en: 'calendar days' },
  wd: { zh: '工作日', en: 'working days' },
  h: { zh: '小时', en: 'hours' },
  min: { zh: '分钟', en: 'minutes' },
  s: { zh: '秒', en: 'seconds' },
};

const cite = (law?: string) => (law ? `(${law})` : '');
const citeEn = (law?: string) => (law ? ` (${law})` : '');
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Everything a rule set must satisfy: every parameter present and of its kind, nothing unknown, each within its
 * statutory bounds (a standard set) or counted in seconds (a sandbox set, for demos and tests).
 */
export function validateParams(spec: RuleSpec, params: unknown, sandbox: boolean): ParamProblem[] {
  if (!isObject(params)) return [{ field: 'params', zh: '规则参数必须是对象', en: 'the parameters must be an object' }];
  const problems: ParamProblem[] = [];
  const add = (field: string, zh: string, en: string) => problems.push({ field, zh, en });
  const section = (name: string) => (isObject(params[name]) ? params[name] : {});
  for (const key of Object.keys(params)) {
    if (!(RULE_SECTIONS as readonly string[]).includes(key)) add(key, `未知参数组 ${key}`, `unknown section ${key}`);
    else if (!isObject(params[key])) add(apiField(key), `参数组 ${apiField(key)} 必须是对象`, `section ${apiField(key)} must be an object`);
  }

  const periods = section('periods');
  for (const [name, rule] of Object.entries(spec.periods)) {
    const field = `periods.${name}`;
    const p = periods[name] as Period | undefined;
    if (!isObject(p) || !Number.isInteger(p.value) || p.value < 1 || p.value > MAX_VALUE || !isPeriodUnit(p.unit) || Object.keys(p).length !== 2) {
      add(field, `${rule.zh}须为 { value: 正整数, unit: d|wd|h|min|s }`, `${rule.en} must be { value: whole number ≥ 1, unit: d|wd|h|min|s }`);
    } else if (sandbox) {
      if (p.unit !== 's' || p.value > SANDBOX_MAX_SECONDS) add(field, `沙箱规则的${rule.zh}须以秒计,且不超过一天`, `a sandbox set counts ${rule.en} in seconds, up to a day`);
    } else if (!rule.units.includes(p.unit)) {
      const units = rule.units.map((u) => UNIT_NAMES[u]);
      add(field, `${rule.zh}只能以${units.map((u) => u.zh).join('或')}计${cite(rule.law)}`, `${rule.en} must be counted in ${units.map((u) => u.en).join(' or ')}${citeEn(rule.law)}`);
    } else if (rule.min && !provablyAtLeast(p, rule.min)) {
      const b = describePeriod(rule.min);
      add(field, `${rule.zh}不得少于${b.zh}${cite(rule.law)}`, `${rule.en} must be at least ${b.en}${citeEn(rule.law)}`);
    } else if (rule.max && !provablyAtMost(p, rule.max)) {
      const b = describePeriod(rule.max);
      add(field, `${rule.zh}不得超过${b.zh}${cite(rule.law)}`, `${rule.en} must be at most ${b.en}${citeEn(rule.law)}`);
    }
  }

  const numbers = section('numbers');
  for (const [name, rule] of Object.entries(spec.numbers)) {
    const v = numbers[name];
    const min = sandbox && rule.sandboxMin !== undefined ? rule.sandboxMin : rule.min;
    if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > rule.max) {
      add(`numbers.${name}`, `${rule.zh}须为 ${min}–${rule.max} 的整数${cite(rule.law)}`, `${rule.en} must be a whole number from ${min} to ${rule.max}${citeEn(rule.law)}`);
    } else if (rule.odd && v % 2 === 0) {
      add(`numbers.${name}`, `${rule.zh}须为单数${cite(rule.law)}`, `${rule.en} must be odd${citeEn(rule.law)}`);
    }
  }

  const fractions = section('fractions');
  for (const [name, rule] of Object.entries(spec.fractions)) {
    const f = fractions[name] as Fraction | undefined;
    const whole = (n: unknown, lo: number) => typeof n === 'number' && Number.isInteger(n) && n >= lo && n <= 100;
    if (!isObject(f) || !whole(f.denominator, 1) || !whole(f.numerator, 0) || f.numerator > f.denominator || Object.keys(f).length !== 2) {
      add(`fractions.${name}`, `${rule.zh}须为 { numerator, denominator },0 ≤ 分子 ≤ 分母 ≤ 100`, `${rule.en} must be { numerator, denominator } with 0 ≤ numerator ≤ denominator ≤ 100`);
    } else if (f.numerator * rule.min.denominator < rule.min.numerator * f.denominator) {
      const b = `${rule.min.numerator}/${rule.min.denominator}`;
      add(`fractions.${name}`, `${rule.zh}不得低于 ${b}${cite(rule.law)}`, `${rule.en} must be at least ${b}${citeEn(rule.law)}`);
    }
  }

  const amounts = section('amountsFen');
  for (const [name, rule] of Object.entries(spec.amounts)) {
    const v = amounts[name];
    if (typeof v !== 'string' || !FEN.test(v)) {
      add(`amounts.${name}`, `${rule.zh}须为金额(元,最多两位小数)`, `${rule.en} must be an amount in yuan with at most 2 decimals`);
    } else if (rule.minFen !== undefined && BigInt(v) < BigInt(rule.minFen)) {
      add(`amounts.${name}`, `${rule.zh}不得低于 ${yuan(rule.minFen)} 元${cite(rule.law)}`, `${rule.en} must be at least ¥${yuan(rule.minFen)}${citeEn(rule.law)}`);
    }
  }

  const known: Record<string, string[]> = {
    periods: Object.keys(spec.periods),
    numbers: Object.keys(spec.numbers),
    fractions: Object.keys(spec.fractions),
    amountsFen: Object.keys(spec.amounts),
  };
  for (const [name, names] of Object.entries(known)) {
    for (const key of Object.keys(section(name))) {
      if (!names.includes(key)) add(`${apiField(name)}.${key}`, `未知参数 ${key}`, `unknown parameter ${key}`);
    }
  }
  return problems;
}

/** The section as the API names it: money is `amounts`, in yuan. */
export function apiField(section: string): string {
  return section === 'amountsFen' ? 'amounts' : section;
}

function yuan(fen: string): string {
  const f = BigInt(fen);
  return `${f / 100n}.${(f % 100n).toString().padStart(2, '0')}`;
}
