import { OrderStatus } from './rules/order-state';

export interface BudgetLineRow {
  id: string;
  organisationId: string;
  organisationName: string;
  code: string;
  name: string;
  year: number;
  amountFen: string;
  usedFen: string;
  createdAt: Date;
}

export interface OrderRow {
  id: string;
  no: string;
  purchaserOrganisationId: string;
  purchaserName: string;
  supplierOrganisationId: string;
  supplierName: string;
  budgetLineId: string;
  budgetCode: string;
  budgetName: string;
  source: 'direct' | 'quote';
  sourceId: string | null;
  totalFen: string;
  status: OrderStatus;
  ruleSetId: string;
  ruleSetVersion: number;
  sandbox: boolean;
  rules: Record<string, any>;
  placedAt: Date;
  confirmDue: Date;
  confirmedAt: Date | null;
  deliveredAt: Date | null;
  deliveryNote: string | null;
  acceptDue: Date | null;
  acceptedAt: Date | null;
  rejectedAt: Date | null;
  rejectionReasons: string[] | null;
  paymentDue: Date | null;
  paidAt: Date | null;
  paymentReference: string | null;
  cancelledAt: Date | null;
  dueAt: Date | null;
  warnAt: Date | null;
}

export interface OrderItemRow {
  lineNo: number;
  productId: string | null;
  description: string;
  quantity: number;
  unitPriceFen: string;
  amountFen: string;
}

export interface ProductForSale {
  id: string;
  supplierOrganisationId: string;
  description: string;
  priceFen: string;
  onSale: boolean;
}

export interface RatingRow {
  orderId: string;
  orderNo: string;
  supplierOrganisationId: string;
  purchaserOrganisationId: string;
  purchaserName: string;
  quality: number;
  delivery: number;
  service: number;
  comment: string;
  ratedAt: Date;
  reply: string | null;
  repliedAt: Date | null;
}
