// Invariant 8: a project's periods and thresholds come from the rule set it was published under, never from code.
import { TradingDomain } from '@app/platform/auth/roles';
import { deadlineAfter, Period, subtractPeriod } from '@app/platform/calendar/period';
import { DomainRules } from '@app/platform/rules/defaults';

/** The copy of a rule-set version frozen into a project when it is published. Money in fen. */
export interface RuleSnapshot<D extends TradingDomain = TradingDomain> {
  ruleSetId: string;
  domain: D;
  version: number;
  name: string;
  sandbox: boolean;
  /** when that version came into force (ISO-8601) */
  effectiveFrom: string;
  params: DomainRules[D];
}

export type PeriodName<D extends TradingDomain> = keyof DomainRules[D]['periods'] & string;

export function periodOf<D extends TradingDomain>(rules: RuleSnapshot<D>, name: PeriodName<D>): Period {
  const period = (rules.params.periods as Record<string, Period | undefined>)[name];
  // Only a snapshot taken before a parameter existed lacks it; that project runs by its own version's rules.
  if (!period) throw new RangeError(`rule set ${rules.domain} v${rules.version} has no period ${name}`);
  return period;
}

/** When the named period, started at `from`, ends (民法典 203: a day-counted end on a rest day moves on). */
export function deadlineFor<D extends TradingDomain>(rules: RuleSnapshot<D>, name: PeriodName<D>, from: Date): Date {
  return deadlineAfter(from, periodOf(rules, name));
}

/** The latest moment before `end` the named period allows, e.g. objections 10 d before the deadline. */
export function cutoffBefore<D extends TradingDomain>(rules: RuleSnapshot<D>, name: PeriodName<D>, end: Date): Date {
  return subtractPeriod(end, periodOf(rules, name));
}
