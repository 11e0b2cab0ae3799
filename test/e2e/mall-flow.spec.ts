import { Browser, Locator, Page } from 'playwright-core';
import { Role } from '@app/platform/auth/roles';
import { browserPeople, confirmIn, launchChromium, shoot } from '../support/browser';
import { startTestApp, TestAccount, TestApp } from '../support/test-app';

// 政府采购电子卖场 in headless Chromium, every step through the pages from the login form: a supplier lists a
// consumable with its registration certificate; a purchaser searches the catalogue, filters, compares, fills the cart,
// is refused over its budget and then orders within it; the supplier confirms and delivers; the purchaser accepts, pays
// and rates; another supplier quotes on an open requirement. Every binding action shows its amount in figures and 大写.
// Every page is looked at 1440 and 390 px wide. A console error or a 5xx answer fails the test; the API's intended
// refusals (4xx) are asserted where they happen.
/** The outermost elements whose right edge passes the screen's (their ancestors fit), as "tag.class". */
const WIDER_THAN_SCREEN = `(() => {
  const w = document.documentElement.clientWidth;
  const out = [];
  for (const el of document.querySelectorAll('body *')) {
    const r = el.getBoundingClientRect();
    if (r.right <= w + 1 || r.width === 0) continue;
    const p = el.parentElement;
    if (p && p.getBoundingClientRect().right > w + 1) continue;
    let clipped = false;
    for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) if (getComputedStyle(a).overflowX !== 'visible') clipped = true;
    if (clipped) continue;
    out.push(el.tagName.toLowerCase() + '.' + String(el.className).split(' ').slice(0, 2).join('.') + ' ' + Math.round(r.right));
  }
  return out.slice(0, 8);
})()`;

