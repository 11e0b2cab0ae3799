// 行政监督与交易活动相分离: the purchaser and the supplier run their order, the centre reads it, supervisors read every order.
import { Actor, hasRole, Role, TradingDomain } from '@app/platform/auth/roles';
import { OrderRow } from './buying.types';
import { OrderParty } from './rules/order-state';

export const supervises = (actor: Actor) => hasRole(actor, Role.Office) || hasRole(actor, Role.Regulator, TradingDomain.Procurement);

export const operates = (actor: Actor) => hasRole(actor, Role.Centre);

/** The side of the order the actor is on, if any: a purchaser (采购人) acts as owner, a supplier as bidder. */
export function sideOf(actor: Actor, o: Pick<OrderRow, 'purchaserOrganisationId' | 'supplierOrganisationId'>): OrderParty | null {
  if (!actor.organisationId) return null;
  if (actor.organisationId === o.purchaserOrganisationId && hasRole(actor, Role.Owner)) return 'purchaser';
  if (actor.organisationId === o.supplierOrganisationId && hasRole(actor, Role.Bidder)) return 'supplier';
  return null;
}

export const roleOf = (side: OrderParty): Role => (side === 'purchaser' ? Role.Owner : Role.Bidder);
