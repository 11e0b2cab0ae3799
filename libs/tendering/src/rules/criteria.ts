// 评标办法的评审因素: 评标委员会和评标方法暂行规定 34–38; the maxima come from the project's rule set, never a literal.
import type { TenderingRules } from '@app/platform/rules/defaults';

export type EvaluationMethod = 'comprehensive' | 'lowest_price';

export interface Criterion {
  key: string;
  zh: string;
  en: string;
  /** the most an expert may give, in hundredths of a point */
  max: number;
}

export interface Criteria {
  technical: Criterion[];
  business: Criterion[];
  /** 经评审的最低投标价法: experts adjust the price instead of scoring (规定 32) */
  adjustment: boolean;
}

const TECHNICAL = [
  { key: 'construction_plan', zh: '施工组织设计', en: 'construction plan' },
  { key: 'project_management', zh: '项目管理机构', en: 'project management team' },
  { key: 'quality_safety', zh: '质量安全措施', en: 'quality and safety measures' },
] as const;

const BUSINESS = [
  { key: 'track_record', zh: '企业业绩', en: 'track record' },
  { key: 'credit_rating', zh: '信用评价', en: 'credit rating' },
] as const;

/** `points` whole points split equally in hundredths; what does not divide goes to the last share. */
export function shares(points: number, count: number): number[] {
  if (!Number.isSafeInteger(points) || points < 0) throw new RangeError(`a score maximum is a non-negative whole number of points, got ${points}`);
  if (count === 0) return [];
  const total = points * 100;
  const each = Math.floor(total / count);
  return Array.from({ length: count }, (_, i) => (i === count - 1 ? total - each * (count - 1) : each));
}

/**
 * The criteria of an evaluation method: 综合评分法 scores technical and business criteria sharing their maxima;
 * 经评审的最低投标价法 scores nothing and lets each expert adjust the price. Nothing is stored: the rule snapshot
 * of the project decides, so the same project always shows the same criteria.
 */
export function criteriaFor(method: EvaluationMethod, rules: Pick<TenderingRules['numbers'], 'technicalScoreMax' | 'businessScoreMax'>): Criteria {
  if (method === 'lowest_price') return { technical: [], business: [], adjustment: true };
  const technical = shares(rules.technicalScoreMax, TECHNICAL.length);
  const business = shares(rules.businessScoreMax, BUSINESS.length);
  return {
    technical: TECHNICAL.map((c, i) => ({ ...c, max: technical[i] })),
    business: BUSINESS.map((c, i) => ({ ...c, max: business[i] })),
    adjustment: false,
  };
}

export interface ExpertScore {
  technical: readonly number[];
  business: readonly number[];
  /** fen, + or −; only 经评审的最低投标价法 */
  adjustmentFen?: bigint;
}

export interface ScoreProblem {
  zh: string;
  en: string;
}

/** What is wrong with one expert's score of one bid under the criteria; an empty list when it fits. */
export function scoreProblems(criteria: Criteria, score: ExpertScore): ScoreProblem[] {
  const problems: ScoreProblem[] = [];
  const part = (name: { zh: string; en: string }, list: readonly Criterion[], given: readonly number[]) => {
    if (given.length !== list.length) {
      problems.push({ zh: `${name.zh}须为 ${list.length} 项评分,实为 ${given.length} 项`, en: `${name.en} needs ${list.length} scores, got ${given.length}` });
      return;
    }
    list.forEach((c, i) => {
      const s = given[i];
      if (!Number.isSafeInteger(s) || s < 0 || s > c.max) {
        problems.push({ zh: `「${c.zh}」评分须在 0 至 ${c.max / 100} 分之间(以百分之一分计 0–${c.max}),实为 ${s}`, en: `“${c.en}” must be 0–${c.max} hundredths of a point, got ${s}` });
      }
    });
  };
  part({ zh: '技术分', en: 'technical' }, criteria.technical, score.technical);
  part({ zh: '商务分', en: 'business' }, criteria.business, score.business);
  if (!criteria.adjustment && score.adjustmentFen !== undefined && score.adjustmentFen !== 0n) {
    problems.push({ zh: '综合评分法不作价格调整', en: 'the comprehensive method takes no price adjustment' });
  }
  return problems;
}
