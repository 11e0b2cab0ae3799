import { Role, TradingDomain } from '@app/platform/auth/roles';
import { startTestApp, TestAccount, TestApp } from '../../support/test-app';

// What the purchaser's e-mall pages need besides issue 7's routes: the search filters by brand, supplier and
// certificate validity, one product's public record (a cart re-reads it), and a direct order that binds the total
// the purchaser confirmed (refused when a price changed in between). Through HTTP on real PostgreSQL and Redis.
describe('e-mall browsing: search filters, one product, the confirmed total of a direct order', () => {
  let t: TestApp;
  let centre: string;
  let purchaser: TestAccount;
  let hp: TestAccount;
  let medical: TestAccount;
  let others: string[];
  const ids: Record<string, string> = {};
  let budgetLineId: string;

  const product = (over: Record<string, unknown> = {}) => ({
    categoryCode: 'A02.02.04',
    name: '黑白激光打印机',
    brand: '惠普',
    model: 'LaserJet Pro M126a',
    specs: 'A4 幅面,20 页/分钟',
    unit: '台',
    price: '1299.00',
    stock: 50,
    regions: ['350100'],
    ...over,
  });
  const names = (body: { items: { name: string }[] }) => body.items.map((i) => i.name).sort();
  const search = (q: string) => t.http.get(`/public/procurement/products?${q}`);

  beforeAll(async () => {
    t = await startTestApp('procurement-mall-browse');
    centre = (await t.account([Role.Centre])).token;
    purchaser = await t.account([Role.Owner], { organisationId: await t.organisation('市疾病预防控制中心') });
    hp = await t.account([Role.Bidder], { organisationId: await t.organisation('福州办公设备有限公司') });
    medical = await t.account([Role.Bidder], { organisationId: await t.organisation('福建医疗器械有限公司') });
    others = [
      (await t.account([Role.Agent])).token,
      (await t.account([Role.Expert])).token,
      (await t.account([Role.Office])).token,
      (await t.account([{ role: Role.Regulator, domain: TradingDomain.Procurement }])).token,
      hp.token,
      centre,
    ];
    for (const [org, code, no] of [[hp.organisationId!, 'A02.02', 'XY-A0202'], [medical.organisationId!, 'A07', 'DD-A07']]) {
      const a = await t.http.post('/procurement/agreements', { agreementNo: no, organisationId: org, categoryCode: code, kind: 'framework', validFrom: '2020-01-01', validUntil: '2099-12-31' }, centre);
      expect(a.status).toBe(201);
    }
    const list = async (who: TestAccount, body: Record<string, unknown>) => {
      const r = await t.http.post('/procurement/products', body, who.token);
      expect(r.status).toBe(201);
      return r.body.id as string;
    };
    ids.laser = await list(hp, product());
    ids.inkjet = await list(hp, product({ name: '彩色喷墨打印机', brand: '爱普生', model: 'L4268', price: '899.00' }));
    ids.copier = await list(hp, product({ categoryCode: 'A02.02.01', name: '数码复印机', brand: 'HP', model: 'E77822', price: '25800.00' }));
    const syringe = { categoryCode: 'A07.01.01', name: '一次性使用无菌注射器', brand: '威高', model: '5ml', specs: '5ml 0.7×32TWLB', unit: '盒', price: '35.00', stock: 1000, regions: ['350000'], packingUnit: '盒(100 支)' };
    ids.syringeLong = await list(medical, { ...syringe, certificateNo: '国械注准20193140123', certificateValidUntil: '2031-06-30' });
    ids.syringeShort = await list(medical, { ...syringe, name: '一次性使用无菌注射器 带针', model: '10ml', certificateNo: '国械注准20193140124', certificateValidUntil: '2027-03-31' });
    ids.offSale = await list(hp, product({ name: '针式打印机', brand: '爱普生', model: 'LQ-630K', price: '1599.00' }));
    expect((await t.http.patch(`/procurement/products/${ids.offSale}`, { onSale: false }, hp.token)).status).toBe(200);
    const line = await t.http.post('/procurement/budget-lines', { code: '2026-BG-01', name: '办公设备购置', year: 2026, amount: '50000.00' }, purchaser.token);
    expect(line.status).toBe(201);
    budgetLineId = line.body.id;
  }, 60000);

  afterAll(() => t.close());

  it('filters the search by brand (whole name, any case), by supplier and by a certificate valid through a day', async () => {
    expect(names((await search('brand=%E6%83%A0%E6%99%AE')).body)).toEqual(['黑白激光打印机']); // 惠普
    expect(names((await search('brand=hp')).body)).toEqual(['数码复印机']); // "HP", any case
    expect(names((await search('brand=%20HP%20')).body)).toEqual(['数码复印机']);
    expect((await search('brand=H')).body.total).toBe(0); // a whole brand, not a prefix
    // 爱普生 has an off-sale product too: the search shows products on sale only.
    expect(names((await search('brand=%E7%88%B1%E6%99%AE%E7%94%9F')).body)).toEqual(['彩色喷墨打印机']);
    const byHp = await search(`supplierId=${hp.organisationId}`);
    expect(byHp.body).toMatchObject({ total: 3, totalExact: true });
    expect(byHp.body.items.every((p: { supplierName: string }) => p.supplierName === '福州办公设备有限公司')).toBe(true);
    expect(names((await search(`supplierId=${hp.organisationId}&category=A02.02.04&maxPrice=1000`)).body)).toEqual(['彩色喷墨打印机']);
    expect((await search(`supplierId=${purchaser.organisationId}`)).body.total).toBe(0);
    // 注册证有效期至少到: only consumables carry one; the day itself counts (inclusive).
    expect(names((await search('certificateValidThrough=2027-03-31')).body)).toEqual(['一次性使用无菌注射器', '一次性使用无菌注射器 带针']);
    expect(names((await search('certificateValidThrough=2027-04-01')).body)).toEqual(['一次性使用无菌注射器']);
    expect((await search('certificateValidThrough=2031-07-01')).body.total).toBe(0);
    expect(names((await search(`certificateValidThrough=2027-01-01&supplierId=${medical.organisationId}&brand=%E5%A8%81%E9%AB%98&sort=-price`)).body)).toHaveLength(2);
  });

  it('answers a bad filter with 400 and a stable code, changing nothing', async () => {
    const before = await t.snapshot();
    for (const q of ['supplierId=abc', 'certificateValidThrough=2027-02-30', 'certificateValidThrough=20270101', `brand=${'x'.repeat(101)}`, 'brand=', 'supplierId=']) {
      const r = await search(q);
      expect([q, r.status, r.body.code]).toEqual([q, 400, 'VALIDATION_FAILED']);
    }
    expect(await t.snapshot()).toEqual(before);
  });

  it('shows one product to anyone, on sale or not; an unknown or malformed id is refused', async () => {
    const anonymous = await t.http.get(`/public/procurement/products/${ids.syringeShort}`);
    expect(anonymous.status).toBe(200);
    expect(anonymous.body).toMatchObject({ id: ids.syringeShort, onSale: true, price: '35.00', certificateNo: '国械注准20193140124', certificateValidUntil: '2027-03-31', packingUnit: '盒(100 支)', supplierName: '福建医疗器械有限公司' });
    // the centre's reference price and flag stay off the public record
    for (const hidden of ['referencePrice', 'flagged', 'flagReason', 'status', 'offSaleReason']) expect(anonymous.body).not.toHaveProperty(hidden);
    for (const token of [purchaser.token, ...others]) expect((await t.http.get(`/public/procurement/products/${ids.laser}`, token)).status).toBe(200);
    expect((await t.http.get(`/public/procurement/products/${ids.offSale}`)).body).toMatchObject({ name: '针式打印机', onSale: false });
    const unknown = await t.http.get('/public/procurement/products/00000000-0000-4000-8000-000000000000');
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('PRODUCT_NOT_FOUND');
    expect(unknown.body.message.zh).toBe('商品不存在');
    expect((await t.http.get('/public/procurement/products/not-a-uuid')).status).toBe(400);
  });

  it('places a direct order only at the total the purchaser confirmed; a changed price refuses it and changes nothing', async () => {
    const items = [{ productId: ids.laser, quantity: 2 }, { productId: ids.inkjet, quantity: 3 }]; // 2 598.00 + 2 697.00
    const before = await t.snapshot();
    // the supplier lowers a price after the purchaser confirmed 5 295.00
    expect((await t.http.patch(`/procurement/products/${ids.inkjet}`, { price: '859.00' }, hp.token)).status).toBe(200);
    const changed = await t.http.post('/procurement/orders/direct', { budgetLineId, items, expectedTotal: '5295.00' }, purchaser.token);
    expect(changed.status).toBe(409);
    expect(changed.body).toMatchObject({ code: 'ORDER_TOTAL_CHANGED', details: { expected: '5295.00', total: '5175.00', items: [{ productId: ids.laser, unitPrice: '1299.00' }, { productId: ids.inkjet, unitPrice: '859.00' }] } });
    expect(changed.body.message.zh).toContain('价格已变动');
    // the page normalises "5,175.00" before sending; the API takes yuan as everywhere else
    for (const expectedTotal of ['5,175.00', '5175.001', '-5175.00', 5175]) {
      const bad = await t.http.post('/procurement/orders/direct', { budgetLineId, items, expectedTotal }, purchaser.token);
      expect([expectedTotal, bad.status, bad.body.code]).toEqual([expectedTotal, 422, 'MONEY_INVALID']);
    }
    for (const token of others) expect((await t.http.post('/procurement/orders/direct', { budgetLineId, items, expectedTotal: '5175.00' }, token)).status).toBe(403);
    expect((await t.http.post('/procurement/orders/direct', { budgetLineId, items, expectedTotal: '5175.00' })).status).toBe(401);
    const after = await t.snapshot();
    // only the supplier's price change was written (its price version and audit entry)
    expect(Object.fromEntries(Object.entries(after).filter(([k, n]) => before[k] !== n))).toEqual({ audit_event: before.audit_event + 1, product_price_version: before.product_price_version + 1 });
    const budget = (await t.http.get('/procurement/budget-lines', purchaser.token)).body[0];
    expect(budget).toMatchObject({ used: '0.00', remaining: '50000.00' });

    const placed = await t.http.post('/procurement/orders/direct', { budgetLineId, items, expectedTotal: '5175.00' }, purchaser.token);
    expect(placed.status).toBe(201);
    expect(placed.body).toMatchObject({ status: 'placed', total: '5175.00', source: 'direct' });
    // an order without the field still works as before (the API's own clients)
    const plain = await t.http.post('/procurement/orders/direct', { budgetLineId, items: [{ productId: ids.laser, quantity: 1 }] }, purchaser.token);
    expect(plain.status).toBe(201);
    expect((await t.http.get('/procurement/budget-lines', purchaser.token)).body[0]).toMatchObject({ used: '6474.00', remaining: '43526.00' });
  });

  it('keeps the other refusals of a direct order ahead of the budget: over the threshold is still refused in Chinese', async () => {
    const before = await t.snapshot();
    const big = await t.http.post('/procurement/orders/direct', { budgetLineId, items: [{ productId: ids.copier, quantity: 39 }], expectedTotal: '1006200.00' }, purchaser.token);
    expect(big.status).toBe(422);
    expect(big.body).toMatchObject({ code: 'DIRECT_PURCHASE_OVER_THRESHOLD', details: { total: '1006200.00', threshold: '1000000.00' } });
    expect(big.body.message.zh).toContain('直购上限');
    const over = await t.http.post('/procurement/orders/direct', { budgetLineId, items: [{ productId: ids.copier, quantity: 2 }], expectedTotal: '51600.00' }, purchaser.token);
    expect(over.status).toBe(409);
    expect(over.body).toMatchObject({ code: 'BUDGET_EXCEEDED', details: { total: '51600.00', remaining: '43526.00' } });
    expect(await t.snapshot()).toEqual(before);
  });
});
