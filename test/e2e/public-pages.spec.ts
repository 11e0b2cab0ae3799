import { createHash } from 'node:crypto';
import { Browser, Page } from 'playwright-core';
import { launchChromium, overflowing, shoot } from '../support/browser';
import { buildPublicDeals, PublicDeals } from '../support/public-deals';
import { startTestApp, TestApp } from '../support/test-app';
import { startWorker, WorkerProcess } from '../support/worker-process';

const WIDE = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };

/**
 * A visitor (no login) walks the public pages from the home page to each domain's project page, the results, the
 * credit search by name and the rules, at 1440 and at 390 px, in headless Chromium against the real api, worker and
 * PostgreSQL. Any console error, uncaught page error or 5xx answer fails the test; at 390 px the page body never
 * scrolls sideways.
 */
describe('the public pages as a visitor sees them, at 1440 and 390 px', () => {
  let t: TestApp;
  let worker: WorkerProcess;
  let browser: Browser;
  let base: string;
  let deals: PublicDeals;
  const problems: string[] = [];

  /** A fresh visitor at this width; every console error, page error and 5xx is collected into `problems`. */
  async function visitor(viewport = WIDE): Promise<Page> {
    const context = await browser.newContext({ viewport, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    const page = await context.newPage();
    page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()} @ ${page.url()}`));
    page.on('pageerror', (e) => problems.push(`page error: ${e.message} @ ${page.url()}`));
    page.on('response', (r) => r.status() >= 500 && problems.push(`${r.status()} ${r.url()}`));
    return page;
  }

  /** At a phone's width the page itself never scrolls sideways (tables scroll inside their cards). */
  async function fitsPhone(page: Page, what: string): Promise<void> {
    expect([what, await overflowing(page)]).toEqual([what, []]);
  }

  beforeAll(async () => {
    t = await startTestApp('web-public-pages-e2e', { PUBLIC_SEARCH_PER_MINUTE: '200' });
    base = t.http.baseUrl;
    worker = await startWorker({ DATABASE_URL: t.databaseUrl, REDIS_PREFIX: t.redisPrefix, MILESTONE_RECONCILE_MS: '1000', LOT_RECONCILE_MS: '500' });
    browser = await launchChromium();
    deals = await buildPublicDeals(t);
  }, 240000);

  afterEach(() => {
    expect(problems.splice(0)).toEqual([]);
  });

  afterAll(async () => {
    await browser?.close();
    await worker?.stop();
    await t?.close();
  });

  it('the home banner counts what each tab lists; a tender still taking bids shows its announcement, countdown, documents, suspension and history', async () => {
    const page = await visitor();
    await page.goto(`${base}/`);
    const counts = page.getByTestId('hero-counts');
    const api = {
      tendering: (await t.http.get('/public/tenders')).body.length,
      land: (await t.http.get('/public/land/parcels')).body.length,
      procurement: (await t.http.get('/public/procurement/requirements')).body.length,
      rural: (await t.http.get('/public/rural/deals?page=1&pageSize=1')).body.total,
    };
    expect(api).toEqual({ tendering: 2, land: 1, procurement: 1, rural: 1 });
    await counts.getByText('政府采购').waitFor();
    await page.waitForFunction(`!document.querySelector('[data-testid="hero-counts"]').textContent.includes('—')`);
    const banner = await counts.textContent();
    for (const [label, n] of [['工程建设', api.tendering], ['土地使用权', api.land], ['政府采购', api.procurement], ['农村产权', api.rural]] as const) expect(banner).toContain(`${label}${n}项`);
    await page.getByRole('tab', { name: '政府采购' }).click();
    await page.getByText('市财政局办公计算机采购').waitFor();
    expect(await page.locator('.ant-tabs-tabpane-active tbody tr.ant-table-row').count()).toBe(api.procurement);
    await page.getByRole('tab', { name: '工程建设招投标' }).click();
    await page.getByText('福建省福州市鼓楼区').first().waitFor(); // region names, not 350102
    await shoot(page, 'public-home');

    await page.getByText('城北污水处理厂扩建工程').first().click();
    await page.waitForURL(`${base}/portal/tenders/${deals.openTender}`);
    const lifecycle = page.getByTestId('lifecycle');
    await lifecycle.locator('.ant-steps-item-process', { hasText: '招标公告' }).waitFor();
    // The countdown runs on the server's clock to the bid deadline, about an hour away.
    const countdown = page.getByTestId('countdown');
    await countdown.getByText('距投标截止(开标)').waitFor();
    const first = await page.getByTestId('countdown-value').textContent();
    expect(first).toMatch(/^00:5\d:\d\d$|^01:00:\d\d$/);
    await page.waitForTimeout(1200);
    expect(await page.getByTestId('countdown-value').textContent()).not.toBe(first);
    // The announcement itself, from the registered facts.
    const announcement = page.getByTestId('announcement');
    await announcement.getByText('城北污水处理厂扩建工程 招标公告').waitFor();
    await announcement.getByText('招标人为 市城市建设投资集团有限公司,招标代理机构为 阳光工程咨询有限公司', { exact: false }).waitFor();
    await announcement.getByText('项目所在地:福建省福州市鼓楼区', { exact: false }).waitFor();
    // Every document with its full SHA-256, as the API publishes it.
    const public_ = (await t.http.get(`/public/tenders/${deals.openTender}`)).body;
    expect(public_.documents.map((d: { fileName: string }) => d.fileName)).toEqual(['招标文件.pdf', '修改文件.pdf']);
    for (const d of public_.documents) await page.getByTestId('attachments').getByText(d.sha256).waitFor();
    expect(public_.documents[0].sha256).toBe(createHash('sha256').update(Buffer.from('%PDF 招标文件 第一章 招标公告')).digest('hex'));
    await page.getByTestId('attachments').getByRole('button', { name: '登录报名后下载' }).first().waitFor();
    // 中止公告 and 恢复公告, and the history of versions in Chinese.
    await page.getByTestId('suspensions').getByText('中止原因:收到投诉,招标文件资格条件涉嫌排斥潜在投标人').waitFor();
    await page.getByTestId('suspensions').getByText('恢复公告').first().waitFor();
    const history = page.getByTestId('history');
    await history.getByText('发布招标公告', { exact: false }).first().waitFor();
    await history.getByText('项目中止', { exact: false }).first().waitFor();
    expect(await history.textContent()).not.toMatch(/bidDeadline|tenderStatus|projectStatus/);
    expect(await page.locator('body').textContent()).not.toContain('开标时间—');
    await shoot(page, 'public-tender');
    await page.context().close();

    const phone = await visitor(PHONE);
    await phone.goto(`${base}/`);
    await phone.getByText('城北污水处理厂扩建工程').first().waitFor();
    await fitsPhone(phone, 'home');
    await shoot(phone, 'public-home-390');
    await phone.goto(`${base}/portal/tenders/${deals.openTender}`);
    await phone.getByTestId('announcement').waitFor();
    await phone.getByTestId('countdown-value').waitFor();
    await fitsPhone(phone, 'tender');
    await shoot(phone, 'public-tender-390');
    await phone.context().close();
  });

  it('each domain’s project page: the awarded tender, the land parcel, the rural deal and the e-mall quote round, then the portal’s project page', async () => {
    const page = await visitor();
    await page.goto(`${base}/`);
    await page.getByText('滨江大道快速化改造工程').first().click();
    await page.waitForURL(`${base}/portal/tenders/${deals.tender}`);
    await page.getByTestId('lifecycle').locator('.ant-steps-item-finish', { hasText: '合同签订' }).waitFor();
    await page.getByTestId('opening-record').getByText('¥9,650,000.00').waitFor();
    await page.getByTestId('countdown').getByText('公告载明的时间节点均已届满').waitFor();
    await shoot(page, 'public-tender-awarded');

    await page.goto(`${base}/?domain=land`);
    await page.getByText('城东片区 2026-07 号地块').click();
    await page.waitForURL(`${base}/portal/land/${deals.parcel}`);
    await page.getByTestId('parcel-result').getByText(`成交:${deals.names.landBuyer}`, { exact: false }).waitFor();
    await page.getByTestId('lifecycle').locator('.ant-steps-item-finish', { hasText: '成交确认书' }).waitFor();
    await page.getByTestId('announcement').getByText('国有建设用地使用权挂牌出让公告', { exact: false }).waitFor();
    await shoot(page, 'public-parcel');

    // Rural pages were blank (React error #31: kindName is {zh, en}); the page error listener fails the test on it.
    await page.goto(`${base}/?domain=rural`);
    await page.getByText('东山村一组 120.5 亩耕地经营权流转').click();
    await page.waitForURL(`${base}/portal/rural/${deals.rural}`);
    const deal = (await t.http.get(`/public/rural/deals/${deals.rural}`)).body;
    expect(deal.kindName).toEqual({ zh: expect.any(String), en: expect.any(String) });
    await page.getByText(deal.kindName.zh).first().waitFor();
    await page.getByTestId('rural-result').getByText(`成交:${deals.names.ruralBuyer},成交价 ¥365,000.00(协议转让)`).waitFor();
    await page.getByTestId('announcement').getByText('村民代表会议表决同意:应到 45 人,同意 30 人', { exact: false }).waitFor();
    await page.getByTestId('attachments').getByText('村民代表会议决议.pdf').waitFor();
    await page.getByText('福建省福州市闽侯县').first().waitFor();
    await shoot(page, 'public-rural');

    await page.goto(`${base}/?domain=procurement`);
    await page.getByText('市财政局办公计算机采购').click();
    await page.waitForURL(`${base}/portal/mall/${deals.requirement}`);
    await page.getByTestId('mall-result').getByText(`成交供应商:${deals.names.supplier},成交价 ¥1,200,000.00`).waitFor();
    await page.getByTestId('quotes').getByText('¥1,250,000.00').waitFor();
    await page.getByTestId('announcement').getByText('1. 台式计算机 100 台(i7 / 16G / 512G)').waitFor();
    await page.getByTestId('lifecycle').locator('.ant-steps-item-finish', { hasText: '订单确认' }).waitFor();
    await shoot(page, 'public-mall');

    // The portal's project page of the e-mall round leads back to the requirement's page.
    const project = (await t.http.get(`/public/procurement/requirements/${deals.requirement}`)).body.projectId;
    await page.goto(`${base}/portal/projects/${project}`);
    await page.getByTestId('announcement').getByText('网上竞价公告', { exact: false }).waitFor();
    await page.getByRole('link', { name: /领域详情页/ }).click();
    await page.waitForURL(`${base}/portal/mall/${deals.requirement}`);

    await page.goto(`${base}/portal/projects/${deals.openTender}`);
    await page.getByTestId('countdown').getByText('距投标截止(开标)').waitFor();
    await page.getByTestId('suspensions').getByText('恢复公告').first().waitFor();
    await page.getByText('预定开标时间').waitFor();
    await shoot(page, 'public-project');
    await page.context().close();

    const phone = await visitor(PHONE);
    for (const [path, name] of [[`/portal/tenders/${deals.tender}`, 'tender-awarded'], [`/portal/land/${deals.parcel}`, 'parcel'], [`/portal/rural/${deals.rural}`, 'rural'], [`/portal/mall/${deals.requirement}`, 'mall'], [`/portal/projects/${deals.tender}`, 'project']] as const) {
      await phone.goto(`${base}${path}`);
      await phone.getByTestId('lifecycle').waitFor();
      await phone.getByTestId('announcement').waitFor();
      await fitsPhone(phone, name);
      await shoot(phone, `public-${name}-390`);
    }
    await phone.context().close();
  });

  it('results of all four domains name the winners with their amounts, as the notice feed does', async () => {
    const page = await visitor();
    await page.goto(`${base}/portal/results`);
    const expected: [string, string, string, string, string][] = [
      ['工程建设', 'tendering', deals.names.winner, '9650000.00', '¥9,650,000.00'],
      ['土地使用权', 'land', deals.names.landBuyer, '10000000.00', '¥10,000,000.00'],
      ['政府采购', 'procurement', deals.names.supplier, '1200000.00', '¥1,200,000.00'],
      ['农村产权', 'rural', deals.names.ruralBuyer, '365000.00', '¥365,000.00'],
    ];
    for (const [tab, domain, winner, raw, amount] of expected) {
      const feed = (await t.http.get(`/public/portal/announcements?kind=result&domain=${domain}`)).body.items;
      expect(feed.map((n: { organisationName: string; amount: string }) => [n.organisationName, n.amount])).toEqual([[winner, raw]]);
      await page.getByRole('tab', { name: tab, exact: true }).click();
      const row = page.getByTestId(`results-${domain}`).locator('tr.ant-table-row').first();
      await row.getByText(winner).waitFor();
      await row.getByText(amount).waitFor();
    }
    await page.getByRole('tab', { name: '政府采购', exact: true }).click();
    await shoot(page, 'public-results');
    await page.context().close();

    const phone = await visitor(PHONE);
    await phone.goto(`${base}/portal/results?tab=rural`);
    await phone.getByText(deals.names.ruralBuyer).waitFor();
    await fitsPhone(phone, 'results');
    await shoot(phone, 'public-results-390');
    await phone.context().close();
  });

  it('credit search by a part of an organisation’s name lists only public organisations, and shows the score', async () => {
    const page = await visitor();
    await page.goto(`${base}/portal/info/credit`);
    await page.getByTestId('credit-name').fill('城市建设');
    await page.getByTestId('credit-name-search').click();
    const hit = page.getByTestId('credit-hit').filter({ hasText: deals.names.owner });
    await hit.waitFor();
    await hit.getByText('100 分').waitFor();
    await hit.getByRole('button', { name: '查看信用分' }).click();
    await page.getByTestId('credit-result').getByText(deals.names.owner).first().waitFor();
    await page.getByTestId('public-credit-score').getByText('100').waitFor();
    await shoot(page, 'public-credit-name');
    // An organisation that exists but was never published is not found by its name.
    await t.organisation('闽江未公开商贸有限公司');
    await page.getByTestId('credit-name').fill('未公开商贸');
    await page.getByTestId('credit-name-search').click();
    await page.getByText('没有名称含“未公开商贸”的已公开单位').waitFor();
    await page.context().close();

    const phone = await visitor(PHONE);
    await phone.goto(`${base}/portal/info/credit?name=${encodeURIComponent('建设')}`);
    await phone.getByTestId('credit-hit').first().waitFor();
    await fitsPhone(phone, 'credit');
    await shoot(phone, 'public-credit-390');
    await phone.context().close();
  });

  it('the rules page names parameters in Chinese with their legal sources, and keeps sandbox sets apart from the rules in force', async () => {
    const page = await visitor();
    await page.goto(`${base}/portal/rules`);
    const params = page.getByTestId('rule-params');
    await params.getByText('招标文件发出至投标截止').waitFor();
    await params.getByText(/依据/).first().waitFor();
    const visible = await page.locator('main, .app-content').first().innerText();
    expect(visible).not.toMatch(/periods\.|numbers\.|fractions\.|amounts\./);
    const standard = page.getByTestId('standard-versions');
    await standard.getByText('现行有效').first().waitFor();
    const sandbox = page.getByTestId('sandbox-versions');
    await sandbox.getByText('演示中').first().waitFor();
    expect(await sandbox.textContent()).not.toMatch(/生效|现行有效/);
    await shoot(page, 'public-rules');
    await sandbox.locator('tr.ant-table-row').first().click();
    await page.getByText('这是演示用的沙箱规则,不是现行有效的交易规则').waitFor();
    await page.context().close();

    const phone = await visitor(PHONE);
    await phone.goto(`${base}/portal/rules`);
    await phone.getByTestId('rule-params').waitFor();
    await fitsPhone(phone, 'rules');
    await shoot(phone, 'public-rules-390');
    for (const path of ['/portal/info', '/portal/stats', '/portal/info/contracts']) {
      await phone.goto(`${base}${path}`);
      await phone.locator('.page-title').waitFor();
      await phone.waitForLoadState('networkidle');
      await fitsPhone(phone, path);
    }
    await shoot(phone, 'public-stats-390');
    await phone.context().close();
  });
});
