// 招标投标法实施条例 60: a complaint about matters that needed an objection first (条例 22, 44, 54) follows one that
// was answered without satisfying the bidder, or left unanswered past its reply time; the 10-day window runs from then.
export interface ObjectionFacts {
  organisationId: string;
  repliedAt: Date | null;
  replyDue: Date | null;
}

export type ObjectionCheck =
  | { ok: true; /** when the complainant knew the objection failed: the reply, or the reply time running out */ knownAt: Date; answered: boolean }
  | { ok: false; refusal: 'OBJECTION_NOT_YOURS' | 'OBJECTION_PENDING' };

/**
 * Tendering keeps no verdict on an objection, only its reply: a bidder who complains after a reply holds it a
 * refusal. An objection with no reply counts once its reply time has passed.
 */
export function objectionQualifies(o: ObjectionFacts, complainantOrganisationId: string, now: Date): ObjectionCheck {
  if (o.organisationId !== complainantOrganisationId) return { ok: false, refusal: 'OBJECTION_NOT_YOURS' };
  if (o.repliedAt) return { ok: true, knownAt: o.repliedAt, answered: true };
  if (o.replyDue && now.getTime() > o.replyDue.getTime()) return { ok: true, knownAt: o.replyDue, answered: false };
  return { ok: false, refusal: 'OBJECTION_PENDING' };
}
