// 行政监督与交易活动相分离: the collective (or its agent) runs its deal, the centre operates it, supervisors read it.
import { Actor, hasRole, Role, TradingDomain } from '@app/platform/auth/roles';
import { DealRow } from './deal.types';

export const isParty = (actor: Actor, d: Pick<DealRow, 'ownerOrganisationId' | 'agentOrganisationId'>) =>
  actor.organisationId !== null && (actor.organisationId === d.ownerOrganisationId || actor.organisationId === d.agentOrganisationId) && (hasRole(actor, Role.Owner) || hasRole(actor, Role.Agent));

export const supervises = (actor: Actor) => hasRole(actor, Role.Office) || hasRole(actor, Role.Regulator, TradingDomain.Rural);

export const operates = (actor: Actor) => hasRole(actor, Role.Centre);

/** The role the actor acts in on this deal, for the audit trail. */
export function partyRole(actor: Actor, d: Pick<DealRow, 'ownerOrganisationId'>): Role {
  return actor.organisationId === d.ownerOrganisationId && hasRole(actor, Role.Owner) ? Role.Owner : Role.Agent;
}

/** Who applied stays with the centre until the listing is over, so that the collective cannot steer the bidding. */
export const applicantsOpen = (d: Pick<DealRow, 'status'>) => ['failed', 'relisting', 'concluded', 'contracted'].includes(d.status);
