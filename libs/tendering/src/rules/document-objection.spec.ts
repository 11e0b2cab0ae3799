import { objectionClosesAt, objectionInTime } from './document-objection';

describe('条例 22: objections to the documents close before the deadline', () => {
  const deadline = new Date('2026-03-20T01:30:00Z');

  it('closes the rule’s period before the deadline', () => {
    expect(objectionClosesAt(deadline, { value: 10, unit: 'd' })).toEqual(new Date('2026-03-10T01:30:00Z'));
    expect(objectionClosesAt(deadline, { value: 40, unit: 's' })).toEqual(new Date('2026-03-20T01:29:20Z'));
  });

  it('accepts the last moment and refuses one millisecond later', () => {
    const last = new Date('2026-03-10T01:30:00Z');
    expect(objectionInTime(last, deadline, { value: 10, unit: 'd' })).toBe(true);
    expect(objectionInTime(new Date(last.getTime() + 1), deadline, { value: 10, unit: 'd' })).toBe(false);
  });
});
