import { openingOutcome, tenderAfterOpening, tenderTransition } from './tender-state';

describe('tender state machine', () => {
  it('walks the lawful path', () => {
    let s = 'submitted' as const as Parameters<typeof tenderTransition>[0];
    for (const e of ['accept', 'announce', 'open', 'evaluate', 'publicise', 'award'] as const) {
      const t = tenderTransition(s, e);
      expect(t.ok).toBe(true);
      if (t.ok) s = t.next;
    }
    expect(s).toBe('awarded');
  });

  it('lets a returned registration come back, and refuses skipping steps, naming what is allowed', () => {
    expect(tenderTransition('submitted', 'return')).toEqual({ ok: true, next: 'returned' });
    expect(tenderTransition('returned', 'resubmit')).toEqual({ ok: true, next: 'submitted' });
    expect(tenderTransition('submitted', 'announce')).toEqual({ ok: false, allowed: ['return', 'accept'] });
    expect(tenderTransition('failed', 'evaluate')).toEqual({ ok: false, allowed: [] });
    expect(tenderTransition('evaluating', 'fail')).toEqual({ ok: true, next: 'failed' });
  });

  it('fails a section with fewer bids than the rules ask (条例 44), and the tender when every section failed', () => {
    expect(openingOutcome(2, 3)).toBe('failed');
    expect(openingOutcome(3, 3)).toBe('opened');
    expect(tenderAfterOpening(['failed', 'failed'])).toBe('failed');
    expect(tenderAfterOpening(['failed', 'opened'])).toBe('opened');
  });
});
