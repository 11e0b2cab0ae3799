import { Role, TradingDomain } from '@app/platform/auth/roles';
import { certificateExpiresAt } from '@app/procurement/catalogue/rules/certificate';
import { startTestApp, TestAccount, TestApp } from '../../support/test-app';
import { startWorker, waitFor, WorkerProcess } from '../../support/worker-process';

// 电子卖场目录 through HTTP: agreements, listing, search, price review and certificate expiry by a real worker.
describe('procurement catalogue', () => {
  let t: TestApp;
  let worker: WorkerProcess;
  let centre: string;
  let office: string;
  let regulator: string;
  let tenderingRegulator: string;
  let purchaser: TestAccount;
  let hp: TestAccount; // 福州办公设备有限公司: agreement for office equipment (A02.02)
  let lenovo: TestAccount; // agreement for the whole of A02
  let stranger: TestAccount; // a supplier without any agreement
  let medical: TestAccount; // agreement for medical consumables (A07)
  const ids: Record<string, string> = {};
  let today: string;

  beforeAll(async () => {
    t = await startTestApp('procurement-catalogue');
    worker = await startWorker({ DATABASE_URL: t.databaseUrl, REDIS_PREFIX: t.redisPrefix, MILESTONE_RECONCILE_MS: '1000' });
    centre = (await t.account([Role.Centre])).token;
    office = (await t.account([Role.Office])).token;
    regulator = (await t.account([{ role: Role.Regulator, domain: TradingDomain.Procurement }])).token;
    tenderingRegulator = (await t.account([{ role: Role.Regulator, domain: TradingDomain.Tendering }])).token;
    purchaser = await t.account([Role.Owner]);
    hp = await t.account([Role.Bidder]);
    lenovo = await t.account([Role.Bidder]);
    stranger = await t.account([Role.Bidder]);
    medical = await t.account([Role.Bidder]);
    [{ today }] = await t.ds.query(`SELECT (now() AT TIME ZONE 'Asia/Shanghai')::date::text AS today`);
  }, 60000);

  afterAll(async () => {
    await worker?.stop();
    await t.close();
  });

  const agreement = (organisationId: string, categoryCode: string, agreementNo: string, validFrom = '2026-01-01', validUntil = '2099-12-31') => ({
    agreementNo,
    organisationId,
    categoryCode,
    kind: 'framework',
    validFrom,
    validUntil,
  });
  const product = (over: Record<string, unknown> = {}) => ({
    categoryCode: 'A02.02.04',
    name: '黑白激光打印机',
    brand: '惠普',
    model: 'LaserJet Pro M126a',
    specs: 'A4 幅面,20 页/分钟,USB 2.0',
    unit: '台',
    price: '1299.00',
    stock: 50,
    regions: ['350100'],
    ...over,
  });
  const names = (body: { items: { name: string }[] }) => body.items.map((i) => i.name);

  it('publishes the catalogue and records framework agreements; only the centre records them', async () => {
    const cats = await t.http.get('/procurement/categories');
    expect(cats.status).toBe(200);
    expect(cats.body).toEqual(expect.arrayContaining([
      { code: 'A02.02.04', parentCode: 'A02.02', nameZh: '打印机', nameEn: 'Printers', medicalConsumable: false },
      expect.objectContaining({ code: 'A07.01.01', nameZh: '一次性使用无菌注射器', medicalConsumable: true }),
    ]));

    const before = await t.snapshot();
    for (const token of [purchaser.token, hp.token, office, regulator]) expect((await t.http.post('/procurement/agreements', agreement(hp.organisationId!, 'A02.02', 'XY-1'), token)).status).toBe(403);
    expect((await t.http.post('/procurement/agreements', agreement(hp.organisationId!, 'A02.02', 'XY-1'))).status).toBe(401);
    expect((await t.http.post('/procurement/agreements', agreement(hp.organisationId!, 'A02.99', 'XY-1'), centre)).body.code).toBe('CATEGORY_NOT_FOUND');
    const backwards = await t.http.post('/procurement/agreements', agreement(hp.organisationId!, 'A02.02', 'XY-1', '2027-01-01', '2026-01-01'), centre);
    expect(backwards.status).toBe(422);
    expect(backwards.body.code).toBe('AGREEMENT_INVALID');
    expect((await t.http.post('/procurement/agreements', { ...agreement(hp.organisationId!, 'A02.02', 'XY-1'), extra: 1 }, centre)).status).toBe(400);
    expect(await t.snapshot()).toEqual(before);

    const a = await t.http.post('/procurement/agreements', agreement(hp.organisationId!, 'A02.02', 'XYGH-2026-A0202-001'), centre);
    expect(a.status).toBe(201);
    expect(a.body).toMatchObject({ categoryCode: 'A02.02', categoryName: '办公设备', kind: 'framework', valid: true });
    expect((await t.http.post('/procurement/agreements', agreement(hp.organisationId!, 'A02.02', 'XYGH-2026-A0202-001'), centre)).body.code).toBe('AGREEMENT_DUPLICATE');
    expect((await t.http.post('/procurement/agreements', agreement(lenovo.organisationId!, 'A02', 'XYGH-2026-A02-002'), centre)).status).toBe(201);
    expect((await t.http.post('/procurement/agreements', agreement(medical.organisationId!, 'A07', 'DDCG-2026-A07-001'), centre)).status).toBe(201);
    // An agreement that has run out does not let its supplier list.
    expect((await t.http.post('/procurement/agreements', agreement(stranger.organisationId!, 'A02', 'XYGH-2024-A02-009', '2024-01-01', '2024-12-31'), centre)).body.valid).toBe(false);

    const list = await t.http.get(`/procurement/agreements?category=A02.02.04`);
    expect(list.status).toBe(200);
    expect(list.body).toEqual([]);
    const all = await t.http.get(`/procurement/agreements?category=A02`);
    expect(all.body.map((x: { agreementNo: string }) => x.agreementNo).sort()).toEqual(['XYGH-2024-A02-009', 'XYGH-2026-A02-002', 'XYGH-2026-A0202-001']);
  });

  it('lets a supplier list only under a valid agreement; every wrong role and bad input changes nothing', async () => {
    const before = await t.snapshot();
    const none = await t.http.post('/procurement/products', product(), stranger.token);
    expect(none.status).toBe(403);
    expect(none.body.code).toBe('NO_AGREEMENT');
    expect(none.body.message.zh).toContain('框架协议');
    expect((await t.http.post('/procurement/products', product({ categoryCode: 'A02.01.02' }), hp.token)).body.code).toBe('NO_AGREEMENT');
    for (const token of [purchaser.token, centre, office]) expect((await t.http.post('/procurement/products', product(), token)).status).toBe(403);
    expect((await t.http.post('/procurement/products', product())).status).toBe(401);
    expect((await t.http.post('/procurement/products', product({ price: '12.345' }), hp.token)).body.code).toBe('MONEY_INVALID');
    expect((await t.http.post('/procurement/products', product({ price: '0.00' }), hp.token)).body.code).toBe('PRODUCT_INVALID');
    expect((await t.http.post('/procurement/products', product({ regions: ['35010'] }), hp.token)).body.code).toBe('VALIDATION_FAILED');
    const misplaced = await t.http.post('/procurement/products', product({ certificateNo: '国械注准20193140123', certificateValidUntil: '2030-01-01', packingUnit: '盒' }), hp.token);
    expect(misplaced.status).toBe(422);
    expect(misplaced.body.code).toBe('CERTIFICATE_NOT_APPLICABLE');
    const syringe = { categoryCode: 'A07.01.01', name: '一次性使用无菌注射器 带针', brand: '威高', model: '5ml', specs: '5ml 0.7×32TWLB', unit: '支', price: '0.35', stock: 100000, regions: ['350000'] };
    expect((await t.http.post('/procurement/products', syringe, medical.token)).body.code).toBe('CERTIFICATE_REQUIRED');
    expect((await t.http.post('/procurement/products', { ...syringe, certificateNo: '国械注准20193140123', certificateValidUntil: '2020-01-01', packingUnit: '盒(100 支)' }, medical.token)).body.code).toBe('CERTIFICATE_EXPIRED');
    expect(await t.snapshot()).toEqual(before);

    const listed = [
      [hp, product()],
      [hp, product({ name: '彩色喷墨打印机', brand: '爱普生', model: 'L4268', specs: 'A4 彩色,墨仓式,无线', price: '899.00', regions: ['350000'] })],
      [hp, product({ categoryCode: 'A02.02.03', name: '黑白激光多功能一体机', brand: '兄弟', model: 'DCP-7195DW', specs: '打印/复印/扫描,双面', price: '1599.00', regions: ['350102'] })],
      [lenovo, product({ categoryCode: 'A02.01.02', name: '台式计算机', brand: '联想', model: '启天M437', specs: 'Intel i5-12500/16G/512G SSD/23.8 英寸显示器', price: '4999.00', regions: ['350000'] })],
      [lenovo, product({ name: '激光打印机', brand: '得力', model: 'P2500DNW', specs: 'A4 黑白,自动双面,网络打印', price: '1099.00', regions: ['350200'] })],
    ] as const;
    for (const [who, body] of listed) {
      const r = await t.http.post('/procurement/products', body, who.token);
      expect(r.status).toBe(201);
      expect(r.body).toMatchObject({ status: 'on_sale', priceVersion: 1, price: body.price, supplierId: who.organisationId });
      ids[`${body.name}`] = r.body.id;
    }
    expect((await t.http.get('/procurement/products/mine', hp.token)).body.map((p: { name: string }) => p.name).sort()).toEqual(['彩色喷墨打印机', '黑白激光多功能一体机', '黑白激光打印机']);
    expect((await t.http.get('/procurement/products/mine', purchaser.token)).status).toBe(403);
    // One supplier may not touch another's product.
    const other = await t.http.patch(`/procurement/products/${ids['激光打印机']}`, { stock: 1 }, hp.token);
    expect(other.body.code).toBe('PRODUCT_NOT_FOUND');
    expect((await t.http.patch(`/procurement/products/${ids['激光打印机']}`, { stock: 1 }, purchaser.token)).status).toBe(403);
  });

  it('searches in Chinese with filters, sorting and pages, without a login', async () => {
    const search = (qs: string) => t.http.get(`/public/procurement/products?${qs}`);
    expect(names((await search(`q=${encodeURIComponent('激光打印机')}`)).body)).toEqual(['激光打印机', '黑白激光打印机']);
    expect(names((await search(`q=${encodeURIComponent('打印')}`)).body)).toEqual(['彩色喷墨打印机', '激光打印机', '黑白激光打印机', '黑白激光多功能一体机']);
    expect(names((await search(`q=${encodeURIComponent('激光 一体')}`)).body)).toEqual(['黑白激光多功能一体机']);
    expect(names((await search('q=LASERJET')).body)).toEqual(['黑白激光打印机']);
    expect(names((await search(`q=${encodeURIComponent('启天')}`)).body)).toEqual(['台式计算机']);
    expect(names((await search(`q=${encodeURIComponent('彩色打印')}`)).body)).toEqual([]);
    expect(names((await search('category=A02.01')).body)).toEqual(['台式计算机']);
    expect(names((await search('category=A02.02&sort=-price')).body)).toEqual(['黑白激光多功能一体机', '黑白激光打印机', '激光打印机', '彩色喷墨打印机']);
    expect(names((await search('minPrice=1000&maxPrice=1500')).body)).toEqual(['激光打印机', '黑白激光打印机']);
    // 350102 (鼓楼区) is served by products delivering to it, to 350100 (福州市) or to 350000 (福建省); not to 350200 (厦门市).
    expect(names((await search('region=350102')).body)).toEqual(['彩色喷墨打印机', '黑白激光打印机', '黑白激光多功能一体机', '台式计算机']);
    const page2 = (await search('pageSize=2&page=2')).body;
    expect(page2).toMatchObject({ total: 5, totalExact: true, page: 2, pageSize: 2 });
    expect(names(page2)).toEqual(['黑白激光打印机', '黑白激光多功能一体机']);
    await t.ds.query(`INSERT INTO supplier_score (organisation_id, rating_avg, rating_count) VALUES ($1, 4.80, 12), ($2, 3.50, 4)`, [hp.organisationId, lenovo.organisationId]);
    const rated = (await search('sort=rating')).body;
    expect(names(rated)).toEqual(['彩色喷墨打印机', '黑白激光打印机', '黑白激光多功能一体机', '激光打印机', '台式计算机']);
    expect(rated.items[0]).toMatchObject({ rating: '4.80', ratingCount: 12, supplierName: expect.any(String) });
    expect(rated.items[0].flagged).toBeUndefined();
    for (const bad of ['sort=name', 'pageSize=1000', 'minPrice=-1', 'region=abc', 'category=a02', 'x=1']) expect((await search(bad)).status).toBeGreaterThanOrEqual(400);

    // Off sale is out of the search; back on sale is in again.
    expect((await t.http.patch(`/procurement/products/${ids['彩色喷墨打印机']}`, { onSale: false }, hp.token)).body).toMatchObject({ status: 'off_sale', offSaleReason: 'supplier' });
    expect(names((await search(`q=${encodeURIComponent('打印')}`)).body)).not.toContain('彩色喷墨打印机');
    expect((await t.http.patch(`/procurement/products/${ids['彩色喷墨打印机']}`, { onSale: true }, hp.token)).body.status).toBe('on_sale');
    // An edit re-indexes the text.
    expect((await t.http.patch(`/procurement/products/${ids['台式计算机']}`, { specs: '酷睿 i7 处理器 32G 内存' }, lenovo.token)).status).toBe(200);
    expect(names((await search(`q=${encodeURIComponent('酷睿')}`)).body)).toEqual(['台式计算机']);
  });

  it('flags a price above the reference by more than the tolerance; the centre clears it; every price change is a version', async () => {
    const printer = ids['黑白激光打印机'];
    const deli = ids['激光打印机'];
    const before = await t.snapshot();
    for (const token of [hp.token, purchaser.token, office]) expect((await t.http.post(`/procurement/products/${printer}/reference-price`, { price: '1200.00', channel: '京东政企' }, token)).status).toBe(403);
    expect((await t.http.post(`/procurement/products/${printer}/reference-price`, { price: '0.00', channel: '京东政企' }, centre)).body.code).toBe('REFERENCE_PRICE_INVALID');
    expect(await t.snapshot()).toEqual(before);

    // 1299.00 against 1200.00: 8.25 % over, the tolerance is 5 % (limit 1260.00).
    const flagged = await t.http.post(`/procurement/products/${printer}/reference-price`, { price: '1200.00', channel: '京东政企采购 2026-11' }, centre);
    expect(flagged.status).toBe(200);
    expect(flagged.body).toMatchObject({ flagged: true, referencePrice: '1200.00' });
    expect(flagged.body.flagReason).toContain('8.25%');
    // 1099.00 against 1050.00: 4.66 % over, within the tolerance.
    expect((await t.http.post(`/procurement/products/${deli}/reference-price`, { price: '1050.00', channel: '天猫企业购' }, centre)).body.flagged).toBe(false);

    for (const token of [centre, office, regulator]) expect((await t.http.get('/procurement/products/flagged', token)).body.map((p: { id: string }) => p.id)).toEqual([printer]);
    expect((await t.http.get('/procurement/products/flagged', tenderingRegulator)).body.code).toBe('NOT_YOUR_DOMAIN');
    for (const token of [hp.token, purchaser.token]) expect((await t.http.get('/procurement/products/flagged', token)).status).toBe(403);
    expect((await t.http.get('/procurement/products/flagged')).status).toBe(401);

    expect((await t.http.post(`/procurement/products/${printer}/clear-flag`, { note: '含三年上门保修' }, office)).status).toBe(403);
    expect((await t.http.post(`/procurement/products/${deli}/clear-flag`, { note: '含三年上门保修' }, centre)).body.code).toBe('FLAG_NOT_SET');
    const cleared = await t.http.post(`/procurement/products/${printer}/clear-flag`, { note: '含三年上门保修,价格合理' }, centre);
    expect(cleared.body).toMatchObject({ flagged: false, flagClearedNote: '含三年上门保修,价格合理' });
    expect((await t.http.get('/procurement/products/flagged', centre)).body).toEqual([]);

    // A price change is checked again: up is flagged, down within the tolerance is not.
    expect((await t.http.patch(`/procurement/products/${printer}`, { price: '1399.00' }, hp.token)).body.priceVersion).toBe(2);
    expect((await t.http.get('/procurement/products/flagged', centre)).body.map((p: { id: string }) => p.id)).toEqual([printer]);
    expect((await t.http.patch(`/procurement/products/${printer}`, { price: '1250.00' }, hp.token)).body.priceVersion).toBe(3);
    expect((await t.http.get('/procurement/products/flagged', centre)).body).toEqual([]);
    expect((await t.http.patch(`/procurement/products/${printer}`, { stock: 10 }, hp.token)).body.priceVersion).toBe(3);
    const versions = await t.http.get(`/procurement/products/${printer}/prices`, regulator);
    expect(versions.body.map((v: { price: string }) => v.price)).toEqual(['1299.00', '1399.00', '1250.00']);
    expect((await t.http.get(`/procurement/products/${printer}/prices`, lenovo.token)).body.code).toBe('PRODUCT_NOT_FOUND');
    const audited = await t.ds.query(`SELECT action FROM audit_event WHERE subject_type = 'procurement_product' AND subject_id = $1 ORDER BY id`, [printer]);
    expect(audited.map((a: { action: string }) => a.action)).toEqual([
      'procurement.product_listed',
      'procurement.reference_recorded',
      'procurement.flag_cleared',
      'procurement.product_updated',
      'procurement.product_updated',
      'procurement.product_updated',
    ]);
  });

  it('takes a consumable off sale when its certificate expires (milestone fired by the worker) and back on only with a renewed one', async () => {
    const syringe = {
      categoryCode: 'A07.01.01',
      name: '一次性使用无菌注射器 带针',
      brand: '威高',
      model: '5ml',
      specs: '5ml 0.7×32TWLB 中心锥头',
      unit: '支',
      price: '0.35',
      stock: 100000,
      regions: ['350000'],
      certificateNo: '国械注准20193140123',
      certificateValidUntil: today,
      packingUnit: '盒(100 支)',
    };
    const listed = await t.http.post('/procurement/products', syringe, medical.token);
    expect(listed.status).toBe(201);
    expect(listed.body).toMatchObject({ status: 'on_sale', certificateNo: '国械注准20193140123', certificateValidUntil: today, packingUnit: '盒(100 支)' });
    const id = listed.body.id as string;
    const [m] = await t.ds.query(`SELECT id, due_at, status FROM milestone WHERE kind = 'procurement.certificate_expiry' AND subject_type = 'procurement_product' AND subject_id = $1`, [id]);
    expect(m.status).toBe('pending');
    expect(m.due_at.toISOString()).toBe(certificateExpiresAt(today).toISOString());
    expect(names((await t.http.get(`/public/procurement/products?q=${encodeURIComponent('注射器')}`)).body)).toEqual(['一次性使用无菌注射器 带针']);

    // Midnight comes early: the row's due time is moved into the past, as the clock would; the worker's reconciler fires it.
    await t.ds.query(`UPDATE milestone SET due_at = now() - interval '3 seconds' WHERE id = $1`, [m.id]);
    await waitFor(async () => (await t.ds.query(`SELECT status FROM procurement_product WHERE id = $1`, [id]))[0].status === 'off_sale', 20000, 'the certificate expiry to take the product off sale');
    const [off] = (await t.http.get('/procurement/products/mine', medical.token)).body;
    expect(off).toMatchObject({ status: 'off_sale', offSaleReason: 'certificate_expired' });
    expect((await t.http.get(`/public/procurement/products?q=${encodeURIComponent('注射器')}`)).body.items).toEqual([]);
    expect((await t.ds.query(`SELECT status FROM milestone WHERE id = $1`, [m.id]))[0].status).toBe('fired');

    // Back on sale only with a renewed certificate that is valid; a renewal schedules the next expiry.
    const before = await t.snapshot();
    expect((await t.http.patch(`/procurement/products/${id}`, { onSale: true }, medical.token)).body.code).toBe('CERTIFICATE_EXPIRED');
    expect((await t.http.patch(`/procurement/products/${id}`, { onSale: true, certificateValidUntil: '2020-12-31' }, medical.token)).body.code).toBe('CERTIFICATE_EXPIRED');
    expect(await t.snapshot()).toEqual(before);
    const renewed = await t.http.patch(`/procurement/products/${id}`, { onSale: true, certificateNo: '国械注准20243140456', certificateValidUntil: '2029-06-30' }, medical.token);
    expect(renewed.status).toBe(200);
    expect(renewed.body).toMatchObject({ status: 'on_sale', offSaleReason: null, certificateNo: '国械注准20243140456', certificateValidUntil: '2029-06-30' });
    const pending = await t.ds.query(`SELECT due_at FROM milestone WHERE subject_id = $1 AND status = 'pending'`, [id]);
    expect(pending.map((r: { due_at: Date }) => r.due_at.toISOString())).toEqual(['2029-06-30T16:00:00.000Z']);
    // A second renewal moves the pending milestone rather than adding one.
    await t.http.patch(`/procurement/products/${id}`, { certificateValidUntil: '2030-06-30' }, medical.token);
    const moved = await t.ds.query(`SELECT due_at, version FROM milestone WHERE subject_id = $1 AND status = 'pending'`, [id]);
    expect(moved).toEqual([{ due_at: new Date('2030-06-30T16:00:00.000Z'), version: 2 }]);
    const audited = await t.ds.query(`SELECT actor_role FROM audit_event WHERE action = 'procurement.certificate_expired' AND subject_id = $1`, [id]);
    expect(audited).toEqual([{ actor_role: 'system' }]);
  });
});
