/** Response shapes of the workspace pages (owner, centre desk, e-mall, applications, evaluation, rule drafting). */

export interface TenderListItem {
  id: string;
  code: string;
  name: string;
  kind: string;
  region: string;
  ownerName: string;
  agentName: string | null;
  estimate: string;
  evaluationMethod: string;
  status: string;
  returnReasons: string[] | null;
  registeredAt: string;
  updatedAt: string;
  bidDeadline: string | null;
  openedAt: string | null;
  sectionCount: number;
  documentCount: number;
}

export interface TenderList {
  items: TenderListItem[];
  total: number;
  page: number;
  pageSize: number;
}

export interface Question {
  id: string;
  question: string;
  askedAt: string;
  answer: string | null;
  answeredAt: string | null;
}

export interface TenderObjection {
  id: string;
  stage: 'documents' | 'opening' | 'publicity';
  organisationName?: string | null;
  /** 招标文件异议: the objector's pseudonym the owner sees ("异议人 1") */
  handle?: string | null;
  mine?: boolean;
  content: string;
  raisedAt: string;
  replyDue: string | null;
  reply: string | null;
  repliedAt: string | null;
}

export interface SealedOpeningRecord {
  projectId: string;
  sealed: boolean;
  bidDeadline: string | null;
  openedAt: string | null;
  objectionsUntil: string | null;
  sections: { no: number; name: string; status: string; bidCount: number | null; bids: { bidId: string; organisationName: string; price: string; depositStatus: string; submittedAt: string; bidDigest: string; documentsVerified: boolean }[] }[];
}

export interface Award {
  no: number;
  bidId: string;
  winner: string;
  price: string;
  awardedAt: string;
  contractDue: string;
  contractSignedAt: string | null;
  contractAmount: string | null;
}

export interface MyEvaluation {
  projectId: string;
  code: string;
  name: string;
  evaluationMethod: 'comprehensive' | 'lowest_price';
  sectionNo: number;
  sectionName: string;
  sectionStatus: string;
  drawId: string;
  bidCount: number;
  scoredByMe: number;
  reportedAt: string | null;
}

export interface Criterion {
  key: string;
  zh: string;
  en: string;
  max: number;
}

export interface Score {
  bidId: string;
  technical: number[];
  business: number[];
  adjustment: string;
  disqualifyReason: string | null;
  scoredAt: string;
}

export interface EvaluationSheet {
  no: number;
  name: string;
  method: 'comprehensive' | 'lowest_price';
  priceScoreMax: number | null;
  criteria: { technical: Criterion[]; business: Criterion[]; adjustment: boolean };
  bids: { bidId: string; bidderName: string; price: string; documentsSha256: string; documentsSize: number; submittedAt: string; myScore: Score | null }[];
}

export interface ReportBid {
  bidId: string;
  bidderName: string;
  price: string;
  rank: number | null;
  disqualified: boolean;
  priceScore: number | null;
  technicalScore: number | null;
  businessScore: number | null;
  total: number | null;
  adjustment: string | null;
  evaluatedPrice: string | null;
  experts: { expertId: string; technical: number[]; business: number[]; adjustment: string; disqualifyReason: string | null }[];
}

export interface EvaluationReport {
  no: number;
  status: string;
  method: string;
  benchmark: string | null;
  committee: number;
  reportedAt: string;
  bids: ReportBid[];
  candidates: { rank: number; bidId: string; bidderName: string; price: string }[];
  disqualified: { bidId: string; bidderName: string; votes: number; reasons: string[] }[];
}

/** GET …/evaluation/report: the report read back with its signatures (条例 53). */
export interface ReportRecord extends EvaluationReport {
  name: string;
  publicityUntil: string | null;
  signatures: { expertId: string; mine: boolean; signedAt: string; dissent: string | null }[];
  /** my library id on the committee (experts), else null */
  seat: string | null;
  canSign: boolean;
}

export interface RequirementItem {
  description: string;
  quantity: number;
  unit: string;
  specs?: string | null;
}

export interface OpenedQuote {
  quoteId: string;
  supplierName: string;
  price: string;
  unitPrices: string[] | null;
  submittedAt: string;
  quoteDigest: string;
  valid: boolean;
  invalidReason: string | null;
}

export interface Requirement {
  id: string;
  /** the kernel's project (中止 and 恢复 act on it); null for requirements made before the e-mall had projects */
  projectId?: string | null;
  projectStatus?: string | null;
  title: string;
  purchaserName: string;
  categoryCode: string;
  items: RequirementItem[];
  deliveryRegion: string;
  deliveryDate: string;
  maxPrice: string;
  ruleSet: { id: string; version: number; sandbox: boolean; minQuotes: number; quoteWindow: { value: number; unit: string } };
  round: number;
  status: 'quoting' | 'awarded' | 'failed' | 'switched' | string;
  quoteDeadline: string;
  closedAt: string | null;
  switchReason: string | null;
  rounds: { round: number; quotes: OpenedQuote[] }[];
  winner: { quoteId: string; supplierName: string; price: string; submittedAt: string } | null;
  orderId: string | null;
}

