import { Period, PeriodUnit } from '../calendar/period';

/** A statutory or local bound, with its source: `{ value: 20, unit: 'd' }` from '法 24'. */
export interface PeriodRule {
  zh: string;
  en: string;
  /** the units the committee may count it in; a bound is only provable in some (see period-bounds.ts) */
  units: readonly PeriodUnit[];
  min?: Period;
  max?: Period;
  /** where the bound comes from, e.g. '法 24'; absent for local practice */
  law?: string;
}

export interface NumberRule {
  zh: string;
  en: string;
  min: number;
  max: number;
  odd?: boolean;
  law?: string;
  /** demos may go below `min` (e.g. a 10 s countdown) */
  sandboxMin?: number;
}

export interface Fraction {
  numerator: number;
  denominator: number;
}

export interface FractionRule {
  zh: string;
  en: string;
  min: Fraction;
  law?: string;
}

export interface AmountRule {
  zh: string;
  en: string;
  /** fen, as a string of digits */
  minFen?: string;
  law?: string;
}

/** What one domain's rule set must hold, with bounds and sources: the validator and the UI read it. */
export interface RuleSpec<P extends string = string, N extends string = string, F extends string = string, A extends string = string> {
  periods: Record<P, PeriodRule>;
  numbers: Record<N, NumberRule>;
  fractions: Record<F, FractionRule>;
  amounts: Record<A, AmountRule>;
}

/** The parameters of one rule-set version as stored (jsonb) and snapshotted: money in fen. */
export interface RuleParams<P extends string = string, N extends string = string, F extends string = string, A extends string = string> {
  periods: Record<P, Period>;
  numbers: Record<N, number>;
  fractions: Record<F, Fraction>;
  amountsFen: Record<A, string>;
}

export type ParamsOf<S> = S extends RuleSpec<infer P, infer N, infer F, infer A> ? RuleParams<P, N, F, A> : never;

export const RULE_SECTIONS = ['periods', 'numbers', 'fractions', 'amountsFen'] as const;
export type RuleSection = (typeof RULE_SECTIONS)[number];

/** Keeps the literal names of a spec, so that `ParamsOf<typeof SPEC>` names every parameter. */
export function defineRuleSpec<P extends string, N extends string, F extends string, A extends string>(spec: RuleSpec<P, N, F, A>): RuleSpec<P, N, F, A> {
  return spec;
}
