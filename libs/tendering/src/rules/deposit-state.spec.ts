import { bidDepositProblem, DepositFacts, depositStep } from './deposit-state';

const transfer = (status: DepositFacts['status'], refundDue: Date | null = null): DepositFacts => ({ status, method: 'transfer', refundDue });
const guarantee = (status: DepositFacts['status'], refundDue: Date | null = null): DepositFacts => ({ status, method: 'guarantee', refundDue });
const due = new Date('2026-03-09T10:00:00+08:00');

describe('deposit state (条例 26, 35, 57)', () => {
  it('is declared, corrected until confirmed, then confirmed once', () => {
    expect(depositStep(null, 'declare')).toEqual({ to: 'declared' });
    expect(depositStep(transfer('declared'), 'declare')).toEqual({ to: 'declared' });
    expect(depositStep(transfer('declared'), 'confirm')).toEqual({ to: 'confirmed' });
    expect(depositStep(transfer('confirmed'), 'declare')).toEqual({ refused: 'DEPOSIT_STATE_CONFLICT' });
    expect(depositStep(transfer('confirmed'), 'confirm')).toEqual({ refused: 'DEPOSIT_STATE_CONFLICT' });
    expect(depositStep(null, 'confirm')).toEqual({ refused: 'DEPOSIT_STATE_CONFLICT' });
  });

  it('gives nothing back that the centre never confirmed', () => {
    expect(depositStep(transfer('declared', due), 'refund')).toEqual({ refused: 'DEPOSIT_NOT_CONFIRMED' });
    expect(depositStep(guarantee('declared', due), 'release')).toEqual({ refused: 'DEPOSIT_NOT_CONFIRMED' });
    expect(depositStep(null, 'refund')).toEqual({ refused: 'DEPOSIT_NOT_CONFIRMED' });
  });

  it('refunds or releases only once due: a withdrawal before the deadline (条例 35), a failure or the contract (条例 57)', () => {
    expect(depositStep(transfer('confirmed'), 'refund')).toEqual({ refused: 'DEPOSIT_REFUND_NOT_DUE' });
    expect(depositStep(guarantee('confirmed'), 'release')).toEqual({ refused: 'DEPOSIT_REFUND_NOT_DUE' });
    expect(depositStep(transfer('confirmed', due), 'refund')).toEqual({ to: 'refunded' });
    expect(depositStep(guarantee('confirmed', due), 'release')).toEqual({ to: 'released' });
  });

  it('releases an e-guarantee and refunds a transfer, never the other way round', () => {
    expect(depositStep(guarantee('confirmed', due), 'refund')).toEqual({ refused: 'DEPOSIT_IS_GUARANTEE' });
    expect(depositStep(transfer('confirmed', due), 'release')).toEqual({ refused: 'DEPOSIT_NOT_GUARANTEE' });
  });

  it('gives back once; a deposit given back may be paid again for a new bid', () => {
    expect(depositStep(transfer('refunded', due), 'refund')).toEqual({ refused: 'DEPOSIT_STATE_CONFLICT' });
    expect(depositStep(guarantee('released', due), 'release')).toEqual({ refused: 'DEPOSIT_STATE_CONFLICT' });
    expect(depositStep(transfer('refunded', due), 'confirm')).toEqual({ refused: 'DEPOSIT_STATE_CONFLICT' });
    expect(depositStep(transfer('refunded', due), 'declare')).toEqual({ to: 'declared' });
    expect(depositStep(guarantee('released', due), 'declare')).toEqual({ to: 'declared' });
  });

  it('takes a bid without a confirmed deposit only when the rules do not require one or the section asks none', () => {
    expect(bidDepositProblem(null, 16_000_000n, 1)).toBe('DEPOSIT_REQUIRED');
    expect(bidDepositProblem({ status: 'declared' }, 16_000_000n, 1)).toBe('DEPOSIT_REQUIRED');
    expect(bidDepositProblem({ status: 'refunded' }, 16_000_000n, 1)).toBe('DEPOSIT_REQUIRED');
    expect(bidDepositProblem({ status: 'released' }, 16_000_000n, 1)).toBe('DEPOSIT_REQUIRED');
    expect(bidDepositProblem({ status: 'confirmed' }, 16_000_000n, 1)).toBeNull();
    expect(bidDepositProblem(null, 16_000_000n, 0)).toBeNull();
    expect(bidDepositProblem(null, 0n, 1)).toBeNull();
  });
});
