import { Actor, Role, RoleGrant, TradingDomain } from '@app/platform/auth/roles';
import { maySupervise, readAccess, registration } from './project-access';

const actor = (roles: (Role | RoleGrant)[], organisationId: string | null = 'org-a'): Actor => ({
  kind: 'account',
  accountId: 'acc',
  username: 'u',
  organisationId,
  roles: roles.map((r) => (typeof r === 'string' ? { role: r, domain: null } : r)),
});
const regulator = (domain: TradingDomain) => actor([{ role: Role.Regulator, domain }], 'org-r');
const project = { domain: TradingDomain.Tendering, ownerOrganisationId: 'org-a', agentOrganisationId: 'org-b' };

describe('who may see and supervise a project', () => {
  it('lets the parties, the centre, the office and the regulator of its domain read it', () => {
    expect(readAccess(actor([Role.Owner], 'org-a'), project)).toBe('allowed');
    expect(readAccess(actor([Role.Agent], 'org-b'), project)).toBe('allowed');
    expect(readAccess(actor([Role.Centre], 'org-c'), project)).toBe('allowed');
    expect(readAccess(actor([Role.Office], 'org-o'), project)).toBe('allowed');
    expect(readAccess(regulator(TradingDomain.Tendering), project)).toBe('allowed');
  });

  it('tells a regulator of another domain it is out of scope, and hides the project from everyone else', () => {
    expect(readAccess(regulator(TradingDomain.Land), project)).toBe('out-of-scope');
    expect(readAccess(actor([Role.Owner], 'org-z'), project)).toBe('hidden');
    expect(readAccess(actor([Role.Bidder], 'org-a'), project)).toBe('hidden'); // same organisation, not as a party
    expect(readAccess(actor([Role.Committee], 'org-k'), project)).toBe('hidden');
    expect(readAccess(actor([Role.Owner], null), project)).toBe('hidden');
  });

  it('lets only the office and the regulator of the domain supervise', () => {
    expect(maySupervise(actor([Role.Office]), TradingDomain.Rural)).toBe(true);
    expect(maySupervise(regulator(TradingDomain.Rural), TradingDomain.Rural)).toBe(true);
    expect(maySupervise(regulator(TradingDomain.Land), TradingDomain.Rural)).toBe(false);
    expect(maySupervise(actor([Role.Centre]), TradingDomain.Rural)).toBe(false);
    expect(maySupervise(actor([Role.Committee]), TradingDomain.Rural)).toBe(false);
  });
});

describe('who may register a project for whom', () => {
  it('registers an owner for itself and an agent for its client', () => {
    expect(registration(actor([Role.Owner], 'org-a'))).toEqual({ ok: true, owner: 'org-a', agent: null, role: Role.Owner });
    expect(registration(actor([Role.Owner], 'org-a'), 'org-a')).toEqual({ ok: true, owner: 'org-a', agent: null, role: Role.Owner });
    expect(registration(actor([Role.Agent], 'org-b'), 'org-a')).toEqual({ ok: true, owner: 'org-a', agent: 'org-b', role: Role.Agent });
    expect(registration(actor([Role.Owner, Role.Agent], 'org-b'), 'org-a')).toMatchObject({ ok: true, agent: 'org-b' });
  });

  it('refuses an owner registering for someone else, an agent without a client, an account without organisation', () => {
    expect(registration(actor([Role.Owner], 'org-a'), 'org-z')).toEqual({ ok: false, refusal: 'PROJECT_NOT_YOURS' });
    expect(registration(actor([Role.Agent], 'org-b'))).toEqual({ ok: false, refusal: 'PROJECT_OWNER_REQUIRED' });
    expect(registration(actor([Role.Agent], 'org-b'), 'org-b')).toEqual({ ok: false, refusal: 'PROJECT_OWNER_REQUIRED' });
    expect(registration(actor([Role.Owner], null))).toEqual({ ok: false, refusal: 'PROJECT_NOT_YOURS' });
  });
});
