/** Shapes of the e-mall's catalogue routes as the purchaser's and the supplier's pages read them (docs/procurement-catalogue.md). */

/** GET /public/procurement/products (items) and GET /public/procurement/products/:id (with onSale). */
export interface MallProduct {
  id: string;
  categoryCode: string;
  categoryName: string;
  name: string;
  brand: string;
  model: string;
  specs: string;
  unit: string;
  price: string;
  stock: number;
  regions: string[];
  certificateNo: string | null;
  certificateValidUntil: string | null;
  packingUnit: string | null;
  supplierId: string;
  supplierName: string;
  rating: string | null;
  ratingCount: number;
  /** only from the single-product route */
  onSale?: boolean;
}

export interface ProductSearchPage {
  items: MallProduct[];
  total: number;
  totalExact: boolean;
  page: number;
  pageSize: number;
}

/** GET /procurement/products/mine */
export interface SupplierProduct extends MallProduct {
  status: 'on_sale' | 'off_sale';
  offSaleReason: 'supplier' | 'certificate_expired' | null;
  priceVersion: number;
  createdAt: string;
  updatedAt: string;
}

/** GET /procurement/agreements */
export interface Agreement {
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
