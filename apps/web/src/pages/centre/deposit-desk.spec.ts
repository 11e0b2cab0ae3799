import { deskState, offered, overdue, tally } from './deposit-desk';

const d = (status: string, method: string, refundDue: string | null = null) => ({ status, method, refundDue });
const DUE = '2026-12-01T02:00:00.000Z';

describe('the centre’s deposit desk', () => {
  it('shows the states in the words of the desk, a confirmed deposit that fell due as 应退', () => {
    expect(deskState(d('declared', 'transfer'))).toBe('declared');
    expect(deskState(d('declared', 'transfer', DUE))).toBe('declared');
    expect(deskState(d('confirmed', 'transfer'))).toBe('confirmed');
    expect(deskState(d('confirmed', 'guarantee', DUE))).toBe('due');
    expect(deskState(d('refunded', 'transfer', DUE))).toBe('refunded');
    expect(deskState(d('released', 'guarantee', DUE))).toBe('released');
  });

  it('offers only what the state machine takes: confirm a declared deposit, refund cash and release guarantees once due', () => {
    expect(offered(d('declared', 'transfer'))).toEqual(['confirm']);
    expect(offered(d('declared', 'guarantee', DUE))).toEqual(['confirm']);
    expect(offered(d('confirmed', 'transfer'))).toEqual([]);
    expect(offered(d('confirmed', 'guarantee'))).toEqual([]);
    expect(offered(d('confirmed', 'transfer', DUE))).toEqual(['refund']);
    expect(offered(d('confirmed', 'guarantee', DUE))).toEqual(['release']);
    expect(offered(d('refunded', 'transfer', DUE))).toEqual([]);
    expect(offered(d('released', 'guarantee', DUE))).toEqual([]);
  });

  it('marks a due refund overdue after its latest lawful moment, and counts each state', () => {
    const due = d('confirmed', 'transfer', DUE);
    expect(overdue(due, Date.parse(DUE) - 1)).toBe(false);
    expect(overdue(due, Date.parse(DUE) + 1)).toBe(true);
    expect(overdue(d('refunded', 'transfer', DUE), Date.parse(DUE) + 1)).toBe(false);
    expect(tally([d('declared', 'transfer'), due, due, d('released', 'guarantee', DUE)])).toEqual({ declared: 1, confirmed: 0, due: 2, refunded: 0, released: 1 });
  });
});
