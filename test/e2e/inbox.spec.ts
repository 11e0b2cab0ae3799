import { Browser } from 'playwright-core';
import { Role } from '@app/platform/auth/roles';
import { browserPeople, launchChromium, shoot } from '../support/browser';
import { fastTenderingRules, postForm } from '../support/tender-fixtures';
import { startTestApp, TestAccount, TestApp } from '../support/test-app';

// 站内消息 in a real browser: a bidder told of a clarification and an amendment sees the count on the bell, opens the
// inbox, reads one, and the count drops.
describe('the inbox in the header', () => {
  let t: TestApp;
  let browser: Browser;
  let bidder: TestAccount;
  let code: string;

  const { person, login } = browserPeople(() => t, () => browser);

  beforeAll(async () => {
    t = await startTestApp('web-inbox');
    browser = await launchChromium();
    const centre = await t.account([Role.Centre]);
    const owner = await t.account([Role.Owner], { organisationId: await t.organisation('市图书馆') });
    const agent = await t.account([Role.Agent]);
    bidder = await person([Role.Bidder], '福建建工集团有限公司', '福建建工 投标部');
    const other = await t.account([Role.Bidder]);
    await fastTenderingRules(t, (await t.account([Role.Committee])).token, { bidPreparation: 12, clarificationBeforeDeadline: 20 });
    const reg = await t.http.post(
      '/tenders',
      { name: '市图书馆改造工程', kind: 'construction', region: '350102', qualification: '建筑工程施工总承包二级', evaluationMethod: 'comprehensive', sections: [{ name: '一标段', estimate: '5000000.00', deposit: '50000.00' }], ownerOrganisationId: owner.organisationId, ruleSet: 'sandbox' },
      agent.token,
    );
    expect(reg.status).toBe(201);
    const id = reg.body.id;
    code = reg.body.code;
    expect((await t.http.post(`/tenders/${id}/accept`, {}, centre.token)).status).toBe(200);
    expect((await postForm(t, `/tenders/${id}/documents`, agent.token, {}, { name: '招标文件.pdf', content: Buffer.from('%PDF 招标文件') })).status).toBe(201);
    expect((await t.http.post(`/tenders/${id}/announce`, { bidDeadline: new Date(Date.now() + 3600_000).toISOString() }, centre.token)).status).toBe(200);
    for (const b of [bidder, other]) expect((await t.http.post(`/tenders/${id}/registrations`, {}, b.token)).status).toBe(200);
    const q = await t.http.post(`/tenders/${id}/questions`, { question: '工程量清单第 3 项是否含税?' }, other.token);
    expect((await t.http.post(`/tenders/${id}/questions/${q.body.id}/answer`, { answer: '含税。' }, owner.token)).status).toBe(200);
    expect((await postForm(t, `/tenders/${id}/amendments`, owner.token, { note: '第二章修改' }, { name: '修改文件.pdf', content: Buffer.from('%PDF 修改') })).status).toBe(201);
  }, 120000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('shows the unread count on the bell, the notifications in the drawer, and lowers the count when one is read', async () => {
    const page = await login(bidder);
    const bell = page.getByTestId('notification-bell');
    await page.getByRole('button', { name: '站内消息,2 条未读' }).waitFor();
    await page.locator('.ant-badge-count').getByText('2').first().waitFor();
    await shoot(page, 'inbox-bell', false);

    await bell.click();
    const items = page.getByTestId('inbox-item');
    await items.first().waitFor();
    expect(await items.count()).toBe(2);
    await items.nth(0).getByText(`招标文件修改:${code}`).waitFor();
    await items.nth(1).getByText(`招标文件澄清答复:${code}`).waitFor();
    await shoot(page, 'inbox', false);

    await items.nth(0).click();
    await page.getByRole('button', { name: '站内消息,1 条未读' }).waitFor();
    await items.nth(0).getByText('未读').waitFor({ state: 'detached' });
    expect((await t.http.get('/notifications/mine/unread-count', bidder.token)).body.unread).toBe(1);

    // the state is the account's: a reload still shows one unread
    await page.reload();
    await page.getByRole('button', { name: '站内消息,1 条未读' }).waitFor();
    await page.context().close();
  });
});