describe('the e-mall walked in a real browser: catalogue, cart, direct order, acceptance, payment, rating, quotes', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;
  let centre: TestAccount;
  let committee: TestAccount;
  let kangda: TestAccount; // 福建康达医疗器械有限公司: consumables and office equipment
  let xiamen: TestAccount; // 厦门鹭岛办公设备有限公司: office equipment
  let purchaser: TestAccount; // 市疾病预防控制中心
  const problems: string[] = [];
  /** Chromium's console line for each refused request (4xx): expected where the test provokes a refusal. */
  const refusals: string[] = [];
  const ids: Record<string, string> = {};

  const { person, login: loginAs } = browserPeople(() => t, () => browser);

  /** Logs in through the form and watches the page: console errors (other than a refusal's 4xx line) and 5xx fail. */
  async function login(who: TestAccount): Promise<Page> {
    const page = await loginAs(who);
    page.on('console', (m) => {
      if (m.type() === 'error') (/status of 4\d\d/.test(m.text()) ? refusals : problems).push(m.text());
    });
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('response', (r) => {
      if (r.status() >= 500) problems.push(`${r.status()} ${r.request().method()} ${r.url()}`);
    });
    return page;
  }

  /** The page as it is at 1440 px, then at 390 px (a phone): nothing wider than the screen; screenshots of both. */
  async function bothWidths(page: Page, name: string, ready: Locator): Promise<void> {
    await ready.first().waitFor();
    await shoot(page, name);
    await page.setViewportSize({ width: 390, height: 844 });
    await ready.first().waitFor();
    await page.waitForTimeout(300);
    await shoot(page, `${name}-390`);
    const width = await page.evaluate<number>('document.documentElement.scrollWidth');
    // on failure, name the outermost elements that stick out
    const wide = width > 390 ? await page.evaluate<string[]>(WIDER_THAN_SCREEN) : [];
    expect([name, width, wide]).toEqual([name, 390, []]);
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.waitForTimeout(200);
  }

  async function tab(page: Page, name: RegExp) {
    await page.getByRole('tab', { name }).click();
  }

  /** Presses the binding confirmation after checking what it binds: the amount in figures and in 大写. */
  async function confirmAmount(page: Page, figures: string, words: string) {
    const dialog = page.getByTestId('binding-confirm');
    await dialog.waitFor();
    expect(await page.getByTestId('binding-figures').textContent()).toBe(figures);
    expect(await page.getByTestId('binding-words').textContent()).toBe(words);
    await page.getByTestId('binding-ok').click();
    await dialog.waitFor({ state: 'detached' });
  }

  /** Picks an option of an antd select by typing into it. */
  async function choose(page: Page, testId: string, typed: string, option: string | RegExp) {
    await page.getByTestId(testId).click();
    await page.keyboard.type(typed);
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option, .ant-select-dropdown:visible .ant-select-tree-node-content-wrapper', { hasText: option }).first().click();
  }

  beforeAll(async () => {
    t = await startTestApp('web-mall-flow');
    base = t.http.baseUrl;
    browser = await launchChromium();
    centre = await t.account([Role.Centre]);
    committee = await t.account([Role.Committee]);
    kangda = await person([Role.Bidder], '福建康达医疗器械有限公司', '康达 销售 陈静');
    xiamen = await person([Role.Bidder], '厦门鹭岛办公设备有限公司', '鹭岛 投标专员 林峰');
    purchaser = await person([Role.Owner], '市疾病预防控制中心', '疾控中心 采购 王敏');
    for (const [who, code, no] of [
      [kangda, 'A07', 'DDCG-2026-A07-011'],
      [kangda, 'A02.02', 'XYGH-2026-A0202-012'],
      [xiamen, 'A02.02', 'XYGH-2026-A0202-013'],
    ] as const) {
      const a = await t.http.post('/procurement/agreements', { agreementNo: no, organisationId: who.organisationId, categoryCode: code, kind: 'framework', validFrom: '2026-01-01', validUntil: '2099-12-31' }, centre.token);
      expect(a.status).toBe(201);
    }
    const list = async (who: TestAccount, body: Record<string, unknown>) => {
      const r = await t.http.post('/procurement/products', { specs: 'A4 幅面', unit: '台', stock: 200, regions: ['350100'], ...body }, who.token);
      expect(r.status).toBe(201);
      return r.body.id as string;
    };
    ids.hp = await list(xiamen, { categoryCode: 'A02.02.04', name: '黑白激光打印机', brand: '惠普', model: 'LaserJet Pro M126a', specs: 'A4 幅面,20 页/分钟,USB 2.0,一年上门保修', price: '1299.00' });
    ids.epson = await list(xiamen, { categoryCode: 'A02.02.04', name: '彩色喷墨打印机', brand: '爱普生', model: 'L4268', specs: 'A4 彩色,墨仓式,无线,两年保修', price: '899.00' });
    ids.scanner = await list(kangda, { categoryCode: 'A02.02.05', name: '高速文档扫描仪', brand: '富士通', model: 'fi-7160', price: '6280.00' });
  }, 90000);

  afterEach(() => {
    expect({ problems: problems.splice(0), unexpectedRefusals: refusals.splice(0) }).toEqual({ problems: [], unexpectedRefusals: [] });
  });

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('a supplier lists a consumable with its registration certificate, takes it off sale and back, and reads its agreements', async () => {
    const page = await login(kangda);
    await page.goto(`${base}/workspace/bidder/mall`);
    await page.getByTestId('my-product-高速文档扫描仪').waitFor();
    await page.getByTestId('product-new').click();
    await choose(page, 'product-category', 'A07.01.01', /一次性使用无菌注射器/);
    await page.getByTestId('product-name').fill('一次性使用无菌注射器 带针');
    await page.getByTestId('product-brand').fill('威高');
    await page.getByTestId('product-model').fill('5ml 0.7×32TWLB');
    await page.getByTestId('product-specs').fill('5ml,带针,EO 灭菌');
    await page.getByTestId('product-unit').fill('盒');
    await page.getByTestId('product-price').fill('1,035.50');
    await page.getByTestId('product-cert-no').fill('国械注准20193140123');
    await page.getByTestId('product-cert-until').click();
    await page.keyboard.type('2028-06-30');
    await page.keyboard.press('Enter');
    await page.getByTestId('product-packing').fill('盒(100 支)');
    await shoot(page, 'bidder-mall-new-product');
    await page.getByTestId('product-submit').click();
    const row = page.getByTestId('my-product-一次性使用无菌注射器 带针');
    await row.waitFor();
    expect(await row.getByTestId('product-status').textContent()).toBe('在售');
    expect(await row.textContent()).toContain('¥1,035.50');
    const mine = (await t.http.get('/procurement/products/mine', kangda.token)).body.find((p: { name: string }) => p.name === '一次性使用无菌注射器 带针');
    expect(mine).toMatchObject({ categoryCode: 'A07.01.01', price: '1035.50', certificateNo: '国械注准20193140123', certificateValidUntil: '2028-06-30', packingUnit: '盒(100 支)', status: 'on_sale', regions: ['350100'] });
    ids.syringe = mine.id;
    await bothWidths(page, 'bidder-mall-products', row);

    // 下架 and 上架 again, each behind a popconfirm
    await confirmIn(page, row.getByTestId('toggle-一次性使用无菌注射器 带针'), /下\s?架/);
    await page.getByText('已下架', { exact: true }).first().waitFor();
    expect((await t.http.get(`/public/procurement/products/${ids.syringe}`)).body.onSale).toBe(false);
    await confirmIn(page, row.getByTestId('toggle-一次性使用无菌注射器 带针'), /上\s?架/);
    await row.getByText('在售').waitFor();
    expect((await t.http.get(`/public/procurement/products/${ids.syringe}`)).body.onSale).toBe(true);

    await tab(page, /协议与资质/);
    await page.getByTestId('agreements').getByText('DDCG-2026-A07-011').waitFor();
    const cert = page.getByTestId('cert-国械注准20193140123');
    await cert.waitFor();
    expect(await cert.textContent()).toContain('2028-06-30');
    expect(await cert.getByTestId('cert-state').textContent()).toMatch(/^有效\(剩 \d+ 天\)$/);
    await bothWidths(page, 'bidder-mall-qualifications', cert);
    await page.context().close();
  }, 120000);

  it('a purchaser searches, filters, compares, fills the cart, is refused over its budget, then orders within it', async () => {
    const page = await login(purchaser);
    await page.goto(`${base}/workspace/owner/mall?tab=budget`);
    await page.getByPlaceholder('预算编码').fill('2026-JK-0301');
    await page.getByPlaceholder('预算项目名称').fill('办公设备及防疫耗材购置');
    await page.getByTestId('budget-amount').fill('50,000');
    await page.getByRole('button', { name: '登记预算' }).click();
    await page.getByText('预算指标已登记').waitFor();
    const [line] = (await t.http.get('/procurement/budget-lines', purchaser.token)).body;
    expect(line).toMatchObject({ code: '2026-JK-0301', amount: '50000.00', remaining: '50000.00' });
    await bothWidths(page, 'owner-mall-budget', page.getByText('2026-JK-0301'));

    // The catalogue: everything on sale, then filters
    await tab(page, /商品目录/);
    const total = page.getByTestId('catalogue-total');
    await total.waitFor();
    expect(await total.textContent()).toBe('共 4 件商品');
    await bothWidths(page, 'owner-mall-catalogue', total);
    await page.getByTestId('filter-q').fill('打印机');
    await page.getByTestId('filter-submit').click();
    await page.getByText('共 2 件商品').waitFor();
    await page.getByTestId('filter-brand').locator('input').fill('惠普');
    await page.getByTestId('filter-submit').click();
    await page.getByText('共 1 件商品').waitFor();
    await page.getByTestId(`product-${ids.hp}`).waitFor();
    await page.getByTestId('filter-brand').locator('input').fill('');
    await choose(page, 'filter-supplier', '鹭岛', '厦门鹭岛办公设备有限公司');
    await page.getByTestId('filter-max').fill('1,000');
    await page.getByTestId('filter-submit').click();
    await page.getByText('共 1 件商品').waitFor();
    await page.getByTestId(`product-${ids.epson}`).waitFor();
    // a minimum above the maximum is refused by the form; nothing is asked
    await page.getByTestId('filter-min').fill('2,000');
    await page.getByTestId('filter-submit').click();
    await page.getByText('最高价不能低于最低价').waitFor();
    await page.getByRole('button', { name: /重\s?置/ }).click();
    await page.getByText('共 4 件商品').waitFor();
    // consumables whose certificate is valid at least through a day
    await choose(page, 'filter-category', '医用耗材', /A07 医用耗材/);
    await page.getByTestId('filter-cert').click();
    await page.keyboard.type('2028-06-30');
    await page.keyboard.press('Enter');
    await page.getByTestId('filter-submit').click();
    await page.getByText('共 1 件商品').waitFor();
    const syringe = page.getByTestId(`product-${ids.syringe}`);
    expect(await syringe.textContent()).toContain('国械注准20193140123');
    await shoot(page, 'owner-mall-catalogue-filtered');
    await page.getByTestId('filter-cert').click();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('2028-07-01');
    await page.keyboard.press('Enter');
    await page.getByTestId('filter-submit').click();
    await page.getByText('没有符合条件的在售商品').waitFor();
    await page.getByRole('button', { name: /重\s?置/ }).click();
    await page.getByText('共 4 件商品').waitFor();

    // Compare the two printers side by side
    await page.getByTestId(`compare-${ids.hp}`).click();
    await page.getByTestId(`compare-${ids.epson}`).click();
    await page.getByTestId('compare-bar').waitFor();
    await page.getByTestId('compare-open').click();
    const table = page.getByTestId('compare-table');
    await table.waitFor();
    expect(await table.textContent()).toContain('LaserJet Pro M126a');
    expect(await table.textContent()).toContain('L4268');
    expect(await table.locator('b[data-diff="yes"]').allTextContents()).toEqual(['单价', '品牌', '型号', '规格参数']);
    expect(await table.locator('b[data-diff="no"]').allTextContents()).toContain('供应商');
    await bothWidths(page, 'owner-mall-compare', table);
    await page.locator(`[data-testid="compare-add-${ids.hp}"]:visible`).first().click();
    await page.getByText('已加入购物车:黑白激光打印机').waitFor();
    await page.locator('.ant-drawer-close').click();
    await page.getByTestId(`add-cart-${ids.syringe}`).click();

    // The cart: one order per supplier; 40 printers are over the budget line
    await tab(page, /购物车/);
    const hpGroup = page.getByTestId(`cart-group-${xiamen.organisationId}`);
    await hpGroup.waitFor();
    await page.getByTestId(`cart-group-${kangda.organisationId}`).waitFor();
    await choose(page, 'cart-budget', '2026-JK', '2026-JK-0301');
    await page.getByTestId(`cart-qty-${ids.hp}`).fill('40');
    await page.getByTestId(`cart-qty-${ids.hp}`).blur();
    await page.getByTestId(`cart-total-${xiamen.organisationId}`).getByText('¥51,960.00').waitFor();
    await page.getByTestId('cart-over-budget').waitFor();
    await bothWidths(page, 'owner-mall-cart', hpGroup);
    const before = await t.snapshot();
    await page.getByTestId(`cart-order-${xiamen.organisationId}`).click();
    await confirmAmount(page, '¥51,960.00', '伍万壹仟玖佰陆拾元整');
    await page.locator('.refusal').getByText('订单金额超过预算指标余额').waitFor();
    // the watcher sees the browser's console: the refusal's 409 is there, and only because it was provoked
    expect(refusals.splice(0)).toEqual([expect.stringContaining('status of 409')]);
    expect(await page.getByTestId('refusal-details').textContent()).toBe('本单 ¥51,960.00,预算指标余额 ¥50,000.00。');
    expect(await t.snapshot()).toEqual(before);
    await shoot(page, 'owner-mall-cart-refused');

    // Within the budget: 10 printers
    await page.getByTestId(`cart-qty-${ids.hp}`).fill('10');
    await page.getByTestId(`cart-qty-${ids.hp}`).blur();
    await page.getByTestId(`cart-total-${xiamen.organisationId}`).getByText('¥12,990.00').waitFor();
    await page.getByTestId(`cart-order-${xiamen.organisationId}`).click();
    await confirmAmount(page, '¥12,990.00', '壹万贰仟玖佰玖拾元整');
    await page.getByRole('tab', { name: /我的订单/, selected: true }).waitFor();
    const [order] = (await t.http.get('/procurement/orders/mine', purchaser.token)).body;
    expect(order).toMatchObject({ status: 'placed', source: 'direct', total: '12990.00', supplier: { name: '厦门鹭岛办公设备有限公司' }, items: [{ productId: ids.hp, quantity: 10, unitPrice: '1299.00' }] });
    ids.order = order.id;
    ids.orderNo = order.no;
    const row = page.getByTestId(`order-${order.no}`);
    expect(await row.getByTestId('order-status').textContent()).toBe('待确认');
    expect((await t.http.get('/procurement/budget-lines', purchaser.token)).body[0]).toMatchObject({ used: '12990.00', remaining: '37010.00' });
    await bothWidths(page, 'owner-mall-orders', row);
    // the consumable stays in the cart for a later order
    await tab(page, /购物车/);
    await page.getByTestId(`cart-group-${kangda.organisationId}`).waitFor();
    expect(await page.getByTestId(`cart-group-${xiamen.organisationId}`).count()).toBe(0);
    await page.context().close();
  }, 180000);

  it('the supplier confirms and delivers; the purchaser accepts, records the payment and rates', async () => {
    const supplier = await login(xiamen);
    await supplier.goto(`${base}/workspace/bidder/mall?tab=orders`);
    const srow = supplier.getByTestId(`order-${ids.orderNo}`);
    await srow.waitFor();
    await supplier.getByTestId(`confirm-${ids.orderNo}`).click();
    await confirmAmount(supplier, '¥12,990.00', '壹万贰仟玖佰玖拾元整');
    await srow.getByText('已确认').waitFor();
    await supplier.getByTestId(`deliver-${ids.orderNo}`).click();
    await supplier.getByTestId('deliver-note').fill('送货单 SH-20261207-01,共 10 箱,已送至疾控中心设备科');
    await supplier.getByRole('button', { name: '提交送货单' }).click();
    await srow.getByText('已发货').waitFor();
    await bothWidths(supplier, 'bidder-mall-orders', srow);
    expect((await t.http.get(`/procurement/orders/${ids.order}`, purchaser.token)).body).toMatchObject({ status: 'delivered', deliveryNote: '送货单 SH-20261207-01,共 10 箱,已送至疾控中心设备科' });

    const page = await login(purchaser);
    await page.goto(`${base}/workspace/owner/mall?tab=orders`);
    const row = page.getByTestId(`order-${ids.orderNo}`);
    await row.waitFor();
    await page.getByTestId(`accept-${ids.orderNo}`).click();
    await confirmAmount(page, '¥12,990.00', '壹万贰仟玖佰玖拾元整');
    await row.getByText('验收合格').waitFor();
    await page.getByTestId(`pay-${ids.orderNo}`).click();
    await page.getByTestId('payment-reference').fill('ZF2026120700018');
    await page.getByTestId('payment-amount').fill('12,990.00');
    await page.getByTestId('order-action-ok').click();
    await confirmAmount(page, '¥12,990.00', '壹万贰仟玖佰玖拾元整');
    await row.getByText('已支付').waitFor();
    expect((await t.http.get(`/procurement/orders/${ids.order}`, purchaser.token)).body).toMatchObject({ status: 'paid', paymentReference: 'ZF2026120700018' });
    await page.getByTestId(`rate-${ids.orderNo}`).click();
    await page.getByTestId('rate-quality').locator('li').nth(3).click(); // 4 stars
    await page.getByTestId('rate-comment').fill('到货及时,包装完好,安装调试到位。');
    await page.getByTestId('order-action-ok').click();
    await page.getByText('评价已提交').waitFor();
    const ratings = (await t.http.get(`/public/procurement/suppliers/${xiamen.organisationId}/ratings`)).body;
    expect(ratings).toMatchObject({ ratingCount: 1, ratings: [{ orderNo: ids.orderNo, purchaserName: '市疾病预防控制中心', quality: 4, delivery: 5, service: 5, comment: '到货及时,包装完好,安装调试到位。' }] });
    await row.locator('.ant-table-row-expand-icon').click();
    await page.getByText('已登记支付,凭证号 ZF2026120700018').waitFor();
    await shoot(page, 'owner-mall-order-paid');
    await page.context().close();

    // the supplier reads the rating
    await supplier.goto(`${base}/workspace/bidder/mall?tab=ratings`);
    const rating = supplier.getByText('到货及时,包装完好,安装调试到位。');
    await bothWidths(supplier, 'bidder-mall-ratings', rating);
    await supplier.context().close();
  }, 120000);

  it('a supplier quotes on an open requirement: the amount in 大写, then the receipt', async () => {
    const draft = await t.http.post('/rule-sets', { domain: 'procurement', name: '电子卖场演示(秒)', sandbox: true, changes: { periods: { quoteWindow: { value: 900, unit: 's' } } } }, committee.token);
    expect((await t.http.post(`/rule-sets/${draft.body.id}/publish`, {}, committee.token)).status).toBe(200);
    const bigLine = await t.http.post('/procurement/budget-lines', { code: '2026-JK-0302', name: '打印设备集中采购', year: 2026, amount: '3000000.00' }, purchaser.token);
    expect(bigLine.status).toBe(201);
    const req = await t.http.post(
      '/procurement/requirements',
      { title: '疾控中心打印设备集中采购', categoryCode: 'A02.02.04', items: [{ description: '黑白激光打印机', quantity: 1000, unit: '台', specs: 'A4,≥20 页/分钟' }], deliveryRegion: '350102', deliveryDate: '2099-12-31', maxPrice: '1200000.00', budgetLineId: bigLine.body.id, ruleSet: 'sandbox' },
      purchaser.token,
    );
    expect(req.status).toBe(201);

    const page = await login(xiamen);
    await page.goto(`${base}/workspace/bidder/mall?tab=requirements`);
    const open = page.getByTestId(`quote-open-${req.body.id}`);
    await bothWidths(page, 'bidder-mall-requirements', open);
    await open.click();
    await page.getByTestId('quote-total').fill('1,086,500');
    await page.getByTestId('quote-submit').click();
    await confirmAmount(page, '¥1,086,500.00', '壹佰零捌万陆仟伍佰元整');
    const receipt = page.getByTestId('quote-receipt');
    await receipt.waitFor({ timeout: 15000 });
    const [mine] = (await t.http.get(`/procurement/requirements/${req.body.id}/quotes/mine`, xiamen.token)).body;
    expect(await page.getByTestId('quote-receipt-no').textContent()).toBe(mine.receiptNo);
    expect(await page.getByTestId('quote-receipt-digest').textContent()).toBe(mine.quoteDigest);
    expect(await receipt.textContent()).not.toMatch(/1,?086,?500/);
    await shoot(page, 'bidder-mall-quote-confirmed');
    await page.setViewportSize({ width: 390, height: 844 });
    await receipt.waitFor();
    await shoot(page, 'bidder-mall-quote-confirmed-390');
    await page.context().close();

    // the purchaser sees it sealed in its list of requirements
    const p = await login(purchaser);
    await p.goto(`${base}/workspace/owner/mall?tab=requirements`);
    const r = p.getByText('疾控中心打印设备集中采购');
    await bothWidths(p, 'owner-mall-requirements', r);
    await p.context().close();
  }, 120000);
});
