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

export interface SpecialtyShortfall {
  specialty: string;
  needed: number;
  accepted: number;
  missing: number;
}

export interface SeatingShortfall {
  /** seats to fill before the committee may sit */
  missing: number;
  required: number;
  accepted: number;
  specialties: SpecialtyShortfall[];
  problems: CommitteeProblem[];
}

/**
 * What a committee still lacks before it may sit: every specialty its requested count (the draw's shape, checked
 * against the rules when it was requested) and the whole at least the rules' lawful shape. null when nothing lacks.
 * A draw without requirements (drawn outside this platform) is held to the rules alone.
 */
export function seatingShortfall(
  draw: { requirements: readonly { specialty: string; count: number }[]; committee: Partial<CommitteeShape> },
  accepted: readonly { specialty: string }[],
  rules: CommitteeRules,
): SeatingShortfall | null {
  const specialties = draw.requirements
    .map((r) => {
      const have = accepted.filter((m) => m.specialty === r.specialty).length;
      return { specialty: r.specialty, needed: r.count, accepted: have, missing: Math.max(0, r.count - have) };
    })
    .filter((s) => s.missing > 0);
  const representatives = draw.committee.ownerRepresentatives ?? 0;
  const requested = draw.requirements.reduce((n, r) => n + r.count, 0);
  // the least number of experts that makes a lawful committee with these representatives
  let lawful = Math.max(0, rules.committeeMinSize - representatives);
  while (checkCommittee({ experts: lawful, ownerRepresentatives: representatives }, rules).length) lawful++;
  const required = Math.max(requested, lawful);
  const missing = Math.max(required - accepted.length, specialties.reduce((n, s) => n + s.missing, 0));
  if (missing === 0) return null;
  return { missing, required, accepted: accepted.length, specialties, problems: checkCommittee({ experts: accepted.length, ownerRepresentatives: representatives }, rules) };
}
