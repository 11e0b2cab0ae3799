// 信用评价: the score an organisation's record gives, 0–100 (docs/credit.md). Points are supervision's policy, not a domain rule.

export const CREDIT_BASE = 100;
export const CREDIT_MIN = 0;
export const CREDIT_MAX = 100;

/** Points a card takes off the responsible organisation's score; a red card comes on top of its yellow one. */
export const CARD_POINTS = { yellow: -2, red: -5 } as const;
/** Points an upheld complaint (投诉成立) takes off the organisation complained about. */
export const COMPLAINT_UPHELD_POINTS = -10;
/** Each star of the mean e-mall rating above (below) 3 adds (takes off) this many points. */
export const RATING_POINTS_PER_STAR = 5;
export const RATING_POINTS_MAX = 10;

/** The e-mall ratings' part: none without ratings; (mean − 3) × 5, rounded half away from zero, within ±10. */
export function ratingPoints(ratingAvg: number | null, ratingCount: number): number {
  if (!ratingCount || ratingAvg === null || !Number.isFinite(ratingAvg)) return 0;
  const raw = (ratingAvg - 3) * RATING_POINTS_PER_STAR;
  const rounded = Math.sign(raw) * Math.round(Math.abs(raw) + 1e-9);
  return Math.max(-RATING_POINTS_MAX, Math.min(RATING_POINTS_MAX, rounded)) || 0;
}

/** 100 + the ledger's points + the ratings' part, within 0–100. */
export function creditScore(pointsTotal: number, ratingAvg: number | null, ratingCount: number): number {
  return Math.max(CREDIT_MIN, Math.min(CREDIT_MAX, CREDIT_BASE + pointsTotal + ratingPoints(ratingAvg, ratingCount)));
}
