import { Actor, Role, TradingDomain } from '@app/platform/auth/roles';
import { drawReadLevel } from './draw-access';

const as = (role: Role, domain: TradingDomain | null = null): Actor => ({ kind: 'account', accountId: 'a', username: 'u', organisationId: null, roles: [{ role, domain }] });
const draw = (status: 'inviting' | 'complete' | 'opened' | 'finished') => ({ domain: 'tendering', status, revealedSeed: status === 'opened' || status === 'finished' ? 'ab' : null });

describe('who reads a draw', () => {
  it('keeps the list from everyone until the session starts', () => {
    for (const role of Object.values(Role)) expect(drawReadLevel(as(role, role === Role.Regulator ? TradingDomain.Tendering : null), draw('complete'))).not.toBe('members');
  });

  it('opens it to the centre at the session, to supervisors of the domain when the project ends', () => {
    expect(drawReadLevel(as(Role.Centre), draw('opened'))).toBe('members');
    expect(drawReadLevel(as(Role.Office), draw('opened'))).toBe('summary');
    expect(drawReadLevel(as(Role.Office), draw('finished'))).toBe('members');
    expect(drawReadLevel(as(Role.Regulator, TradingDomain.Tendering), draw('finished'))).toBe('members');
    expect(drawReadLevel(as(Role.Regulator, TradingDomain.Land), draw('finished'))).toBe('none');
  });

  it('never shows owners, agents, bidders or experts a draw', () => {
    for (const role of [Role.Owner, Role.Agent, Role.Bidder, Role.Expert, Role.Committee]) expect(drawReadLevel(as(role), draw('finished'))).toBe('none');
  });
});
