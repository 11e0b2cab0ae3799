// 行政监督与交易活动相分离: who may read, register and supervise a project. Pure, so it is tested without a server.
import { Actor, hasRole, Role, TradingDomain } from '@app/platform/auth/roles';

export interface ProjectParties {
  domain: TradingDomain;
  ownerOrganisationId: string;
  agentOrganisationId: string | null;
}

/** The office supervises every domain; a regulator only its own (住建、自然资源、财政、农业农村). */
export function maySupervise(actor: Actor, domain: TradingDomain): boolean {
  return hasRole(actor, Role.Office) || actor.roles.some((g) => g.role === Role.Regulator && g.domain === domain);
}

export type ReadAccess = 'allowed' | 'out-of-scope' | 'hidden';

/**
 * The project's parties, the centre that operates it and its supervisors read it. A regulator of another
 * domain is told it is out of scope; anyone else is not told the project exists.
 */
export function readAccess(actor: Actor, p: ProjectParties): ReadAccess {
  if (hasRole(actor, Role.Centre) || maySupervise(actor, p.domain)) return 'allowed';
  const org = actor.organisationId;
  const party = org !== null && (org === p.ownerOrganisationId || org === p.agentOrganisationId);
  if (party && (hasRole(actor, Role.Owner) || hasRole(actor, Role.Agent))) return 'allowed';
  return hasRole(actor, Role.Regulator) ? 'out-of-scope' : 'hidden';
}

export type Registration =
  | { ok: true; owner: string; agent: string | null; role: Role.Owner | Role.Agent }
  | { ok: false; refusal: 'PROJECT_NOT_YOURS' | 'PROJECT_OWNER_REQUIRED' };

/**
 * An owner registers for its own organisation; an agent (招标代理) for the owner it names, never for itself
 * alone. An account holding both may do either.
 */
export function registration(actor: Actor, ownerOrganisationId?: string): Registration {
  const own = actor.organisationId;
  if (!own) return { ok: false, refusal: 'PROJECT_NOT_YOURS' };
  const isOwner = hasRole(actor, Role.Owner);
  const isAgent = hasRole(actor, Role.Agent);
  if (ownerOrganisationId === undefined || ownerOrganisationId === own) {
    if (isOwner) return { ok: true, owner: own, agent: null, role: Role.Owner };
    return { ok: false, refusal: isAgent ? 'PROJECT_OWNER_REQUIRED' : 'PROJECT_NOT_YOURS' };
  }
  return isAgent ? { ok: true, owner: ownerOrganisationId, agent: own, role: Role.Agent } : { ok: false, refusal: 'PROJECT_NOT_YOURS' };
}

/** The role a supervisor acts in, for the audit trail. */
export function supervisingRole(actor: Actor): Role {
  return hasRole(actor, Role.Office) ? Role.Office : Role.Regulator;
}
