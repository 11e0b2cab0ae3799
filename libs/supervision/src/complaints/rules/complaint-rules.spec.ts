import { allowedEvents, COMPLAINT_EVENTS, COMPLAINT_STATUSES, complaintTransition, onTime } from './complaint-state';
import { objectionQualifies } from './objection';

describe('complaint state machine', () => {
  const f = (status: Parameters<typeof complaintTransition>[0]['status'], suspending = false) => ({ status, suspending });

  it('accepts or rejects a filed complaint, and the complainant may withdraw it', () => {
    expect(complaintTransition(f('filed'), 'accept')).toEqual({ ok: true, next: 'accepted', resumesProject: false });
    expect(complaintTransition(f('filed'), 'reject')).toEqual({ ok: true, next: 'rejected', resumesProject: false });
    expect(complaintTransition(f('filed'), 'withdraw')).toEqual({ ok: true, next: 'withdrawn', resumesProject: false });
    expect(allowedEvents(f('filed'))).toEqual(['accept', 'reject', 'withdraw']);
  });

  it('decides, suspends and resumes only an accepted complaint', () => {
    for (const e of ['suspend', 'resume', 'decide'] as const) expect(complaintTransition(f('filed'), e).ok).toBe(false);
    expect(complaintTransition(f('accepted'), 'suspend')).toMatchObject({ ok: true, next: 'accepted' });
    expect(complaintTransition(f('accepted'), 'resume')).toMatchObject({ ok: false, reason: 'the project is not suspended by this complaint' });
    expect(complaintTransition(f('accepted', true), 'suspend')).toMatchObject({ ok: false, reason: 'the project stands suspended by this complaint already' });
    expect(complaintTransition(f('accepted', true), 'resume')).toEqual({ ok: true, next: 'accepted', resumesProject: false });
    expect(allowedEvents(f('accepted'))).toEqual(['withdraw', 'suspend', 'decide']);
    expect(allowedEvents(f('accepted', true))).toEqual(['withdraw', 'resume', 'decide']);
  });

  it('a decision lifts the suspension this complaint holds', () => {
    expect(complaintTransition(f('accepted', true), 'decide')).toEqual({ ok: true, next: 'decided', resumesProject: true });
    expect(complaintTransition(f('accepted', false), 'decide')).toEqual({ ok: true, next: 'decided', resumesProject: false });
  });

  it('a withdrawal leaves the suspension for the supervisor to lift', () => {
    expect(complaintTransition(f('accepted', true), 'withdraw')).toEqual({ ok: true, next: 'withdrawn', resumesProject: false });
    expect(allowedEvents(f('withdrawn', true))).toEqual(['resume']);
    expect(allowedEvents(f('withdrawn'))).toEqual([]);
  });

  it('rejected and decided are final: nothing twice', () => {
    for (const s of ['rejected', 'decided'] as const) for (const e of COMPLAINT_EVENTS) expect(complaintTransition(f(s), e).ok).toBe(false);
    expect(complaintTransition(f('decided'), 'decide')).toEqual({ ok: false, status: 'decided', event: 'decide', reason: 'a decided complaint cannot decide' });
    expect(COMPLAINT_STATUSES).toHaveLength(5);
  });

  it('on time means not after the due time', () => {
    const due = new Date('2026-03-04T10:00:00Z');
    expect(onTime(new Date('2026-03-04T10:00:00Z'), due)).toBe(true);
    expect(onTime(new Date('2026-03-04T10:00:00.001Z'), due)).toBe(false);
  });
});

describe('the objection a tendering complaint follows', () => {
  const now = new Date('2026-03-10T08:00:00Z');
  const due = new Date('2026-03-09T08:00:00Z');

  it('must be the complainant’s own', () => {
    expect(objectionQualifies({ organisationId: 'o2', repliedAt: null, replyDue: due }, 'o1', now)).toEqual({ ok: false, refusal: 'OBJECTION_NOT_YOURS' });
  });

  it('counts from the reply when it was answered', () => {
    const repliedAt = new Date('2026-03-08T08:00:00Z');
    expect(objectionQualifies({ organisationId: 'o1', repliedAt, replyDue: due }, 'o1', now)).toEqual({ ok: true, knownAt: repliedAt, answered: true });
  });

  it('counts from the reply time when it went unanswered past it', () => {
    expect(objectionQualifies({ organisationId: 'o1', repliedAt: null, replyDue: due }, 'o1', now)).toEqual({ ok: true, knownAt: due, answered: false });
  });

  it('is refused while the owner may still answer, or when it has no reply time', () => {
    expect(objectionQualifies({ organisationId: 'o1', repliedAt: null, replyDue: now }, 'o1', now)).toEqual({ ok: false, refusal: 'OBJECTION_PENDING' });
    expect(objectionQualifies({ organisationId: 'o1', repliedAt: null, replyDue: null }, 'o1', now)).toEqual({ ok: false, refusal: 'OBJECTION_PENDING' });
  });
});
