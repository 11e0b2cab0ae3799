import { orderTransition, pendingStep, releasesBudget, stepTimes } from './order-state';

describe('order state', () => {
  it('walks placed → confirmed → delivered → accepted → paid and refuses skipped steps', () => {
    expect(orderTransition('placed', 'confirm')).toEqual({ ok: true, next: 'confirmed', by: 'supplier' });
    expect(orderTransition('confirmed', 'deliver')).toEqual({ ok: true, next: 'delivered', by: 'supplier' });
    expect(orderTransition('delivered', 'accept')).toEqual({ ok: true, next: 'accepted', by: 'purchaser' });
    expect(orderTransition('accepted', 'pay')).toEqual({ ok: true, next: 'paid', by: 'purchaser' });
    expect(orderTransition('placed', 'accept')).toEqual({ ok: false, allowed: ['confirm', 'cancel'] });
    expect(orderTransition('paid', 'reject')).toEqual({ ok: false, allowed: [] });
  });

  it('releases budget only for rejected and cancelled orders', () => {
    expect(['placed', 'confirmed', 'delivered', 'accepted', 'paid'].some((s) => releasesBudget(s as never))).toBe(false);
    expect(releasesBudget('rejected') && releasesBudget('cancelled')).toBe(true);
  });

  it('names the pending step and its responsible party', () => {
    expect(pendingStep('placed')).toMatchObject({ step: 'confirmation', responsible: 'supplier' });
    expect(pendingStep('confirmed')).toBeNull();
    expect(pendingStep('delivered')).toMatchObject({ step: 'acceptance', responsible: 'purchaser' });
    expect(pendingStep('accepted')).toMatchObject({ step: 'payment', responsible: 'purchaser' });
    expect(pendingStep('paid')).toBeNull();
  });

  it('counts working days over the holiday calendar and warns at the rule percentage', () => {
    const start = new Date('2025-10-09T02:00:00Z'); // Thursday after 国庆
    const { dueAt, warnAt } = stepTimes(start, { value: 10, unit: 's' }, 80);
    expect(dueAt.getTime() - start.getTime()).toBe(10_000);
    expect(warnAt.getTime() - start.getTime()).toBe(8_000);
    const wd = stepTimes(new Date('2025-09-30T02:00:00Z'), { value: 1, unit: 'wd' }, 80).dueAt;
    expect(wd.getTime()).toBeGreaterThan(new Date('2025-10-08T00:00:00Z').getTime());
  });
});
