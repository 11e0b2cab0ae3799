/** Response shapes of issue 8's APIs (statistics, portal feed, complaints, cards, collusion, credit), read from their controllers. */
import { Domain } from './client';

export interface StatsFigures {
  sessions: number;
  succeeded: number;
  failed: number;
  successRate: number | null;
  failureRate: number | null;
  amount: string;
  amountYi: string;
  referenceAmount: string;
  savingsRate: number | null;
  premiumRate: number | null;
}
export interface StatsRow extends StatsFigures {
  domain: Domain;
  month: string;
  region: string | null;
}
export interface Statistics {
  filter: { from: string | null; to: string | null; domain: string | null; region: string | null };
  timeZone: string;
  rateDecimals: number;
  rows: StatsRow[];
  totals: { byDomain: (StatsFigures & { domain: Domain })[]; all: StatsFigures };
  cumulative: { month: string; sessions: number; succeeded: number; amount: string; amountYi: string }[];
}

export type NoticeKind = 'announcement' | 'amendment' | 'candidates' | 'result' | 'contract' | 'suspension' | 'resumption';
export interface PortalNotice {
  id: string;
  kind: NoticeKind;
  domain: Domain;
  region: string | null;
  projectId: string | null;
  subjectId: string;
  sectionNo: number | null;
  code: string | null;
  title: string;
  publishedAt: string;
  outcome: 'success' | 'failed' | null;
  amount: string | null;
  organisationName: string | null;
  buyerName: string | null;
  link: string | null;
  /** 中止公告: the reason; 恢复公告: the new times */
  detail: { reason?: string; suspendedAt?: string; resumedAt?: string; times?: ShiftedTime[] } | null;
}
export interface ShiftedTime {
  label: string;
  from: string;
  to: string;
}
/** GET /public/portal/contracts */
export interface PortalContract {
  domain: Domain;
  region: string | null;
  projectId: string | null;
  subjectId: string;
  sectionNo: number | null;
  code: string | null;
  title: string;
  signedAt: string;
  amount: string | null;
  buyerName: string | null;
  supplierName: string | null;
  link: string | null;
}

/** GET /public/credit/:uscc */
export interface PublicCredit {
  uscc: string;
  name: string;
  score: number;
}

/** GET /supervision/credit/organisations?q= */
export interface OrganisationHit {
  id: string;
  name: string;
  uscc: string;
  region: string | null;
  score: number;
}

export interface Paged<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface PortalProject {
  project: { id: string; code: string; domain: Domain; name: string; region: string; status: string; publishedAt: string; owner: { name: string }; agent: { name: string } | null };
  notices: PortalNotice[];
  suspensions: { suspendedAt: string; reason: string; resumedAt: string | null; times: ShiftedTime[] }[];
  documents: { id: string; kind: string; fileName: string; sha256: string; size: number; publishedAt: string }[];
  sections:
    | {
        no: number;
        name: string;
        estimate: string;
        status: string;
        openedAt: string | null;
        bidCount: number | null;
        opening: { bidderName: string; price: string }[];
        candidates: { rank: number; bidderName: string; price: string }[];
        publicityUntil: string | null;
        award: { winner: string; price: string; awardedAt: string } | null;
        contract: { signedAt: string; amount: string | null; no?: string | null } | null;
      }[]
    | null;
  land: {
    mode: string;
    status: string;
    startPrice: string;
    lotId: string | null;
    outcome: string | null;
    winnerPaddle: number | null;
    winnerName: string | null;
    price: string | null;
    endedAt: string | null;
    publicityUntil: string | null;
    confirmedAt: string | null;
  } | null;
  rural: {
    status: string;
    round: number;
    listingPrice: string;
    method: string | null;
    buyer: string | null;
    price: string | null;
    concludedAt: string | null;
    publicityUntil: string | null;
    contract: { signedAt: string; amount: string | null } | null;
  } | null;
  links: Record<string, string>;
}

export type ComplaintStatus = 'filed' | 'accepted' | 'rejected' | 'withdrawn' | 'decided';
export type ComplaintEvent = 'accept' | 'reject' | 'suspend' | 'resume' | 'decide' | 'withdraw';
export interface Complaint {
  id: string;
  project: { id: string; code: string; name: string; domain: Domain; status: string };
  objectionId: string | null;
  complainant: { id: string; name: string };
  respondent: { id: string; name: string };
  grounds: string;
  status: ComplaintStatus;
  filedAt: string;
  acceptanceDue: string;
  decisionDue: string | null;
  handling: { at: string; role: string; by: string; onTime: boolean; result: 'accepted' | 'rejected'; note: string | null } | null;
  decision: { at: string; role: string; by: string; onTime: boolean; outcome: 'upheld' | 'dismissed'; text: string } | null;
  withdrawnAt: string | null;
  withdrawalReason: string | null;
  suspending: boolean;
  suspensions: { id: string; reason: string; suspendedAt: string; pausedMilestones: number; resumedAt: string | null; resumeNote: string | null; shiftedMilestones: number | null }[];
  evidence: { id: string; no: number; fileName: string; mediaType: string; size: number; sha256: string }[];
  allowed: ComplaintEvent[];
}
export interface PublicDecision {
  id: string;
  project: { code: string; name: string; domain: Domain };
  complainant: { name: string };
  outcome: 'upheld' | 'dismissed';
  decision: string;
  decidedAt: string;
}

export interface Objection {
  id: string;
  stage: 'opening' | 'publicity';
  organisationName: string | null;
  mine: boolean;
  content: string;
  raisedAt: string;
  replyDue: string | null;
  reply: string | null;
  repliedAt: string | null;
}

export interface Card {
  id: string;
  colour: 'yellow' | 'red';
  stepKind: string;
  domain: Domain;
  project: { id: string; code: string; name: string } | null;
  subject: { type: string; id: string };
  responsibleRole: string;
  organisation: { id: string; name: string } | null;
  expertId: string | null;
  startedAt: string;
  warnAt: string;
  dueAt: string;
  doneAt: string | null;
  warningPercent: number;
  issuedAt: string;
  month: string;
}
export interface CardCount {
  month: string;
  party: 'organisation' | 'expert' | 'centre';
  organisation: { id: string; name: string } | null;
  expertId: string | null;
  yellow: number;
  red: number;
}

export interface CollusionSignal {
  id: string;
  roundKind: 'tender_section' | 'quote_round';
  projectId: string | null;
  sectionId: string | null;
  sectionNo: number | null;
  requirementId: string | null;
  round: number | null;
  kind: string;
  evidence: Record<string, unknown>;
  evidenceDigest: string;
  status: 'open' | 'dismissed' | 'confirmed';
  reviewNote: string | null;
  reviewedBy: string | null;
  reviewedAt: string | null;
  foundAt: string;
}

export interface CreditEntry {
  id: string;
  kind: 'yellow_card' | 'red_card' | 'complaint_upheld' | 'penalty' | 'rating';
  points: number;
  reference: { type: string; id: string } | null;
  note: string | null;
  projectId: string | null;
  occurredAt: string;
}
export interface CreditRecord {
  organisation: { id: string; name: string; uscc: string };
  score: number;
  pointsTotal: number;
  ratingPoints: number;
  rating: { average: string; count: number } | null;
  page: number;
  pageSize: number;
  total: number;
  entries: CreditEntry[];
}
