// 农村产权交易 (local 交易规则): registration → listing (挂牌公示) → agreement transfer or live bidding → result → contract;
// a listing without a qualified applicant fails and the collective may relist it at a lower price.
export type DealStatus = 'draft' | 'listing' | 'agreement' | 'live' | 'failed' | 'relisting' | 'concluded' | 'contracted';
export type DealEvent = 'list' | 'to_agreement' | 'to_live' | 'fail' | 'relist' | 'conclude' | 'contract';

export const DEAL_STATUSES: readonly DealStatus[] = ['draft', 'listing', 'agreement', 'live', 'failed', 'relisting', 'concluded', 'contracted'];

const TRANSITIONS: Record<DealStatus, Partial<Record<DealEvent, DealStatus>>> = {
  draft: { list: 'listing' },
  relisting: { list: 'listing' },
  listing: { to_agreement: 'agreement', to_live: 'live', fail: 'failed' },
  agreement: { conclude: 'concluded' },
  live: { conclude: 'concluded', fail: 'failed' },
  failed: { relist: 'relisting' },
  concluded: { contract: 'contracted' },
  contracted: {},
};

export type DealTransition = { ok: true; next: DealStatus } | { ok: false; allowed: DealEvent[] };

export function dealTransition(from: DealStatus, event: DealEvent): DealTransition {
  const next = TRANSITIONS[from]?.[event];
  return next ? { ok: true, next } : { ok: false, allowed: Object.keys(TRANSITIONS[from] ?? {}) as DealEvent[] };
}

/** Where a listing goes when its publicity ends: none qualified fails, fewer than the rule's minimum is agreement, else live. */
export function listingOutcome(qualified: number, minBuyersForLive: number): 'failed' | 'agreement' | 'live' {
  if (qualified <= 0) return 'failed';
  return qualified >= minBuyersForLive ? 'live' : 'agreement';
}
