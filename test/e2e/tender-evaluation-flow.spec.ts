import { Browser, Page } from 'playwright-core';
import { Role } from '@app/platform/auth/roles';
import { browserPeople, launchChromium, shoot } from '../support/browser';
import { insertExperts, insertSpecialties } from '../support/expert-fixtures';
import { fastTenderingRules, postForm } from '../support/tender-fixtures';
import { startTestApp, TestAccount, TestApp } from '../support/test-app';
import { startWorker, waitFor, WorkerProcess } from '../support/worker-process';

/** The outermost elements whose right edge passes the screen's, as tag.class, for a failure message. */
const WIDE_ELEMENTS = `(() => {
  const w = window.innerWidth;
  const clipped = (e) => { for (let a = e.parentElement; a; a = a.parentElement) if (getComputedStyle(a).overflowX !== 'visible') return true; return false; };
  const wide = [...document.querySelectorAll('body *')].filter((e) => e.getBoundingClientRect().right > w + 1 && getComputedStyle(e).position !== 'fixed' && !clipped(e));
  const outer = wide.filter((e) => !wide.includes(e.parentElement));
  return outer.slice(0, 6).map((e) => e.tagName.toLowerCase() + '.' + String(e.className).trim().split(/\\s+/).slice(0, 3).join('.') + '(' + Math.round(e.getBoundingClientRect().right) + ')').join(', ');
})()`;

const numberInput = (page: Page, id: string) => page.locator(`input[data-testid="${id}"], [data-testid="${id}"] input`).first();

/**
 * A tender after its opening, in Chromium, by the people who carry it: the bidder's sealed bid behind the binding
 * confirmation ("85,000,000" typed with separators, the amount in 大写) and its objection to the documents; the owner's
 * reply; after the opening (worker) and the draw (API and worker), each drawn expert accepts in the browser (one
 * declines with a reason and is replaced), scores every bid per criterion (one proposes 否决 with a reason), one makes
 * the report and all sign it (one with a dissent); the owner publicises the candidates behind a confirmation, a losing
 * bidder objects in the browser, the owner answers, awards (figures and 大写 checked) and records the contract typed
 * with separators. Every page is opened at 1440 and 390 px; a console error, a failed request or a horizontal
 * overflow fails the test.
 */
