import { Actor, OPERATING_ROLES, Role, SUPERVISING_ROLES } from '../auth/roles';

/**
 * Who may grant (and revoke) which roles: the office administers the supervising side, the centre the
 * operating side and the expert library's accounts. Nobody administers the side they are not on.
 */
export const GRANTABLE_BY: Partial<Record<Role, readonly Role[]>> = {
  [Role.Office]: SUPERVISING_ROLES,
  [Role.Centre]: [...OPERATING_ROLES, Role.Expert],
};

export function mayGrant(actor: Actor, role: Role): boolean {
  return actor.roles.some((g) => GRANTABLE_BY[g.role]?.includes(role));
}

/** An account is managed (disabled, enabled) by whoever may grant every role it holds. */
export function mayManage(actor: Actor, heldRoles: readonly Role[]): boolean {
  if (heldRoles.length === 0) return actor.roles.some((g) => g.role === Role.Centre || g.role === Role.Office);
  return heldRoles.every((r) => mayGrant(actor, r));
}

/**
 * 利益冲突: the two sides of the trading desk. An organisation (and an account without one) takes the side of the
 * first centre or bidder role one of its accounts is granted, for good; the other role is refused from then on.
 */
export type TradingSide = Role.Centre | Role.Bidder;

export function sideOf(role: Role): TradingSide | null {
  return role === Role.Centre || role === Role.Bidder ? role : null;
}

/** True when `roles` (held and requested) together with the side already taken would sit on both sides. */
export function crossesSides(taken: TradingSide | null, roles: readonly Role[]): boolean {
  const sides = new Set(roles.map(sideOf).filter((s) => s !== null));
  if (taken) sides.add(taken);
  return sides.size > 1;
}
