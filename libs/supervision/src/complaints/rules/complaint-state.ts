// 招标投标法实施条例 60–61 and 政府采购法 55–56: a complaint is accepted or refused, then decided; the complainant may
// withdraw before the decision; while it is under review the supervisor may suspend the project (条例 62).
export type ComplaintStatus = 'filed' | 'accepted' | 'rejected' | 'withdrawn' | 'decided';
export type ComplaintEvent = 'accept' | 'reject' | 'withdraw' | 'suspend' | 'resume' | 'decide';

export const COMPLAINT_STATUSES: readonly ComplaintStatus[] = ['filed', 'accepted', 'rejected', 'withdrawn', 'decided'];
export const COMPLAINT_EVENTS: readonly ComplaintEvent[] = ['accept', 'reject', 'withdraw', 'suspend', 'resume', 'decide'];

export interface ComplaintFacts {
  status: ComplaintStatus;
  /** the project stands suspended by this complaint */
  suspending: boolean;
}

export type ComplaintTransition =
  | { ok: true; next: ComplaintStatus; /** the decision lifts this complaint's suspension in the same step */ resumesProject: boolean }
  | { ok: false; status: ComplaintStatus; event: ComplaintEvent; reason: string };

const MOVES: Record<ComplaintStatus, Partial<Record<ComplaintEvent, ComplaintStatus>>> = {
  filed: { accept: 'accepted', reject: 'rejected', withdraw: 'withdrawn' },
  accepted: { withdraw: 'withdrawn', suspend: 'accepted', resume: 'accepted', decide: 'decided' },
  // A withdrawal does not lift a suspension by itself (the complainant is no supervisor): the supervisor resumes.
  withdrawn: { resume: 'withdrawn' },
  rejected: {},
  decided: {},
};

export function complaintTransition(f: ComplaintFacts, event: ComplaintEvent): ComplaintTransition {
  const next = MOVES[f.status][event];
  if (!next) return { ok: false, status: f.status, event, reason: `a ${f.status} complaint cannot ${event}` };
  if (event === 'suspend' && f.suspending) return { ok: false, status: f.status, event, reason: 'the project stands suspended by this complaint already' };
  if (event === 'resume' && !f.suspending) return { ok: false, status: f.status, event, reason: 'the project is not suspended by this complaint' };
  return { ok: true, next, resumesProject: event === 'decide' && f.suspending };
}

/** Which events the complaint allows now: for views and refusals. */
export function allowedEvents(f: ComplaintFacts): ComplaintEvent[] {
  return COMPLAINT_EVENTS.filter((e) => complaintTransition(f, e).ok);
}

/** A supervisor's step is on time when the server's clock was not past its due time. */
export function onTime(at: Date, due: Date): boolean {
  return at.getTime() <= due.getTime();
}
