import { Browser, Page } from 'playwright-core';
import { Role } from '@app/platform/auth/roles';
import { browserPeople, launchChromium, shoot } from '../support/browser';
import { insertExperts } from '../support/expert-fixtures';
import { fastTenderingRules, postForm } from '../support/tender-fixtures';
import { startTestApp, TestAccount, TestApp } from '../support/test-app';
import { startWorker, waitFor, WorkerProcess } from '../support/worker-process';

const DAY = 86_400_000;
/** An instant as the date and time inputs take it, in Beijing time (computed without the web's own formatter). */
const bj = (ms: number) => {
  const iso = new Date(ms + 8 * 3600_000).toISOString();
  return { date: iso.slice(0, 10), time: iso.slice(11, 19), hm: iso.slice(11, 16) };
};
/** The Monday of the Beijing week after the one holding `ms`, as YYYY-MM-DD plus `plus` days. */
const nextWeek = (ms: number, plus: number) => {
  const local = new Date(ms + 8 * 3600_000);
  const monday = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate()) - ((local.getUTCDay() + 6) % 7) * DAY + 7 * DAY;
  return new Date(monday + plus * DAY).toISOString().slice(0, 10);
};

// The trading centre's whole day in headless Chromium against the real api, a worker, PostgreSQL and Redis: it registers
// a room, books a session on the week calendar, moves it by dragging and by the form, is refused an overlapping booking
// with the session in the way named, accepts and announces a tender picked from its list, requests an expert draw for
// it, watches the draw, tops it up when a seat cannot be filled, and seats the committee once the session starts.
// Other parties (agent, bidders, experts) act through the API. Every page is opened at 1440 and at 390 px; a console
// error, an uncaught exception or a 5xx answer fails the test.
describe('the trading centre’s day in a real browser', () => {
  let t: TestApp;
  let worker: WorkerProcess;
  let browser: Browser;
  let base: string;
  let centre: TestAccount;
  let agent: TestAccount;
  let owner: TestAccount;
  let bidders: TestAccount[];
  let experts: TestAccount[];
  let tenderId: string;
  let tenderCode: string;
  let deadline: number;
  let drawId: string;
  const problems: string[] = [];

  const { person, login } = browserPeople(() => t, () => browser);

  /** Console errors, uncaught exceptions and 5xx answers fail the test. A refusal (4xx) is the API speaking, shown on the page. */
  function watch(page: Page): Page {
    page.on('pageerror', (e) => problems.push(`pageerror ${e.message}`));
    page.on('console', (m) => {
      if (m.type() !== 'error') return;
      if (/Failed to load resource: the server responded with a status of 4\d\d/.test(m.text())) return;
      problems.push(`console ${m.text()}`);
    });
    page.on('response', (r) => {
      if (r.status() >= 500) problems.push(`${r.status()} ${r.request().method()} ${r.url()}`);
    });
    return page;
  }

  /** The page as it is at 1440 px and at 390 px (a phone): `ready` must hold at both, and nothing may stick out sideways. */
  async function bothWidths(page: Page, name: string, ready: () => Promise<unknown>): Promise<void> {
    await page.setViewportSize({ width: 1440, height: 900 });
    await ready();
    await shoot(page, name);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.waitForTimeout(300);
    await ready();
    // what sticks out past the right edge, outermost first (a scrolling container's content does not count)
    const wide = await page.evaluate<string[]>(`(() => {
      const out = [];
      for (const el of document.querySelectorAll('body *')) {
        const r = el.getBoundingClientRect();
        if (r.width === 0 || r.right <= window.innerWidth + 1) continue;
        let p = el.parentElement, clipped = false;
        while (p) { const o = getComputedStyle(p).overflowX; if (o === 'auto' || o === 'scroll' || o === 'hidden') { clipped = true; break; } p = p.parentElement; }
        if (!clipped) out.push(el.tagName.toLowerCase() + '.' + String(el.className).split(' ').slice(0, 2).join('.') + ' →' + Math.round(r.right));
      }
      return out.slice(0, 5);
    })()`);
    expect(`${name} at 390 px: ${wide.join(' ')}`).toBe(`${name} at 390 px: `);
    await shoot(page, `${name}-phone`);
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.waitForTimeout(200);
  }

  async function pick(page: Page, testId: string, typed: string, option: string | RegExp): Promise<void> {
    await page.getByTestId(testId).click();
    if (typed) await page.keyboard.type(typed);
    const o = page.locator('.ant-select-item-option', { hasText: option }).first();
    await o.waitFor();
    await o.click();
  }

  beforeAll(async () => {
    t = await startTestApp('web-centre-flow');
    base = t.http.baseUrl;
    worker = await startWorker({ DATABASE_URL: t.databaseUrl, REDIS_PREFIX: t.redisPrefix, MILESTONE_RECONCILE_MS: '1000' });
    browser = await launchChromium();
    centre = await person([Role.Centre], '市公共资源交易中心', '交易中心 周敏');
    const committee = await t.account([Role.Committee]);
    owner = await t.account([Role.Owner], { organisationId: await t.organisation('市第一人民医院') });
    agent = await t.account([Role.Agent], { organisationId: await t.organisation('华诚招标代理有限公司') });
    bidders = [];
    for (const name of ['福建建工集团有限公司', '中建海峡建设发展有限公司', '福州城建工程有限公司']) bidders.push(await t.account([Role.Bidder], { organisationId: await t.organisation(name) }));
    // Sandbox periods in seconds: a 12-second bid preparation, experts answer within a minute.
    await fastTenderingRules(t, committee.token, { bidPreparation: 12, clarificationBeforeDeadline: 5, openingObjectionWindow: 5, expertResponseWindow: 60, candidatePublicity: 300, depositRefund: 300 });
    // Five experts of 建筑结构 in the library, each with an account to answer invitations.
    experts = [];
    for (let i = 0; i < 5; i++) {
      const a = await t.account([Role.Expert], { organisationId: null });
      await insertExperts(t.ds, 1, { specialty: 'A01.01.01', accountId: a.id });
      experts.push(a);
    }
    // Two registrations wait for the centre; the agent has uploaded the documents of the one the centre takes.
    const register = async (name: string, estimate: string, deposit: string) => {
      const r = await t.http.post(
        '/tenders',
        { name, kind: 'construction', region: '350102', qualification: '建筑工程施工总承包一级及以上资质', evaluationMethod: 'comprehensive', sections: [{ name: '一标段:主体结构', estimate, deposit }], ownerOrganisationId: owner.organisationId, ruleSet: 'sandbox' },
        agent.token,
      );
      expect(r.status).toBe(201);
      return r.body as { id: string; code: string };
    };
    await register('市第一人民医院门诊楼装修工程', '3200000.00', '64000.00');
    const main = await register('市第一人民医院新院区建设工程', '85000000.00', '800000.00');
    tenderId = main.id;
    tenderCode = main.code;
    expect((await postForm(t, `/tenders/${tenderId}/documents`, agent.token, { note: '招标文件' }, { name: '招标文件.pdf', content: Buffer.from('%PDF-1.7 招标文件 第一章 招标公告') })).status).toBe(201);
  }, 90000);

  afterAll(async () => {
    await browser?.close();
    await worker?.stop();
    await t?.close();
  });

  afterEach(() => {
    const seen = problems.splice(0);
    expect(seen).toEqual([]);
  });

  it('accepts a registration picked from its list and announces it behind a confirmation in 大写', async () => {
    const page = watch(await login(centre));
    expect(new URL(page.url()).pathname).toBe('/workspace/centre');
    const row = page.locator('tr.ant-table-row', { hasText: '市第一人民医院新院区建设工程' });
    await bothWidths(page, 'centre-intake', () => row.waitFor());
    expect(await page.locator('tr.ant-table-row').count()).toBe(2);
    await row.click();
    const desk = page.getByTestId('tender-desk');
    await desk.getByText('招标文件.pdf').waitFor();
    await page.getByTestId('accept').click();
    await page.getByTestId('announce-card').waitFor();
    expect((await t.http.get(`/tenders/${tenderId}`, centre.token)).body.status).toBe('accepted');

    // The deadline is typed in Beijing time, to the second; the confirmation shows the estimate in figures and in 大写.
    deadline = Math.ceil((Date.now() + 100_000) / 1000) * 1000;
    await page.getByTestId('deadline-date').fill(bj(deadline).date);
    await page.getByTestId('deadline-time').fill(bj(deadline).time);
    await page.getByTestId('announce').click();
    const confirm = page.getByTestId('binding-confirm');
    await confirm.waitFor();
    expect(await page.getByTestId('binding-figures').textContent()).toBe('¥85,000,000.00');
    expect(await page.getByTestId('binding-words').textContent()).toBe('捌仟伍佰万元整');
    expect(await confirm.textContent()).toContain(`${bj(deadline).date} ${bj(deadline).time}`);
    await shoot(page, 'centre-announce-confirm');
    await page.getByTestId('binding-ok').click();
    await page.getByText('已发布招标公告').first().waitFor();
    const announced = (await t.http.get(`/tenders/${tenderId}`, centre.token)).body;
    expect(announced.status).toBe('bidding');
    expect(new Date(announced.bidDeadline).getTime()).toBe(deadline);
    await page.context().close();

    // Three bidders bid through the API before the deadline.
    for (const [i, b] of bidders.entries()) {
      expect((await t.http.post(`/tenders/${tenderId}/registrations`, {}, b.token)).status).toBe(200);
      const d = await t.http.post(`/tenders/${tenderId}/sections/1/deposits`, { method: 'guarantee', reference: `BH2026120${i}`, amount: '800000.00' }, b.token);
      expect((await t.http.post(`/tenders/deposits/${d.body.id}/confirm`, {}, centre.token)).status).toBe(200);
      expect((await postForm(t, `/tenders/${tenderId}/sections/1/bids`, b.token, { price: ['83650000.00', '84120000.00', '83990000.00'][i] }, { name: '投标文件.pdf', content: Buffer.from(`%PDF 投标文件 ${i}`) })).status).toBe(201);
    }
  }, 120000);

  it('registers a room, books a session, moves it by dragging and by the form, and is told what is in the way of an overlap', async () => {
    const page = watch(await login(centre));
    await page.goto(`${base}/workspace/centre/calendar`);
    await bothWidths(page, 'centre-calendar-empty', () => page.getByText('尚未登记场地').waitFor());

    await page.getByTestId('new-room').click();
    await page.getByTestId('room-name').fill('第一开标厅');
    await page.locator('[data-testid="room-seats"] input, input[data-testid="room-seats"]').first().fill('60');
    await page.getByTestId('room-submit').click();
    await page.getByText('已登记场地 第一开标厅').waitFor();
    await page.getByTestId('new-room').click();
    await page.getByTestId('room-name').fill('第二评标室');
    await page.locator('.ant-radio-button-wrapper', { hasText: '评标室' }).click();
    await page.getByTestId('room-isolated').click();
    await page.getByTestId('room-submit').click();
    await page.getByText('已登记场地 第二评标室').waitFor();
    const rooms = (await t.http.get('/scheduling/rooms', centre.token)).body as { id: string; name: string; kind: string; seats: number; isolated: boolean }[];
    expect(rooms.map((r) => [r.name, r.kind, r.seats, r.isolated]).sort()).toEqual([['第一开标厅', 'opening_hall', 60, false], ['第二评标室', 'evaluation_room', 40, true]]);
    const hall = rooms.find((r) => r.name === '第一开标厅')!;

    // Book an evaluation session next Tuesday in the opening hall, the project picked by a fragment of its name.
    const tuesday = nextWeek(Date.now(), 1);
    const wednesday = nextWeek(Date.now(), 2);
    await page.getByTestId('new-session').click();
    await pick(page, 'book-project', '新院区', '市第一人民医院新院区建设工程');
    // the tender's opening is the step a session could host; it is offered by name, not by id
    await page.getByTestId('booking-form').getByText('开标(投标截止)').waitFor();
    await page.getByTestId('booking-form').locator('.ant-radio-button-wrapper').getByText('评标', { exact: true }).click();
    await pick(page, 'book-room', '', '第一开标厅');
    await page.getByTestId('book-date').fill(tuesday);
    await page.getByTestId('book-start').fill('09:00');
    await page.getByTestId('book-end').fill('11:00');
    await page.getByTestId('book-note').fill('新院区一标段评标');
    await shoot(page, 'centre-book-session');
    await page.getByTestId('book-submit').click();
    const session = page.getByTestId(`cell-第一开标厅-${tuesday}`).getByTestId('session');
    await session.waitFor();
    expect(await session.textContent()).toContain('09:00–11:00');
    const [booked] = (await t.http.get(`/scheduling/calendar?week=${tuesday}`, centre.token)).body.sessions;
    expect(booked).toMatchObject({ roomId: hall.id, projectId: tenderId, purpose: 'evaluation', startsAt: `${tuesday}T01:00:00.000Z`, endsAt: `${tuesday}T03:00:00.000Z`, note: '新院区一标段评标' });
    await bothWidths(page, 'centre-calendar-week', () => session.waitFor());

    // Drag it to Wednesday.
    await session.dragTo(page.getByTestId(`cell-第一开标厅-${wednesday}`));
    const moved = page.getByTestId(`cell-第一开标厅-${wednesday}`).getByTestId('session');
    await moved.waitFor();
    await waitFor(async () => ((await t.http.get(`/scheduling/calendar?week=${tuesday}`, centre.token)).body.sessions[0]?.startsAt === `${wednesday}T01:00:00.000Z` ? true : undefined), 5000, 'the drag to reach the API');

    // An overlapping booking on Wednesday is refused; the page names the session in the way, and nothing changes.
    const before = await t.snapshot();
    await page.getByTestId('new-session').click();
    await pick(page, 'book-project', '门诊楼', '市第一人民医院门诊楼装修工程');
    await pick(page, 'book-room', '', '第一开标厅');
    await page.getByTestId('book-date').fill(wednesday);
    await page.getByTestId('book-start').fill('10:00');
    await page.getByTestId('book-end').fill('12:00');
    await page.getByTestId('book-submit').click();
    const refusal = page.getByTestId('booking-form').getByTestId('refusal');
    await refusal.getByText('该场地在此时段已被预约').waitFor();
    expect(await refusal.getByTestId('refusal-line').textContent()).toBe(`与「${tenderCode} 市第一人民医院新院区建设工程」的评标场次(第一开标厅,${wednesday.slice(5)} 09:00–11:00)时间重叠`);
    await shoot(page, 'centre-session-conflict');
    expect(await t.snapshot()).toEqual(before);
    // The other room is free at that time.
    await pick(page, 'book-room', '', '第二评标室');
    await page.getByTestId('book-submit').click();
    await page.getByTestId(`cell-第二评标室-${wednesday}`).getByTestId('session').waitFor();

    // Move the first one by the form to the afternoon.
    await moved.click();
    await page.getByTestId('session-modal').waitFor();
    await page.getByTestId('move-start').fill('14:00');
    await page.getByTestId('move-end').fill('16:30');
    await page.getByTestId('move-submit').click();
    await page.getByText('已改期至').first().waitFor();
    const sessions = (await t.http.get(`/scheduling/calendar?week=${wednesday}`, centre.token)).body.sessions as { roomId: string; startsAt: string; endsAt: string }[];
    expect(sessions.find((s) => s.roomId === hall.id)).toMatchObject({ startsAt: `${wednesday}T06:00:00.000Z`, endsAt: `${wednesday}T08:30:00.000Z` });
    expect(await page.getByTestId(`cell-第一开标厅-${wednesday}`).getByTestId('session').textContent()).toContain('14:00–16:30');
    await page.context().close();
  }, 150000);

  it('requests an expert draw for the tender, watches it, tops it up when a seat cannot be filled, and seats the committee', async () => {
    const page = watch(await login(centre));
    await page.goto(`${base}/workspace/centre/draws`);
    await bothWidths(page, 'centre-draws-empty', () => page.getByText('暂无抽取记录').waitFor());

    // The session starts after the opening, with time for five answers and a top-up.
    const sessionStart = Math.ceil(Math.max(deadline + 25_000, Date.now() + 55_000) / 1000) * 1000;
    await page.getByTestId('new-draw').click();
    await pick(page, 'draw-project', '新院区', '市第一人民医院新院区建设工程');
    await page.getByTestId('draw-start-date').fill(bj(sessionStart).date);
    await page.getByTestId('draw-start-time').fill(bj(sessionStart).time);
    await page.getByTestId('draw-end-date').fill(bj(sessionStart + 4 * 3600_000).date);
    await page.getByTestId('draw-end-time').fill(bj(sessionStart + 4 * 3600_000).time);
    await pick(page, 'draw-specialty-0', '建筑结构', 'A01.01.01 建筑结构');
    await page.locator('[data-testid="draw-reserves-0"] input, input[data-testid="draw-reserves-0"]').first().fill('0');
    await page.getByText('评标委员会 5 人:专家 5 人,招标人代表 0 人').waitFor();
    await shoot(page, 'centre-draw-request');
    await page.getByTestId('draw-submit').click();
    const detail = page.getByTestId('draw-detail');
    await detail.waitFor();
    // The worker draws: 待抽取 → 通知中, seen on the page without reloading.
    await detail.getByTestId('draw-status').getByText('通知中').waitFor({ timeout: 20000 });
    [{ id: drawId }] = (await t.http.get('/expert-draws/desk', centre.token)).body.items;
    expect((await t.http.get(`/expert-draws/${drawId}`, centre.token)).body).toMatchObject({ projectId: tenderId, projectCode: tenderCode, status: 'inviting', sessionStart: new Date(sessionStart).toISOString() });
    await shoot(page, 'centre-draw-inviting');

    // Four experts accept, one declines; nobody is left in the pool to replace them: 人数不足.
    for (const [i, e] of experts.entries()) {
      const [inv] = (await t.http.get('/experts/me/invitations', e.token)).body;
      const answer = i === 4 ? await t.http.post(`/experts/me/invitations/${inv.id}/decline`, { reason: '当日有外地评审任务' }, e.token) : await t.http.post(`/experts/me/invitations/${inv.id}/accept`, {}, e.token);
      expect(answer.status).toBe(200);
    }
    await detail.getByTestId('draw-status').getByText('人数不足').waitFor({ timeout: 10000 });
    expect(await detail.getByTestId('shortfall').first().textContent()).toBe('A01.01.01 建筑结构:缺 1 人,专家库中已无符合条件的专家可递补');
    await shoot(page, 'centre-draw-short');

    // The office adds an expert to the library; the centre tops the draw up with a new seed and the expert accepts.
    const sixth = await t.account([Role.Expert], { organisationId: null });
    await insertExperts(t.ds, 1, { specialty: 'A01.01.01', accountId: sixth.id });
    await detail.getByTestId('top-up').click();
    await page.getByTestId('top-up-ok').click();
    await detail.getByTestId('draw-status').getByText('通知中').waitFor();
    const [inv] = (await t.http.get('/experts/me/invitations', sixth.token)).body;
    expect((await t.http.post(`/experts/me/invitations/${inv.id}/accept`, {}, sixth.token)).status).toBe(200);
    await detail.getByTestId('draw-status').getByText('已组成').waitFor({ timeout: 10000 });
    // The names stay sealed until the session.
    await detail.getByText('专家名单密封中').waitFor();
    await page.locator('.ant-drawer-close').click();
    const row = page.locator('tr.ant-table-row', { hasText: '市第一人民医院新院区建设工程' });
    await row.getByText('已组成').waitFor();
    await bothWidths(page, 'centre-draws', () => row.waitFor());

    // At the session start the worker reveals the seed and opens the list; the tender was opened at its deadline.
    await waitFor(async () => ((await t.http.get(`/expert-draws/${drawId}`, centre.token)).body.status === 'opened' ? true : undefined), sessionStart - Date.now() + 20_000, 'the session to open');
    expect((await t.http.get(`/tenders/${tenderId}`, centre.token)).body.status).toBe('opened');
    await page.getByRole('tab', { name: '评标中' }).click();
    await page.locator('tr.ant-table-row', { hasText: '市第一人民医院新院区建设工程' }).click();
    await detail.getByTestId('draw-status').getByText('评标中').waitFor();
    const members = detail.getByTestId('members');
    await members.waitFor();
    expect(await members.locator('tr.ant-table-row').count()).toBe(6);
    expect(await members.getByText('已接受').count()).toBe(5);
    expect(await members.getByText('第 1 轮补抽').count()).toBe(1);
    await detail.getByTestId('replay').click();
    await detail.getByTestId('replay-result').getByText(/重放结果与记录一致/).waitFor();

    // Seat the committee on the opened section: the evaluation starts with this draw.
    await detail.getByTestId('seat-1').click();
    await page.getByText('第 1 标段评标委员会已组建,评标开始').waitFor();
    await detail.getByTestId('seat-card').getByText('评标中').waitFor();
    const [section] = await t.ds.query(`SELECT status, draw_id AS "drawId" FROM tender_section WHERE project_id = $1 AND no = 1`, [tenderId]);
    expect(section).toEqual({ status: 'evaluating', drawId });
    expect((await t.http.get(`/tenders/${tenderId}`, centre.token)).body.status).toBe('evaluating');
    await shoot(page, 'centre-draw-seated');
    await page.context().close();
  }, 240000);

  it('the opening console and the other desks keep working at both widths', async () => {
    const page = watch(await login(centre));
    await page.goto(`${base}/workspace/centre/tenders/${tenderId}/opening`);
    await bothWidths(page, 'centre-opening-console-flow', () => page.getByTestId('opening-section-1').getByText('¥83,650,000.00').waitFor());
    for (const [path, name, text] of [
      ['/workspace/centre/land', 'centre-land-desk-flow', '待发布公告'],
      ['/workspace/centre/rural', 'centre-rural-desk-flow', '待挂牌'],
      ['/workspace/centre/mall', 'centre-mall-desk-flow', '价格待复核'],
    ] as const) {
      await page.goto(`${base}${path}`);
      await bothWidths(page, name, () => page.getByRole('tab', { name: new RegExp(text) }).first().waitFor());
    }
    await page.context().close();
  }, 90000);
});
