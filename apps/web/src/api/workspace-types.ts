/** Response shapes of the workspace pages (owner, centre desk, e-mall, applications, evaluation, rule drafting). */
import type { components } from './schema';

type Schemas = components['schemas'];

export type TenderListItem = Schemas['TenderListItemView'];

export type TenderList = Schemas['TenderListView'];

export type Question = Schemas['QuestionView'];

export type TenderObjection = Schemas['ObjectionView'];

/** GET /tenders/:id/opening-objections: the objector is not named; `mine` marks the reader's own. */
export type OpeningObjection = Schemas['OpeningObjectionView'];

export type SealedOpeningRecord = Schemas['OpeningRecordView'];

export type Award = Schemas['AwardView'];

export type MyEvaluation = Schemas['MyEvaluationView'];

export type Criterion = Schemas['CriterionView'];

export type Score = Schemas['ScoreView'];

export type EvaluationSheet = Schemas['EvaluationBidsView'];

export type ReportBid = Schemas['ReportBidView'];

export type EvaluationReport = Schemas['ReportView'];

/** GET …/evaluation/report: the report read back with its signatures (条例 53). */
export type ReportRecord = Schemas['ReportRecordView'];

export type RequirementItem = Schemas['RequirementItemView'];

export type OpenedQuote = Schemas['OpenedQuoteView'];

export type Requirement = Schemas['RequirementView'];

export type QuoteReceipt = Schemas['QuoteReceiptView'];

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
