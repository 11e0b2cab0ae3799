// docs/open-data-ocds.md "History": a public project's versions, rebuilt from the audit trail. Pure: no server needed.

/** Audited changes that the public saw happen; nothing sealed (no bid, deposit, registration, score or draw). */
export const PUBLIC_ACTIONS: Record<string, { zh: string; en: string }> = {
  'project.published': { zh: '项目公开', en: 'published' },
  'project.suspended': { zh: '项目中止', en: 'suspended' },
  'project.resumed': { zh: '项目恢复', en: 'resumed' },
  'project.closed': { zh: '项目结束', en: 'closed' },
  'project.cancelled': { zh: '项目终止', en: 'cancelled' },
  'tender.announced': { zh: '发布招标公告', en: 'tender announced' },
  'tender.amended': { zh: '发布修改文件', en: 'tender documents amended' },
  'tender.question_answered': { zh: '发布澄清答复', en: 'clarification answered' },
  'tender.opened': { zh: '开标', en: 'bids opened' },
  'tender.failed': { zh: '流标', en: 'tender failed' },
  'tender.candidates_published': { zh: '中标候选人公示', en: 'candidates published' },
  'tender.awarded': { zh: '定标', en: 'awarded' },
  'tender.contract_signed': { zh: '合同签订', en: 'contract signed' },
};

/** The public stage of a tender each event leads to (the public view's status; sections keep their own). */
const TENDER_STAGE: Record<string, string> = {
  'tender.announced': 'bidding',
  'tender.opened': 'opened',
  'tender.failed': 'failed',
  'tender.candidates_published': 'publicity',
  'tender.awarded': 'awarded',
};

export interface HistoryEvent {
  at: Date;
  action: string;
  role: string | null;
  payload: Record<string, any> | null;
}

export interface PublicDocument {
  id: string;
  kind: string;
  fileName: string;
  sha256: string;
  note: string | null;
  createdAt: Date;
}

export interface HistoryInput {
  /** only events of PUBLIC_ACTIONS, oldest first */
  events: HistoryEvent[];
  documents: PublicDocument[];
  clarifications: { question: string; answer: string; answeredAt: Date }[];
}

export interface PublicState {
  projectStatus: string | null;
  tenderStatus: string | null;
  bidDeadline: string | null;
  documents: { id: string; kind: string; fileName: string; sha256: string; note: string | null; publishedAt: string }[];
  clarifications: { question: string; answer: string; answeredAt: string }[];
}

export interface Version {
  version: number;
  at: string;
  action: string;
  /** the role that made the change (`system` for the worker); never a person */
  role: string | null;
  reason: { zh: string; en: string; note?: string };
  /** a field's value before and after; for `documents` and `clarifications`, `from` is null and `to` the items added */
  changes: { field: keyof PublicState; from: unknown; to: unknown }[];
}

const iso = (v: unknown): string | null => (v ? new Date(v as string).toISOString() : null);

/** The state after `events` (oldest first), with the documents and clarifications public by `at`. */
function fold(input: HistoryInput, upto: number): PublicState {
  const s: PublicState = { projectStatus: null, tenderStatus: null, bidDeadline: null, documents: [], clarifications: [] };
  let announcedAt: number | null = null;
  for (const e of input.events.filter((x) => x.at.getTime() <= upto)) {
    const p = e.payload ?? {};
    if (e.action.startsWith('project.') && typeof p.to === 'string') s.projectStatus = p.to;
    if (TENDER_STAGE[e.action]) s.tenderStatus = TENDER_STAGE[e.action];
    if (e.action === 'tender.announced') {
      announcedAt = e.at.getTime();
      s.bidDeadline = iso(p.bidDeadline);
    }
    if (e.action === 'tender.amended' && p.bidDeadline) s.bidDeadline = iso(p.bidDeadline);
    if (e.action === 'project.resumed') {
      const shifted = (Array.isArray(p.shifted) ? p.shifted : []).find((x: any) => x?.key === 'tender.bid_deadline');
      if (shifted?.to) s.bidDeadline = iso(shifted.to);
    }
  }
  // The tender documents are public from the announcement; an amendment from its audited event (the row's created_at is
  // its transaction's start, a little earlier).
  if (announcedAt !== null) {
    const amendedAt = new Map(input.events.filter((e) => e.action === 'tender.amended' && e.payload?.documentId).map((e) => [String(e.payload!.documentId), e.at.getTime()]));
    s.documents = input.documents
      .map((d) => ({ d, from: Math.max(amendedAt.get(d.id) ?? d.createdAt.getTime(), announcedAt!) }))
      .filter((x) => x.from <= upto)
      .map(({ d, from }) => ({ id: d.id, kind: d.kind, fileName: d.fileName, sha256: d.sha256, note: d.note, publishedAt: new Date(from).toISOString() }));
  }
  s.clarifications = input.clarifications.filter((c) => c.answeredAt.getTime() <= upto).map((c) => ({ question: c.question, answer: c.answer, answeredAt: c.answeredAt.toISOString() }));
  return s;
}

/** The public view as it was at `at`; null before the first public event (the project was not public then). */
export function stateAt(input: HistoryInput, at: Date): PublicState | null {
  const first = input.events[0];
  if (!first || at.getTime() < first.at.getTime()) return null;
  return fold(input, at.getTime());
}

/** One version per public event, with the fields of the public view it changed and why. */
export function versionsOf(input: HistoryInput): Version[] {
  let before = fold({ ...input, events: [] }, -Infinity);
  return input.events.map((e, i) => {
    const after = fold({ ...input, events: input.events.slice(0, i + 1) }, e.at.getTime());
    const changes: Version['changes'] = [];
    for (const field of Object.keys(after) as (keyof PublicState)[]) {
      if (JSON.stringify(before[field]) === JSON.stringify(after[field])) continue;
      if (field === 'documents' || field === 'clarifications') {
        const known = new Set((before[field] as unknown[]).map((x) => JSON.stringify(x)));
        changes.push({ field, from: null, to: (after[field] as unknown[]).filter((x) => !known.has(JSON.stringify(x))) });
      } else changes.push({ field, from: before[field], to: after[field] });
    }
    before = after;
    const p = e.payload ?? {};
    const amendmentNote = e.action === 'tender.amended' ? input.documents.find((d) => d.id === p.documentId)?.note : undefined;
    const note = [p.reason, p.note, amendmentNote].find((x) => typeof x === 'string' && x.length > 0) as string | undefined;
    return { version: i + 1, at: e.at.toISOString(), action: e.action, role: e.role, reason: { ...PUBLIC_ACTIONS[e.action], ...(note ? { note } : {}) }, changes };
  });
}
