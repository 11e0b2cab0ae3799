export interface CategoryRow {
  code: string;
  parentCode: string | null;
  nameZh: string;
  nameEn: string;
  medicalConsumable: boolean;
}

export interface AgreementRow {
  id: string;
  agreementNo: string;
  organisationId: string;
  organisationName: string;
  categoryCode: string;
  categoryName: string;
  kind: 'framework' | 'designated';
  validFrom: string;
  validUntil: string;
  createdAt: Date;
}

export type ProductStatus = 'on_sale' | 'off_sale';

export interface ProductRow {
  id: string;
  organisationId: string;
  organisationName: string;
  categoryCode: string;
  categoryName: string;
  medicalConsumable: boolean;
  name: string;
  brand: string;
  model: string;
  specs: string;
  unit: string;
  priceFen: string;
  priceVersion: number;
  stock: number;
  regions: string[];
  certificateNo: string | null;
  certificateValidUntil: string | null;
  packingUnit: string | null;
  certificateMilestoneId: string | null;
  status: ProductStatus;
  offSaleReason: 'supplier' | 'certificate_expired' | null;
  referencePriceFen: string | null;
  referenceChannel: string | null;
  referenceRecordedAt: Date | null;
  flagged: boolean;
  flagReason: string | null;
  flaggedAt: Date | null;
  flagClearedNote: string | null;
  flagClearedAt: Date | null;
  ratingAvg: string | null;
  ratingCount: number | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface ProductFields {
  name: string;
  brand: string;
  model: string;
  specs: string;
  unit: string;
  priceFen: bigint;
  stock: number;
  regions: string[];
  certificateNo: string | null;
  certificateValidUntil: string | null;
  packingUnit: string | null;
}

export interface SearchFilter {
  lexemes: string[];
  phrases: string[];
  categoryCode: string | null;
  minPriceFen: bigint | null;
  maxPriceFen: bigint | null;
  regions: string[] | null;
  /** lower-cased, trimmed */
  brand: string | null;
  supplierId: string | null;
  certificateValidThrough: string | null;
  sort: 'price' | '-price' | 'rating';
  limit: number;
  offset: number;
}
