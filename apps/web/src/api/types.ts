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

/** GET /public/tenders/:id: the tender with its answered clarifications and the deadline moves. */
export type Tender = Schemas['PublicTenderView'];

export type OpeningLine = Schemas['OpeningLineView'];

/** GET /public/tenders/:id/opening: sealed until the opening, no bids, not even their number. */
export type OpeningRecord = Schemas['OpeningRecordView'];

export type PublicResults = Schemas['PublicResultsView'];

export type BidReceipt = Schemas['BidReceiptView'];

export type Deposit = Schemas['DepositView'];

export type Increment = PublicParcel['increment'];

export type PublicParcel = Schemas['PublicParcelView'];

export type RuralDeal = Schemas['DealView'];

export type PublicLot = Schemas['PublicLotView'];

export type BidAnswer = Schemas['BidAnswerView'];

export interface LotEvent {
  seq: number;
  kind: 'phase' | 'bid' | 'result';
  payload: Record<string, unknown>;
  at: string;
  lotId?: string;
}

export type RuleSet = Schemas['RuleSetView'];

export type RuleDiff = Schemas['RuleSetDiffView'];

export type AuditItem = Schemas['AuditItemView'];

export type AuditActionName = Schemas['AuditActionNameView'];

/** GET /audit/verify answers without `checkedAt`; the search page's chain carries it. */
export type AuditVerify = Schemas['VerifyResultDto'];

export type ChainStatus = Schemas['ChainStatusView'];

export type AuditPage = Schemas['AuditSearchPage'];

export type Room = Schemas['RoomView'];

export type SchedulingSession = Schemas['SessionView'];

export type Draw = Schemas['DrawView'];

export type DrawMember = Schemas['DrawMemberView'];

export type Invitation = Schemas['InvitationView'];

/** GET /public/calendar/years and /public/calendar/:year: the holiday schedules the working-day calendar counts with. */
export type CalendarYearSummary = Schemas['CalendarYearSummaryView'];

export type CalendarYears = Schemas['CalendarYearsView'];

export type CalendarYear = Schemas['CalendarYearView'];
