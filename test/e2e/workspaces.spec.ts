import { Browser, Page } from 'playwright-core';
import { Role } from '@app/platform/auth/roles';
import { openedSection } from '../support/evaluation-fixtures';
import { browserPeople, confirmIn, launchChromium, shoot } from '../support/browser';
import { startTestApp, TestAccount, TestApp } from '../support/test-app';

/** antd's InputNumber puts a data-testid on the <input> itself or on its wrapper, depending on addons. */
const numberInput = (page: Page, id: string) => page.locator(`input[data-testid="${id}"], [data-testid="${id}"] input`).first();

/** Beijing time as the web shows it, computed independently of the web's own formatter. */
function beijing(iso: string): string {
  return new Date(new Date(iso).getTime() + 8 * 3600 * 1000).toISOString().slice(0, 19).replace('T', ' ');
}

// The workspaces of the web UI in headless Chromium against the real api, PostgreSQL and Redis: the owner/agent,
// the centre's desk and opening console, the e-mall supplier, land applications, the expert's form, rule drafting.
describe('the workspaces in a real browser', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;
  let centre: TestAccount;
  let committee: TestAccount;
  let owner: TestAccount;
  let agent: TestAccount;
  let purchaser: TestAccount;
  let supplier: TestAccount;
  let buyer: TestAccount;
  const inSeconds = (s: number) => new Date(Date.now() + s * 1000).toISOString();

  const { person, login } = browserPeople(() => t, () => browser);

  beforeAll(async () => {
    t = await startTestApp('web-workspaces');
    base = t.http.baseUrl;
    browser = await launchChromium();
    centre = await person([Role.Centre], '市公共资源交易中心', '交易中心 王敏');
    committee = await person([Role.Committee], '市公共资源交易管理委员会', '管委会 赵静');
    owner = await person([Role.Owner], '市第一人民医院', '市第一人民医院 基建科');
    agent = await person([Role.Agent], '华诚招标代理有限公司', '华诚招标 陈工');
    purchaser = await person([Role.Owner], '市财政局', '市财政局 采购办');
    supplier = await person([Role.Bidder], '福州甲科技有限公司', '甲科技 销售部');
    buyer = await person([Role.Bidder], '福建城投置业有限公司', '城投置业 土地部');
  }, 60000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('an agent registers a tender in the browser and the centre accepts it from its list', async () => {
    // A registration already waiting, so that the agent's list is not empty and the centre has two to choose from.
    expect((await t.http.post('/tenders', { name: '市第一人民医院门诊楼装修工程', kind: 'construction', region: '350102', qualification: '建筑装修装饰工程专业承包二级', evaluationMethod: 'lowest_price', sections: [{ name: '一标段', estimate: '3200000.00', deposit: '64000.00' }], ownerOrganisationId: owner.organisationId }, agent.token)).status).toBe(201);

    const page = await login(agent);
    expect(new URL(page.url()).pathname).toBe('/workspace/owner');
    await page.getByText('市第一人民医院门诊楼装修工程').waitFor();
    await page.getByTestId('new-tender').click();
    await page.getByTestId('reg-name').fill('市第一人民医院新院区建设工程');
    await page.getByTestId('reg-qualification').fill('建筑工程施工总承包一级及以上资质');
    const [{ uscc }] = await t.ds.query(`SELECT uscc FROM organisation WHERE id = $1`, [owner.organisationId]);
    await page.getByTestId('reg-owner').fill(uscc);
    await page.getByTestId('reg-section-name-0').fill('一标段:主体结构');
    await page.getByTestId('reg-section-estimate-0').fill('10000000.00');
    // A deposit with three decimals is refused by the form; nothing is sent.
    await page.getByTestId('reg-section-deposit-0').fill('200000.001');
    await page.getByTestId('reg-submit').click();
    await page.getByText('金额以元为单位,最多两位小数').first().waitFor();
    expect((await t.http.get('/tenders', agent.token)).body.total).toBe(1);
    // Over the 2 % cap: the API refuses it and the page says so in Chinese; nothing changes.
    const before = await t.snapshot();
    await page.getByTestId('reg-section-deposit-0').fill('200000.01');
    await page.getByTestId('reg-submit').click();
    await page.locator('.refusal').getByText('投标保证金不得超过标段估算价的规定比例').waitFor();
    expect(await t.snapshot()).toEqual(before);
    await page.getByTestId('reg-section-deposit-0').fill('200000.00');
    await page.getByTestId('reg-submit').click();
    await page.waitForURL(/\/workspace\/owner\/tenders\//, { timeout: 15000 });
    const id = page.url().split('/').pop()!;
    const registered = (await t.http.get(`/tenders/${id}`, agent.token)).body;
    expect(registered).toMatchObject({ name: '市第一人民医院新院区建设工程', status: 'submitted', ownerName: '市第一人民医院', agentName: '华诚招标代理有限公司', estimate: '10000000.00', sections: [{ deposit: '200000.00' }] });
    await page.getByText('待受理').first().waitFor();
    // The agent uploads the tender documents on the tender's page.
    await page.locator('input[type=file]').setInputFiles({ name: '招标文件.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.7 招标文件 第一章 招标公告') });
    await page.getByText('招标文件.pdf').waitFor();
    await page.reload();
    await page.getByText('招标文件.pdf').waitFor();
    await shoot(page, 'owner-tender');
    await page.goto(`${base}/workspace/owner`);
    await page.getByText('市第一人民医院新院区建设工程').waitFor();
    await shoot(page, 'owner-workspace');
    await page.context().close();

    const desk = await login(centre);
    expect(new URL(desk.url()).pathname).toBe('/workspace/centre');
    const row = desk.locator('tr', { hasText: '市第一人民医院新院区建设工程' });
    await row.waitFor();
    expect(await row.textContent()).toContain('¥10,000,000.00');
    expect(await desk.locator('tbody tr.ant-table-row').count()).toBe(2);
    await shoot(desk, 'centre-desk');
    await row.click();
    await desk.getByTestId('tender-desk').getByText('招标文件.pdf').waitFor();
    await desk.getByTestId('accept').click();
    await desk.getByText('已受理', { exact: true }).first().waitFor();
    expect((await t.http.get(`/tenders/${id}`, centre.token)).body.status).toBe('accepted');
    await desk.getByTestId('announce-card').waitFor();
    await desk.context().close();
  }, 90000);

  it('the centre answers an on-the-spot objection in the opening console', async () => {
    const x = await openedSection(t, owner, ['9650000.00', '9812345.67', '9701000.00'], { name: '市第一人民医院综合楼建设工程', bidderNames: ['福建建工集团有限公司', '中建海峡建设发展有限公司', '福州城建工程有限公司'] });
    await t.ds.query(`UPDATE tender SET opening_objections_until = now() + interval '30 minutes' WHERE project_id = $1`, [x.projectId]);
    const o = await t.http.post(`/tenders/${x.projectId}/opening-objections`, { content: '第二名的报价唱标与投标文件不一致' }, x.bidders[0].token);
    expect(o.status).toBe(201);
    const page = await login(centre);
    await page.goto(`${base}/workspace/centre/tenders/${x.projectId}/opening`);
    await page.getByTestId('opening-section-1').getByText('¥9,812,345.67').waitFor();
    await page.getByText('第二名的报价唱标与投标文件不一致').waitFor();
    await shoot(page, 'centre-opening-console');
    await page.getByTestId('objection-reply').fill('经核对投标文件,唱标无误。');
    await page.getByRole('button', { name: '答 复' }).or(page.getByRole('button', { name: '答复', exact: true })).first().click();
    await page.getByText('答复:经核对投标文件,唱标无误。').waitFor();
    expect((await t.http.get(`/tenders/${x.projectId}/opening-objections`, centre.token)).body[0]).toMatchObject({ reply: '经核对投标文件,唱标无误。' });
    await page.context().close();
  }, 60000);

  it('a supplier quotes on an e-mall requirement and sees the receipt with the digest and the nonce', async () => {
    await t.ds.query(`INSERT INTO procurement_agreement (agreement_no, organisation_id, category_code, kind, valid_from, valid_until) VALUES ('XY-2026-0001', $1, 'A02.01', 'framework', '2020-01-01', '2099-12-31')`, [supplier.organisationId]);
    const [line] = await t.ds.query(`INSERT INTO budget_line (organisation_id, code, name, year, amount_fen, created_by) VALUES ($1, 'ZB-2026-001', '办公设备购置', 2026, 1000000000, $2) RETURNING id`, [purchaser.organisationId, purchaser.id]);
    const draft = await t.http.post('/rule-sets', { domain: 'procurement', name: '电子卖场演示(秒)', sandbox: true, changes: { periods: { quoteWindow: { value: 600, unit: 's' } } } }, committee.token);
    expect((await t.http.post(`/rule-sets/${draft.body.id}/publish`, {}, committee.token)).status).toBe(200);
    const req = await t.http.post(
      '/procurement/requirements',
      { title: '市财政局办公计算机采购', categoryCode: 'A02.01.02', items: [{ description: '台式计算机', quantity: 100, unit: '台', specs: 'i7 / 16G / 512G SSD / 23.8 英寸' }], deliveryRegion: '350102', deliveryDate: '2099-12-31', maxPrice: '1500000.00', budgetLineId: line.id, ruleSet: 'sandbox' },
      purchaser.token,
    );
    expect(req.status).toBe(201);

    const page = await login(supplier);
    await page.goto(`${base}/workspace/bidder/mall?tab=requirements`);
    await page.getByTestId(`quote-open-${req.body.id}`).click();
    await page.getByTestId('quote-total').fill('1,280,000.00');
    await page.getByTestId('quote-submit').click();
    // a binding action: the amount in figures and in 大写, then the confirmation
    await page.getByTestId('binding-confirm').waitFor();
    expect(await page.getByTestId('binding-figures').textContent()).toBe('¥1,280,000.00');
    expect(await page.getByTestId('binding-words').textContent()).toBe('壹佰贰拾捌万元整');
    await page.getByTestId('binding-ok').click();
    const receipt = page.getByTestId('quote-receipt');
    await receipt.waitFor({ timeout: 15000 });
    const [mine] = (await t.http.get(`/procurement/requirements/${req.body.id}/quotes/mine`, supplier.token)).body;
    expect(await page.getByTestId('quote-receipt-no').textContent()).toBe(mine.receiptNo);
    expect(await page.getByTestId('quote-receipt-digest').textContent()).toBe(mine.quoteDigest);
    expect(await page.getByTestId('quote-receipt-time').textContent()).toBe(beijing(mine.submittedAt));
    expect(await page.getByTestId('quote-receipt-nonce').textContent()).toMatch(/^[0-9a-f]{32,}$/);
    expect(mine.nonce).toBeUndefined();
    expect(await receipt.textContent()).not.toMatch(/1,?280,?000/);
    await shoot(page, 'bidder-mall-quote-receipt');
    await page.context().close();

    // The purchaser sees the requirement sealed until its deadline.
    const p = await login(purchaser);
    await p.goto(`${base}/workspace/owner/mall?tab=requirements`);
    await p.getByText('市财政局办公计算机采购').waitFor();
    await shoot(p, 'owner-mall');
    await p.getByText('市财政局办公计算机采购').click();
    await p.getByText('报价密封中').waitFor();
    await p.context().close();
  }, 60000);

  it('a buyer applies for a land parcel with its documents and deposit', async () => {
    const draft = await t.http.post('/rule-sets', { domain: 'land', name: '土地出让演示(秒)', sandbox: true, changes: { periods: { announcementBeforeListing: { value: 2, unit: 's' } } } }, committee.token);
    expect((await t.http.post(`/rule-sets/${draft.body.id}/publish`, {}, committee.token)).status).toBe(200);
    const reg = await t.http.post(
      '/land/parcels',
      { name: '城东片区 2026-05 号地块', region: '350102', location: '鼓楼区东街以南、八一七路以东', area: '35000.50', use: 'residential', termYears: 70, plotRatio: '2.50', mode: 'auction', startPrice: '10000000.00', increment: { fixed: '100000.00' }, deposit: '2000000.00', ruleSet: 'sandbox' },
      owner.token,
    );
    expect(reg.status).toBe(201);
    expect((await t.http.post(`/land/parcels/${reg.body.id}/announce`, { auctionAt: inSeconds(3600) }, centre.token)).status).toBe(200);
    const page = await login(buyer);
    await page.goto(`${base}/workspace/bidder/applications`);
    const row = page.locator('tr', { hasText: '城东片区 2026-05 号地块' });
    await row.getByRole('button').click();
    await page.getByLabel('流水号 / 保函编号').fill('ZZ2026113000123');
    await page.locator('.ant-drawer input[type=file]').setInputFiles({ name: '竞买申请书.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF 竞买申请书 福建城投置业') });
    await page.getByRole('button', { name: '提交竞买申请' }).click();
    await row.getByText('待审核').waitFor({ timeout: 15000 });
    expect((await t.http.get(`/land/parcels/${reg.body.id}/applications/mine`, buyer.token)).body).toMatchObject({ status: 'submitted', depositReference: 'ZZ2026113000123', depositAmount: '2000000.00', fileName: '竞买申请书.pdf' });
    await shoot(page, 'bidder-applications');
    await page.context().close();
  }, 60000);

  it('an expert reaches the evaluation form from its workspace and scores a bid', async () => {
    const expert = await person([Role.Expert], null, '评标专家 林涛');
    const others: TestAccount[] = [];
    for (let i = 0; i < 4; i++) others.push(await t.account([Role.Expert], { organisationId: null }));
    const x = await openedSection(t, owner, ['1000000.00', '980000.00', '990000.00'], { name: '市第二中学教学楼改扩建工程', experts: [expert, ...others], bidderNames: ['福建建工集团有限公司', '中建海峡建设发展有限公司', '福州城建工程有限公司'] });
    expect((await t.http.post(`${x.section}/evaluation`, { drawId: x.drawId }, centre.token)).status).toBe(200);

    const page = await login(expert);
    await page.goto(`${base}/workspace/expert/evaluations`);
    await page.getByText('市第二中学教学楼改扩建工程').waitFor();
    await page.getByTestId('open-evaluation').click();
    const form = page.getByTestId('score-form');
    await form.waitFor();
    const sheet = (await t.http.get(`${x.section}/evaluation/bids`, expert.token)).body;
    const first = sheet.bids[0];
    await form.getByText(first.bidderName).waitFor();
    const points = (c: { max: number }[]) => c.map((k) => (k.max * 0.8) / 100);
    for (const [i, p] of points(sheet.criteria.technical).entries()) await numberInput(page, `score-technical-${i}`).fill(String(p));
    for (const [i, p] of points(sheet.criteria.business).entries()) await numberInput(page, `score-business-${i}`).fill(String(p));
    await page.getByTestId('score-save').click();
    await page.getByText(`已保存对 ${first.bidderName} 的评分`).waitFor();
    const after = (await t.http.get(`${x.section}/evaluation/bids`, expert.token)).body.bids.find((b: { bidId: string }) => b.bidId === first.bidId);
    expect(after.myScore).toMatchObject({ technical: sheet.criteria.technical.map((c: { max: number }) => Math.round(c.max * 0.8)), business: sheet.criteria.business.map((c: { max: number }) => Math.round(c.max * 0.8)), disqualifyReason: null });
    // The form moves on to the next bid not yet scored.
    await form.getByText(sheet.bids[1].bidderName).waitFor();
    await shoot(page, 'expert-evaluation-form');
    await page.context().close();
  }, 60000);

  it('the committee drafts a rule version from the one in force, changes a value and publishes it', async () => {
    const page = await login(committee);
    await page.goto(`${base}/workspace/committee/drafts`);
    await page.getByTestId('draft-name').fill('2027 年修订');
    await page.getByTestId('draft-create').click();
    const input = numberInput(page, 'param-periods.bidPreparation');
    await input.waitFor();
    await input.fill('25');
    await page.getByTestId('draft-save').click();
    await page.getByText('草稿已保存').waitFor();
    await shoot(page, 'committee-rule-draft');
    // The saved draft reloads before it may be published; confirm inside the popconfirm that opens.
    await page.getByText('有未保存的修改').waitFor({ state: 'detached' });
    await confirmIn(page, page.getByTestId('draft-publish'), /^发\s?布$/);
    await page.getByText(/第 \d+ 版已发布生效/).waitFor();
    const active = (await t.http.get('/rule-sets?domain=tendering&status=active&sandbox=false')).body.items[0];
    expect(active).toMatchObject({ name: '2027 年修订', params: { periods: { bidPreparation: { value: 25 } } } });
    await page.context().close();
  }, 60000);
});
