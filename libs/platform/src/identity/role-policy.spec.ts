import { Actor, mixesSupervisionAndOperation, Role } from '../auth/roles';
import { crossesSides, mayGrant, mayManage } from './role-policy';

const actor = (...roles: Role[]): Actor => ({ kind: 'account', accountId: 'a', username: 'a', organisationId: null, roles: roles.map((role) => ({ role, domain: null })) });

describe('role policy', () => {
  it('lets the office grant only supervising roles and the centre only operating roles and expert', () => {
    expect([Role.Committee, Role.Office, Role.Regulator].every((r) => mayGrant(actor(Role.Office), r))).toBe(true);
    expect([Role.Centre, Role.Owner, Role.Agent, Role.Bidder, Role.Expert].some((r) => mayGrant(actor(Role.Office), r))).toBe(false);
    expect([Role.Centre, Role.Owner, Role.Agent, Role.Bidder, Role.Expert].every((r) => mayGrant(actor(Role.Centre), r))).toBe(true);
    expect([Role.Committee, Role.Office, Role.Regulator].some((r) => mayGrant(actor(Role.Centre), r))).toBe(false);
    expect(mayGrant(actor(Role.Bidder, Role.Owner), Role.Bidder)).toBe(false);
  });

  it('manages an account only when it may grant every role the account holds', () => {
    expect(mayManage(actor(Role.Centre), [Role.Bidder, Role.Expert])).toBe(true);
    expect(mayManage(actor(Role.Centre), [Role.Regulator])).toBe(false);
    expect(mayManage(actor(Role.Office), [Role.Committee])).toBe(true);
    expect(mayManage(actor(Role.Bidder), [])).toBe(false);
  });

  it('sees a mix of supervision and operation', () => {
    expect(mixesSupervisionAndOperation([Role.Office, Role.Bidder])).toBe(true);
    expect(mixesSupervisionAndOperation([Role.Regulator, Role.Expert])).toBe(false);
    expect(mixesSupervisionAndOperation([Role.Centre, Role.Expert, Role.Owner])).toBe(false);
  });

  it('keeps the centre and the bidders apart, counting the side an organisation already took', () => {
    expect(crossesSides(null, [Role.Centre, Role.Expert, Role.Owner])).toBe(false);
    expect(crossesSides(Role.Bidder, [Role.Owner, Role.Bidder])).toBe(false);
    expect(crossesSides(null, [Role.Bidder, Role.Centre])).toBe(true);
    expect(crossesSides(Role.Bidder, [Role.Centre])).toBe(true);
    expect(crossesSides(Role.Centre, [Role.Bidder])).toBe(true);
    expect(crossesSides(Role.Centre, [Role.Agent, Role.Expert])).toBe(false);
  });
});
