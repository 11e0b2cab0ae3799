import { createHash } from 'node:crypto';
import { Browser, Page } from 'playwright-core';
import { Role } from '@app/platform/auth/roles';
import { fastTenderingRules, postForm } from '../support/tender-fixtures';
import { browserPeople, launchChromium, newContext, shoot } from '../support/browser';
import { startTestApp, TestAccount, TestApp } from '../support/test-app';
import { startWorker, waitFor, WorkerProcess } from '../support/worker-process';

/** Beijing time as the web shows it, computed independently of the web's own formatter. */
async function streamChunks(stream: NodeJS.ReadableStream): Promise<Buffer[]> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(Buffer.from(c as Buffer));
  return chunks;
}

function beijing(iso: string): string {
  const d = new Date(new Date(iso).getTime() + 8 * 3600 * 1000);
  return d.toISOString().slice(0, 19).replace('T', ' ');
}

// The web UI in headless Chromium against the real api (serving apps/web/dist), PostgreSQL, Redis and a worker.
describe('the web application in a real browser', () => {
  let t: TestApp;
  let worker: WorkerProcess;
  let browser: Browser;
  let base: string;
  let centre: TestAccount;
  let office: TestAccount;
  let committee: TestAccount;
  let owner: TestAccount;
  let agent: TestAccount;
  let bidders: TestAccount[];
  let tenderId: string;
  let tenderCode: string;
  let bidDeadline: number;
  let parcelId: string;
  let lotId: string;
  const inSeconds = (s: number) => new Date(Date.now() + s * 1000).toISOString();

  const { person, login } = browserPeople(() => t, () => browser);

  beforeAll(async () => {
    t = await startTestApp('web-e2e');
    base = t.http.baseUrl;
    worker = await startWorker({ DATABASE_URL: t.databaseUrl, REDIS_PREFIX: t.redisPrefix, MILESTONE_RECONCILE_MS: '1000', LOT_RECONCILE_MS: '500' });
    browser = await launchChromium();
    centre = await person([Role.Centre], '市公共资源交易中心', '交易中心 王敏');
    office = await person([Role.Office], '市公共资源交易管理办公室', '管理办公室 李强');
    committee = await person([Role.Committee], '市公共资源交易管理委员会', '管委会 赵静');
    owner = await person([Role.Owner], '市第一人民医院', '市第一人民医院 基建科');
    agent = await person([Role.Agent], '华诚招标代理有限公司', '华诚招标 陈工');
    bidders = [];
    for (const name of ['福建建工集团有限公司', '中建海峡建设发展有限公司', '福州城建工程有限公司', '闽江路桥建设有限公司']) bidders.push(await person([Role.Bidder], name, `${name.slice(0, 4)} 投标专员`));

    // Tendering: a sandbox rule version (seconds), a tender announced with a deadline a minute away, two API bids.
    await fastTenderingRules(t, committee.token, { bidPreparation: 12, clarificationBeforeDeadline: 20, openingObjectionWindow: 300, depositRefund: 300, candidatePublicity: 300 });
    const reg = await t.http.post(
      '/tenders',
      { name: '市第一人民医院新院区建设工程', kind: 'construction', region: '350102', qualification: '建筑工程施工总承包一级及以上资质', evaluationMethod: 'comprehensive', sections: [{ name: '一标段:主体结构', estimate: '10000000.00', deposit: '200000.00' }], ownerOrganisationId: owner.organisationId, ruleSet: 'sandbox' },
      agent.token,
    );
    expect(reg.status).toBe(201);
    tenderId = reg.body.id;
    tenderCode = reg.body.code;
    expect((await t.http.post(`/tenders/${tenderId}/accept`, {}, centre.token)).status).toBe(200);
    expect((await postForm(t, `/tenders/${tenderId}/documents`, agent.token, { note: '招标文件' }, { name: '招标文件.pdf', content: Buffer.from('%PDF-1.7 招标文件 第一章 招标公告') })).status).toBe(201);
    const announced = await t.http.post(`/tenders/${tenderId}/announce`, { bidDeadline: inSeconds(60) }, centre.token);
    expect(announced.status).toBe(200);
    bidDeadline = new Date(announced.body.bidDeadline).getTime();
    for (const [i, b] of bidders.slice(1, 3).entries()) {
      expect((await t.http.post(`/tenders/${tenderId}/registrations`, {}, b.token)).status).toBe(200);
      const d = await t.http.post(`/tenders/${tenderId}/sections/1/deposits`, { method: 'guarantee', reference: `BH2026000${i}`, amount: '200000.00' }, b.token);
      expect((await t.http.post(`/tenders/deposits/${d.body.id}/confirm`, {}, centre.token)).status).toBe(200);
      expect((await postForm(t, `/tenders/${tenderId}/sections/1/bids`, b.token, { price: ['9650000.00', '9812345.67'][i] }, { name: '投标文件.pdf', content: Buffer.from(`%PDF 投标文件 ${i}`) })).status).toBe(201);
    }
  }, 90000);

  afterAll(async () => {
    await browser?.close();
    await worker?.stop();
    await t?.close();
  });

  it('a bidder registers, uploads a sealed bid and sees its receipt (Beijing time and SHA-256)', async () => {
    const page = await login(bidders[0]);
    expect(new URL(page.url()).pathname).toBe('/workspace/bidder');
    await page.getByText('市第一人民医院新院区建设工程').first().waitFor();
    await page.getByText('尚未报名任何项目').waitFor();

    await page.goto(`${base}/workspace/bidder/tenders/${tenderId}`);
    await page.getByTestId('register').click();
    await page.getByText('报名成功').waitFor();
    // A price with three decimals is refused by the form before anything is sent.
    await page.getByTestId('bid-price').fill('9700000.001');
    const documents = Buffer.from('%PDF-1.7 投标文件 技术标 商务标 福建建工');
    await page.locator('input[type=file]').setInputFiles({ name: '投标文件.pdf', mimeType: 'application/pdf', buffer: documents });
    await page.getByTestId('bid-submit').click();
    await page.getByText('金额以元为单位,最多两位小数').first().waitFor();
    expect((await t.http.get(`/tenders/${tenderId}/bids/mine`, bidders[0].token)).body).toEqual([]);

    await page.getByTestId('bid-price').fill('9701000.00');
    await page.getByTestId('bid-submit').click();
    // 加密递交 binds the price: the dialog shows it in figures and in 大写 before anything is sent.
    await page.getByTestId('binding-words').getByText('玖佰柒拾万壹仟元整').waitFor();
    expect((await t.http.get(`/tenders/${tenderId}/bids/mine`, bidders[0].token)).body).toEqual([]);
    await page.getByTestId('binding-ok').click();
    const receipt = page.getByTestId('receipt');
    await receipt.waitFor({ timeout: 15000 });
    const [mine] = (await t.http.get(`/tenders/${tenderId}/bids/mine`, bidders[0].token)).body;
    expect(mine.bidDigest).toMatch(/^[0-9a-f]{64}$/);
    expect(await page.getByTestId('receipt-sha256').textContent()).toBe(mine.bidDigest);
    expect(await page.getByTestId('receipt-no').textContent()).toBe(mine.receiptNo);
    expect(await page.getByTestId('receipt-time').textContent()).toBe(beijing(mine.submittedAt));
    expect(await receipt.textContent()).not.toContain('9701000');
    expect(mine.documentsSize).toBe(documents.length);
    await shoot(page, 'bidder-sealed-bid-receipt');

    // 我的报名与保证金 lists the registration with the receipt's time and digest, the deposit still due, and no price.
    await page.goto(`${base}/workspace/bidder`);
    const row = page.getByTestId('my-registrations').locator('tr', { hasText: '市第一人民医院新院区建设工程' });
    await row.waitFor();
    const text = (await row.textContent()) ?? '';
    for (const part of [tenderCode, '第 1 标段', '已递交', '未缴纳', '应缴 ¥200,000.00', beijing(mine.submittedAt), mine.bidDigest.slice(0, 12)]) expect(text).toContain(part);
    expect(await page.getByTestId('my-registrations').textContent()).not.toMatch(/9,?701,?000/);
    const [listed] = (await t.http.get('/tenders/registrations/mine', bidders[0].token)).body.items;
    expect(listed).toMatchObject({ projectId: tenderId, bid: { receiptNo: mine.receiptNo, bidDigest: mine.bidDigest } });
    await shoot(page, 'bidder-workspace');
    await page.context().close();

    // Before the deadline the public tender page says the bids are sealed, and shows neither bidders nor their number.
    const visitor = await (await newContext(browser)).newPage();
    await visitor.goto(`${base}/portal/tenders/${tenderId}`);
    await visitor.getByRole('tab', { name: '开标记录' }).click();
    await visitor.getByText('尚未开标').waitFor();
    expect(await visitor.locator('body').textContent()).not.toMatch(/递交 \d+ 份/);
    await visitor.context().close();
  }, 60000);

  it('two bidders in two browsers bid live: both see each bid and the countdown reset; a low bid is refused in Chinese', async () => {
    const changes = { periods: { announcementBeforeListing: { value: 2, unit: 's' }, listing: { value: 4, unit: 's' }, resultPublicity: { value: 300, unit: 's' }, depositRefund: { value: 300, unit: 's' } }, numbers: { countdownSeconds: 15 } };
    const draft = await t.http.post('/rule-sets', { domain: 'land', name: '土地出让测试(秒)', sandbox: true, changes }, committee.token);
    expect((await t.http.post(`/rule-sets/${draft.body.id}/publish`, {}, committee.token)).status).toBe(200);
    const reg = await t.http.post(
      '/land/parcels',
      { name: '城东片区 2026-03 号地块', region: '350102', location: '鼓楼区东街以南、八一七路以东', area: '35000.50', use: 'residential', termYears: 70, plotRatio: '2.50', mode: 'auction', startPrice: '10000000.00', increment: { fixed: '100000.00' }, deposit: '2000000.00', ruleSet: 'sandbox' },
      owner.token,
    );
    expect(reg.status).toBe(201);
    parcelId = reg.body.id;
    const a = await t.http.post(`/land/parcels/${parcelId}/announce`, { auctionAt: inSeconds(10) }, centre.token);
    expect(a.status).toBe(200);
    lotId = a.body.lotId;
    const [b0, b1] = [bidders[2], bidders[3]];
    for (const b of [b0, b1]) {
      const app = await postForm(t, `/land/parcels/${parcelId}/applications`, b.token, { depositMethod: 'transfer', depositReference: `ZZ-${b.username}`, depositAmount: '2000000.00' }, { name: '竞买申请书.pdf', content: Buffer.from(`%PDF 竞买申请 ${b.username}`) });
      expect(app.status).toBe(201);
      expect((await t.http.post(`/land/applications/${app.body.id}/qualify`, {}, centre.token)).status).toBe(200);
    }
    const [p0, p1] = [await login(b0), await login(b1)];
    const watcher = await (await newContext(browser)).newPage();
    for (const p of [p0, p1]) await p.goto(`${base}/workspace/bidder/lots/${lotId}`);
    await watcher.goto(`${base}/portal/lots/${lotId}`);
    const paddle0 = Number(await p0.getByTestId('my-paddle').textContent());
    const paddle1 = Number(await p1.getByTestId('my-paddle').textContent());
    expect(paddle0).toBeGreaterThanOrEqual(1001);
    expect(paddle1).not.toBe(paddle0);

    // The auction goes live at its time (the worker); every page shows it.
    for (const p of [p0, p1, watcher]) await p.getByText('限时竞价中').first().waitFor({ timeout: 30000 });
    const endsAt = async (p: Page) => new Date((await p.getByTestId('countdown').getAttribute('data-ends-at'))!).getTime();
    const seconds = async (p: Page) => {
      const [m, s] = (await p.getByTestId('countdown').textContent())!.split(':').map(Number);
      return m * 60 + s;
    };

    await p0.getByTestId('bid-next').click();
    await p0.getByTestId('binding-words').getByText('壹仟万元整').waitFor();
    await p0.getByTestId('binding-ok').click();
    for (const p of [p0, p1, watcher]) await p.getByTestId('current-price').getByText('¥10,000,000.00').waitFor({ timeout: 10000 });
    const firstEnd = await endsAt(p1);

    // Let the countdown run down a little, then the other bidder bids: both rooms see the end move (the reset).
    await p1.waitForTimeout(3000);
    const before = await seconds(p0);
    expect(before).toBeLessThanOrEqual(13);
    await p1.getByTestId('bid-next').click();
    await p1.getByTestId('binding-ok').click();
    for (const p of [p0, p1, watcher]) {
      await p.getByTestId('current-price').getByText('¥10,100,000.00').waitFor({ timeout: 10000 });
      await waitFor(async () => (await endsAt(p)) > firstEnd, 10000, 'the countdown to reset');
      expect(await seconds(p)).toBeGreaterThan(before);
      expect(Number(await p.getByTestId('countdown').getAttribute('data-resets'))).toBeGreaterThanOrEqual(1);
    }
    await shoot(p1, 'live-room');
    await shoot(watcher, 'live-watch-public');

    // A bid under the next valid price: the API refuses it and the room says so in Chinese; nothing changes.
    await p0.getByTestId('bid-input').fill('10,100,000');
    await p0.getByRole('button', { name: '出 价' }).or(p0.getByRole('button', { name: '出价', exact: true })).first().click();
    await p0.getByTestId('binding-figures').getByText('¥10,100,000.00').waitFor();
    await p0.getByTestId('binding-ok').click();
    await p0.locator('.refusal').getByText('出价低于当前最低有效报价').waitFor();
    expect((await t.http.get(`/public/lots/${lotId}`)).body.bids).toBe(2);

    // The feed lists both bids in order with paddles only; after the countdown the lot is sold to the leader.
    const feed = await p0.getByTestId('feed').textContent();
    expect(feed).toContain(String(paddle0));
    expect(feed).toContain(String(paddle1));
    expect(feed).not.toContain('有限公司');
    for (const p of [p0, p1, watcher]) await p.getByTestId('outcome').getByText('成交').waitFor({ timeout: 40000 });
    expect(await watcher.getByTestId('outcome').textContent()).toContain(String(paddle1));
    for (const p of [p0, p1, watcher]) await p.context().close();
  }, 120000);

  it('an office user searches a project’s audit trail and sees the chain verified plainly', async () => {
    const page = await login(office);
    expect(new URL(page.url()).pathname).toBe('/workspace/supervision');
    await page.getByTestId('chain-status').waitFor();
    await page.getByTestId('project-select').click();
    await page.keyboard.type(tenderCode);
    await page.getByTitle(new RegExp(tenderCode)).first().click();
    await page.getByTestId('audit-search').click();
    // in Chinese: the action's name, the role, the project; no code names in the table
    await page.getByTestId('action-name').getByText('发布招标公告').first().waitFor();
    const table = (await page.locator('.ant-table-tbody').textContent()) ?? '';
    expect(table).not.toMatch(/tender\.announced|project\.published/);
    expect(table).toContain('交易中心');
    // filter by an action's Chinese name, then open an entry: fields in Chinese, times in Beijing time
    await page.getByTestId('action-select').click();
    await page.keyboard.type('发布招标公告');
    await page.locator('.ant-select-item-option').filter({ hasText: '发布招标公告' }).first().click();
    await page.getByTestId('audit-search').click();
    await waitFor(async () => ((await page.getByTestId('action-name').count()) === 1 ? true : null), 10000, 'the filtered trail');
    await page.locator('.ant-table-row-expand-icon').first().click();
    const details = page.getByTestId('audit-details');
    await details.getByText('投标截止时间').waitFor();
    expect(await details.textContent()).toMatch(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}/);
    await shoot(page, 'office-audit-details');
    // the signed export downloads, with how to verify it
    const exportCard = page.getByTestId('audit-export');
    await exportCard.getByText('npm run audit:verify').first().waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), exportCard.getByTestId('audit-export-download').click()]);
    const exported = JSON.parse(Buffer.concat(await streamChunks(await download.createReadStream())).toString('utf8'));
    expect(exported.project.code).toBe(tenderCode);
    expect(exported.signature).toBeTruthy();
    await page.getByTestId('verify-chain').click();
    const status = page.getByTestId('chain-status');
    await status.getByText('审计链完整,未发现篡改').waitFor();
    expect(await status.getAttribute('data-ok')).toBe('true');
    await page.getByTestId('project-links').getByText('逐条重算一致').waitFor();
    expect(await page.getByText('✗ 不符').count()).toBe(0);
    expect((await t.http.get('/audit/verify', office.token)).body.ok).toBe(true);
    await shoot(page, 'office-audit');

    // An operating role has no supervision workspace: the page says so instead of showing data.
    const bidder = await login(bidders[1]);
    await bidder.goto(`${base}/workspace/supervision`);
    await bidder.getByText('无权访问此工作台').waitFor();
    await bidder.context().close();
    await page.context().close();
  }, 60000);

  it('the public portal shows the opening record and the result, without logging in', async () => {
    await waitFor(async () => ((await t.http.get(`/public/tenders/${tenderId}`)).body.status === 'opened' ? true : undefined), Math.max(5000, bidDeadline - Date.now() + 30000), 'the opening');
    const page = await (await newContext(browser)).newPage();
    await page.goto(`${base}/`);
    await page.getByText('市第一人民医院新院区建设工程').first().waitFor();
    await page.getByText('¥10,000,000.00').first().waitFor(); // the estimate, grouped by thousands
    await shoot(page, 'portal-home');

    await page.getByText('市第一人民医院新院区建设工程').first().click();
    const record = page.getByTestId('opening-record');
    await record.waitFor();
    for (const [name, price] of [['福建建工集团有限公司', '¥9,701,000.00'], ['中建海峡建设发展有限公司', '¥9,650,000.00'], ['福州城建工程有限公司', '¥9,812,345.67']]) {
      await record.getByText(name).waitFor();
      await record.getByText(price).waitFor();
    }
    await shoot(page, 'project-opening-record');

    await page.goto(`${base}/portal/land/${parcelId}`);
    const result = page.getByTestId('parcel-result');
    await result.waitFor();
    const parcel = (await t.http.get(`/public/land/parcels/${parcelId}`)).body;
    expect(parcel.result).toBe('sold');
    // the result names the 竞得人 with its paddle (issue 16.9)
    expect(parcel.winnerName).toBe('闽江路桥建设有限公司');
    expect(await result.textContent()).toContain(`成交:${parcel.winnerName}(竞买号 ${parcel.winnerPaddle})以 ¥10,100,000.00 竞得`);
    await page.goto(`${base}/portal/results`);
    await page.getByRole('tab', { name: '土地使用权' }).click();
    await page.getByText('城东片区 2026-03 号地块').waitFor();
    await shoot(page, 'portal-results');
    // A client route that does not exist is the web's 404; an unknown API path stays a JSON 404.
    await page.goto(`${base}/portal/nothing-here`);
    await page.getByText('页面不存在', { exact: true }).waitFor();
    const api404 = await t.http.get('/no-such-route');
    expect(api404.status).toBe(404);
    expect(api404.body.code).toBeDefined();
    await page.context().close();
  }, 120000);

  it('the committee compares rule versions; the centre sees its week and moves a session by dragging it', async () => {
    const page = await login(committee);
    expect(new URL(page.url()).pathname).toBe('/workspace/committee');
    const diff = page.getByTestId('rule-diff');
    await diff.getByText('招标文件发出至投标截止').waitFor();
    await shoot(page, 'committee-rules-diff');
    await page.context().close();

    const room = await t.http.post('/scheduling/rooms', { kind: 'opening_hall', name: '第一开标厅', seats: 60, isolated: false }, centre.token);
    expect(room.status).toBe(201);
    await t.http.post('/scheduling/rooms', { kind: 'evaluation_room', name: '评标室 A', seats: 9, isolated: true }, centre.token);
    const tomorrow = new Date(Date.now() + 86400000);
    const day = new Date(tomorrow.getTime() + 8 * 3600000).toISOString().slice(0, 10);
    const session = await t.http.post('/scheduling/sessions', { roomId: room.body.id, projectId: tenderId, purpose: 'opening', startsAt: `${day}T09:30:00+08:00`, endsAt: `${day}T11:30:00+08:00`, note: '不见面开标' }, centre.token);
    expect(session.status).toBe(201);
    const desk = await login(centre);
    await desk.goto(`${base}/workspace/centre/calendar?week=${day}`);
    const card = desk.getByTestId('session').first();
    await card.waitFor();
    await shoot(desk, 'centre-calendar');
    // Drag it one day later in the same room.
    const cells = desk.locator('.cal-cell');
    const index = await cells.evaluateAll((els) => els.findIndex((e) => e.querySelector('[data-testid=session]')));
    const target = (index % 7) === 6 ? index - 1 : index + 1;
    await card.dragTo(cells.nth(target));
    await desk.getByText(/已将.*改到/).waitFor({ timeout: 10000 });
    const moved = await t.ds.query(`SELECT lower(during) AS s FROM scheduling_session WHERE id = $1`, [session.body.id]);
    expect(Math.abs(new Date(moved[0].s).getTime() - new Date(`${day}T09:30:00+08:00`).getTime())).toBe(86400000);
    await desk.context().close();
  }, 60000);
});
