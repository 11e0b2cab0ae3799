// 招标投标法 37: a committee of 5 or more, an odd number, experts at least two thirds; the rule set holds the numbers.
export interface CommitteeRules {
  committeeMinSize: number;
  expertShare: { numerator: number; denominator: number };
}

export interface CommitteeShape {
  experts: number;
  ownerRepresentatives: number;
}

export interface CommitteeProblem {
  field: string;
  zh: string;
  en: string;
}

export function checkCommittee(shape: CommitteeShape, rules: CommitteeRules): CommitteeProblem[] {
  const size = shape.experts + shape.ownerRepresentatives;
  const { numerator, denominator } = rules.expertShare;
  const problems: CommitteeProblem[] = [];
  if (size < rules.committeeMinSize) {
    problems.push({ field: 'requirements', zh: `评标委员会须不少于 ${rules.committeeMinSize} 人,现为 ${size} 人`, en: `the committee needs at least ${rules.committeeMinSize} members, not ${size}` });
  }
  if (size % 2 === 0) problems.push({ field: 'requirements', zh: `评标委员会人数须为单数,现为 ${size} 人`, en: `the committee must have an odd number of members, not ${size}` });
  if (shape.experts * denominator < numerator * size) {
    problems.push({
      field: 'ownerRepresentatives',
      zh: `专家须不少于成员总数的 ${numerator}/${denominator},现为 ${shape.experts}/${size}`,
      en: `experts must be at least ${numerator}/${denominator} of the members, not ${shape.experts}/${size}`,
    });
  }
  return problems;
}
