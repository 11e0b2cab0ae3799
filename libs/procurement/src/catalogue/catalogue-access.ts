// 行政监督与交易活动相分离: suppliers list, the centre operates the catalogue, the office and the procurement regulator read.
import { Actor, hasRole, Role, TradingDomain } from '@app/platform/auth/roles';

export const operates = (actor: Actor) => hasRole(actor, Role.Centre);

export const supervises = (actor: Actor) => hasRole(actor, Role.Office) || hasRole(actor, Role.Regulator, TradingDomain.Procurement);

export const supplierOf = (actor: Actor): string | null => (hasRole(actor, Role.Bidder) ? actor.organisationId : null);
