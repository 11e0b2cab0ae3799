import { Browser } from 'playwright-core';
import { Role } from '@app/platform/auth/roles';
import { CALENDAR_LAST_YEAR } from '@app/platform/calendar/holiday-schedule';
import { browserPeople, confirmIn, launchChromium, shoot } from '../support/browser';
import { fictionalYear } from '../support/fictional-calendar';
import { startTestApp, TestAccount, TestApp } from '../support/test-app';

// The committee enters the next year's holiday schedule on its 节假日安排 page (a fictional schedule: the real
// notice of a future year is not known).
describe('the committee’s holiday schedule page in a real browser', () => {
  let t: TestApp;
  let browser: Browser;
  let committee: TestAccount;
  const f = fictionalYear(CALENDAR_LAST_YEAR + 1);
  const { person, login } = browserPeople(() => t, () => browser);

  beforeAll(async () => {
    t = await startTestApp('web-committee-calendar');
    browser = await launchChromium();
    committee = await person([Role.Committee], '市公共资源交易管理委员会', '管委会 赵静');
  }, 60000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('pastes the days, previews them, is refused in Chinese for a weekday make-up day, then enters the year', async () => {
    const page = await login(committee);
    await page.goto(`${t.http.baseUrl}/workspace/committee/calendar`);
    await page.getByTestId('calendar-years').getByText(String(CALENDAR_LAST_YEAR)).first().waitFor();
    await page.getByText(`录入 ${f.year} 年节假日安排`).waitFor();

    await page.getByTestId('calendar-reference').fill(f.body.noticeReference);
    await page.getByTestId('calendar-published-on').fill(f.body.noticePublishedOn);
    await page.getByTestId('calendar-holidays').fill(`${f.year}-01-01 虚构元旦 Fictional New Year\n${f.day(2)}~${f.day(4)} 虚构测试节 Fictional Test Festival`);
    await page.getByTestId('calendar-make-up').fill(`${f.day(1)} 虚构测试节`); // a Tuesday: the API refuses it
    await page.getByText('预览(共 4 天放假,1 天调休上班)').waitFor();

    const before = await t.snapshot();
    const submit = () => confirmIn(page, page.getByTestId('calendar-submit'), '确认录入');
    await submit();
    await page.getByTestId('calendar-problems').getByText('应为星期六或星期日').waitFor();
    expect(await t.snapshot()).toEqual(before);

    await page.getByTestId('calendar-make-up').fill(`${f.day(5)} 虚构测试节`);
    await submit();
    await page.getByText(`${f.year} 年节假日安排已录入`).waitFor();
    await page.getByTestId('calendar-year-days').getByText(f.body.noticeReference).waitFor();
    await page.getByTestId('calendar-years').getByText('管委会录入').waitFor();
    await page.getByText(`录入 ${f.year + 1} 年节假日安排`).waitFor();
    await shoot(page, 'committee-calendar-years');

    const entered = await t.http.get(`/public/calendar/${f.year}`);
    expect(entered.body).toMatchObject({ source: 'entered', holidayCount: 4, makeUpDays: [{ date: f.day(5), zh: '虚构测试节' }] });
    await page.context().close();
  }, 90000);
});
