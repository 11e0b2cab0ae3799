// 招标投标法 and 实施条例: registration → announcement → bids → opening (or 流标, 条例 44) → evaluation → publicity → award.
export const TENDER_STATUSES = ['submitted', 'returned', 'accepted', 'bidding', 'opened', 'failed', 'evaluating', 'publicity', 'awarded'] as const;
export type TenderStatus = (typeof TENDER_STATUSES)[number];

export type TenderEvent = 'resubmit' | 'return' | 'accept' | 'announce' | 'open' | 'fail' | 'evaluate' | 'publicise' | 'award';

const NEXT: Record<TenderEvent, { from: readonly TenderStatus[]; to: TenderStatus }> = {
  resubmit: { from: ['returned'], to: 'submitted' },
  return: { from: ['submitted'], to: 'returned' },
  accept: { from: ['submitted'], to: 'accepted' },
  announce: { from: ['accepted'], to: 'bidding' },
  open: { from: ['bidding'], to: 'opened' },
  // 流标 at the opening, or later when every section's bids were all rejected (条例 51) or none could be awarded
  fail: { from: ['bidding', 'opened', 'evaluating', 'publicity'], to: 'failed' },
  evaluate: { from: ['opened'], to: 'evaluating' },
  publicise: { from: ['evaluating'], to: 'publicity' },
  award: { from: ['publicity'], to: 'awarded' },
};

export type Transition = { ok: true; next: TenderStatus } | { ok: false; allowed: TenderEvent[] };

export function tenderTransition(status: TenderStatus, event: TenderEvent): Transition {
  const rule = NEXT[event];
  if (rule.from.includes(status)) return { ok: true, next: rule.to };
  return { ok: false, allowed: (Object.keys(NEXT) as TenderEvent[]).filter((e) => NEXT[e].from.includes(status)) };
}

/** Bids are taken only while bidding, and only before the deadline (the database's clock decides, in the write). */
export const acceptsBids = (status: TenderStatus) => status === 'bidding';

export type SectionStatus = 'open' | 'failed' | 'opened' | 'evaluating' | 'publicity' | 'awarded';

/** 条例 44: fewer than the minimum bids (3 by law) and the section is not opened; the owner re-tenders. */
export function openingOutcome(validBids: number, minBidders: number): 'opened' | 'failed' {
  return validBids >= minBidders ? 'opened' : 'failed';
}

/** After opening, the tender moves as its sections do: failed when all failed, otherwise opened. */
export function tenderAfterOpening(sections: readonly SectionStatus[]): 'opened' | 'failed' {
  return sections.every((s) => s === 'failed') ? 'failed' : 'opened';
}
