import { IncrementFen, LandUse } from '../rules/parcel-terms';
import { LandMode } from '../rules/land-schedule';
import { LandOutcome } from '../rules/land-end';

export type ParcelStatus = 'registered' | 'announced' | 'ended' | 'confirmed';

export interface ParcelRow {
  projectId: string;
  code: string;
  name: string;
  region: string;
  projectStatus: string;
  ownerOrganisationId: string;
  ownerName: string;
  location: string;
  areaM2: string;
  use: LandUse;
  termYears: number;
  plotRatio: string;
  mode: LandMode;
  startPriceFen: string;
  increment: IncrementFen;
  depositFen: string;
  hasReserve: boolean;
  reserveSealed: Buffer | null;
  status: ParcelStatus;
  lotId: string | null;
  announcedAt: Date | null;
  listingStartsAt: Date | null;
  listingEndsAt: Date | null;
  auctionAt: Date | null;
  startMilestoneId: string | null;
  outcome: LandOutcome | null;
  winnerOrganisationId: string | null;
  winnerName: string | null;
  winnerPaddle: number | null;
  priceFen: string | null;
  endedAt: Date | null;
  publicityUntil: Date | null;
  confirmationNo: string | null;
  confirmedAt: Date | null;
}

export type ApplicationStatus = 'submitted' | 'qualified' | 'rejected';
export type DepositStatus = 'held' | 'refund_due' | 'refunded' | 'converted';

export interface ApplicationRow {
  id: string;
  projectId: string;
  organisationId: string;
  organisationName: string;
  fileName: string;
  sha256: string;
  size: number;
  depositMethod: 'transfer' | 'guarantee';
  depositReference: string;
  depositAmountFen: string;
  status: ApplicationStatus;
  rejectReason: string | null;
  decidedAt: Date | null;
  paddle: number | null;
  continueDeclaredAt: Date | null;
  depositStatus: DepositStatus;
  refundDue: Date | null;
  refundedAt: Date | null;
  refundReference: string | null;
  receivedAt: Date | null;
  appliedAt: Date;
}

export interface ParcelDeskRow extends ParcelRow {
  submittedApplications: number;
  qualifiedApplications: number;
  refundsDue: number;
}
