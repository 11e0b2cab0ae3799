import { Browser } from 'playwright-core';
import { Role } from '@app/platform/auth/roles';
import { launchChromium, newContext, shoot } from '../support/browser';
import { postForm } from '../support/tender-fixtures';
import { startTestApp, TestApp } from '../support/test-app';

// The public project page of a suspended, then resumed project shows the 中止公告 (time, reason) and the 恢复公告 (the
// new times), in headless Chromium against the real api and PostgreSQL.
describe('中止公告 and 恢复公告 on the public project page in a real browser', () => {
  let t: TestApp;
  let browser: Browser;
  let projectId: string;

  beforeAll(async () => {
    t = await startTestApp('web-suspension-e2e');
    browser = await launchChromium();
    const centre = (await t.account([Role.Centre])).token;
    const office = (await t.account([Role.Office])).token;
    const owner = await t.account([Role.Owner], { organisationId: await t.organisation('市水务投资集团有限公司') });
    const agent = await t.account([Role.Agent]);
    const reg = await t.http.post(
      '/tenders',
      { name: '城北再生水厂二期工程', kind: 'construction', region: '350102', qualification: '市政公用工程施工总承包一级', evaluationMethod: 'comprehensive', sections: [{ name: '一标段', estimate: '26000000.00', deposit: '300000.00' }], ownerOrganisationId: owner.organisationId, ruleSet: 'sandbox' },
      agent.token,
    );
    projectId = reg.body.id;
    await t.http.post(`/tenders/${projectId}/accept`, {}, centre);
    await postForm(t, `/tenders/${projectId}/documents`, agent.token, {}, { name: '招标文件.pdf', content: Buffer.from('%PDF 招标文件') });
    expect((await t.http.post(`/tenders/${projectId}/announce`, { bidDeadline: new Date(Date.now() + 3_600_000).toISOString() }, centre)).status).toBe(200);
    expect((await t.http.post(`/projects/${projectId}/suspend`, { reason: '收到投诉,招标文件资格条件涉嫌排斥潜在投标人' }, office)).status).toBe(200);
    await new Promise((r) => setTimeout(r, 1200));
    expect((await t.http.post(`/projects/${projectId}/resume`, { note: '投诉处理完毕' }, office)).status).toBe(200);
  }, 120000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('anyone sees both notices, the reason and the new bid deadline', async () => {
    const page = await (await newContext(browser)).newPage();
    await page.goto(`${t.http.baseUrl}/portal/projects/${projectId}`);
    const box = page.getByTestId('suspensions');
    await box.getByText('中止公告').first().waitFor();
    await box.getByText('恢复公告').first().waitFor();
    await box.getByText('中止原因:收到投诉,招标文件资格条件涉嫌排斥潜在投标人').waitFor();
    await box.getByText('投标截止时间').waitFor();
    await page.getByText('城北再生水厂二期工程 中止公告', { exact: true }).waitFor();
    await page.getByText('城北再生水厂二期工程 恢复公告', { exact: true }).waitFor();
    await shoot(page, 'portal-project-suspension');
  });
});
