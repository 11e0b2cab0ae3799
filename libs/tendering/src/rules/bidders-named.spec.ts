import { tenderWhoseBiddersAreNamed, tendersNamed } from './bidders-named';

const T = '11111111-1111-4111-8111-111111111111';
const U = '22222222-2222-4222-8222-222222222222';
const on = (action: string, actorRole: string | null, payload: unknown = {}) => ({ action, actorRole, subjectType: 'tender', subjectId: T, payload });

describe('which audit events name a tender’s potential bidders (法 22)', () => {
  it('names the tender for everything a bidder did on it', () => {
    for (const a of ['tender.bidder_registered', 'tender.question_asked', 'tender.document_objection_raised', 'tender.deposit_declared', 'tender.bid_submitted', 'tender.bid_withdrawn', 'tender.opening_objection']) {
      expect(tenderWhoseBiddersAreNamed(on(a, 'bidder'))).toBe(T);
    }
  });

  it('names the tender for the centre’s deposit steps, which carry the depositor', () => {
    for (const a of ['tender.deposit_confirmed', 'tender.deposit_refunded', 'tender.deposit_released']) expect(tenderWhoseBiddersAreNamed(on(a, 'centre', { organisationId: U }))).toBe(T);
  });

  it('leaves out what the parties, the centre and the system did without naming a bidder, and the supervisors’ own reads', () => {
    for (const [a, role] of [
      ['tender.registered', 'agent'],
      ['tender.accepted', 'centre'],
      ['tender.announced', 'centre'],
      ['tender.question_answered', 'owner'],
      ['tender.amended', 'owner'],
      ['tender.document_objection_answered', 'agent'],
      ['tender.opening_held', 'system'],
      ['tender.bidders_viewed', 'office'],
      ['tender.bidders_viewed', 'regulator'],
    ]) {
      expect(tenderWhoseBiddersAreNamed(on(a, role))).toBeNull();
    }
  });

  it('follows payload.projectId for a bidder’s complaint and a draw request that avoids the bidders', () => {
    expect(tenderWhoseBiddersAreNamed({ action: 'complaint.filed', actorRole: 'bidder', subjectType: 'complaint', subjectId: U, payload: { projectId: T } })).toBe(T);
    const draw = (bidders: string[]) => ({ action: 'expert_draw.requested', actorRole: 'centre', subjectType: 'expert_draw', subjectId: U, payload: { projectId: T, avoidParties: { owner: null, agent: null, bidders } } });
    expect(tenderWhoseBiddersAreNamed(draw(['91350100MA2XXXXXX1']))).toBe(T);
    expect(tenderWhoseBiddersAreNamed(draw([]))).toBeNull();
    expect(tenderWhoseBiddersAreNamed({ action: 'complaint.accepted', actorRole: 'office', subjectType: 'complaint', subjectId: U, payload: { projectId: T } })).toBeNull();
    expect(tenderWhoseBiddersAreNamed({ action: 'lot.bid_accepted', actorRole: 'bidder', subjectType: 'lot', subjectId: U, payload: null })).toBeNull();
  });

  it('groups a page of events by tender, once each', () => {
    const page = [
      { id: '9', ...on('tender.bid_submitted', 'bidder') },
      { id: '8', ...on('tender.announced', 'centre') },
      { id: '7', ...on('tender.deposit_declared', 'bidder') },
      { id: '6', action: 'complaint.filed', actorRole: 'bidder', subjectType: 'complaint', subjectId: T, payload: { projectId: U } },
    ];
    expect([...tendersNamed(page)]).toEqual([
      [T, ['9', '7']],
      [U, ['6']],
    ]);
  });
});
