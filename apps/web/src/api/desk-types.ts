/** Shapes of the centre's land, rural and e-mall desks (GET /land/parcels, GET /rural/deals, the e-mall's review routes). */
import type { components } from './schema';

type Schemas = components['schemas'];

export interface DeskPage<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export type DeskParcel = Schemas['ParcelDeskItemView'];

export type DeskLandApplication = Schemas['LandApplicationView'];

/** POST /land/parcels/:id/confirmation: 成交确认书 */
export type LandConfirmation = Schemas['ConfirmationView'];

export type DeskDeal = Schemas['DealDeskItemView'];

export type DeskRuralApplication = Schemas['ApplicationView'];

export type ReviewedProduct = Schemas['ReviewedProductView'];

export type MallAgreement = Schemas['ProcurementAgreementView'];