describe('a tender from its opening to the contract, in the browser', () => {
  let t: TestApp;
  let worker: WorkerProcess;
  let browser: Browser;
  let base: string;
  let centre: TestAccount;
  let owner: TestAccount;
  let bidders: TestAccount[];
  let experts: TestAccount[];
  let tenderId: string;
  let tenderCode: string;
  let bidDeadline: number;
  let drawId: string;
  const section = () => `/tenders/${tenderId}/sections/1`;
  const inSeconds = (s: number) => new Date(Date.now() + s * 1000).toISOString();
  const expertPages = new Map<string, Page>();
  const problems: string[] = [];

  const { person, login } = browserPeople(() => t, () => browser);

  /** Logs in through the form and watches the page: console errors, uncaught errors, and any 4xx/5xx answer. */
  async function open(who: TestAccount, label: string): Promise<Page> {
    const page = await login(who);
    page.on('console', (m) => m.type() === 'error' && problems.push(`${label} console: ${m.text()}`));
    page.on('pageerror', (e) => problems.push(`${label} page error: ${e.message}`));
    page.on('response', (r) => r.status() >= 400 && problems.push(`${label} ${r.status()} ${r.request().method()} ${new URL(r.url()).pathname}`));
    return page;
  }

  const clean = () => {
    const seen = problems.splice(0);
    expect(seen).toEqual([]);
  };

  /** The page as it is at 1440 px, then on a phone (390 px): nothing may stick out sideways; screenshots of both. */
  async function bothWidths(page: Page, name: string): Promise<void> {
    await shoot(page, name);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.waitForTimeout(400);
    const overflow = (await page.evaluate('document.documentElement.scrollWidth - window.innerWidth')) as number;
    await shoot(page, `${name}-390`);
    // what sticks out: the outermost elements wider than the screen, to name them in the failure
    if (overflow > 1) problems.push(`${name} is ${overflow} px wider than a 390 px screen: ${await page.evaluate(WIDE_ELEMENTS)}`);
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.waitForTimeout(200);
  }

  /** The binding confirmation: checks the amount in figures and in 大写 when given, then presses 确认. */
  async function confirmBinding(page: Page, expected: { figures?: string; words?: string; text?: string[] } = {}): Promise<void> {
    const dialog = page.locator('.ant-modal-confirm:visible').filter({ has: page.getByTestId('binding-confirm') });
    await dialog.waitFor();
    if (expected.figures) expect(await dialog.getByTestId('binding-figures').textContent()).toBe(expected.figures);
    if (expected.words) expect(await dialog.getByTestId('binding-words').textContent()).toBe(expected.words);
    for (const s of expected.text ?? []) await dialog.getByText(s).filter({ visible: true }).first().waitFor();
    await dialog.getByTestId('binding-ok').click();
    await dialog.waitFor({ state: 'hidden' });
  }

  beforeAll(async () => {
    t = await startTestApp('tender-evaluation-e2e');
    base = t.http.baseUrl;
    worker = await startWorker({ DATABASE_URL: t.databaseUrl, REDIS_PREFIX: t.redisPrefix, MILESTONE_RECONCILE_MS: '1000' });
    browser = await launchChromium();
    centre = await person([Role.Centre], '市公共资源交易中心', '交易中心 王敏');
    const committee = await person([Role.Committee], '市公共资源交易管理委员会', '管委会 赵静');
    owner = await person([Role.Owner], '市第一人民医院', '市第一人民医院 基建科');
    bidders = [];
    for (const name of ['福建建工集团有限公司', '中建海峡建设发展有限公司', '福州城建工程有限公司']) bidders.push(await person([Role.Bidder], name, `${name.slice(0, 4)} 投标专员`));
    // Six experts of the specialty in the library, each with a login; the draw seats five of them.
    await insertSpecialties(t.ds, ['T01', 'T01.01']);
    experts = [];
    for (const name of ['林涛', '陈静', '黄磊', '吴芳', '郑伟', '王丽']) {
      const e = await person([Role.Expert], null, `评标专家 ${name}`);
      await insertExperts(t.ds, 1, { specialty: 'T01.01', accountId: e.id });
      experts.push(e);
    }

    // A sandbox rule version in seconds; a tender registered, accepted, documented and announced through the API.
    await fastTenderingRules(t, committee.token, {
      bidPreparation: 12,
      clarificationBeforeDeadline: 10,
      objectionBeforeDeadline: 5,
      objectionReply: 120,
      openingObjectionWindow: 30,
      candidatesPublishedWithin: 600,
      candidatePublicity: 45,
      publicityObjectionReply: 120,
      contractWithin: 3600,
      depositRefund: 600,
      expertResponseWindow: 240,
    });
    const reg = await t.http.post(
      '/tenders',
      { name: '市第一人民医院新院区门诊医技楼工程', kind: 'construction', region: '350102', qualification: '建筑工程施工总承包一级及以上资质', evaluationMethod: 'comprehensive', sections: [{ name: '一标段:门诊医技楼主体', estimate: '90000000.00', deposit: '1800000.00' }], ruleSet: 'sandbox' },
      owner.token,
    );
    expect(reg.status).toBe(201);
    tenderId = reg.body.id;
    tenderCode = reg.body.code;
    expect((await t.http.post(`/tenders/${tenderId}/accept`, {}, centre.token)).status).toBe(200);
    expect((await postForm(t, `/tenders/${tenderId}/documents`, owner.token, { note: '招标文件' }, { name: '招标文件.pdf', content: Buffer.from('%PDF-1.7 招标文件 第一章 招标公告 第二章 投标人须知') })).status).toBe(201);
    const announced = await t.http.post(`/tenders/${tenderId}/announce`, { bidDeadline: inSeconds(90) }, centre.token);
    expect(announced.status).toBe(200);
    bidDeadline = new Date(announced.body.bidDeadline).getTime();
    // Two bids through the API, each with a deposit the centre confirms.
    for (const [i, b] of bidders.slice(0, 2).entries()) {
      expect((await t.http.post(`/tenders/${tenderId}/registrations`, {}, b.token)).status).toBe(200);
      const d = await t.http.post(`/tenders/${tenderId}/sections/1/deposits`, { method: 'guarantee', reference: `BH2026110${i}`, amount: '1800000.00' }, b.token);
      expect((await t.http.post(`/tenders/deposits/${d.body.id}/confirm`, {}, centre.token)).status).toBe(200);
      expect((await postForm(t, `/tenders/${tenderId}/sections/1/bids`, b.token, { price: ['86500000.00', '87200000.00'][i] }, { name: '投标文件.pdf', content: Buffer.from(`%PDF 投标文件 ${i} ${'技术标'.repeat(200)}`) })).status).toBe(201);
    }
  }, 120000);

  afterAll(async () => {
    await browser?.close();
    await worker?.stop();
    await t?.close();
  });

  it('a bidder’s sealed bid takes "85,000,000", shows it in figures and 大写 and is sent only on 确认; its objection to the documents goes on record', async () => {
    const b = bidders[2];
    const page = await open(b, 'bidder');
    await page.goto(`${base}/workspace/bidder/tenders/${tenderId}`);
    await page.getByTestId('register').click();
    await page.getByText('报名成功').waitFor();
    // The deposit typed with separators as well.
    await page.getByLabel('流水号 / 保函编号').fill('BH20261102');
    await page.getByTestId('deposit-amount').fill('1,800,000');
    await page.getByRole('button', { name: '申报保证金' }).click();
    await page.getByText('保证金已申报').waitFor();
    const [deposit] = (await t.http.get(`/tenders/${tenderId}/deposits`, b.token)).body;
    expect(deposit).toMatchObject({ amount: '1800000.00', status: 'declared' });
    expect((await t.http.post(`/tenders/deposits/${deposit.id}/confirm`, {}, centre.token)).status).toBe(200);

    await page.getByTestId('bid-price').fill('85,000,000');
    await page.locator('input[type=file]').first().setInputFiles({ name: '投标文件-福州城建.pdf', mimeType: 'application/pdf', buffer: Buffer.from(`%PDF-1.7 投标文件 福州城建 ${'施工组织设计'.repeat(300)}`) });
    await page.getByTestId('bid-submit').click();
    // Cancelling sends nothing.
    const dialog = page.locator('.ant-modal-confirm:visible');
    await dialog.getByTestId('binding-figures').getByText('¥85,000,000.00').waitFor();
    await shoot(page, 'bidder-sealed-bid-confirm');
    await dialog.getByTestId('binding-cancel').click();
    await dialog.waitFor({ state: 'hidden' });
    expect((await t.http.get(`/tenders/${tenderId}/bids/mine`, b.token)).body).toEqual([]);
    await page.getByTestId('bid-submit').click();
    await confirmBinding(page, { figures: '¥85,000,000.00', words: '捌仟伍佰万元整', text: ['第 1 标段 · 一标段:门诊医技楼主体', '投标文件-福州城建.pdf'] });
    await page.getByTestId('receipt').waitFor({ timeout: 15000 });
    const [mine] = (await t.http.get(`/tenders/${tenderId}/bids/mine`, b.token)).body;
    expect(await page.getByTestId('receipt-sha256').textContent()).toBe(mine.bidDigest);
    expect(await page.getByTestId('receipt').textContent()).not.toContain('85,000,000');

    // An objection to the documents, while there is time before the deadline (条例 22).
    await page.getByTestId('document-objection-text').fill('资格条件要求近三年三项三甲医院业绩,排斥潜在投标人。');
    await page.getByTestId('document-objection-send').click();
    await confirmBinding(page, { text: ['资格条件要求近三年三项三甲医院业绩,排斥潜在投标人。'] });
    await page.getByTestId('document-objections').getByText('待答复').waitFor();
    const objections = (await t.http.get(`/tenders/${tenderId}/objections`, owner.token)).body;
    expect(objections).toEqual([expect.objectContaining({ stage: 'documents', handle: '异议人 1', reply: null })]);
    await bothWidths(page, 'bidder-tender-bid');
    await page.context().close();
    clean();
  }, 90000);

  it('the owner answers the objection to the documents in the browser', async () => {
    const page = await open(owner, 'owner');
    await page.goto(`${base}/workspace/owner/tenders/${tenderId}`);
    const card = page.getByTestId('document-objections');
    await card.getByText('异议人 1').waitFor();
    await card.getByTestId('objection-reply').fill('业绩要求调整为近三年一项同类工程业绩,详见修改文件。');
    await card.getByTestId('objection-reply-send').click();
    await confirmBinding(page, { text: ['异议人 1'] });
    await card.getByText('答复:业绩要求调整为近三年一项同类工程业绩').waitFor();
    const [o] = (await t.http.get(`/tenders/${tenderId}/objections`, bidders[2].token)).body;
    expect(o).toMatchObject({ mine: true, reply: '业绩要求调整为近三年一项同类工程业绩,详见修改文件。' });
    await bothWidths(page, 'owner-tender-bidding');
    await page.context().close();
    clean();
  }, 60000);

  it('after the opening six drawn experts answer in the browser: one declines with a reason and is replaced, five accept', async () => {
    await waitFor(async () => (await t.http.get(`/tenders/${tenderId}`, centre.token)).body.status === 'opened', Math.max(10000, bidDeadline - Date.now() + 30000), 'the opening');
    const record = (await t.http.get(`/public/tenders/${tenderId}/opening`)).body;
    expect(record.sections[0].bids.map((x: { price: string }) => x.price).sort()).toEqual(['85000000.00', '86500000.00', '87200000.00']);

    const draw = await t.http.post(
      '/expert-draws',
      { projectId: tenderId, sessionStart: inSeconds(75), sessionEnd: inSeconds(7200), ownerRepresentatives: 0, requirements: [{ specialty: 'T01.01', count: 5, reserves: 0 }] },
      centre.token,
    );
    expect(draw.status).toBe(202);
    drawId = draw.body.id;
    await waitFor(async () => (await t.http.get(`/expert-draws/${drawId}`, centre.token)).body.status === 'inviting', 20000, 'the draw');
    const invited = async () => {
      const out: TestAccount[] = [];
      for (const e of experts) if ((await t.http.get('/experts/me/invitations', e.token)).body.some((i: { status: string }) => i.status === 'invited')) out.push(e);
      return out;
    };
    const first = await invited();
    expect(first).toHaveLength(5);

    // The first invited expert declines with a reason; a replacement is drawn from the rest of the pool.
    const decliner = first[0];
    const page = await open(decliner, `expert ${decliner.username}`);
    expect(new URL(page.url()).pathname).toBe('/workspace/expert');
    await page.getByText('市第一人民医院新院区门诊医技楼工程').waitFor();
    await bothWidths(page, 'expert-invitations');
    await page.getByTestId('invitation-decline').click();
    await page.getByTestId('decline-reason').fill('评标当日在外地参加另一项目评审,时间冲突。');
    await page.locator('.ant-modal:visible').getByRole('button', { name: /确认拒绝/ }).click();
    await page.getByTestId('invitations').getByText('已拒绝').waitFor();
    await page.context().close();
    const seated = await waitFor(async () => {
      const now = await invited();
      return now.length === 5 && !now.includes(decliner) ? now : undefined;
    }, 20000, 'the replacement invitation');

    // Each invited expert accepts behind a confirmation of the project and the session.
    for (const [i, e] of seated.entries()) {
      const p = await open(e, `expert ${i}`);
      await p.getByTestId('invitation-accept').click();
      await confirmBinding(p, { text: ['确认参加评标', '市第一人民医院新院区门诊医技楼工程'] });
      await p.getByTestId('invitations').getByText('已接受').waitFor();
      if (i === 0) await bothWidths(p, 'expert-invitation-accepted');
      expertPages.set(e.id, p);
    }
    const [declined] = (await t.http.get('/experts/me/invitations', decliner.token)).body;
    expect(declined.status).toBe('declined');
    await waitFor(async () => (await t.http.get(`/expert-draws/${drawId}`, centre.token)).body.status === 'opened', 120000, 'the session to start');
    // The centre seats the committee (its own desk is another page's work).
    expect((await t.http.post(`${section()}/evaluation`, { drawId }, centre.token)).status).toBe(200);
    clean();
  }, 240000);

  it('the committee scores every bid per criterion, one member proposes 否决 with a reason, one makes the report and all sign', async () => {
    const members = [...expertPages.entries()];
    expect(members).toHaveLength(5);
    const sheet = (await t.http.get(`${section()}/evaluation/bids`, experts.find((e) => e.id === members[0][0])!.token)).body;
    const byName = (n: string) => sheet.bids.find((b: { bidderName: string }) => b.bidderName === n);
    const quality: Record<string, number> = { 福州城建工程有限公司: 0.95, 福建建工集团有限公司: 0.8, 中建海峡建设发展有限公司: 0.7 };
    const rejected = byName('中建海峡建设发展有限公司');
    for (const [m, [, page]] of members.entries()) {
      await page.goto(`${base}/workspace/expert/evaluations`);
      await page.getByText('市第一人民医院新院区门诊医技楼工程').waitFor();
      if (m === 0) await bothWidths(page, 'expert-evaluations');
      await page.getByTestId('open-evaluation').click();
      const form = page.getByTestId('score-form');
      for (let n = 0; n < sheet.bids.length; n++) {
        // the form moves to the next bid not scored yet; wait until it shows an empty sheet for it
        const title = (await form.locator('.ant-card-head-title').textContent()) ?? '';
        const bid = sheet.bids.find((b: { bidderName: string }) => title.includes(b.bidderName));
        expect(bid).toBeTruthy();
        await waitFor(async () => (await numberInput(page, 'score-technical-0').inputValue()) === '', 5000, 'an empty score sheet');
        const q = quality[bid.bidderName] - m * 0.01;
        for (const [i, c] of sheet.criteria.technical.entries()) await numberInput(page, `score-technical-${i}`).fill(((c.max * q) / 100).toFixed(2));
        for (const [i, c] of sheet.criteria.business.entries()) await numberInput(page, `score-business-${i}`).fill(((c.max * 0.8) / 100).toFixed(2));
        if (m === 0 && bid.bidId === rejected.bidId) {
          await page.getByTestId('score-reject').click();
          // a proposal without its reason is refused by the form, nothing sent
          await page.getByTestId('score-save').click();
          await page.getByText('否决须写明理由').waitFor();
          await page.getByTestId('score-reject-reason').fill('投标文件中项目经理的注册建造师证书已过有效期。');
          if (m === 0) await bothWidths(page, 'expert-score-sheet');
        }
        await page.getByTestId('score-save').click();
        await page.getByText(`已保存对 ${bid.bidderName} 的评分`).last().waitFor();
        if (n < sheet.bids.length - 1) await waitFor(async () => !((await form.locator('.ant-card-head-title').textContent()) ?? '').includes(bid.bidderName), 5000, 'the next bid');
      }
      await page.getByTestId('evaluation-bids').locator('.anticon-check-circle').nth(sheet.bids.length - 1).waitFor();
    }
    const stored = await t.ds.query(`SELECT count(*)::int AS n, count(disqualify_reason)::int AS rejecting FROM tender_score WHERE bid_id = ANY($1)`, [sheet.bids.map((b: { bidId: string }) => b.bidId)]);
    expect(stored).toEqual([{ n: 15, rejecting: 1 }]);
    const firstScore = (await t.http.get(`${section()}/evaluation/bids`, experts.find((e) => e.id === members[0][0])!.token)).body.bids.find((b: { bidId: string }) => b.bidId === rejected.bidId).myScore;
    expect(firstScore).toMatchObject({ technical: sheet.criteria.technical.map((c: { max: number }) => Math.round(c.max * 0.7)), disqualifyReason: '投标文件中项目经理的注册建造师证书已过有效期。' });

    // The last member makes the report; every member reads it and signs, one with a written dissent.
    const [, maker] = members[members.length - 1];
    await maker.getByTestId('make-report').click();
    await maker.getByTestId('evaluation-report').waitFor({ timeout: 15000 });
    const api = (await t.http.get(`${section()}/evaluation/report`, owner.token)).body;
    expect(api.candidates[0]).toMatchObject({ rank: 1, bidderName: '福州城建工程有限公司', price: '85000000.00' });
    expect(api.disqualified).toEqual([]);
    for (const [m, [, page]] of members.entries()) {
      if (m !== members.length - 1) await page.reload();
      const report = page.getByTestId('evaluation-report');
      await report.waitFor({ timeout: 15000 });
      await report.getByTestId('report-candidates').getByText('福州城建工程有限公司').waitFor();
      await report.getByText('1 名专家提出否决').waitFor();
      if (m === 1) {
        await page.getByTestId('sign-dissent').click();
        await page.getByTestId('sign-dissent-text').fill('对第二名的技术评分偏高持保留意见。');
      }
      await page.getByTestId('sign-submit').click();
      await confirmBinding(page, { figures: '¥85,000,000.00', words: '捌仟伍佰万元整', text: [m === 1 ? '不同意:对第二名的技术评分偏高持保留意见。' : '同意评标结果'] });
      await page.getByTestId('signed-by-me').waitFor();
      await page.getByTestId('report-signed').getByText(`已签字 ${m + 1}/5`).waitFor();
      if (m === 1) await bothWidths(page, 'expert-report-signed');
    }
    const signed = (await t.http.get(`${section()}/evaluation/report`, owner.token)).body.signatures;
    expect(signed).toHaveLength(5);
    expect(signed.filter((s: { dissent: string | null }) => s.dissent)).toEqual([expect.objectContaining({ dissent: '对第二名的技术评分偏高持保留意见。' })]);
    for (const [, page] of members) await page.context().close();
    clean();
  }, 240000);

  it('the owner publicises the candidates, answers a bidder’s objection, awards with the amount in 大写 and records the contract typed with separators', async () => {
    const page = await open(owner, 'owner');
    await page.goto(`${base}/workspace/owner/tenders/${tenderId}`);
    const card = page.getByTestId('section-1');
    await card.getByTestId('evaluation-report').getByText('已签字 5/5').waitFor();
    await card.getByText('对第二名的技术评分偏高持保留意见。').waitFor();
    await bothWidths(page, 'owner-tender-report');
    await card.getByTestId('publicise').click();
    await confirmBinding(page, { figures: '¥85,000,000.00', words: '捌仟伍佰万元整', text: ['福州城建工程有限公司 · ¥85,000,000.00', '福建建工集团有限公司 · ¥86,500,000.00'] });
    await card.getByText('公示中').first().waitFor();
    expect((await t.http.get(`/public/tenders/${tenderId}/results`)).body.sections[0].candidates.map((c: { bidderName: string }) => c.bidderName)).toEqual(['福州城建工程有限公司', '福建建工集团有限公司', '中建海峡建设发展有限公司']);
    // The award waits for the publicity: the button says why.
    await card.getByTestId('award-blocked').getByText(/公示期未满/).waitFor();
    expect(await card.getByTestId('award').isDisabled()).toBe(true);

    // A losing bidder objects during the publicity, in its own browser.
    const loser = await open(bidders[1], 'loser');
    await loser.goto(`${base}/workspace/bidder/tenders/${tenderId}`);
    const publicity = loser.getByTestId('publicity-1');
    await publicity.getByText('福州城建工程有限公司').waitFor();
    await publicity.getByTestId('publicity-objection-text').fill('第一中标候选人项目经理同时担任另一在建项目的项目经理。');
    await publicity.getByTestId('publicity-objection-send').click();
    await confirmBinding(loser, { text: ['确认对评标结果提出异议'] });
    await publicity.getByText('待答复').waitFor();
    await bothWidths(loser, 'bidder-publicity-objection');
    await loser.context().close();

    // The owner answers it; the award becomes possible once the publicity is over.
    await page.reload();
    await card.getByText('第一中标候选人项目经理同时担任另一在建项目的项目经理。').waitFor();
    await card.getByTestId('award-blocked').waitFor();
    await card.getByTestId('objection-reply').fill('经核查,该项目经理原任项目已竣工验收,异议不成立。');
    await card.getByTestId('objection-reply-send').click();
    await confirmBinding(page, { text: ['中建海峡建设发展有限公司'] });
    await card.getByText('答复:经核查,该项目经理原任项目已竣工验收,异议不成立。').waitFor();
    await bothWidths(page, 'owner-tender-publicity');
    const until = new Date((await t.http.get(`/public/tenders/${tenderId}/results`)).body.sections[0].publicityUntil).getTime();
    await waitFor(async () => Date.now() > until + 1500, 90000, 'the publicity to end');
    await card.getByTestId('award').waitFor();
    await waitFor(async () => !(await card.getByTestId('award').isDisabled()), 5000, 'the award button');
    expect(await card.getByTestId('awardee').textContent()).toBe('福州城建工程有限公司 · ¥85,000,000.00');
    await card.getByTestId('award').click();
    await confirmBinding(page, { figures: '¥85,000,000.00', words: '捌仟伍佰万元整', text: ['福州城建工程有限公司(第 1 名中标候选人)'] });
    await card.getByTestId('award-record').waitFor({ timeout: 15000 });
    const award = (await t.http.get(`${section()}/award`, owner.token)).body;
    expect(award).toMatchObject({ winner: '福州城建工程有限公司', price: '85000000.00', contractSignedAt: null });

    // The contract, typed with separators; a malformed amount is refused by the form before anything is sent.
    await card.getByTestId('contract-amount-input').fill('84,9,00');
    await card.getByTestId('contract-submit').click();
    await card.getByText('可用千位分隔符').waitFor();
    await card.getByTestId('contract-amount-input').fill('84,990,000.50');
    await card.getByTestId('contract-submit').click();
    await confirmBinding(page, { figures: '¥84,990,000.50', words: '捌仟肆佰玖拾玖万元伍角整', text: ['合同金额与中标价不一致,将记录备查。'] });
    await card.getByTestId('contract-amount').getByText('¥84,990,000.50').waitFor({ timeout: 15000 });
    expect((await t.http.get(`${section()}/award`, owner.token)).body).toMatchObject({ contractAmount: '84990000.50', contractSignedAt: expect.any(String) });
    expect((await t.http.get(`/tenders/${tenderId}`, owner.token)).body.status).toBe('awarded');
    await bothWidths(page, 'owner-tender-contract');
    expect((await t.http.get('/audit/verify', (await t.account([Role.Office])).token)).body.ok).toBe(true);
    await page.context().close();
    clean();
    expect(tenderCode).toMatch(/^GC-/);
  }, 240000);
});
