// 行政监督与交易活动相分离: the purchaser runs its requirement, the centre operates the e-mall, supervisors read it.
import { Actor, hasRole, Role, TradingDomain } from '@app/platform/auth/roles';

export const isPurchaser = (actor: Actor, r: { purchaserOrganisationId: string }) =>
  actor.organisationId !== null && actor.organisationId === r.purchaserOrganisationId && hasRole(actor, Role.Owner);

export const supervisesProcurement = (actor: Actor) => hasRole(actor, Role.Office) || hasRole(actor, Role.Regulator, TradingDomain.Procurement);

export const operates = (actor: Actor) => hasRole(actor, Role.Centre);
