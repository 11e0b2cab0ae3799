// 法 40 (询价) as the e-mall applies it to 网上竞价: fewer than rules.minQuotes valid quotes fail the round; else the lowest wins.

export interface OpenedQuote {
  id: string;
  organisationId: string;
  totalFen: bigint;
  /** when the server had fully received it (time of receipt) */
  receivedAt: Date;
  qualified: boolean;
}

export type InvalidReason = 'not_qualified' | 'above_maximum';

export interface RoundOutcome {
  status: 'failed' | 'awarded';
  validity: Map<string, InvalidReason | null>;
  winnerId: string | null;
  validCount: number;
}

/** Valid = a qualified supplier at or under the maximum price; ties on price go to the one received first (then the id, for a total order). */
export function roundOutcome(quotes: OpenedQuote[], maxPriceFen: bigint, minQuotes: number): RoundOutcome {
  const validity = new Map<string, InvalidReason | null>();
  for (const q of quotes) validity.set(q.id, !q.qualified ? 'not_qualified' : q.totalFen > maxPriceFen ? 'above_maximum' : null);
  const valid = quotes
    .filter((q) => validity.get(q.id) === null)
    .sort((a, b) => (a.totalFen !== b.totalFen ? (a.totalFen < b.totalFen ? -1 : 1) : a.receivedAt.getTime() - b.receivedAt.getTime() || a.id.localeCompare(b.id)));
  if (valid.length < minQuotes) return { status: 'failed', validity, winnerId: null, validCount: valid.length };
  return { status: 'awarded', validity, winnerId: valid[0].id, validCount: valid.length };
}

export type RequirementStatus = 'quoting' | 'failed' | 'awarded' | 'switched';

/** After a failed round the purchaser may reopen once (round 2) or switch method; a failed round 2 can only switch. */
export function afterFailure(status: RequirementStatus, round: number, event: 'reopen' | 'switch'): { ok: true } | { ok: false; code: 'REQUIREMENT_STATE_CONFLICT' | 'REOPEN_USED' } {
  if (status !== 'failed') return { ok: false, code: 'REQUIREMENT_STATE_CONFLICT' };
  if (event === 'reopen' && round >= 2) return { ok: false, code: 'REOPEN_USED' };
  return { ok: true };
}
