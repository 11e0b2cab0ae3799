/** The API shapes the pages read (from the OpenAPI document at /docs-json and the controllers). */
import { Domain } from './client';

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface PublicProject {
  id: string;
  code: string;
  domain: Domain;
  name: string;
  region: string;
  status: 'draft' | 'published' | 'suspended' | 'closed' | 'cancelled';
  publishedAt: string;
  owner: { name: string } | null;
  agent: { name: string } | null;
  ruleSetVersion: number;
  sandbox: boolean;
}

export interface Section {
  no: number;
  name: string;
  estimate: string;
  deposit: string;
  status: 'open' | 'failed' | 'opened' | 'evaluating' | 'publicity' | 'awarded';
  publicityUntil: string | null;
  /** when the committee made its report (tenders' own view; the report is readable from then on) */
  reportedAt?: string | null;
}

export interface TenderDocument {
  id: string;
  kind: 'tender' | 'amendment';
  fileName: string;
  sha256: string;
  size: number;
  note: string | null;
  createdAt: string;
}

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

export interface PublicResults {
  id: string;
  code: string;
  name: string;
  status: string;
  sections: {
    no: number;
    name: string;
    status: string;
    publicityUntil: string | null;
    candidates: { rank: number; bidderName: string; price: string }[];
    award: { winner: string; price: string; awardedAt: string } | null;
  }[];
}

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

export type Increment = { fixed: string } | { ladder: { from: string; step: string }[] };

export interface PublicParcel {
  id: string;
  code: string;
  name: string;
  region: string;
  ownerName: string;
  location: string;
  area: string;
  use: string;
  termYears: number;
  plotRatio: string;
  mode: 'listing' | 'auction';
  startPrice: string;
  increment: Increment;
  deposit: string;
  phase: 'announced' | 'listing' | 'live' | 'ended';
  lotId: string | null;
  listingStartsAt: string | null;
  listingEndsAt: string | null;
  auctionAt: string | null;
  result: 'sold' | 'unsold' | 'reserve_not_met' | null;
  winnerPaddle: number | null;
  winnerName: string | null;
  price: string | null;
  endedAt: string | null;
  publicityUntil: string | null;
}

export interface RuralDeal {
  id: string;
  code: string;
  name: string;
  kind: string;
  /** `{zh, en}` since issue 16: render through `zh()` */
  kindName: { zh: string; en: string } | null;
  region: string;
  ownerName: string;
  agentName: string | null;
  description: string;
  quantity: string;
  unit: string;
  termMonths: number | null;
  listingPrice: string;
  increment: string;
  deposit: string;
  status: string;
  round: number;
  listings: { round: number; price: string; lotId: string | null; startsAt: string | null; endsAt: string | null; outcome: string | null }[];
  documents: { id: string; kind: string; fileName: string; sha256: string; size: number; createdAt: string }[];
  resolution?: { body: string; votesFor: number; votesTotal: number; date: string } | null;
  approval?: { authority: string; date: string } | null;
  result: { method: string; buyerName: string; price: string; concludedAt: string; publicityUntil: string } | null;
  contract?: { contractNo: string; signedAt: string; amount: string } | null;
}

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

export interface RuleSet {
  id: string;
  domain: Domain;
  version: number;
  name: string;
  status: 'draft' | 'active' | 'retired';
  isSandbox: boolean;
  params: { periods: Record<string, { value: number; unit: string }>; numbers: Record<string, number>; fractions: Record<string, { numerator: number; denominator: number }>; amounts: Record<string, string> };
  /** `section.name` → its name (the RuleSpec table the diff also reads) */
  labels: Record<string, { zh: string; en: string; law?: string }>;
  basedOn: string | null;
  effectiveFrom: string | null;
  createdAt: string;
  publishedAt: string | null;
}

export interface RuleDiff {
  from: { id: string; version: number; isSandbox: boolean; status: string };
  to: { id: string; version: number; isSandbox: boolean; status: string };
  changes: { field: string; label: { zh: string; en: string; law?: string }; from: unknown; to: unknown }[];
}

export interface AuditItem {
  seq: string;
  time: string;
  actor: { id: string | null; username: string | null; name: string | null } | null;
  role: string | null;
  organisation: { id: string | null; name: string | null } | null;
  action: string;
  actionName: { zh: string; en: string };
  subject: { type: string; id: string };
  project: { id: string; code: string; name: string } | null;
  payload: unknown;
  hash: string;
  linkOk: boolean;
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

export interface Room {
  id: string;
  kind: 'opening_hall' | 'evaluation_room' | 'remote_seat' | 'auction_hall';
  name: string;
  seats: number;
  isolated: boolean;
}

export interface SchedulingSession {
  id: string;
  roomId: string;
  roomName: string;
  roomKind: Room['kind'];
  projectId: string;
  projectCode: string;
  projectName: string;
  domain: string;
  purpose: 'opening' | 'evaluation' | 'auction';
  startsAt: string;
  endsAt: string;
  status: 'booked' | 'cancelled';
  note: string | null;
}

export interface Draw {
  id: string;
  projectId: string;
  domain: string;
  status: 'pending' | 'inviting' | 'complete' | 'short' | 'failed' | 'opened' | 'finished';
  sessionStart: string;
  sessionEnd: string;
  requirements: { specialty: string; count: number; reserves?: number }[] | null;
  algorithm: string;
  seedCommitment: string;
  revealedSeed: string | null;
  shortfall: unknown;
  createdAt: string;
  drawnAt: string | null;
  openedAt: string | null;
  finishedAt: string | null;
}

export interface DrawMember {
  invitationId: string;
  expertId: string;
  name: string;
  employerName: string;
  title: string;
  specialty: string;
  kind: 'primary' | 'reserve';
  status: string;
  round: number;
  respondedAt: string | null;
}

export interface Invitation {
  id: string;
  projectCode: string;
  projectName: string;
  specialty: string;
  sessionStart: string;
  sessionEnd: string;
  status: 'invited' | 'accepted' | 'declined' | 'expired' | 'released';
  respondBy: string | null;
  respondedAt: string | null;
}

/** GET /public/calendar/years and /public/calendar/:year: the holiday schedules the working-day calendar counts with. */
export interface CalendarYearSummary {
  year: number;
  source: 'package' | 'entered';
  noticeReference: string | null;
  noticePublishedOn: string | null;
  enteredAt: string | null;
  holidayCount: number;
  makeUpDayCount: number;
}

export interface CalendarYears {
  firstYear: number;
  lastYear: number;
  nextYear: number;
  packageLastYear: number;
  items: CalendarYearSummary[];
}

export interface CalendarYear extends CalendarYearSummary {
  holidays: { date: string; zh: string; en: string }[];
  makeUpDays: { date: string; zh: string; en: string }[];
}
