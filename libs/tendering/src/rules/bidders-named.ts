// 法 22: before the opening nobody learns the names or the number of potential bidders; supervisors may read them, and
// each such read is itself recorded (`tender.bidders_viewed`). This decides which audit events name a potential bidder.

/** What an audit event shows of itself: enough to tell whether it names a tender's potential bidder. */
export interface AuditedEvent {
  action: string;
  actorRole: string | null;
  subjectType: string;
  subjectId: string;
  payload: unknown;
}

export const TENDER_SUBJECT_TYPE = 'tender';

/**
 * The centre's deposit steps name the depositor in their payload (`organisationId`); every other event on a tender
 * that names a bidder before the opening was done by the bidder itself (its account and organisation are the event's).
 */
const NAMES_DEPOSITOR: ReadonlySet<string> = new Set(['tender.deposit_confirmed', 'tender.deposit_refunded', 'tender.deposit_released']);

const field = (payload: unknown, key: string): unknown => (payload && typeof payload === 'object' ? (payload as Record<string, unknown>)[key] : undefined);

/**
 * The project whose potential bidders the event names, or null. A project that is not a tender, or a tender already
 * opened, is the caller's to leave out (this does not know the tender's state).
 * - on the tender itself: anything a bidder did (报名 `tender.bidder_registered`, 澄清 `tender.question_asked`, 异议
 *   `tender.document_objection_raised`, `tender.deposit_declared`, `tender.bid_submitted`, `tender.bid_withdrawn`, and
 *   whatever a bidder does later), and the centre's deposit steps (`NAMES_DEPOSITOR`);
 * - elsewhere, naming the tender in `payload.projectId`: anything a bidder did (`complaint.filed`, `complaint.withdrawn`),
 *   and an expert draw's request, whose avoidance list carries the bidders' USCCs (`avoidParties.bidders`).
 * `tender.bidders_viewed` itself names the supervisor who read, never a bidder.
 */
export function tenderWhoseBiddersAreNamed(e: AuditedEvent): string | null {
  if (e.subjectType === TENDER_SUBJECT_TYPE) return e.actorRole === 'bidder' || NAMES_DEPOSITOR.has(e.action) ? e.subjectId : null;
  const projectId = field(e.payload, 'projectId');
  if (typeof projectId !== 'string') return null;
  if (e.actorRole === 'bidder') return projectId;
  if (e.action === 'expert_draw.requested') {
    const bidders = field(field(e.payload, 'avoidParties'), 'bidders');
    return Array.isArray(bidders) && bidders.length > 0 ? projectId : null;
  }
  return null;
}

/**
 * The tenders named by a page of events, each with the insertion ids of its events (an entry has one from its commit;
 * its chain seq comes later from the sequencer), in the order first seen.
 */
export function tendersNamed(events: readonly (AuditedEvent & { id: string })[]): Map<string, string[]> {
  const named = new Map<string, string[]>();
  for (const e of events) {
    const id = tenderWhoseBiddersAreNamed(e);
    if (id === null) continue;
    const ids = named.get(id) ?? [];
    ids.push(e.id);
    named.set(id, ids);
  }
  return named;
}
