// 行政监督与交易活动相分离: the parties run their tender, the centre operates it, supervisors read it.
import { Actor, hasRole, Role, TradingDomain } from '@app/platform/auth/roles';
import { TenderRow } from './tender.types';

export const isParty = (actor: Actor, t: Pick<TenderRow, 'ownerOrganisationId' | 'agentOrganisationId'>) =>
  actor.organisationId !== null && (actor.organisationId === t.ownerOrganisationId || actor.organisationId === t.agentOrganisationId) && (hasRole(actor, Role.Owner) || hasRole(actor, Role.Agent));

export const supervises = (actor: Actor) => hasRole(actor, Role.Office) || hasRole(actor, Role.Regulator, TradingDomain.Tendering);

export const operates = (actor: Actor) => hasRole(actor, Role.Centre);

/** 法 22: until the opening nobody learns who or how many registered, deposited or bid (the centre's deposit desk and supervisors apart). */
export const biddersSecret = (t: Pick<TenderRow, 'status'>) => ['submitted', 'returned', 'accepted', 'bidding'].includes(t.status);

/** The role the actor acts in on this tender, for the audit trail. */
export function partyRole(actor: Actor, t: Pick<TenderRow, 'ownerOrganisationId'>): Role {
  return actor.organisationId === t.ownerOrganisationId && hasRole(actor, Role.Owner) ? Role.Owner : Role.Agent;
}
