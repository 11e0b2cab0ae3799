import { TradingDomain } from '../../auth/roles';
import { ParamSpec, RuleParams } from '../rule-params';
import { LAND_DEFAULTS, LAND_SPEC } from './land';
import { PROCUREMENT_DEFAULTS, PROCUREMENT_SPEC } from './procurement';
import { RURAL_DEFAULTS, RURAL_SPEC } from './rural';
import { TENDERING_DEFAULTS, TENDERING_SPEC } from './tendering';

export const RULE_SPECS: Record<TradingDomain, ParamSpec> = {
  tendering: TENDERING_SPEC,
  land: LAND_SPEC,
  procurement: PROCUREMENT_SPEC,
  rural: RURAL_SPEC,
};

export const LEGAL_DEFAULTS: Record<TradingDomain, RuleParams> = {
  tendering: TENDERING_DEFAULTS,
  land: LAND_DEFAULTS,
  procurement: PROCUREMENT_DEFAULTS,
  rural: RURAL_DEFAULTS,
};

/** The sandbox version of a domain's defaults: every period in seconds (a day becomes 3 s), countdowns short. */
export function sandboxOf(params: RuleParams): RuleParams {
  const scale = { d: 3, wd: 3, h: 1, min: 1, s: 1 } as const;
  const periods = Object.fromEntries(Object.entries(params.periods).map(([k, p]) => [k, { value: Math.max(1, p.value * scale[p.unit]), unit: 's' as const }]));
  const numbers = { ...params.numbers };
  if ('countdownSeconds' in numbers) numbers.countdownSeconds = 10;
  return { periods, numbers, amountsFen: { ...params.amountsFen } };
}
