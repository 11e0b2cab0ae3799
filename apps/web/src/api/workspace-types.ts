/** Response shapes of the workspace pages (owner, centre desk, e-mall, applications, evaluation, rule drafting). */
import type { components } from './schema';

type Schemas = components['schemas'];

export type TenderListItem = Schemas['TenderListItemView'];

export type TenderList = Schemas['TenderListView'];

export interface Question {
  id: string;
  question: string;
  askedAt: string;
  answer: string | null;
  answeredAt: string | null;
}

export type TenderObjection = Schemas['ObjectionView'];

export interface SealedOpeningRecord {
  projectId: string;
  sealed: boolean;
  bidDeadline: string | null;
  openedAt: string | null;
  objectionsUntil: string | null;
  sections: { no: number; name: string; status: string; bidCount: number | null; bids: { bidId: string; organisationName: string; price: string; depositStatus: string; submittedAt: string; bidDigest: string; documentsVerified: boolean }[] }[];
}

export type Award = Schemas['AwardView'];

export type MyEvaluation = Schemas['MyEvaluationView'];

export type Criterion = Schemas['CriterionView'];

export type Score = Schemas['ScoreView'];

export type EvaluationSheet = Schemas['EvaluationBidsView'];

export type ReportBid = Schemas['ReportBidView'];

export type EvaluationReport = Schemas['ReportView'];

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

export type BudgetLine = Schemas['BudgetLineView'];

export type Category = Schemas['ProcurementCategoryView'];

export type Order = Schemas['OrderView'];

export type Rating = Schemas['RatingView'];

export type SupplierRatings = Schemas['SupplierRatingsView'];

/** GET /tenders/registrations/mine: one row per section of a tender the organisation registered for; never a price. */
export type MyTenderRegistration = Schemas['MyRegistrationView'];

/** GET /land/applications/mine */
export type MyLandApplication = Schemas['MyLandApplicationView'];

/** GET /rural/applications/mine */
export type MyRuralApplication = Schemas['MyRuralApplicationView'];

/** GET /procurement/requirements/mine */
export type MyRequirement = Schemas['MyRequirementView'];
