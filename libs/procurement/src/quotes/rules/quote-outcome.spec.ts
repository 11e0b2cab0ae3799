import { afterFailure, OpenedQuote, roundOutcome } from './quote-outcome';

const q = (id: string, yuan: number, atMs: number, qualified = true): OpenedQuote => ({ id, organisationId: `org-${id}`, totalFen: BigInt(yuan * 100), receivedAt: new Date(atMs), qualified });

describe('online quote round outcome', () => {
  it('takes the lowest valid price, a tie going to the earlier submission', () => {
    const out = roundOutcome([q('a', 900, 3), q('b', 800, 2), q('c', 800, 1), q('d', 1200, 0)], 100000n, 3);
    expect(out.status).toBe('awarded');
    expect(out.winnerId).toBe('c');
    expect(out.validity.get('d')).toBe('above_maximum');
    expect(out.validCount).toBe(3);
  });

  it('fails with fewer valid quotes than the rule asks, counting neither unqualified nor over-maximum ones', () => {
    const out = roundOutcome([q('a', 900, 1), q('b', 800, 2, false), q('c', 1001, 3)], 100000n, 3);
    expect(out).toMatchObject({ status: 'failed', winnerId: null, validCount: 1 });
    expect(out.validity.get('b')).toBe('not_qualified');
  });

  it('accepts a quote exactly at the maximum', () => {
    expect(roundOutcome([q('a', 1000, 1), q('b', 1000, 2), q('c', 1000, 3)], 100000n, 3).winnerId).toBe('a');
  });

  it('lets a failed round 1 reopen once, never a round 2', () => {
    expect(afterFailure('failed', 1, 'reopen')).toEqual({ ok: true });
    expect(afterFailure('failed', 2, 'reopen')).toEqual({ ok: false, code: 'REOPEN_USED' });
    expect(afterFailure('failed', 2, 'switch')).toEqual({ ok: true });
    expect(afterFailure('awarded', 1, 'switch')).toEqual({ ok: false, code: 'REQUIREMENT_STATE_CONFLICT' });
  });
});
