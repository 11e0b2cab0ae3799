/** Shapes of the e-mall's catalogue routes as the purchaser's and the supplier's pages read them (docs/procurement-catalogue.md): generated types. */
import type { components } from './schema';

type Schemas = components['schemas'];

/** GET /public/procurement/products (items) and GET /public/procurement/products/:id (with onSale). */
export type MallProduct = Schemas['PublicProductView'] & Partial<Pick<Schemas['PublicProductDetailView'], 'onSale'>>;

export type ProductSearchPage = Schemas['ProductSearchPage'];

/** GET /procurement/products/mine */
export type SupplierProduct = Schemas['SupplierProductView'];

/** GET /procurement/agreements */
export type Agreement = Schemas['ProcurementAgreementView'];
