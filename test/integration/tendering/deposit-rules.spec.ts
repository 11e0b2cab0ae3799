import { Role } from '@app/platform/auth/roles';
import { fastTenderingRules, postForm } from '../../support/tender-fixtures';
import { startTestApp, TestAccount, TestApp } from '../../support/test-app';

// 条例 26: nobody pays more than the section's deposit (itself at most 2 % of the estimate);
// 条例 35: a bid withdrawn before the deadline has its deposit refunded within the rule's period of the withdrawal.
describe('deposits follow the law', () => {
  let t: TestApp;
  let centre: string;
  let owner: TestAccount;
  let agent: TestAccount;
  let bidder: TestAccount;
  let rival: TestAccount;
  let tenderId: string;

  beforeAll(async () => {
    t = await startTestApp('tender-deposit-rules');
    centre = (await t.account([Role.Centre])).token;
    owner = await t.account([Role.Owner]);
    agent = await t.account([Role.Agent]);
    bidder = await t.account([Role.Bidder]);
    rival = await t.account([Role.Bidder]);
    const committee = (await t.account([Role.Committee])).token;
    // 40 s stands for the rule's 5 days after a withdrawal: the refund due time must come from the snapshot.
    await fastTenderingRules(t, committee, { bidPreparation: 12, clarificationBeforeDeadline: 20, depositRefundAfterWithdrawal: 40 });
    const reg = await t.http.post(
      '/tenders',
      { name: '城南综合管廊一期工程', kind: 'construction', region: '350102', qualification: '市政公用工程施工总承包一级', evaluationMethod: 'comprehensive', sections: [{ name: '一标段', estimate: '10000000.00', deposit: '200000.00' }], ownerOrganisationId: owner.organisationId, ruleSet: 'sandbox' },
      agent.token,
    );
    expect(reg.status).toBe(201);
    tenderId = reg.body.id;
    expect((await t.http.post(`/tenders/${tenderId}/accept`, {}, centre)).status).toBe(200);
    expect((await postForm(t, `/tenders/${tenderId}/documents`, agent.token, {}, { name: '招标文件.pdf', content: Buffer.from('%PDF 招标文件') })).status).toBe(201);
    expect((await t.http.post(`/tenders/${tenderId}/announce`, { bidDeadline: new Date(Date.now() + 3600_000).toISOString() }, centre)).status).toBe(200);
    for (const b of [bidder, rival]) expect((await t.http.post(`/tenders/${tenderId}/registrations`, {}, b.token)).status).toBe(200);
  }, 60000);

  afterAll(() => t?.close());

  const deposits = () => t.ds.query(`SELECT id, organisation_id, amount_fen, status, refund_due, declared_at FROM tender_deposit ORDER BY id`);
  const declared = () => t.ds.query(`SELECT count(*)::int AS n FROM audit_event WHERE action = 'tender.deposit_declared'`).then((r) => r[0].n);
  const mineRow = async (who: TestAccount) => (await t.http.get('/tenders/registrations/mine', who.token)).body.items.find((i: { projectId: string }) => i.projectId === tenderId);

  it('refuses more than the section’s deposit (3 % of the estimate against a 2 % cap), changing nothing', async () => {
    const before = { rows: await deposits(), events: await declared() };
    for (const amount of ['300000.00', '200000.01']) {
      const r = await t.http.post(`/tenders/${tenderId}/sections/1/deposits`, { method: 'transfer', reference: 'ZZ-OVER-01', amount }, bidder.token);
      expect([r.status, r.body.code]).toEqual([422, 'DEPOSIT_AMOUNT_OVER']);
      expect(r.body.message.zh).toContain('超过');
      expect(r.body.message.en).toContain('more than');
      expect(r.body.details).toEqual({ required: '200000.00', amount, capBp: 200, cap: '200000.00' });
    }
    expect({ rows: await deposits(), events: await declared() }).toEqual(before);
    expect((await mineRow(bidder)).deposit).toBeNull();

    // An over-declaration does not overwrite a declared deposit either.
    const ok = await t.http.post(`/tenders/${tenderId}/sections/1/deposits`, { method: 'transfer', reference: 'ZZ-RIVAL-01', amount: '200000.00' }, rival.token);
    expect(ok.status).toBe(201);
    const withOne = { rows: await deposits(), events: await declared() };
    expect((await t.http.post(`/tenders/${tenderId}/sections/1/deposits`, { method: 'transfer', reference: 'ZZ-RIVAL-02', amount: '250000.00' }, rival.token)).body.code).toBe('DEPOSIT_AMOUNT_OVER');
    expect({ rows: await deposits(), events: await declared() }).toEqual(withOne);
  });

  it('makes the refund due within the rule’s period of a withdrawal before the deadline, shown in every deposit view', async () => {
    const d = await t.http.post(`/tenders/${tenderId}/sections/1/deposits`, { method: 'guarantee', reference: 'BH-W-0001', amount: '200000.00' }, bidder.token);
    expect(d.status).toBe(201);
    expect((await t.http.post(`/tenders/deposits/${d.body.id}/confirm`, {}, centre)).body.status).toBe('confirmed');
    const bid = await postForm(t, `/tenders/${tenderId}/sections/1/bids`, bidder.token, { price: '9650000.00' }, { name: '投标文件.pdf', content: Buffer.from('%PDF 投标文件') });
    expect(bid.status).toBe(201);
    expect((await t.http.get(`/tenders/${tenderId}/deposits`, bidder.token)).body[0].refundDue).toBeNull();

    expect((await t.http.post(`/tenders/${tenderId}/bids/${bid.body.receiptNo}/withdraw`, {}, bidder.token)).status).toBe(200);
    const [{ withdrawn_at: withdrawnAt }] = await t.ds.query(`SELECT withdrawn_at FROM tender_bid WHERE id = $1`, [bid.body.receiptNo]);
    const due = new Date(withdrawnAt.getTime() + 40_000).toISOString();
    const own = (await t.http.get(`/tenders/${tenderId}/deposits`, bidder.token)).body;
    expect(own).toEqual([expect.objectContaining({ id: d.body.id, status: 'confirmed', refundDue: due, refundedAt: null })]);
    const all = (await t.http.get(`/tenders/${tenderId}/deposits`, centre)).body;
    expect(all.find((x: { id: string }) => x.id === d.body.id).refundDue).toBe(due);
    // the rival, who did not withdraw, waits for the outcome
    expect(all.find((x: { id: string }) => x.id !== d.body.id).refundDue).toBeNull();
    expect((await mineRow(bidder)).deposit).toMatchObject({ id: d.body.id, refundDue: due });
    const [event] = await t.ds.query(`SELECT payload FROM audit_event WHERE action = 'tender.bid_withdrawn' ORDER BY id DESC LIMIT 1`);
    expect(event.payload).toMatchObject({ bidId: bid.body.receiptNo, refundDue: due, deposits: [d.body.id] });

    // Bidding again before the deadline: the deposit not yet refunded stands for the new bid, its refund waits again.
    const again = await postForm(t, `/tenders/${tenderId}/sections/1/bids`, bidder.token, { price: '9640000.00' }, { name: '投标文件.pdf', content: Buffer.from('%PDF 投标文件 二') });
    expect(again.status).toBe(201);
    expect((await mineRow(bidder)).deposit).toMatchObject({ id: d.body.id, refundDue: null });
    // Withdrawn again, it falls due again; the centre releases the e-guarantee (a guarantee is never refunded in cash).
    expect((await t.http.post(`/tenders/${tenderId}/bids/${again.body.receiptNo}/withdraw`, {}, bidder.token)).status).toBe(200);
    expect((await mineRow(bidder)).deposit.refundDue).not.toBeNull();
    expect((await t.http.post(`/tenders/deposits/${d.body.id}/release`, {}, centre)).body).toMatchObject({ status: 'released', releasedAt: expect.any(String) });
  });
});