export interface QuoteReceipt {
  receiptNo: string;
  requirementId: string;
  round: number;
  organisationId: string;
  /** when the server had fully received the quote: the time the deadline is judged on */
  receivedAt: string | null;
  submittedAt: string;
  quoteDigest: string;
  status: string;
  replaces?: string | null;
  nonce?: string;
}

export interface BudgetLine {
  id: string;
  organisationId: string;
  organisationName: string;
  code: string;
  name: string;
  year: number;
  amount: string;
  used: string;
  remaining: string;
  createdAt: string;
}

export interface Category {
  code: string;
  parentCode: string | null;
  nameZh: string;
  nameEn: string;
  medicalConsumable: boolean;
}

export interface Order {
  id: string;
  no: string;
  status: 'placed' | 'confirmed' | 'delivered' | 'accepted' | 'rejected' | 'paid' | 'cancelled';
  source: 'direct' | 'quote';
  sourceId: string | null;
  purchaser: { organisationId: string; name: string };
  supplier: { organisationId: string; name: string };
  budgetLine: { id: string; code: string; name: string };
  total: string;
  items: { lineNo: number; productId: string | null; description: string; quantity: number; unitPrice: string; amount: string }[];
  placedAt: string;
  confirmDue: string;
  confirmedAt: string | null;
  deliveredAt: string | null;
  deliveryNote: string | null;
  acceptDue: string | null;
  acceptedAt: string | null;
  rejectedAt: string | null;
  rejectionReasons: string[] | null;
  paymentDue: string | null;
  paidAt: string | null;
  paymentReference: string | null;
  cancelledAt: string | null;
  pending: { step: string; responsible: 'purchaser' | 'supplier'; responsibleName: string; dueAt: string; warnAt: string } | null;
}

export interface Rating {
  orderId: string;
  orderNo: string;
  purchaserName: string;
  quality: number;
  delivery: number;
  service: number;
  comment: string;
  ratedAt: string;
  reply: string | null;
  repliedAt: string | null;
}

export interface SupplierRatings {
  organisationId: string;
  organisationName: string;
  ratingAvg: string | null;
  ratingCount: number;
  ratings: Rating[];
}

/** GET /tenders/registrations/mine: one row per section of a tender the organisation registered for; never a price. */
export interface MyTenderRegistration {
  projectId: string;
  code: string;
  name: string;
  tenderStatus: string;
  bidDeadline: string | null;
  openedAt: string | null;
  registeredAt: string;
  sectionNo: number;
  sectionName: string;
  sectionStatus: string;
  requiredDeposit: string;
  deposit: { id: string; method: string; reference: string; amount: string; status: string; declaredAt: string; confirmedAt: string | null; refundDue: string | null; refundedAt: string | null } | null;
  bid: { receiptNo: string; status: 'submitted' | 'withdrawn'; submittedAt: string; bidDigest: string; documentsSha256: string; withdrawnAt: string | null } | null;
}

/** GET /land/applications/mine */
export interface MyLandApplication {
  id: string;
  parcelId: string;
  code: string;
  name: string;
  location: string;
  mode: string;
  phase: string;
  lotId: string | null;
  listingStartsAt: string | null;
  listingEndsAt: string | null;
  auctionAt: string | null;
  outcome: string | null;
  won: boolean;
  status: string;
  rejectReason: string | null;
  decidedAt: string | null;
  paddle: number | null;
  continueDeclaredAt: string | null;
  fileName: string;
  sha256: string;
  deposit: { method: string; reference: string; amount: string; status: string; refundDue: string | null; refundedAt: string | null };
  appliedAt: string;
}

/** GET /rural/applications/mine */
export interface MyRuralApplication {
  id: string;
  dealId: string;
  code: string;
  name: string;
  kind: string;
  kindName: string;
  dealStatus: string;
  round: number;
  dealRound: number;
  lotId: string | null;
  listingStartsAt: string | null;
  listingEndsAt: string | null;
  listingOutcome: string | null;
  won: boolean;
  method: string;
  reference: string;
  amount: string;
  status: string;
  paddle: number | null;
  declaredAt: string;
  confirmedAt: string | null;
  refundDue: string | null;
  refundedAt: string | null;
}

/** GET /procurement/requirements/mine */
export interface MyRequirement {
  id: string;
  title: string;
  categoryCode: string;
  maxPrice: string;
  round: number;
  status: string;
  quoteDeadline: string;
  closedAt: string | null;
  switchReason: string | null;
  createdAt: string;
  quoteCount: number | null;
  validQuoteCount: number | null;
  winner: { supplierName: string; price: string } | null;
  order: { id: string; no: string; status: string } | null;
}
