import { TenderStatus, SectionStatus } from '../rules/tender-state';

export interface TenderRow {
  projectId: string;
  code: string;
  name: string;
  region: string;
  domainStatus: string;
  ownerOrganisationId: string;
  agentOrganisationId: string | null;
  ownerName: string;
  agentName: string | null;
  kind: string;
  estimateFen: string;
  evaluationMethod: 'comprehensive' | 'lowest_price';
  qualification: string;
  status: TenderStatus;
  returnReasons: string[] | null;
  documentsAvailableAt: Date | null;
  bidDeadline: Date | null;
  deadlineMilestoneId: string | null;
  openedAt: Date | null;
  openingObjectionsUntil: Date | null;
  dataKeyWrapped: Buffer;
  retenderOf: string | null;
}

export interface SectionRow {
  id: string;
  projectId: string;
  no: number;
  name: string;
  estimateFen: string;
  depositFen: string;
  status: SectionStatus;
  drawId: string | null;
  report: unknown;
  reportedAt: Date | null;
  publicityUntil: Date | null;
}

export interface DocumentRow {
  id: string;
  kind: 'tender' | 'amendment';
  fileName: string;
  sha256: string;
  size: number;
  note: string | null;
  createdAt: Date;
}

export interface TenderListRow {
  projectId: string;
  code: string;
  name: string;
  region: string;
  ownerName: string;
  agentName: string | null;
  kind: string;
  estimateFen: string;
  evaluationMethod: string;
  status: TenderStatus;
  returnReasons: string[] | null;
  registeredAt: Date;
  updatedAt: Date;
  bidDeadline: Date | null;
  openedAt: Date | null;
  sectionCount: number;
  documentCount: number;
}

export interface MyEvaluationRow {
  projectId: string;
  code: string;
  name: string;
  evaluationMethod: string;
  sectionNo: number;
  sectionName: string;
  sectionStatus: SectionStatus;
  drawId: string;
  reportedAt: Date | null;
  bidCount: number;
  scoredByMe: number;
}
