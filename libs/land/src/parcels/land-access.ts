// 行政监督与交易活动相分离: the owner registers its parcels, the centre operates, supervisors read.
import { Actor, hasRole, Role, TradingDomain } from '@app/platform/auth/roles';
import { ParcelRow } from './parcel.types';

export const isOwner = (actor: Actor, p: Pick<ParcelRow, 'ownerOrganisationId'>) => actor.organisationId !== null && actor.organisationId === p.ownerOrganisationId && hasRole(actor, Role.Owner);

export const operates = (actor: Actor) => hasRole(actor, Role.Centre);

export const supervises = (actor: Actor) => hasRole(actor, Role.Office) || hasRole(actor, Role.Regulator, TradingDomain.Land);

export const isWinner = (actor: Actor, p: Pick<ParcelRow, 'winnerOrganisationId'>) => actor.organisationId !== null && actor.organisationId === p.winnerOrganisationId && hasRole(actor, Role.Bidder);
