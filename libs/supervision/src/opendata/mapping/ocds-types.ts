// OCDS 1.1 (schema 1.1.5, https://standard.open-contracting.org/schema/1__1__5/release-schema.json): the subset we publish.

/** Closed codelists, only the codes this platform emits (the test fixture lists each whole codelist). */
export type TenderStatus = 'planning' | 'planned' | 'active' | 'cancelled' | 'unsuccessful' | 'complete' | 'withdrawn';
export type ProcurementMethod = 'open' | 'selective' | 'limited' | 'direct';
export type AwardStatus = 'pending' | 'active' | 'cancelled' | 'unsuccessful';
export type ContractStatus = 'pending' | 'active' | 'cancelled' | 'terminated';
export type ProcurementCategory = 'goods' | 'works' | 'services';
/** partyRole is open in 1.1; these are the codes of its 1.1 list that we use. */
export type PartyRole = 'buyer' | 'procuringEntity' | 'supplier' | 'tenderer' | 'payer' | 'payee';
export type ReleaseTag = 'planning' | 'tender' | 'tenderAmendment' | 'tenderUpdate' | 'tenderCancellation' | 'award' | 'contract' | 'implementation';

export interface OcdsValue {
  amount: number;
  currency: 'CNY';
}

export interface OcdsPeriod {
  startDate?: string;
  endDate?: string;
}

export interface OcdsOrganizationReference {
  id: string;
  name: string;
}

export interface OcdsIdentifier {
  scheme: string;
  id: string;
  legalName: string;
}

export interface OcdsParty {
  id: string;
  name: string;
  identifier: OcdsIdentifier;
  roles: PartyRole[];
}

export interface OcdsItem {
  id: string;
  description: string;
  quantity?: number;
  unit?: { name: string };
}

export interface OcdsTender {
  id: string;
  title: string;
  description?: string;
  status: TenderStatus;
  statusDetails?: string;
  procuringEntity?: OcdsOrganizationReference;
  items?: OcdsItem[];
  value?: OcdsValue;
  procurementMethod: ProcurementMethod;
  procurementMethodDetails: string;
  procurementMethodRationale?: string;
  mainProcurementCategory?: ProcurementCategory;
  awardCriteria?: string;
  awardCriteriaDetails?: string;
  tenderPeriod?: OcdsPeriod;
  numberOfTenderers?: number;
  tenderers?: OcdsOrganizationReference[];
  amendments?: OcdsAmendment[];
}

/** OCDS 1.1 Amendment: what changed (the release itself carries the new values) and why. */
export interface OcdsAmendment {
  id: string;
  date: string;
  rationale: string;
  description: string;
  /** the release this one amends (the latest before it) */
  amendsReleaseID?: string;
  /** the release that carries the amended values */
  releaseID: string;
}

export interface OcdsAward {
  id: string;
  title?: string;
  status: AwardStatus;
  date: string;
  value: OcdsValue;
  suppliers: OcdsOrganizationReference[];
}

export interface OcdsTransaction {
  id: string;
  date: string;
  value: OcdsValue;
  payer: OcdsOrganizationReference;
  payee: OcdsOrganizationReference;
}

export interface OcdsContract {
  id: string;
  awardID: string;
  title?: string;
  status: ContractStatus;
  dateSigned: string;
  value: OcdsValue;
  implementation?: { transactions: OcdsTransaction[] };
}

export interface OcdsRelatedProcess {
  id: string;
  relationship: string[];
  title?: string;
  scheme: 'ocid';
  identifier: string;
}

export interface OcdsRelease {
  ocid: string;
  id: string;
  date: string;
  tag: ReleaseTag[];
  initiationType: 'tender';
  language: 'zh';
  parties: OcdsParty[];
  buyer: OcdsOrganizationReference;
  planning?: { budget: { id?: string; description?: string; amount: OcdsValue; project?: string; projectID?: string } };
  tender: OcdsTender;
  awards?: OcdsAward[];
  contracts?: OcdsContract[];
  relatedProcesses?: OcdsRelatedProcess[];
}

export interface OcdsPublisher {
  name: string;
  scheme?: string;
  uid?: string;
  uri?: string;
}

export interface OcdsReleasePackage {
  uri: string;
  version: '1.1';
  publishedDate: string;
  publisher: OcdsPublisher;
  license: string;
  publicationPolicy: string;
  releases: OcdsRelease[];
  /** Not in the 1.1 package schema (extra fields are allowed): the next page of a bulk export. */
  links?: { next?: string };
}
