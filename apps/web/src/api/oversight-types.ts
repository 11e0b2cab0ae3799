/** Response shapes of issue 8's APIs (statistics, portal feed, complaints, cards, collusion, credit), read from their controllers. */
import { Domain } from './client';
import type { components } from './schema';

type Schemas = components['schemas'];

export type StatsFigures = Schemas['StatisticsFiguresView'];
export type StatsRow = Schemas['StatisticsRowView'];
export type Statistics = Schemas['StatisticsView'];

export type NoticeKind = 'announcement' | 'amendment' | 'candidates' | 'result' | 'contract' | 'suspension' | 'resumption';
export type PortalNotice = Schemas['PortalNoticeView'];
export type ShiftedTime = Schemas['PortalShiftedTimeView'];
/** GET /public/portal/contracts */
export type PortalContract = Schemas['PortalContractView'];

/** GET /public/credit/:uscc */
export type PublicCredit = Schemas['PublicCreditView'];

/** GET /supervision/credit/organisations?q= */
export type OrganisationHit = Schemas['OrganisationHitView'];

export interface Paged<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export type PortalProject = Schemas['PortalProjectPage'];

export type ComplaintStatus = 'filed' | 'accepted' | 'rejected' | 'withdrawn' | 'decided';
export type ComplaintEvent = 'accept' | 'reject' | 'suspend' | 'resume' | 'decide' | 'withdraw';
export type Complaint = Schemas['ComplaintView'];
export type PublicDecision = Schemas['PublicComplaintDecisionView'];

export type Objection = Schemas['ObjectionView'];

export type Card = Schemas['CardView'];
export type CardCount = Schemas['CardCountView'];

export type CollusionSignal = Schemas['CollusionSignalView'];

export type CreditEntry = Schemas['CreditEntryView'];
export type CreditRecord = Schemas['CreditRecordView'];
