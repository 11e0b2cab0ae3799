import { Browser } from 'playwright-core';
import { Role } from '@app/platform/auth/roles';
import { browserPeople, launchChromium, newContext, shoot } from '../support/browser';
import { snapshotOf, StepFixtures } from '../support/step-fixtures';
import { startTestApp, TestAccount, TestApp } from '../support/test-app';

// 合同公示 and 信用查询 for the public (no login), and the office's organisation search on the credit desk, in headless
// Chromium against the real api and PostgreSQL.
describe('public contracts, public credit lookup and the supervisors’ organisation search in a real browser', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;
  let office: TestAccount;
  let owner: TestAccount;
  let bidder: TestAccount;
  let projectId: string;
  let uscc: string;

  const { person, login } = browserPeople(() => t, () => browser);
  const anonymous = async () => (await newContext(browser)).newPage();

  beforeAll(async () => {
    t = await startTestApp('web-public-lookups-e2e');
    base = t.http.baseUrl;
    browser = await launchChromium();
    office = await person([Role.Office], '市公共资源交易管理办公室', '管理办公室 陈敏');
    owner = await t.account([Role.Owner], { organisationId: await t.organisation('市第二中学') });
    bidder = await t.account([Role.Bidder], { organisationId: await t.organisation('闽侯检索建设有限公司') });

    // A tender section awarded with its contract signed a minute ago, rows as tendering writes them (step fixtures).
    const f = new StepFixtures(t, { tendering: await snapshotOf(t, 'tendering', {}, {}) });
    const sectionId = await f.award(owner, bidder, { start: -3600, due: 86400, done: -60 });
    [{ project_id: projectId }] = await t.ds.query(`UPDATE tender_section SET status = 'awarded' WHERE id = $1 RETURNING project_id`, [sectionId]).then(([rows]) => rows);
    await t.ds.query(`UPDATE trading_project SET name = '市第二中学食堂改造工程' WHERE id = $1`, [projectId]);
    await t.ds.query(`UPDATE tender_award SET contract_amount_fen = 123456789 WHERE section_id = $1`, [sectionId]);

    [{ uscc }] = await t.ds.query(`SELECT trim(uscc) AS uscc FROM organisation WHERE id = $1`, [bidder.organisationId]);
    const penalty = await t.http.post(`/supervision/credit/organisations/${bidder.organisationId}/penalties`, { points: 12, decisionNo: '榕公管罚〔2026〕8号', note: '串通投标' }, office.token);
    expect(penalty.body.score).toBe(88);
  }, 120000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('the public finds the contract in 合同公示 (Beijing time, grouped yuan) and opens its project', async () => {
    const api = (await t.http.get('/public/portal/contracts?keyword=' + encodeURIComponent('食堂改造'))).body;
    expect(api.items).toHaveLength(1);
    const page = await anonymous();
    await page.goto(`${base}/portal/info`);
    await page.getByRole('tab', { name: '合同公示' }).click();
    await page.waitForURL(`${base}/portal/info/contracts`);
    const row = page.getByTestId('contracts').locator('tr', { hasText: '市第二中学食堂改造工程' });
    await row.waitFor();
    await row.getByText('¥1,234,567.89').waitFor();
    await row.getByText('闽侯检索建设有限公司').waitFor();
    const beijing = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false })
      .formatToParts(new Date(api.items[0].signedAt))
      .reduce((acc, p) => ({ ...acc, [p.type]: p.value }), {} as Record<string, string>);
    expect(await row.textContent()).toContain(`${beijing.year}-${beijing.month}-${beijing.day} ${beijing.hour === '24' ? '00' : beijing.hour}:${beijing.minute}`);

    await page.getByTestId('contract-keyword').fill('没有这份合同');
    await page.getByTestId('contract-search').click();
    await page.getByText('没有符合条件的合同').waitFor();
    await page.getByTestId('contract-keyword').fill('食堂改造');
    await page.getByTestId('contract-search').click();
    await row.waitFor();
    await shoot(page, 'portal-contracts');

    await row.getByTestId('contract-project').click();
    await page.waitForURL(`${base}/portal/projects/${projectId}`);
    await page.getByText('市第二中学食堂改造工程').first().waitFor();
    await page.context().close();
  });

  it('the public looks up a credit score by USCC; a malformed or unknown code is refused in Chinese', async () => {
    const page = await anonymous();
    await page.goto(`${base}/portal/info/credit`);
    const requests: string[] = [];
    page.on('request', (r) => r.url().includes('/public/credit/') && requests.push(r.url()));

    await page.getByTestId('credit-uscc').fill('91350100ABC');
    await page.getByTestId('credit-lookup').click();
    await page.getByText('统一社会信用代码为 18 位,您输入了 11 位').waitFor();
    await page.getByTestId('credit-uscc').fill('91350100M000100YIO');
    await page.getByTestId('credit-lookup').click();
    await page.getByText('统一社会信用代码只含数字和大写字母(不使用 I、O、S、V、Z),请核对').waitFor();
    expect(requests).toEqual([]);

    await page.getByTestId('credit-uscc').fill('91350100M000100Y43');
    await page.getByTestId('credit-lookup').click();
    await page.getByTestId('credit-refusal').getByText('未查到统一社会信用代码为 91350100M000100Y43 的单位,请核对代码后重新查询').waitFor();

    const score = (await t.http.get(`/public/credit/${uscc}`)).body.score;
    expect(score).toBe(88);
    await page.getByTestId('credit-uscc').fill(uscc.toLowerCase());
    await page.getByTestId('credit-lookup').click();
    await page.getByTestId('public-credit-score').getByText(String(score)).waitFor();
    await page.getByText('闽侯检索建设有限公司').first().waitFor();
    await shoot(page, 'portal-credit');
    await page.context().close();
  });

  it('the office finds the organisation by a name fragment on the credit desk and reads its score', async () => {
    const page = await login(office);
    await page.goto(`${base}/workspace/oversight/credit`);
    await page.getByTestId('credit-organisation').click();
    await page.keyboard.type('检索建设');
    const option = page.locator('.ant-select-item-option', { hasText: '闽侯检索建设有限公司' });
    await option.waitFor();
    expect(await option.textContent()).toContain(uscc);
    await option.click();
    await page.waitForURL(`${base}/workspace/oversight/credit?organisationId=${bidder.organisationId}`);
    await page.getByTestId('credit-score').getByText('88').waitFor();
    await page.getByText('串通投标').waitFor();
    await shoot(page, 'office-credit-search');
    await page.context().close();
  });
});
