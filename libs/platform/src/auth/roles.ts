export enum Role {
  Committee = 'committee',
  Office = 'office',
  Regulator = 'regulator',
  Centre = 'centre',
  Owner = 'owner',
  Agent = 'agent',
  Bidder = 'bidder',
  Expert = 'expert',
}

export const ALL_ROLES = Object.values(Role);

/** 行政监督与交易活动相分离: no account holds one of these and one of OPERATING_ROLES at once. */
export const SUPERVISING_ROLES: readonly Role[] = [Role.Committee, Role.Office, Role.Regulator];
export const OPERATING_ROLES: readonly Role[] = [Role.Centre, Role.Owner, Role.Agent, Role.Bidder];

export enum TradingDomain {
  Tendering = 'tendering',
  Land = 'land',
  Procurement = 'procurement',
  Rural = 'rural',
}

export const ALL_DOMAINS = Object.values(TradingDomain);

export const ROLE_NAMES_ZH: Record<Role, string> = {
  committee: '管委会',
  office: '管理办公室',
  regulator: '行业监管部门',
  centre: '交易中心',
  owner: '招标人/出让人/采购人',
  agent: '招标代理',
  bidder: '投标人/竞买人/供应商',
  expert: '评标专家',
};

export interface RoleGrant {
  role: Role;
  /** only for the regulator: the one trading domain it supervises */
  domain: TradingDomain | null;
}

/** Who is acting: the account behind a verified token, or the platform itself (jobs). */
export interface Actor {
  kind: 'account' | 'system';
  accountId: string | null;
  username: string;
  organisationId: string | null;
  roles: RoleGrant[];
}

export const SYSTEM_ACTOR: Actor = { kind: 'system', accountId: null, username: 'system', organisationId: null, roles: [] };

export function hasRole(actor: Actor, role: Role, domain?: TradingDomain): boolean {
  return actor.roles.some((g) => g.role === role && (domain === undefined || g.domain === null || g.domain === domain));
}

/** Would these grants break the separation of supervision and operation? */
export function mixesSupervisionAndOperation(roles: readonly Role[]): boolean {
  return roles.some((r) => SUPERVISING_ROLES.includes(r)) && roles.some((r) => OPERATING_ROLES.includes(r));
}
