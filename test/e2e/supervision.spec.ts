import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Browser } from 'playwright-core';
import { Role, TradingDomain } from '@app/platform/auth/roles';
import { browserPeople, launchChromium, newContext, shoot } from '../support/browser';
import { snapshotOf, StepFixtures } from '../support/step-fixtures';
import { startTestApp, TestAccount, TestApp } from '../support/test-app';
import { startWorker, waitFor, WorkerProcess } from '../support/worker-process';

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** "131400000.00" → "¥131,400,000.00", written independently of the web's formatter. */
function grouped(yuan: string): string {
  const [i, f] = yuan.split('.');
  return `¥${Number(i).toLocaleString('en-US')}.${f}`;
}

// The statistics, public information and supervision pages in headless Chromium against the real api, PostgreSQL,
// Redis and a worker that issues red/yellow cards.
describe('the supervision and statistics pages in a real browser', () => {
  let t: TestApp;
  let worker: WorkerProcess;
  let browser: Browser;
  let base: string;
  let office: TestAccount;
  let landRegulator: TestAccount;
  let owner: TestAccount;
  let seedOwner: TestAccount;
  let bidder: TestAccount;
  let projectId: string;
  let projectCode: string;
  let signalId: string;
  const evidence = { name: '答复函及评标报告摘录.pdf', buffer: Buffer.from('%PDF-1.7 答复函 第一中标候选人业绩证明与合同不符') };

  const { person, login } = browserPeople(() => t, () => browser);
  const anonymous = async () => (await newContext(browser)).newPage();

  // 交易统计 needs deals concluded in past months: only SQL can date them (the domains stamp now()), as in statistics.spec.ts.
  async function seedProject(domain: string, region: string, name: string): Promise<string> {
    const [rs] = await t.ds.query(`SELECT id FROM rule_set WHERE domain = $1 AND NOT is_sandbox ORDER BY version DESC LIMIT 1`, [domain]);
    const [p] = await t.ds.query(
      `INSERT INTO trading_project (code, domain, name, region, owner_organisation_id, created_by, status, rule_set_id, rule_snapshot, published_at)
       VALUES ($1, $2, $3, $4, $5, $6, 'published', $7, '{"seeded": true}', '2025-10-01T00:00:00+08:00') RETURNING id`,
      [`${domain.slice(0, 2).toUpperCase()}-${randomBytes(4).toString('hex')}`, domain, name, region, seedOwner.organisationId, seedOwner.id, rs.id],
    );
    return p.id;
  }
  async function tenderSection(name: string, region: string, at: string, estimateFen: bigint, awardFen: bigint | null): Promise<void> {
    const id = await seedProject('tendering', region, name);
    await t.ds.query(
      `INSERT INTO tender (project_id, kind, estimate_fen, evaluation_method, qualification, status, documents_available_at, bid_deadline, opened_at, data_key_wrapped)
       VALUES ($1, 'construction', $2, 'lowest_price', '市政公用工程施工总承包三级', $3, '2025-10-01T00:00:00+08:00', $4, $4, '\\x00')`,
      [id, estimateFen.toString(), awardFen === null ? 'failed' : 'awarded', at],
    );
    const [s] = await t.ds.query(`INSERT INTO tender_section (project_id, no, name, estimate_fen, deposit_fen, status) VALUES ($1, 1, '一标段', $2, 0, $3) RETURNING id`, [
      id,
      estimateFen.toString(),
      awardFen === null ? 'failed' : 'awarded',
    ]);
    if (awardFen === null) return;
    const [b] = await t.ds.query(
      `INSERT INTO tender_bid (section_id, organisation_id, submitted_by, price_sealed, documents_sealed, file_name_sealed, documents_size, documents_sha256, bid_digest, price_fen, opened_at)
       VALUES ($1, $2, $3, '\\x00', '\\x00', '\\x00', 1, repeat('a', 64), repeat('b', 64), $4, $5) RETURNING id`,
      [s.id, bidder.organisationId, bidder.id, awardFen.toString(), at],
    );
    await t.ds.query(`INSERT INTO tender_award (section_id, bid_id, organisation_id, price_fen, awarded_at, contract_due) VALUES ($1, $2, $3, $4, $5, $5::timestamptz + interval '30 days')`, [
      s.id,
      b.id,
      bidder.organisationId,
      awardFen.toString(),
      at,
    ]);
  }
  async function landParcel(name: string, at: string, startFen: bigint, priceFen: bigint): Promise<void> {
    const id = await seedProject('land', '350102', name);
    const [lot] = await t.ds.query(
      `INSERT INTO lot (project_id, domain, title, start_price_fen, increment, phase, countdown_seconds, outcome, current_price_fen, ended_at)
       VALUES ($1, 'land', $2, $3, '{"fixedFen": "10000000"}', 'ended', 300, 'sold', $4, $5) RETURNING id`,
      [id, name, startFen.toString(), priceFen.toString(), at],
    );
    await t.ds.query(
      `INSERT INTO land_parcel (project_id, location, area_m2, land_use, term_years, plot_ratio, mode, start_price_fen, increment, deposit_fen, has_reserve, status, lot_id,
                                announced_at, listing_starts_at, listing_ends_at, outcome, winner_organisation_id, price_fen, ended_at)
       VALUES ($1, '东街以南', 35000.50, 'residential', 70, 2.50, 'listing', $2, '{"fixedFen": "10000000"}', 100000000, false, 'ended', $3,
               '2025-10-01T00:00:00+08:00', '2025-10-21T00:00:00+08:00', $4, 'sold', $5, $6, $4)`,
      [id, startFen.toString(), lot.id, at, bidder.organisationId, priceFen.toString()],
    );
  }

  beforeAll(async () => {
    t = await startTestApp('web-supervision-e2e');
    base = t.http.baseUrl;
    browser = await launchChromium();
    office = await person([Role.Office], '市公共资源交易管理办公室', '管理办公室 李强');
    landRegulator = await person([{ role: Role.Regulator, domain: TradingDomain.Land }], '市自然资源和规划局', '自然资源局 周平');
    owner = await person([Role.Owner], '市城南中学', '城南中学 基建办');
    bidder = await person([Role.Bidder], '福建建工集团有限公司', '福建建工 投标专员');
    seedOwner = await t.account([Role.Owner], { organisationId: await t.organisation('市市政工程管理处') });

    await tenderSection('城北污水管网改造工程', '350102', '2025-11-10T10:00:00+08:00', 1_000_000_000n, 950_000_000n);
    await tenderSection('城西小学教学楼建设工程', '350121', '2025-12-05T10:00:00+08:00', 500_000_000n, null);
    await landParcel('城东片区 2025-12 号地块', '2025-12-12T15:00:00+08:00', 10_000_000_000n, 12_000_000_000n);
    await tenderSection('滨江大道景观提升工程', '350102', '2026-01-20T10:00:00+08:00', 200_000_000n, 190_000_000n);

    // A tender in evaluation whose publicity objection (the bidder's) was answered late: the owner gets a yellow and a
    // red card from the worker, and the bidder may complain naming it.
    const snapshot = await snapshotOf(t, 'tendering', { candidatesPublishedWithin: 10, complaintWindow: 3600, complaintAcceptance: 3600, complaintDecision: 3600 }, { warningPercent: 50 });
    const objectionId = await new StepFixtures(t, { tendering: snapshot }).objection(owner, bidder, { start: -20, due: -10, done: -5 });
    [{ project_id: projectId }] = await t.ds.query(`SELECT project_id FROM tender_objection WHERE id = $1`, [objectionId]);
    await t.ds.query(`UPDATE trading_project SET name = '城南中学风雨操场建设工程' WHERE id = $1`, [projectId]);
    [{ code: projectCode }] = await t.ds.query(`SELECT code FROM trading_project WHERE id = $1`, [projectId]);

    // A collusion signal on that tender's section, as the scanner stores it (same IP from two organisations).
    const other = await t.organisation('榕城建设有限公司');
    const [section] = await t.ds.query(`SELECT s.id, b.id AS bid_id FROM tender_section s JOIN tender_bid b ON b.section_id = s.id WHERE s.project_id = $1`, [projectId]);
    const evidenceJson = { clientIp: '10.8.0.23', bids: [{ bidId: section.bid_id, organisationId: bidder.organisationId }, { bidId: '00000000-0000-4000-8000-0000000000b2', organisationId: other }] };
    [{ id: signalId }] = await t.ds.query(`INSERT INTO collusion_signal (project_id, section_id, kind, evidence, evidence_digest) VALUES ($1, $2, 'same_ip', $3, repeat('d', 64)) RETURNING id`, [
      projectId,
      section.id,
      JSON.stringify(evidenceJson),
    ]);

    worker = await startWorker({ DATABASE_URL: t.databaseUrl, REDIS_PREFIX: t.redisPrefix, CARD_SCAN_MS: '300' });
  }, 90000);

  afterAll(async () => {
    await browser?.close();
    await worker?.stop();
    await t?.close();
  });

  it('the public statistics dashboard draws its charts from /public/statistics and shows the same figures', async () => {
    const api = (await t.http.get('/public/statistics')).body;
    expect(api.totals.all).toMatchObject({ sessions: 4, succeeded: 3, amount: '131400000.00' });
    const page = await anonymous();
    await page.goto(`${base}/portal/stats`);
    await page.getByTestId('stats-dashboard').waitFor();
    expect(await page.getByTestId('kpi-amount').textContent()).toBe(grouped(api.totals.all.amount));
    expect(await page.getByTestId('kpi-cumulative').textContent()).toContain(`累计 ${api.cumulative.at(-1).succeeded} 宗成交 / ${api.cumulative.at(-1).sessions} 场`);
    for (const chart of ['chart-amounts', 'chart-cumulative', 'chart-sessions', 'chart-rates']) await page.getByTestId(chart).locator('canvas').first().waitFor();
    const tendering = api.totals.byDomain.find((d: { domain: string }) => d.domain === 'tendering');
    await page.getByTestId('domain-totals').getByText(grouped(tendering.amount)).waitFor();
    await page.getByTestId('domain-totals').getByText('节约率').first().waitFor();
    await shoot(page, 'stats-dashboard');

    // A filter reaches the API (land only): the figures follow; the download link carries it too.
    await page.getByTestId('stats-domain').click();
    await page.getByTitle('土地使用权').click();
    await page.getByTestId('stats-apply').click();
    const land = (await t.http.get('/public/statistics?domain=land')).body;
    await waitFor(async () => (await page.getByTestId('kpi-amount').textContent()) === grouped(land.totals.all.amount), 10000, 'the land figures');
    expect(await page.getByTestId('stats-xlsx').getAttribute('href')).toBe('/public/statistics.xlsx?domain=land');
    const xlsx = await fetch(`${base}/public/statistics.xlsx?domain=land`);
    expect([xlsx.status, xlsx.headers.get('content-type')]).toEqual([200, expect.stringContaining('spreadsheetml')]);
    await page.context().close();
  }, 60000);

  it('the public notice feed and project page (with its OCDS link) need no login', async () => {
    const page = await anonymous();
    await page.goto(`${base}/portal/info`);
    await page.getByText('城北污水管网改造工程').first().waitFor();
    await page.getByTestId('notice-keyword').fill('滨江大道');
    await page.getByTestId('notice-search').click();
    await waitFor(async () => (await page.getByText('城北污水管网改造工程').count()) === 0, 10000, 'the keyword filter');
    await page.getByText('滨江大道景观提升工程').first().waitFor();
    await page.getByTestId('notice-keyword').fill('');
    await page.getByTestId('notice-search').click();
    await page.getByText('城北污水管网改造工程').first().waitFor();
    await shoot(page, 'portal-notices');

    await page.getByRole('link', { name: /城东片区 2025-12 号地块/ }).first().click();
    await page.getByRole('heading', { name: '城东片区 2025-12 号地块' }).waitFor();
    await page.getByText('¥120,000,000.00').first().waitFor();
    const ocds = await page.getByTestId('ocds-link').getAttribute('href');
    expect(ocds).toMatch(/^\/public\/ocds\/projects\/[0-9a-f-]{36}$/);
    const pkg = (await (await fetch(`${base}${ocds}`)).json()) as { releases: unknown[] };
    expect(pkg.releases.length).toBeGreaterThan(0);
    await shoot(page, 'portal-project');
    await page.context().close();
  }, 60000);

  it('a bidder files a complaint naming its answered objection, with evidence', async () => {
    const page = await login(bidder);
    await page.goto(`${base}/workspace/bidder/complaints`);
    await page.getByText('本单位尚未提出投诉').waitFor();
    await page.getByTestId('complaint-new').click();
    await page.getByTestId('complaint-project').click();
    await page.keyboard.type(projectCode);
    await page.getByTitle(new RegExp(projectCode)).first().click();
    await page.getByTestId('complaint-objections').getByText('第一中标候选人业绩造假').waitFor();
    await page.getByTestId('complaint-objections').getByText('第一中标候选人业绩造假').click();
    await page.getByTestId('complaint-grounds').fill('第一中标候选人提供的业绩合同与实际不符,异议答复未予核实,请求依法处理。');
    await page.locator('input[type=file]').setInputFiles({ name: evidence.name, mimeType: 'application/pdf', buffer: evidence.buffer });
    await shoot(page, 'bidder-file-complaint');
    await page.getByTestId('complaint-submit').click();
    await page.waitForURL((u) => u.pathname === '/workspace/bidder/complaints');
    await page.getByTestId('my-complaints').getByText('待受理').waitFor();
    const mine = (await t.http.get('/complaints/mine', bidder.token)).body.items;
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ status: 'filed', project: { id: projectId }, evidence: [{ fileName: evidence.name, sha256: sha(evidence.buffer) }] });
    await shoot(page, 'bidder-complaints');
    await page.context().close();
  }, 60000);

  it('the office accepts, suspends, resumes and decides it in the browser; the public decisions page shows the decision', async () => {
    const project = async () => (await t.http.get(`/public/portal/projects/${projectId}`)).body.project.status;
    const page = await login(office);
    await page.goto(`${base}/workspace/oversight`);
    await page.getByText('城南中学风雨操场建设工程').first().waitFor();
    await shoot(page, 'office-complaints-desk');
    await page.getByTestId('complaint-open').first().click();

    // The evidence downloads with the bidder's bytes.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('evidence-download').click()]);
    expect(sha(readFileSync((await download.path())!))).toBe(sha(evidence.buffer));

    const step = async (name: string, fill?: Record<string, string>) => {
      await page.getByTestId(`step-${name}`).click();
      for (const [field, value] of Object.entries(fill ?? {})) await page.locator('.ant-modal').getByTestId(`step-${field}`).fill(value);
      await page.getByTestId('step-confirm').click();
      await page.locator('.ant-modal').waitFor({ state: 'detached' });
    };
    await step('accept', { note: '投诉材料齐全,予以受理。' });
    await page.getByTestId('complaint-status').getByText('已受理').waitFor();
    await step('suspend', { reason: '投诉事项可能影响中标结果,调查期间暂停。' });
    await page.getByText('项目暂停中').first().waitFor();
    expect(await project()).toBe('suspended');
    await shoot(page, 'office-complaint-suspended');
    await step('resume', { note: '调查取证完毕,恢复项目。' });
    await waitFor(async () => (await page.getByText('项目暂停中').count()) === 0, 10000, 'the resumption on the page');
    expect(await project()).toBe('published');
    const decision = '经查,第一中标候选人提供的业绩合同与实际不符,投诉成立。责令招标人重新评标。';
    await step('decide', { decision });
    await page.getByTestId('complaint-status').getByText('已决定').waitFor();
    const [c] = (await t.http.get('/supervision/complaints?status=decided', office.token)).body.items;
    expect(c).toMatchObject({ status: 'decided', decision: { outcome: 'upheld', text: decision }, suspending: false, handling: { result: 'accepted', note: '投诉材料齐全,予以受理。' } });
    expect(c.suspensions).toHaveLength(1);
    await page.context().close();

    const pub = await anonymous();
    await pub.goto(`${base}/portal/info/complaints`);
    const card = pub.getByTestId('decision').filter({ hasText: '城南中学风雨操场建设工程' });
    await card.getByText(decision).waitFor();
    await card.getByText('投诉成立', { exact: true }).waitFor();
    expect(await card.textContent()).toContain('福建建工集团有限公司');
    await shoot(pub, 'complaint-decisions');
    await pub.context().close();
  }, 90000);

  it('the office sees the card board, reviews a collusion signal and reads the owner’s credit record', async () => {
    await waitFor(async () => (await t.http.get('/supervision/cards', office.token)).body.total >= 2, 30000, 'the worker’s cards');
    const page = await login(office);
    await page.goto(`${base}/workspace/oversight/cards`);
    const counts = page.getByTestId('card-counts');
    const row = counts.locator('tr').filter({ hasText: '市城南中学' });
    await row.first().waitFor();
    expect(await row.first().getByTestId('chip-yellow').textContent()).toBe('1');
    expect(await row.first().getByTestId('chip-red').textContent()).toBe('1');
    await page.getByTestId('card-list').getByText('答复异议').first().waitFor();
    await shoot(page, 'office-cards');

    await page.goto(`${base}/workspace/oversight/collusion`);
    await page.getByText('同一 IP 地址投标').waitFor();
    await page.getByTestId('signal-review').click();
    await page.locator('.ant-modal').getByText('确认(移交调查)').click();
    await page.locator('.ant-modal textarea').fill('两家单位同一 IP 投标,移交调查。');
    await page.locator('.ant-modal').getByRole('button', { name: '提交复核' }).click();
    await page.getByText('没有待复核的预警').waitFor();
    const [signal] = (await t.http.get('/supervision/collusion/signals?status=confirmed', office.token)).body;
    expect(signal).toMatchObject({ id: signalId, status: 'confirmed', reviewNote: '两家单位同一 IP 投标,移交调查。' });
    await page.locator('.ant-segmented').getByText('全部').click();
    await page.getByText('已确认').first().waitFor();
    await shoot(page, 'office-collusion');

    await page.goto(`${base}/workspace/oversight/credit?organisationId=${owner.organisationId}`);
    const record = (await t.http.get(`/supervision/credit/organisations/${owner.organisationId}`, office.token)).body;
    await page.getByTestId('credit-score').getByText(String(record.score)).waitFor();
    await page.getByText('投诉成立').first().waitFor();
    await shoot(page, 'office-credit');
    await page.context().close();
  }, 90000);

  it('a land regulator sees only its domain and is not offered collusion review; a bidder has no access to the desk', async () => {
    const page = await login(landRegulator);
    await page.goto(`${base}/workspace/oversight`);
    await page.getByText('行业监管:土地使用权领域的投诉').waitFor();
    await page.getByText('没有符合条件的投诉').waitFor();
    expect(await page.getByText('城南中学风雨操场建设工程').count()).toBe(0);
    await page.goto(`${base}/workspace/oversight/collusion`);
    await page.getByText('本领域无围标串标预警').waitFor();
    expect(await page.getByTestId('signal-review').count()).toBe(0);
    await page.context().close();

    const b = await login(bidder);
    await b.goto(`${base}/workspace/oversight`);
    await b.getByText('无权访问此工作台').waitFor();
    await b.context().close();
  }, 60000);
});
