import { Browser, Page } from 'playwright-core';
import { Role } from '@app/platform/auth/roles';
import { browserPeople, confirmIn, launchChromium, shoot, watchErrors } from '../support/browser';
import { fastTenderingRules, postForm } from '../support/tender-fixtures';
import { startTestApp, TestAccount, TestApp } from '../support/test-app';
import { startWorker, waitFor, WorkerProcess } from '../support/worker-process';

/** Beijing time as the web shows it, computed independently of the web's own formatter. */
function beijing(iso: string): string {
  return new Date(new Date(iso).getTime() + 8 * 3600 * 1000).toISOString().slice(0, 19).replace('T', ' ');
}

// 投标保证金 at the centre's desk, in headless Chromium against the real api, PostgreSQL, Redis and a worker. Bidders act
// through the API; the centre confirms, refunds and releases in the browser, and what it did is read back through the API.
describe('the centre’s tender deposit desk in a real browser', () => {
  let t: TestApp;
  let worker: WorkerProcess;
  let browser: Browser;
  let base: string;
  let centre: TestAccount;
  let owner: TestAccount;
  let agent: TestAccount;
  let hongyuan: TestAccount;
  let minjiang: TestAccount;

  const { person, login } = browserPeople(() => t, () => browser);
  const inSeconds = (s: number) => new Date(Date.now() + s * 1000).toISOString();

  /** Registered by the agent, accepted, documents uploaded and announced with the deadline given. */
  const announced = async (name: string, estimate: string, deposit: string, bidDeadline: string) => {
    const reg = await t.http.post(
      '/tenders',
      { name, kind: 'construction', region: '350102', qualification: '建筑工程施工总承包二级及以上资质', evaluationMethod: 'lowest_price', sections: [{ name: '一标段:土建及安装', estimate, deposit }], ownerOrganisationId: owner.organisationId, ruleSet: 'sandbox' },
      agent.token,
    );
    expect(reg.status).toBe(201);
    const id = reg.body.id as string;
    expect((await t.http.post(`/tenders/${id}/accept`, {}, centre.token)).status).toBe(200);
    expect((await postForm(t, `/tenders/${id}/documents`, agent.token, {}, { name: '招标文件.pdf', content: Buffer.from('%PDF 招标文件') })).status).toBe(201);
    expect((await t.http.post(`/tenders/${id}/announce`, { bidDeadline }, centre.token)).status).toBe(200);
    return { id, code: reg.body.code as string };
  };
  const bid = (id: string, who: TestAccount, price: string) => postForm(t, `/tenders/${id}/sections/1/bids`, who.token, { price }, { name: '投标文件.pdf', content: Buffer.from(`%PDF 投标文件 ${price}`) });
  const deposit = async (id: string, depositId: string) => (await t.http.get(`/tenders/${id}/deposits`, centre.token)).body.find((d: { id: string }) => d.id === depositId);
  const row = (page: Page, depositId: string) => page.locator('.deposit-row', { has: page.getByTestId(`deposit-state-${depositId}`) });

  beforeAll(async () => {
    t = await startTestApp('web-centre-deposits');
    base = t.http.baseUrl;
    worker = await startWorker({ DATABASE_URL: t.databaseUrl, REDIS_PREFIX: t.redisPrefix, MILESTONE_RECONCILE_MS: '1000' });
    browser = await launchChromium();
    centre = await person([Role.Centre], '市公共资源交易中心', '交易中心 林芳');
    owner = await t.account([Role.Owner], { organisationId: await t.organisation('市第三中学') });
    agent = await t.account([Role.Agent], { organisationId: await t.organisation('正衡招标代理有限公司') });
    hongyuan = await t.account([Role.Bidder], { organisationId: await t.organisation('福建宏远建设有限公司') });
    minjiang = await t.account([Role.Bidder], { organisationId: await t.organisation('闽江路桥工程有限公司') });
    await fastTenderingRules(t, (await t.account([Role.Committee])).token, { bidPreparation: 15, clarificationBeforeDeadline: 20 });
  }, 90000);

  afterAll(async () => {
    await browser?.close();
    await worker?.stop();
    await t?.close();
  });

  it('confirms a declared deposit, and a refund tried on a page that is behind (the deposit no longer due) is refused in Chinese, changing nothing', async () => {
    const { id, code } = await announced('市第三中学风雨操场建设工程', '8000000.00', '123456.78', inSeconds(3600));
    expect((await t.http.post(`/tenders/${id}/registrations`, {}, hongyuan.token)).status).toBe(200);
    const declared = await t.http.post(`/tenders/${id}/sections/1/deposits`, { method: 'transfer', reference: 'ZZ2026120300017', amount: '123456.78', payerAccount: '6222020200112233445' }, hongyuan.token);
    expect(declared.status).toBe(201);
    const first = await bid(id, hongyuan, '7650000.00');
    expect(first.status).toBe(201);

    const page = await login(centre);
    const errors = watchErrors(page);
    await page.goto(`${base}/workspace/centre/deposits`);
    await page.getByRole('tab', { name: '投标保证金' }).waitFor();
    const listed = page.locator('tr.ant-table-row', { hasText: '市第三中学风雨操场建设工程' });
    await listed.waitFor();
    expect(await listed.textContent()).toContain(code);
    await shoot(page, 'centre-deposits');
    await listed.click();
    await page.waitForURL(`${base}/workspace/centre/tenders/${id}/deposits`);

    // Declared: only 到账确认 is offered.
    const r = row(page, declared.body.id);
    await r.getByText('已申报').waitFor();
    const text = await r.textContent();
    for (const s of ['福建宏远建设有限公司', '现金', 'ZZ2026120300017', '¥123,456.78', '未到退还时候']) expect(text).toContain(s);
    expect(await page.getByTestId(`deposit-refund-${declared.body.id}`).count()).toBe(0);
    expect(await page.getByTestId(`deposit-release-${declared.body.id}`).count()).toBe(0);
    await confirmIn(page, page.getByTestId(`deposit-confirm-${declared.body.id}`), '确认到账');
    await r.getByText('已确认', { exact: true }).waitFor();
    expect(await deposit(id, declared.body.id)).toMatchObject({ status: 'confirmed', refundDue: null, confirmedAt: expect.any(String) });
    // confirmed, not due: nothing to give back yet, so nothing is offered
    expect(await page.getByTestId(`deposit-confirm-${declared.body.id}`).count()).toBe(0);
    expect(await page.getByTestId(`deposit-refund-${declared.body.id}`).count()).toBe(0);

    // The bidder withdraws before the deadline (条例 35): the deposit falls due, and the desk offers the refund.
    expect((await t.http.post(`/tenders/${id}/bids/${first.body.receiptNo}/withdraw`, {}, hongyuan.token)).status).toBe(200);
    const due = (await deposit(id, declared.body.id)).refundDue;
    expect(due).toEqual(expect.any(String));
    await page.getByTestId('deposits-reload').click();
    await r.getByText('应退', { exact: true }).waitFor();
    expect(await page.getByTestId(`deposit-due-${declared.body.id}`).textContent()).toContain(beijing(due));
    expect(await page.getByTestId(`deposit-release-${declared.body.id}`).count()).toBe(0);

    // Before the centre records it, the bidder bids again: the deposit stands for the new bid and is no longer due.
    expect((await bid(id, hongyuan, '7640000.00')).status).toBe(201);
    expect((await deposit(id, declared.body.id)).refundDue).toBeNull();
    const before = { deposit: await t.ds.query(`SELECT * FROM tender_deposit WHERE id = $1`, [declared.body.id]), rows: await t.snapshot() };

    await page.getByTestId(`deposit-refund-ref-${declared.body.id}`).fill('TK2026120300001');
    await page.getByTestId(`deposit-refund-${declared.body.id}`).click();
    const dialog = page.getByTestId('binding-confirm');
    await dialog.waitFor();
    expect(await page.getByTestId('binding-figures').textContent()).toBe('¥123,456.78');
    expect(await page.getByTestId('binding-words').textContent()).toBe('壹拾贰万叁仟肆佰伍拾陆元柒角捌分');
    for (const s of ['福建宏远建设有限公司', code, 'TK2026120300001']) expect(await dialog.textContent()).toContain(s);
    await page.getByTestId('binding-ok').click();
    const refusal = page.locator('.refusal');
    await refusal.getByText('保证金尚未到退还时候').waitFor();
    expect(await refusal.textContent()).toContain('DEPOSIT_REFUND_NOT_DUE');
    // the page reads the deposits again: confirmed, not due, nothing offered
    await r.getByText('已确认', { exact: true }).waitFor();
    await page.getByTestId(`deposit-refund-${declared.body.id}`).waitFor({ state: 'detached' });
    await shoot(page, 'centre-deposit-refusal');
    expect({ deposit: await t.ds.query(`SELECT * FROM tender_deposit WHERE id = $1`, [declared.body.id]), rows: await t.snapshot() }).toEqual(before);
    expect(errors()).toEqual([]);
    await page.context().close();
  }, 120000);

  it('after the section fails, refunds the cash deposit with its bank reference and releases the e-guarantee, each behind a confirmation with the amount in words', async () => {
    const deadline = inSeconds(20);
    const { id, code } = await announced('城西片区雨污分流改造工程', '4000000.00', '80000.00', deadline);
    const declare = async (who: TestAccount, method: 'transfer' | 'guarantee', reference: string) => {
      expect((await t.http.post(`/tenders/${id}/registrations`, {}, who.token)).status).toBe(200);
      const d = await t.http.post(`/tenders/${id}/sections/1/deposits`, { method, reference, amount: '80000.00', ...(method === 'transfer' ? { payerAccount: '6222020200556677889' } : {}) }, who.token);
      expect(d.status).toBe(201);
      return d.body.id as string;
    };
    const cash = await declare(hongyuan, 'transfer', 'ZZ2026120300042');
    const guarantee = await declare(minjiang, 'guarantee', 'BH2026-FZ-000318');
    // two bids where three are needed (法 28 / 条例 44): the section fails at the deadline and every deposit falls due
    expect((await bid(id, hongyuan, '3880000.00')).status).toBe(201);
    expect((await bid(id, minjiang, '3910000.00')).status).toBe(201);

    const page = await login(centre);
    const errors = watchErrors(page);
    await page.goto(`${base}/workspace/centre/tenders/${id}/deposits`);
    for (const d of [cash, guarantee]) {
      await row(page, d).getByText('已申报').waitFor();
      await confirmIn(page, page.getByTestId(`deposit-confirm-${d}`), '确认到账');
      await row(page, d).getByText(/^(已确认|应退)$/).waitFor();
    }
    for (const d of [cash, guarantee]) expect((await deposit(id, d)).status).toBe('confirmed');

    await waitFor(async () => (await t.http.get(`/tenders/${id}`, centre.token)).body.status === 'failed', Math.max(30000, new Date(deadline).getTime() - Date.now() + 30000), 'the section to fail');
    await page.getByTestId('deposits-reload').click();
    await page.getByTestId('deposit-section-1').getByText('流标').waitFor();
    for (const d of [cash, guarantee]) {
      await row(page, d).getByText('应退', { exact: true }).waitFor();
      expect(await page.getByTestId(`deposit-due-${d}`).textContent()).toContain(beijing((await deposit(id, d)).refundDue));
    }
    // the machine decides the verb: cash is refunded, a guarantee released
    expect(await page.getByTestId(`deposit-release-${cash}`).count()).toBe(0);
    expect(await page.getByTestId(`deposit-refund-${guarantee}`).count()).toBe(0);
    expect(await row(page, guarantee).textContent()).toContain('电子保函');
    expect(await page.getByTestId('deposit-tally').textContent()).toContain('应退 2');
    await shoot(page, 'centre-tender-deposits');

    await page.getByTestId(`deposit-refund-ref-${cash}`).fill('TK2026120300088');
    await page.getByTestId(`deposit-refund-${cash}`).click();
    await page.getByTestId('binding-confirm').waitFor();
    expect(await page.getByTestId('binding-figures').textContent()).toBe('¥80,000.00');
    expect(await page.getByTestId('binding-words').textContent()).toBe('捌万元整');
    await shoot(page, 'centre-deposit-refund-confirm', false);
    await page.getByTestId('binding-ok').click();
    await row(page, cash).getByText('已退还').waitFor();
    expect(await row(page, cash).textContent()).toContain('TK2026120300088');
    expect(await deposit(id, cash)).toMatchObject({ status: 'refunded', refundedAt: expect.any(String), refundReference: 'TK2026120300088', releasedAt: null });

    // a cancelled confirmation sends nothing
    await page.getByTestId(`deposit-release-${guarantee}`).click();
    await page.getByTestId('binding-confirm').waitFor();
    expect(await page.getByTestId('binding-confirm').textContent()).toContain('BH2026-FZ-000318');
    await page.getByTestId('binding-cancel').click();
    await page.getByTestId('binding-confirm').waitFor({ state: 'detached' });
    expect((await deposit(id, guarantee)).status).toBe('confirmed');

    await page.getByTestId(`deposit-release-${guarantee}`).click();
    await page.getByTestId('binding-confirm').waitFor();
    expect(await page.getByTestId('binding-figures').textContent()).toBe('¥80,000.00');
    expect(await page.getByTestId('binding-words').textContent()).toBe('捌万元整');
    await page.getByTestId('binding-ok').click();
    await row(page, guarantee).getByText('已解除').waitFor();
    expect(await deposit(id, guarantee)).toMatchObject({ status: 'released', releasedAt: expect.any(String), refundedAt: null, refundReference: null });
    const actions = (await t.ds.query(`SELECT action, actor_role FROM audit_event WHERE subject_id = $1 AND action IN ('tender.deposit_refunded', 'tender.deposit_released') ORDER BY id`, [id])).map((e: { action: string; actor_role: string }) => `${e.action}:${e.actor_role}`);
    expect(actions).toEqual(['tender.deposit_refunded:centre', 'tender.deposit_released:centre']);
    for (const d of [cash, guarantee]) expect(await row(page, d).locator('button').count()).toBe(0);
    expect(await page.getByTestId('deposit-tally').textContent()).toContain('已退还 1');
    await shoot(page, 'centre-tender-deposits-done');

    // the same page on a phone
    // the same page on a phone: one block per deposit, nothing wider than the screen
    await page.setViewportSize({ width: 390, height: 844 });
    await page.locator('.deposit-card', { hasText: 'TK2026120300088' }).getByText('已退还').waitFor();
    await page.locator('.deposit-card', { hasText: 'BH2026-FZ-000318' }).getByText('已解除').waitFor();
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    await shoot(page, 'centre-tender-deposits-390');
    await page.goto(`${base}/workspace/centre/deposits`);
    await page.getByRole('tab', { name: '流标' }).click();
    await page.locator('tr.ant-table-row', { hasText: code }).waitFor();
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    await shoot(page, 'centre-deposits-390');
    expect(errors()).toEqual([]);
    await page.context().close();
  }, 150000);
});
