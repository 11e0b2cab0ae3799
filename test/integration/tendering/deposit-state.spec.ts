import { Role } from '@app/platform/auth/roles';
import { postForm } from '../../support/tender-fixtures';
import { startTestApp, TestAccount, TestApp } from '../../support/test-app';

// rules/deposit-state.ts through HTTP: declared → confirmed → (due: 条例 35 withdrawal, 条例 57 failure or contract) →
// refunded (transfer) or released (e-guarantee); a bid needs a confirmed deposit when the rule set says so (条例 26).
describe('deposits as one state machine', () => {
  let t: TestApp;
  let centre: string;
  let committee: string;
  let owner: TestAccount;
  let agent: TestAccount;

  const periods = { bidPreparation: { value: 8, unit: 's' }, clarificationBeforeDeadline: { value: 20, unit: 's' }, depositRefundAfterWithdrawal: { value: 40, unit: 's' } };
  const publishRules = async (numbers: Record<string, number>) => {
    const draft = await t.http.post('/rule-sets', { domain: 'tendering', name: '保证金测试(秒)', sandbox: true, changes: { periods, numbers } }, committee);
    expect(draft.status).toBe(201);
    expect((await t.http.post(`/rule-sets/${draft.body.id}/publish`, {}, committee)).status).toBe(200);
  };
  const tender = async (name: string) => {
    const reg = await t.http.post(
      '/tenders',
      { name, kind: 'construction', region: '350102', qualification: '市政公用工程施工总承包二级', evaluationMethod: 'lowest_price', sections: [{ name: '一标段', estimate: '5000000.00', deposit: '100000.00' }], ownerOrganisationId: owner.organisationId, ruleSet: 'sandbox' },
      agent.token,
    );
    expect(reg.status).toBe(201);
    const id = reg.body.id as string;
    expect((await t.http.post(`/tenders/${id}/accept`, {}, centre)).status).toBe(200);
    expect((await postForm(t, `/tenders/${id}/documents`, agent.token, {}, { name: '招标文件.pdf', content: Buffer.from('%PDF 招标文件') })).status).toBe(201);
    expect((await t.http.post(`/tenders/${id}/announce`, { bidDeadline: new Date(Date.now() + 3_600_000).toISOString() }, centre)).status).toBe(200);
    return id;
  };
  const registered = async (id: string) => {
    const b = await t.account([Role.Bidder]);
    expect((await t.http.post(`/tenders/${id}/registrations`, {}, b.token)).status).toBe(200);
    return b;
  };
  const declare = (id: string, b: TestAccount, method: 'transfer' | 'guarantee', reference: string) =>
    t.http.post(`/tenders/${id}/sections/1/deposits`, { method, reference, amount: '100000.00', ...(method === 'transfer' ? { payerAccount: '6222020200112233445' } : {}) }, b.token);
  const bid = (id: string, b: TestAccount, price = '4800000.00') => postForm(t, `/tenders/${id}/sections/1/bids`, b.token, { price }, { name: '投标文件.pdf', content: Buffer.from('%PDF 投标文件') });
  const state = async () => ({
    deposits: await t.ds.query(`SELECT id, status, method, reference, refund_due, refunded_at, refund_reference, released_at, confirmed_at FROM tender_deposit ORDER BY id`),
    bids: await t.ds.query(`SELECT id, status FROM tender_bid ORDER BY id`),
    events: (await t.ds.query(`SELECT count(*)::int AS n FROM audit_event WHERE action LIKE 'tender.%'`))[0].n,
  });

  beforeAll(async () => {
    t = await startTestApp('tender-deposit-state');
    centre = (await t.account([Role.Centre])).token;
    committee = (await t.account([Role.Committee])).token;
    owner = await t.account([Role.Owner]);
    agent = await t.account([Role.Agent]);
    await publishRules({});
  }, 60000);

  afterAll(() => t?.close());

  it('refunds nothing never confirmed or not due, releases e-guarantees instead of refunding them, and changes nothing when it refuses', async () => {
    const id = await tender('城东污水管网改造工程');
    const a = await registered(id);
    const g = await registered(id);
    const declared = await declare(id, a, 'transfer', 'ZZ-A-0001');
    expect(declared.status).toBe(201);
    expect((await bid(id, a)).status).toBe(201);

    // The case seen: a refund recorded for a deposit never confirmed, while bidding was open.
    let before = await state();
    const unconfirmed = await t.http.post(`/tenders/deposits/${declared.body.id}/refund`, { reference: 'TK-A-0001' }, centre);
    expect([unconfirmed.status, unconfirmed.body.code]).toEqual([409, 'DEPOSIT_NOT_CONFIRMED']);
    expect(unconfirmed.body.message.zh).toContain('尚未');
    expect(unconfirmed.body.message.en).toContain('not confirmed');
    expect(await state()).toEqual(before);

    // Confirmed, but nothing has made it due: no withdrawal, no failure, no contract.
    expect((await t.http.post(`/tenders/deposits/${declared.body.id}/confirm`, {}, centre)).body.status).toBe('confirmed');
    before = await state();
    const early = await t.http.post(`/tenders/deposits/${declared.body.id}/refund`, { reference: 'TK-A-0001' }, centre);
    expect([early.status, early.body.code]).toEqual([409, 'DEPOSIT_REFUND_NOT_DUE']);
    expect(early.body.message.zh).toContain('条例 35、57');
    expect(early.body.details).toMatchObject({ status: 'confirmed', refundDue: null });
    expect((await t.http.post(`/tenders/deposits/${declared.body.id}/release`, {}, centre)).body.code).toBe('DEPOSIT_NOT_GUARANTEE');
    expect(await state()).toEqual(before);
    expect((await t.http.get(`/tenders/${id}/deposits`, a.token)).body).toEqual([expect.objectContaining({ status: 'confirmed', refundDue: null, refundedAt: null })]);

    // An e-guarantee, confirmed and due after a withdrawal before the deadline (条例 35).
    const guarantee = await declare(id, g, 'guarantee', 'BH-G-0001');
    expect((await t.http.post(`/tenders/deposits/${guarantee.body.id}/confirm`, {}, centre)).status).toBe(200);
    const gBid = await bid(id, g, '4750000.00');
    expect((await t.http.post(`/tenders/${id}/bids/${gBid.body.receiptNo}/withdraw`, {}, g.token)).status).toBe(200);
    before = await state();
    const cash = await t.http.post(`/tenders/deposits/${guarantee.body.id}/refund`, { reference: 'TK-G-0001' }, centre);
    expect([cash.status, cash.body.code]).toEqual([422, 'DEPOSIT_IS_GUARANTEE']);
    expect(cash.body.message.zh).toContain('释放');
    expect(cash.body.details.release).toBe(`/tenders/deposits/${guarantee.body.id}/release`);
    expect(await state()).toEqual(before);

    const released = await t.http.post(`/tenders/deposits/${guarantee.body.id}/release`, {}, centre);
    expect(released.status).toBe(200);
    expect(released.body).toMatchObject({ status: 'released', releasedAt: expect.any(String), refundedAt: null, refundDue: expect.any(String) });
    const [event] = await t.ds.query(`SELECT actor_role, payload FROM audit_event WHERE action = 'tender.deposit_released'`);
    expect(event).toMatchObject({ actor_role: 'centre', payload: { depositId: guarantee.body.id, organisationId: g.organisationId } });
    const mine = (await t.http.get('/tenders/registrations/mine', g.token)).body.items.find((i: { projectId: string }) => i.projectId === id);
    expect(mine.deposit).toMatchObject({ status: 'released', releasedAt: expect.any(String) });

    // Once given back, it is not given back again.
    before = await state();
    const twice = await t.http.post(`/tenders/deposits/${guarantee.body.id}/release`, {}, centre);
    expect([twice.status, twice.body.code]).toEqual([409, 'DEPOSIT_STATE_CONFLICT']);
    expect(await state()).toEqual(before);

    // A transfer due after a withdrawal is refunded with the bank's reference.
    expect((await t.http.post(`/tenders/${id}/bids/${(await t.http.get(`/tenders/${id}/bids/mine`, a.token)).body[0].receiptNo}/withdraw`, {}, a.token)).status).toBe(200);
    const refunded = await t.http.post(`/tenders/deposits/${declared.body.id}/refund`, { reference: 'TK-A-0001' }, centre);
    expect(refunded.status).toBe(200);
    expect(refunded.body).toMatchObject({ status: 'refunded', refundedAt: expect.any(String), releasedAt: null });
  });

  it('takes a bid only with a confirmed deposit when the rule set requires it, and lets a bidder whose deposit came back pay again', async () => {
    await publishRules({ depositBeforeBid: 1 });
    const id = await tender('城西体育公园建设工程');
    const b = await registered(id);
    const [{ rules }] = await t.ds.query(`SELECT rule_snapshot->'params'->'numbers' AS rules FROM trading_project WHERE id = $1`, [id]);
    expect(rules.depositBeforeBid).toBe(1);

    let before = await state();
    const none = await bid(id, b);
    expect([none.status, none.body.code]).toEqual([409, 'DEPOSIT_REQUIRED']);
    expect(none.body.message.zh).toContain('保证金');
    expect(none.body.message.en).toContain('deposit');
    expect(none.body.details).toMatchObject({ sectionNo: 1, required: '100000.00', depositStatus: null });
    expect(await state()).toEqual(before);

    const d = await declare(id, b, 'transfer', 'ZZ-B-0001');
    before = await state();
    const unconfirmed = await bid(id, b);
    expect([unconfirmed.status, unconfirmed.body.code, unconfirmed.body.details.depositStatus]).toEqual([409, 'DEPOSIT_REQUIRED', 'declared']);
    expect(await state()).toEqual(before);

    expect((await t.http.post(`/tenders/deposits/${d.body.id}/confirm`, {}, centre)).status).toBe(200);
    const first = await bid(id, b);
    expect(first.status).toBe(201);

    // Withdrawn before the deadline, refunded: the next bid needs a deposit again, and the bidder may declare one.
    expect((await t.http.post(`/tenders/${id}/bids/${first.body.receiptNo}/withdraw`, {}, b.token)).status).toBe(200);
    expect((await t.http.post(`/tenders/deposits/${d.body.id}/refund`, { reference: 'TK-B-0001' }, centre)).body.status).toBe('refunded');
    before = await state();
    const afterRefund = await bid(id, b);
    expect([afterRefund.status, afterRefund.body.code, afterRefund.body.details.depositStatus]).toEqual([409, 'DEPOSIT_REQUIRED', 'refunded']);
    expect(await state()).toEqual(before);

    const again = await declare(id, b, 'guarantee', 'BH-B-0002');
    expect(again.status).toBe(201);
    expect(again.body).toMatchObject({ id: d.body.id, status: 'declared', method: 'guarantee', reference: 'BH-B-0002', confirmedAt: null, refundDue: null, refundedAt: null });
    const [redeclared] = await t.ds.query(`SELECT payload FROM audit_event WHERE action = 'tender.deposit_declared' ORDER BY id DESC LIMIT 1`);
    expect(redeclared.payload).toMatchObject({ depositId: d.body.id, replaces: 'refunded', reference: 'BH-B-0002' });
    expect((await t.http.post(`/tenders/deposits/${d.body.id}/confirm`, {}, centre)).status).toBe(200);
    expect((await bid(id, b)).status).toBe(201);

    // A confirmed deposit is not declared over.
    before = await state();
    const over = await declare(id, b, 'transfer', 'ZZ-B-0003');
    expect([over.status, over.body.code]).toEqual([409, 'DEPOSIT_STATE_CONFLICT']);
    expect(await state()).toEqual(before);
  });
});
