/** Shapes of the centre's land, rural and e-mall desks (GET /land/parcels, GET /rural/deals, the e-mall's review routes). */
import { Increment } from './types';

export interface DeskPage<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface DeskParcel {
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
  hasReserve: boolean;
  status: 'registered' | 'announced' | 'ended' | 'confirmed';
  lotId: string | null;
  announcedAt: string | null;
  listingStartsAt: string | null;
  listingEndsAt: string | null;
  auctionAt: string | null;
  outcome: 'sold' | 'unsold' | 'reserve_not_met' | null;
  winnerPaddle: number | null;
  winnerName: string | null;
  price: string | null;
  endedAt: string | null;
  publicityUntil: string | null;
  confirmationNo: string | null;
  submittedApplications: number;
  qualifiedApplications: number;
  refundsDue: number;
}

export interface DeskLandApplication {
  id: string;
  parcelId: string;
  organisationName: string;
  fileName: string;
  sha256: string;
  size: number;
  depositMethod: string;
  depositReference: string;
  depositAmount: string;
  status: 'submitted' | 'qualified' | 'rejected';
  rejectReason: string | null;
  paddle: number | null;
  depositStatus: 'held' | 'refund_due' | 'refunded' | 'converted';
  refundDue: string | null;
  refundedAt: string | null;
  appliedAt: string;
}

export interface LandConfirmation {
  confirmationNo: string;
  [k: string]: unknown;
}

export interface DeskDeal {
  id: string;
  code: string;
  name: string;
  kind: string;
  kindName: { zh: string; en: string };
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
  resolution: { body: string; votesFor: number; votesTotal: number; date: string } | null;
  approval: { authority: string; date: string } | null;
  listings: { round: number; price: string; lotId: string | null; startsAt: string | null; endsAt: string | null; outcome: string | null; qualified: number | null }[];
  documents: { id: string; kind: string; fileName: string; sha256: string; size: number }[];
  result: { method: string; buyerName: string; price: string; concludedAt: string; publicityUntil: string } | null;
  declaredApplications: number;
  qualifiedApplications: number;
  refundsDue: number;
}

export interface DeskRuralApplication {
  id: string;
  round: number;
  organisationName: string;
  method: string;
  reference: string;
  amount: string;
  status: 'declared' | 'qualified' | 'refund_due' | 'refunded' | 'applied_to_price';
  paddle: number | null;
  declaredAt: string;
  confirmedAt: string | null;
  refundDue: string | null;
  refundedAt: string | null;
}

export interface ReviewedProduct {
  id: string;
  categoryCode: string;
  categoryName: string;
  name: string;
  brand: string;
  model: string;
  unit: string;
  price: string;
  supplierName: string;
  status: string;
  priceVersion: number;
  referencePrice: string | null;
  referenceChannel: string | null;
  flagged: boolean;
  flagReason: string | null;
  flaggedAt: string | null;
  flagClearedNote: string | null;
}

export interface MallAgreement {
  id: string;
  agreementNo: string;
  organisationId: string;
  organisationName: string;
  categoryCode: string;
  categoryName: string;
  kind: 'framework' | 'designated';
  validFrom: string;
  validUntil: string;
  valid: boolean;
}
