// 回避 (招标投标法实施条例 46, 评标专家和评标专家库管理暂行办法 16): who may not sit on this committee, and why.

export type AvoidanceReason =
  | 'employer_is_bidder'
  | 'employer_is_owner'
  | 'employer_is_agent'
  | 'declared_conflict'
  | 'unavailable'
  | 'suspended'
  | 'drawn_too_recently'
  | 'same_region'
  | 'already_drawn';

export const AVOIDANCE_LABELS: Record<AvoidanceReason, { zh: string; en: string }> = {
  employer_is_bidder: { zh: '工作单位为投标人', en: 'employer is a bidder' },
  employer_is_owner: { zh: '工作单位为招标人', en: 'employer is the owner' },
  employer_is_agent: { zh: '工作单位为招标代理机构', en: 'employer is the agent' },
  declared_conflict: { zh: '本人申报的利害关系单位', en: 'declared conflict of interest' },
  unavailable: { zh: '评标时间内不能参加', en: 'unavailable at the session time' },
  suspended: { zh: '暂停评标资格', en: 'suspended' },
  drawn_too_recently: { zh: '统计期内为同一招标人抽中次数已满', en: 'drawn too often for this owner recently' },
  same_region: { zh: '项目所在地专家回避', en: 'from the project’s own region' },
  already_drawn: { zh: '本次抽取已抽中', en: 'already drawn in this draw' },
};

/** What the draw knows of one expert of the specialty, gathered by one query. */
export interface CandidateFacts {
  id: string;
  /** the employer's USCC when it is the owner's, the agent's or a bidder's; null for any other employer */
  partyEmployerUscc: string | null;
  /** registered in the project's own region (6-digit code) */
  inProjectRegion: boolean;
  /** suspended on the session's day (a suspension ending earlier does not count) */
  suspended: boolean;
  conflictUsccs: readonly string[];
  /** has an unavailable range overlapping the session */
  unavailable: boolean;
  /** times drawn (invited or accepted) for this owner within the window */
  recentDrawsForOwner: number;
}

/** The project's side, frozen into the draw when it is requested. */
export interface DrawContext {
  ownerUscc: string;
  agentUscc: string | null;
  bidderUsccs: readonly string[];
  region: string;
  avoidOwnRegion: boolean;
  sameOwnerMax: number;
}

export function avoidanceReasons(e: CandidateFacts, ctx: DrawContext, alreadyDrawn: ReadonlySet<string>): AvoidanceReason[] {
  const reasons: AvoidanceReason[] = [];
  if (alreadyDrawn.has(e.id)) reasons.push('already_drawn');
  const employer = e.partyEmployerUscc;
  if (employer !== null && ctx.bidderUsccs.includes(employer)) reasons.push('employer_is_bidder');
  if (employer !== null && employer === ctx.ownerUscc) reasons.push('employer_is_owner');
  if (employer !== null && employer === ctx.agentUscc) reasons.push('employer_is_agent');
  const parties = [ctx.ownerUscc, ctx.agentUscc, ...ctx.bidderUsccs];
  if (e.conflictUsccs.some((u) => parties.includes(u))) reasons.push('declared_conflict');
  if (e.unavailable) reasons.push('unavailable');
  if (e.suspended) reasons.push('suspended');
  if (e.recentDrawsForOwner >= ctx.sameOwnerMax) reasons.push('drawn_too_recently');
  if (ctx.avoidOwnRegion && e.inProjectRegion) reasons.push('same_region');
  return reasons;
}

export interface Avoided {
  expertId: string;
  reasons: AvoidanceReason[];
}

/** Splits the specialty's experts into candidates (ascending ids) and the avoided, each with every reason. */
export function screen(experts: readonly CandidateFacts[], ctx: DrawContext, alreadyDrawn: ReadonlySet<string>): { candidates: string[]; avoided: Avoided[] } {
  const candidates: string[] = [];
  const avoided: Avoided[] = [];
  for (const e of experts) {
    const reasons = avoidanceReasons(e, ctx, alreadyDrawn);
    if (reasons.length) avoided.push({ expertId: e.id, reasons });
    else candidates.push(e.id);
  }
  return { candidates, avoided };
}
