import { TradingDomain } from '../../auth/roles';
import { RuleParams, RuleSpec } from '../rule-spec';
import { LAND_DEFAULTS, LAND_SPEC, LandRules } from './land';
import { PROCUREMENT_DEFAULTS, PROCUREMENT_SPEC, ProcurementRules } from './procurement';
import { RURAL_DEFAULTS, RURAL_SPEC, RuralRules } from './rural';
import { TENDERING_DEFAULTS, TENDERING_SPEC, TenderingRules } from './tendering';

export type { LandRules, ProcurementRules, RuralRules, TenderingRules };

/** The typed parameters of each domain's rule set. */
export interface DomainRules {
  tendering: TenderingRules;
  land: LandRules;
  procurement: ProcurementRules;
  rural: RuralRules;
}

export const RULE_SPECS: Record<TradingDomain, RuleSpec> = {
  tendering: TENDERING_SPEC,
  land: LAND_SPEC,
  procurement: PROCUREMENT_SPEC,
  rural: RURAL_SPEC,
};

/** Version 1 of each domain: the legal defaults, each cited to its article in its file. */
export const LEGAL_DEFAULTS: DomainRules = {
  tendering: TENDERING_DEFAULTS,
  land: LAND_DEFAULTS,
  procurement: PROCUREMENT_DEFAULTS,
  rural: RURAL_DEFAULTS,
};

// A day (or working day) becomes 3 s, an hour 1 min, a minute 1 s: a 20-day tender runs in a minute.
const SANDBOX_SECONDS = { d: 3, wd: 3, h: 60, min: 1, s: 1 } as const;
const SANDBOX_COUNTDOWN_SECONDS = 10;

/** The sandbox set of a domain: the legal defaults with every period in seconds, for demos and tests. */
export function sandboxOf<P extends RuleParams>(params: P): P {
  const periods = Object.fromEntries(Object.entries(params.periods).map(([k, p]) => [k, { value: Math.max(1, p.value * SANDBOX_SECONDS[p.unit]), unit: 's' }]));
  const numbers = { ...params.numbers };
  if ('countdownSeconds' in numbers) numbers.countdownSeconds = SANDBOX_COUNTDOWN_SECONDS;
  return { ...structuredClone(params), periods, numbers } as P;
}
