/** The API shapes the pages read: aliases of the types generated from the OpenAPI document (schema.ts, `npm run api:types`). */
import { Domain } from './client';
import type { components } from './schema';

type Schemas = components['schemas'];

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export type PublicProject = Schemas['PublicProjectView'];

export type Section = Schemas['SectionView'];

export type TenderDocument = Schemas['DocumentView'];

export interface Tender {
  id: string;
  code: string;
  name: string;
  kind: string;
  region: string;
  ownerName: string;
  agentName: string | null;
  estimate: string;
  evaluationMethod: 'comprehensive' | 'lowest_price';
  qualification: string;
  status: string;
  returnReasons: string[] | null;
  documentsAvailableAt: string | null;
  bidDeadline: string | null;
  openedAt: string | null;
  openingObjectionsUntil: string | null;
  retenderOf: string | null;
  sections: Section[];
  documents: TenderDocument[];
  /** GET /public/tenders/:id only: the answered clarifications (askers never named) */
  clarifications?: { question: string; answer: string; answeredAt: string }[];
  /** GET /public/tenders/:id only: each amendment that moved the deadline */
  deadlineChanges?: { at: string; previousDeadline: string; bidDeadline: string; documentId: string }[];
}

export interface OpeningLine {
  bidId: string;
  organisationName: string;
  price: string;
  depositStatus: string;
  submittedAt: string;
  bidDigest: string;
  documentsVerified: boolean;
}

export interface OpeningRecord {
  projectId: string;
  /** true until the opening: no bids, not even their number */
  sealed: boolean;
  bidDeadline: string | null;
  openedAt: string | null;
  objectionsUntil: string | null;
  sections: { no: number; name: string; status: string; bids: OpeningLine[]; bidCount: number | null }[];
}

export type PublicResults = Schemas['PublicResultsView'];

export interface BidReceipt {
  receiptNo: string;
  projectId: string;
  sectionNo: number;
  organisationId: string;
  /** when the server had fully received the bid: the time the deadline is judged on */
  receivedAt: string | null;
  submittedAt: string;
  documentsSize: number;
  bidDigest: string;
  status: string;
  replaces: string | null;
}

export interface Deposit {
  id: string;
  sectionNo: number;
  organisationId: string;
  organisationName: string;
  method: string;
  reference: string;
  amount: string;
  status: string;
  declaredAt: string;
  confirmedAt: string | null;
  refundDue: string | null;
  refundedAt: string | null;
  /** the bank's reference of a refund (transfers) */
  refundReference?: string | null;
  /** an e-guarantee's release (电子保函解除) */
  releasedAt?: string | null;
}

export type Increment = PublicParcel['increment'];

export type PublicParcel = Schemas['PublicParcelView'];

export type RuralDeal = Schemas['DealView'];

export interface PublicLot {
  id: string;
  title: string;
  domain: string;
  phase: 'pending' | 'listing' | 'live' | 'ended';
  startPrice: string;
  currentPrice: string | null;
  nextMinimum: string | null;
  leaderPaddle: number | null;
  bids: number;
  lastSeq: number;
  startsAt: string | null;
  endsAt: string | null;
  countdownSeconds: number;
  outcome: string | null;
  winnerPaddle: number | null;
  serverTime: string;
}

export interface BidAnswer {
  lotId: string;
  bidSeq: number;
  paddle: number;
  price: string;
  phase: string;
  endsAt: string;
  acceptedAt: string;
  replayed: boolean;
}

export interface LotEvent {
  seq: number;
  kind: 'phase' | 'bid' | 'result';
  payload: Record<string, unknown>;
  at: string;
  lotId?: string;
}

export type RuleSet = Schemas['RuleSetView'];

export type RuleDiff = Schemas['RuleSetDiffView'];

export interface AuditItem {
  /** insertion order: there from the commit */
  id: string;
  /** the place in the hash chain; null until the sequencer links the entry (待链接, within moments) */
  seq: string | null;
  time: string;
  actor: { id: string | null; username: string | null; name: string | null } | null;
  role: string | null;
  organisation: { id: string | null; name: string | null } | null;
  action: string;
  actionName: { zh: string; en: string };
  subject: { type: string; id: string };
  project: { id: string; code: string; name: string } | null;
  payload: unknown;
  hash: string | null;
  /** digest and link recomputed agree; null while the entry waits to be linked */
  linkOk: boolean | null;
}

export interface AuditActionName {
  code: string;
  zh: string;
  en: string;
}

export interface ChainStatus {
  ok: boolean;
  checked: number;
  lastSeq: string;
  firstBroken: unknown;
  durationMs: number;
  checkedAt?: string;
}

export interface AuditPage {
  page: number;
  pageSize: number;
  total: number;
  totalCapped: boolean;
  items: AuditItem[];
  /** organisations the page's payloads name, by id */
  names: Record<string, string>;
  chain: ChainStatus;
}

export type Room = Schemas['RoomView'];

export type SchedulingSession = Schemas['SessionView'];

export type Draw = Schemas['DrawView'];

export type DrawMember = Schemas['DrawMemberView'];

export type Invitation = Schemas['InvitationView'];

/** GET /public/calendar/years and /public/calendar/:year: the holiday schedules the working-day calendar counts with. */
export type CalendarYearSummary = Schemas['CalendarYearSummaryView'];

export type CalendarYears = Schemas['CalendarYearsView'];

export type CalendarYear = Schemas['CalendarYearView'];
