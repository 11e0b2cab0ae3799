import { DealStatus } from '../rules/deal-state';

export interface DealRow {
  projectId: string;
  code: string;
  name: string;
  region: string;
  projectStatus: string;
  ownerOrganisationId: string;
  agentOrganisationId: string | null;
  ownerName: string;
  agentName: string | null;
  kind: string;
  kindZh: string;
  kindEn: string;
  description: string;
  quantity: string;
  unit: string;
  termMonths: number | null;
  listingPriceFen: string;
  incrementFen: string;
  depositFen: string;
  status: DealStatus;
  round: number;
  resolutionBody: 'villagers_meeting' | 'representatives_meeting' | null;
  resolutionVotesFor: number | null;
  resolutionVotesTotal: number | null;
  resolutionDate: string | null;
  resolutionDocumentId: string | null;
  approvalAuthority: string | null;
  approvalDate: string | null;
  approvalDocumentId: string | null;
  method: 'agreement' | 'live' | null;
  buyerOrganisationId: string | null;
  buyerName: string | null;
  dealPriceFen: string | null;
  concludedAt: Date | null;
  publicityUntil: Date | null;
  contractNo: string | null;
  contractSignedAt: Date | null;
  contractAmountFen: string | null;
}

export interface ListingRow {
  projectId: string;
  round: number;
  priceFen: string;
  lotId: string | null;
  startsAt: Date | null;
  endsAt: Date | null;
  milestoneId: string | null;
  outcome: 'failed' | 'agreement' | 'live' | null;
  qualified: number | null;
  closedAt: Date | null;
}

export interface DocumentRow {
  id: string;
  kind: 'resolution' | 'approval' | 'contract';
  fileName: string;
  sha256: string;
  size: number;
  createdAt: Date;
}

export type ApplicationStatus = 'declared' | 'qualified' | 'refund_due' | 'refunded' | 'applied_to_price';

export interface ApplicationRow {
  id: string;
  projectId: string;
  round: number;
  organisationId: string;
  organisationName: string;
  method: 'transfer' | 'guarantee';
  reference: string;
  amountFen: string;
  status: ApplicationStatus;
  paddle: number | null;
  declaredAt: Date;
  receivedAt: Date | null;
  confirmedAt: Date | null;
  refundDue: Date | null;
  refundedAt: Date | null;
}

export interface KindRow {
  code: string;
  nameZh: string;
  nameEn: string;
}

export interface DealDeskRow extends DealRow {
  declaredApplications: number;
  qualifiedApplications: number;
  refundsDue: number;
}
