import { Role, TradingDomain } from '@app/platform/auth/roles';
import { startTestApp, TestAccount, TestApp } from '../../support/test-app';

/** A committee-published sandbox version of the procurement rules: order time limits in seconds, a small threshold. */
async function fastProcurementRules(t: TestApp, committee: string, periods: Record<string, number>, amounts: Record<string, string>): Promise<number> {
  const changes = { periods: Object.fromEntries(Object.entries(periods).map(([k, s]) => [k, { value: s, unit: 's' }])), amounts };
  const draft = await t.http.post('/rule-sets', { domain: 'procurement', name: '电子卖场测试(秒)', sandbox: true, changes }, committee);
  if (draft.status !== 201) throw new Error(`rule draft refused: ${JSON.stringify(draft.body)}`);
  const published = await t.http.post(`/rule-sets/${draft.body.id}/publish`, {}, committee);
  if (published.status !== 200) throw new Error(`rule publish refused: ${JSON.stringify(published.body)}`);
  return published.body.version;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// 电子卖场 buying through HTTP: budgets, direct purchase, the order's steps, acceptance, payment and ratings.
describe('procurement buying', () => {
  let t: TestApp;
  let committee: string;
  let centre: string;
  let office: string;
  let regulator: string;
  let tenderingRegulator: string;
  let purchaser: TestAccount;
  let otherPurchaser: TestAccount;
  let supplier: TestAccount;
  let otherSupplier: TestAccount;
  let agent: string;
  let expert: string;
  let rulesVersion: number;
  let products: Record<string, string>;
  let budgetLineId: string;

  const product = async (supplierOrg: string, name: string, priceFen: number, status = 'on_sale') => {
    const [row] = await t.ds.query(
      `INSERT INTO procurement_product (organisation_id, category_code, name, brand, model, specs, unit, price_fen, stock, regions, status, off_sale_reason, search, search_text)
       VALUES ($1, 'A07.02.02', $2, '稳健', 'KZ-01', '三层无纺布', '盒', $3, 1000, '{350102}', $4, $5, to_tsvector('simple', $2), $2) RETURNING id`,
      [supplierOrg, name, priceFen, status, status === 'on_sale' ? null : 'supplier'],
    );
    return row.id as string;
  };

  const budget = async (who: TestAccount, amount: string, code = `B-${Math.random().toString(36).slice(2, 8)}`) => {
    const r = await t.http.post('/procurement/budget-lines', { code, name: '医用耗材采购', year: 2026, amount }, who.token);
    expect(r.status).toBe(201);
    return r.body.id as string;
  };

  const order = (items: { productId: string; quantity: number }[], line = budgetLineId, who = purchaser) =>
    t.http.post('/procurement/orders/direct', { budgetLineId: line, items, ruleSet: 'sandbox' }, who.token);

  const walkToAccepted = async (id: string) => {
    expect((await t.http.post(`/procurement/orders/${id}/confirm`, {}, supplier.token)).status).toBe(200);
    expect((await t.http.post(`/procurement/orders/${id}/deliver`, { note: '送货单 SH-01' }, supplier.token)).status).toBe(200);
    const a = await t.http.post(`/procurement/orders/${id}/accept`, {}, purchaser.token);
    expect(a.status).toBe(200);
    return a.body;
  };

  beforeAll(async () => {
    t = await startTestApp('procurement-buying');
    committee = (await t.account([Role.Committee])).token;
    centre = (await t.account([Role.Centre])).token;
    office = (await t.account([Role.Office])).token;
    regulator = (await t.account([{ role: Role.Regulator, domain: TradingDomain.Procurement }])).token;
    tenderingRegulator = (await t.account([{ role: Role.Regulator, domain: TradingDomain.Tendering }])).token;
    agent = (await t.account([Role.Agent])).token;
    expert = (await t.account([Role.Expert])).token;
    purchaser = await t.account([Role.Owner], { organisationId: await t.organisation('市第一人民医院') });
    otherPurchaser = await t.account([Role.Owner], { organisationId: await t.organisation('市第二人民医院') });
    supplier = await t.account([Role.Bidder], { organisationId: await t.organisation('福州医疗器械有限公司') });
    otherSupplier = await t.account([Role.Bidder]);
    rulesVersion = await fastProcurementRules(t, committee, { supplierConfirmation: 2, acceptance: 600, payment: 600 }, { directPurchaseThreshold: '20000.00' });
    products = {
      mask: await product(supplier.organisationId!, '医用外科口罩', 50_00),
      gloves: await product(supplier.organisationId!, '医用外科手套', 120_00),
      off: await product(supplier.organisationId!, '已下架口罩', 40_00, 'off_sale'),
      other: await product(otherSupplier.organisationId!, '医用纱布', 30_00),
    };
    budgetLineId = await budget(purchaser, '15000.00', '2026-YL-01');
  }, 60000);

  afterAll(() => t.close());

  it('registers budget lines for the purchaser only; supervisors read them', async () => {
    const before = await t.snapshot();
    for (const token of [supplier.token, centre, office, agent]) expect((await t.http.post('/procurement/budget-lines', { code: 'X', name: 'x', year: 2026, amount: '1.00' }, token)).status).toBe(403);
    expect((await t.http.post('/procurement/budget-lines', { code: 'X', name: 'x', year: 2026, amount: '1.001' }, purchaser.token)).status).toBe(422);
    expect((await t.http.post('/procurement/budget-lines', { code: 'X', name: 'x', year: 2026, amount: '1.00', extra: 1 }, purchaser.token)).status).toBe(400);
    const dup = await t.http.post('/procurement/budget-lines', { code: '2026-YL-01', name: 'x', year: 2026, amount: '1.00' }, purchaser.token);
    expect(dup.status).toBe(409);
    expect(dup.body.code).toBe('BUDGET_LINE_EXISTS');
    expect(await t.snapshot()).toEqual(before);
    const mine = await t.http.get('/procurement/budget-lines', purchaser.token);
    expect(mine.body).toEqual([expect.objectContaining({ id: budgetLineId, amount: '15000.00', used: '0.00', remaining: '15000.00', organisationName: '市第一人民医院' })]);
    expect((await t.http.get('/procurement/budget-lines', otherPurchaser.token)).body).toEqual([]);
    const all = await t.http.get(`/procurement/budget-lines?organisationId=${purchaser.organisationId}`, office);
    expect(all.body.map((b: { id: string }) => b.id)).toEqual([budgetLineId]);
    expect((await t.http.get('/procurement/budget-lines', regulator)).status).toBe(200);
    expect((await t.http.get('/procurement/budget-lines', tenderingRegulator)).status).toBe(403);
    for (const token of [supplier.token, centre]) expect((await t.http.get('/procurement/budget-lines', token)).status).toBe(403);
  });

  it('refuses an order over the remaining budget, over the threshold, or with bad items, changing nothing', async () => {
    const before = await t.snapshot();
    const over = await order([{ productId: products.gloves, quantity: 130 }]); // 15 600.00 > 15 000.00
    expect(over.status).toBe(409);
    expect(over.body).toMatchObject({ code: 'BUDGET_EXCEEDED', details: { remaining: '15000.00', total: '15600.00' } });
    expect(over.body.message.zh).toContain('预算');
    const big = await order([{ productId: products.mask, quantity: 401 }]); // 20 050.00 > 20 000.00
    expect(big.status).toBe(422);
    expect(big.body).toMatchObject({ code: 'DIRECT_PURCHASE_OVER_THRESHOLD', details: { threshold: '20000.00', ruleSetVersion: rulesVersion } });
    expect((await order([{ productId: products.off, quantity: 1 }])).body.code).toBe('PRODUCT_NOT_ON_SALE');
    expect((await order([{ productId: products.mask, quantity: 1 }, { productId: products.other, quantity: 1 }])).body.code).toBe('ORDER_MIXED_SUPPLIERS');
    expect((await order([{ productId: products.mask, quantity: 1 }, { productId: products.mask, quantity: 2 }])).body.code).toBe('ORDER_ITEMS_INVALID');
    expect((await order([{ productId: '00000000-0000-4000-8000-000000000000', quantity: 1 }])).status).toBe(404);
    expect((await order([{ productId: products.mask, quantity: 0 }])).status).toBe(400);
    const foreign = await order([{ productId: products.mask, quantity: 1 }], budgetLineId, otherPurchaser);
    expect(foreign.body.code).toBe('BUDGET_NOT_YOURS');
    for (const token of [supplier.token, centre, office, regulator, agent, expert]) {
      expect((await t.http.post('/procurement/orders/direct', { budgetLineId, items: [{ productId: products.mask, quantity: 1 }], ruleSet: 'sandbox' }, token)).status).toBe(403);
    }
    expect(await t.snapshot()).toEqual(before);
  });

  it('runs a direct purchase to payment, with each step by its party and due times from the frozen rules', async () => {
    const placed = await order([
      { productId: products.mask, quantity: 100 },
      { productId: products.gloves, quantity: 10 },
    ]);
    expect(placed.status).toBe(201);
    expect(placed.body).toMatchObject({
      status: 'placed',
      source: 'direct',
      total: '6200.00',
      supplier: { organisationId: supplier.organisationId, name: '福州医疗器械有限公司' },
      ruleSet: { version: rulesVersion, sandbox: true },
      pending: { step: 'confirmation', responsible: 'supplier', responsibleOrganisationId: supplier.organisationId },
    });
    expect(placed.body.no).toMatch(/^DD\d{14}$/);
    expect(placed.body.items).toEqual([
      expect.objectContaining({ lineNo: 1, productId: products.mask, quantity: 100, unitPrice: '50.00', amount: '5000.00' }),
      expect.objectContaining({ lineNo: 2, productId: products.gloves, quantity: 10, unitPrice: '120.00', amount: '1200.00' }),
    ]);
    expect(new Date(placed.body.confirmDue).getTime() - new Date(placed.body.placedAt).getTime()).toBe(2000);
    const id = placed.body.id;
    // a later price change does not touch the order
    await t.ds.query(`UPDATE procurement_product SET price_fen = 9900 WHERE id = $1`, [products.mask]);
    expect((await t.http.get(`/procurement/budget-lines`, purchaser.token)).body[0]).toMatchObject({ used: '6200.00', remaining: '8800.00' });

    // wrong parties and wrong order of steps
    const before = await t.snapshot();
    expect((await t.http.post(`/procurement/orders/${id}/confirm`, {}, otherSupplier.token)).status).toBe(404);
    expect((await t.http.post(`/procurement/orders/${id}/accept`, {}, purchaser.token)).body.code).toBe('ORDER_STATE_CONFLICT');
    expect((await t.http.post(`/procurement/orders/${id}/deliver`, { note: 'x' }, supplier.token)).body.code).toBe('ORDER_STATE_CONFLICT');
    expect((await t.http.post(`/procurement/orders/${id}/accept`, {}, otherPurchaser.token)).status).toBe(404);
    for (const token of [purchaser.token, centre, office, regulator, agent, expert]) expect((await t.http.post(`/procurement/orders/${id}/confirm`, {}, token)).status).toBe(403);
    for (const token of [supplier.token, centre, office, regulator, agent]) {
      expect((await t.http.post(`/procurement/orders/${id}/accept`, {}, token)).status).toBe(403);
      expect((await t.http.post(`/procurement/orders/${id}/payment`, { reference: 'ZF0001', amount: '6200.00' }, token)).status).toBe(403);
    }
    expect(await t.snapshot()).toEqual(before);

    expect((await t.http.post(`/procurement/orders/${id}/confirm`, {}, supplier.token)).body).toMatchObject({ status: 'confirmed', pending: null });
    const delivered = await t.http.post(`/procurement/orders/${id}/deliver`, { note: '送货单 SH-20261124-01,共 12 箱' }, supplier.token);
    expect(delivered.body).toMatchObject({ status: 'delivered', deliveryNote: '送货单 SH-20261124-01,共 12 箱', pending: { step: 'acceptance', responsible: 'purchaser' } });
    expect(new Date(delivered.body.acceptDue).getTime() - new Date(delivered.body.deliveredAt).getTime()).toBeGreaterThanOrEqual(599_000);
    const accepted = await t.http.post(`/procurement/orders/${id}/accept`, {}, purchaser.token);
    expect(accepted.body).toMatchObject({ status: 'accepted', pending: { step: 'payment', responsibleOrganisationId: purchaser.organisationId } });
    const wrong = await t.http.post(`/procurement/orders/${id}/payment`, { reference: 'ZF0001', amount: '6199.99' }, purchaser.token);
    expect(wrong.status).toBe(422);
    expect(wrong.body.code).toBe('PAYMENT_AMOUNT_MISMATCH');
    const paid = await t.http.post(`/procurement/orders/${id}/payment`, { reference: 'ZF2026112400018', amount: '6200.00' }, purchaser.token);
    expect(paid.body).toMatchObject({ status: 'paid', paymentReference: 'ZF2026112400018', pending: null });
    expect((await t.http.get(`/procurement/budget-lines`, purchaser.token)).body[0]).toMatchObject({ used: '6200.00' });

    // who reads it
    for (const token of [purchaser.token, supplier.token, centre, office, regulator]) expect((await t.http.get(`/procurement/orders/${id}`, token)).status).toBe(200);
    for (const token of [otherPurchaser.token, otherSupplier.token, tenderingRegulator]) expect((await t.http.get(`/procurement/orders/${id}`, token)).status).toBe(404);
    for (const token of [agent, expert, committee]) expect((await t.http.get(`/procurement/orders/${id}`, token)).status).toBe(403);
    expect((await t.http.get('/procurement/orders/mine', purchaser.token)).body.map((o: { id: string }) => o.id)).toContain(id);
    expect((await t.http.get('/procurement/orders/mine', supplier.token)).body.map((o: { id: string }) => o.id)).toContain(id);
    expect((await t.http.get('/procurement/orders/mine', otherSupplier.token)).body).toEqual([]);
    for (const token of [centre, office, agent]) expect((await t.http.get('/procurement/orders/mine', token)).status).toBe(403);
    const trail = await t.ds.query(`SELECT action FROM audit_event WHERE subject_id = $1 ORDER BY id`, [id]);
    expect(trail.map((r: { action: string }) => r.action)).toEqual(['procurement.order_placed', 'procurement.order_confirmed', 'procurement.order_delivered', 'procurement.order_accepted', 'procurement.order_paid']);
  });

  it('releases the budget when the purchaser rejects at acceptance', async () => {
    const line = await budget(purchaser, '1000.00');
    const placed = await order([{ productId: products.gloves, quantity: 5 }], line);
    expect(placed.status).toBe(201);
    await t.http.post(`/procurement/orders/${placed.body.id}/confirm`, {}, supplier.token);
    await t.http.post(`/procurement/orders/${placed.body.id}/deliver`, { note: '送货单 SH-02' }, supplier.token);
    expect((await t.http.post(`/procurement/orders/${placed.body.id}/reject`, { reasons: [] }, purchaser.token)).status).toBe(400);
    expect((await t.http.post(`/procurement/orders/${placed.body.id}/reject`, { reasons: ['x'] }, supplier.token)).status).toBe(403);
    const rejected = await t.http.post(`/procurement/orders/${placed.body.id}/reject`, { reasons: ['规格型号与订单不符', '外包装破损'] }, purchaser.token);
    expect(rejected.body).toMatchObject({ status: 'rejected', rejectionReasons: ['规格型号与订单不符', '外包装破损'], pending: null });
    const lines = (await t.http.get('/procurement/budget-lines', purchaser.token)).body;
    expect(lines.find((b: { id: string }) => b.id === line)).toMatchObject({ used: '0.00', remaining: '1000.00' });
    expect((await t.http.post(`/procurement/orders/${placed.body.id}/payment`, { reference: 'ZF0002', amount: '600.00' }, purchaser.token)).body.code).toBe('ORDER_STATE_CONFLICT');
    expect((await t.http.post(`/procurement/orders/${placed.body.id}/rating`, { quality: 1, delivery: 1, service: 1, comment: '差' }, purchaser.token)).body.code).toBe('ORDER_STATE_CONFLICT');
  });

  it('aggregates ratings across orders into the supplier score; the supplier replies once', async () => {
    const line = await budget(purchaser, '10000.00');
    const scores = [
      { quality: 5, delivery: 4, service: 5 },
      { quality: 3, delivery: 3, service: 4 },
      { quality: 4, delivery: 5, service: 5 },
    ];
    const ids: string[] = [];
    for (const s of scores) {
      const placed = await order([{ productId: products.gloves, quantity: 1 }], line);
      ids.push(placed.body.id);
      const before = await t.snapshot();
      expect((await t.http.post(`/procurement/orders/${placed.body.id}/rating`, { ...s, comment: '早' }, purchaser.token)).body.code).toBe('ORDER_STATE_CONFLICT');
      expect(await t.snapshot()).toEqual(before);
      await walkToAccepted(placed.body.id);
      expect((await t.http.post(`/procurement/orders/${placed.body.id}/rating`, { ...s, quality: 6, comment: 'x' }, purchaser.token)).status).toBe(400);
      for (const token of [supplier.token, centre, office]) expect((await t.http.post(`/procurement/orders/${placed.body.id}/rating`, { ...s, comment: 'x' }, token)).status).toBe(403);
      const r = await t.http.post(`/procurement/orders/${placed.body.id}/rating`, { ...s, comment: '到货及时,包装完好' }, purchaser.token);
      expect(r.status).toBe(201);
      expect(r.body).toMatchObject({ ...s, purchaserName: '市第一人民医院', reply: null });
    }
    const again = await t.http.post(`/procurement/orders/${ids[0]}/rating`, { quality: 1, delivery: 1, service: 1, comment: '改评' }, purchaser.token);
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('RATING_EXISTS');
    // (14/3 + 10/3 + 14/3) / 3 = 38/9 = 4.22
    const [score] = await t.ds.query(`SELECT rating_avg::text AS avg, rating_count AS n FROM supplier_score WHERE organisation_id = $1`, [supplier.organisationId]);
    expect(score).toEqual({ avg: '4.22', n: 3 });

    expect((await t.http.post(`/procurement/orders/${ids[1]}/rating/reply`, { reply: '感谢' }, otherSupplier.token)).status).toBe(404);
    for (const token of [purchaser.token, centre, office]) expect((await t.http.post(`/procurement/orders/${ids[1]}/rating/reply`, { reply: '感谢' }, token)).status).toBe(403);
    const reply = await t.http.post(`/procurement/orders/${ids[1]}/rating/reply`, { reply: '感谢反馈,已改进配送。' }, supplier.token);
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ reply: '感谢反馈,已改进配送。' });
    const twice = await t.http.post(`/procurement/orders/${ids[1]}/rating/reply`, { reply: '再次回复' }, supplier.token);
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe('REPLY_EXISTS');

    const pub = await t.http.get(`/public/procurement/suppliers/${supplier.organisationId}/ratings`);
    expect(pub.status).toBe(200);
    expect(pub.body).toMatchObject({ organisationName: '福州医疗器械有限公司', ratingAvg: '4.22', ratingCount: 3 });
    expect(pub.body.ratings).toHaveLength(3);
    expect(pub.body.ratings.every((r: { purchaserName: string }) => r.purchaserName === '市第一人民医院')).toBe(true);
    expect(pub.body.ratings.filter((r: { reply: string | null }) => r.reply).map((r: { reply: string }) => r.reply)).toEqual(['感谢反馈,已改进配送。']);
    const none = await t.http.get(`/public/procurement/suppliers/${otherSupplier.organisationId}/ratings`);
    expect(none.body).toMatchObject({ ratingAvg: null, ratingCount: 0, ratings: [] });
  });

  it('lists overdue steps with how late and who owes them, for the office and the procurement regulator', async () => {
    const line = await budget(purchaser, '500.00');
    const placed = await order([{ productId: products.gloves, quantity: 1 }], line);
    expect(placed.status).toBe(201);
    const early = await t.http.post(`/procurement/orders/${placed.body.id}/cancel`, {}, purchaser.token);
    expect(early.body.code).toBe('CANCEL_TOO_EARLY');
    await sleep(2600);
    const list = await t.http.get('/procurement/orders/overdue', office);
    expect(list.status).toBe(200);
    const step = list.body.find((s: { orderId: string }) => s.orderId === placed.body.id);
    expect(step).toMatchObject({ step: 'confirmation', level: 'overdue', responsible: 'supplier', responsibleOrganisationId: supplier.organisationId, responsibleName: '福州医疗器械有限公司', purchaserName: '市第一人民医院' });
    expect(step.lateSeconds).toBeGreaterThanOrEqual(0);
    expect((await t.http.get('/procurement/orders/overdue', regulator)).body.some((s: { orderId: string }) => s.orderId === placed.body.id)).toBe(true);
    expect((await t.http.get('/procurement/orders/overdue', tenderingRegulator)).status).toBe(403);
    for (const token of [purchaser.token, supplier.token, centre, agent, expert, committee]) expect((await t.http.get('/procurement/orders/overdue', token)).status).toBe(403);

    // the purchaser withdraws the unconfirmed order: the budget comes back and the step leaves the list
    const cancelled = await t.http.post(`/procurement/orders/${placed.body.id}/cancel`, {}, purchaser.token);
    expect(cancelled.body).toMatchObject({ status: 'cancelled', pending: null });
    expect((await t.http.get('/procurement/budget-lines', purchaser.token)).body.find((b: { id: string }) => b.id === line)).toMatchObject({ used: '0.00' });
    expect((await t.http.get('/procurement/orders/overdue', office)).body.some((s: { orderId: string }) => s.orderId === placed.body.id)).toBe(false);
    const [audit] = await t.ds.query(`SELECT payload FROM audit_event WHERE subject_id = $1 AND action = 'procurement.order_cancelled'`, [placed.body.id]);
    expect(audit.payload).toMatchObject({ budgetReleasedFen: '12000' });
  });
});
