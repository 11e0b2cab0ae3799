import { randomBytes, randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { Role } from '@app/platform/auth/roles';
import { startTestApp, TestAccount, TestApp } from '../../support/test-app';

// 交易统计 over a known set of concluded sessions in four domains, two regions and three months.
//
// Why the sessions are inserted with SQL (shaped exactly as the domain migrations shape them) rather than through the API:
// a statistic is about *when* deals concluded, and every domain stamps that moment with the database's now() — through
// the API every seeded deal would fall in the current month, and no test could show months, a month boundary in
// Asia/Shanghai or running totals. The portal test (portal.spec.ts) builds its deals through the API and checks that
// they show up in the statistics too.
describe('public trading statistics', () => {
  let t: TestApp;
  let owner: TestAccount;
  let supplier: TestAccount;
  let committee: TestAccount;
  const ruleSet: Record<string, { id: string; version: number }> = {};

  const code = (prefix: string) => `${prefix}-${randomBytes(4).toString('hex')}`;

  async function project(domain: string, region: string, name: string): Promise<string> {
    const [p] = await t.ds.query(
      `INSERT INTO trading_project (code, domain, name, region, owner_organisation_id, created_by, status, rule_set_id, rule_snapshot, published_at)
       VALUES ($1, $2, $3, $4, $5, $6, 'published', $7, '{"seeded": true}', '2024-11-01T00:00:00+08:00') RETURNING id`,
      [code(domain.slice(0, 2).toUpperCase()), domain, name, region, owner.organisationId, owner.id, ruleSet[domain].id],
    );
    return p.id;
  }

  /** A tender section: awarded at `at` for `awardFen`, or failed at its opening (`awardFen` null), or still open (`at` null). */
  async function tenderSection(region: string, at: string | null, estimateFen: bigint, awardFen: bigint | null): Promise<void> {
    const id = await project('tendering', region, '市政道路改造工程');
    const status = at === null ? 'bidding' : awardFen === null ? 'failed' : 'awarded';
    await t.ds.query(
      `INSERT INTO tender (project_id, kind, estimate_fen, evaluation_method, qualification, status, documents_available_at, bid_deadline, opened_at, data_key_wrapped)
       VALUES ($1, 'construction', $2, 'lowest_price', '市政公用工程施工总承包三级', $3, '2024-11-01T00:00:00+08:00', coalesce($4::timestamptz, now() + interval '10 days'), $4, '\\x00')`,
      [id, estimateFen.toString(), status, at],
    );
    const sectionStatus = at === null ? 'open' : awardFen === null ? 'failed' : 'awarded';
    const [s] = await t.ds.query(`INSERT INTO tender_section (project_id, no, name, estimate_fen, deposit_fen, status) VALUES ($1, 1, '一标段', $2, 0, $3) RETURNING id`, [
      id,
      estimateFen.toString(),
      sectionStatus,
    ]);
    if (awardFen !== null && at !== null) {
      const [b] = await t.ds.query(
        `INSERT INTO tender_bid (section_id, organisation_id, submitted_by, price_sealed, documents_sealed, file_name_sealed, documents_size, documents_sha256, bid_digest, price_fen, opened_at)
         VALUES ($1, $2, $3, '\\x00', '\\x00', '\\x00', 1, repeat('a', 64), repeat('b', 64), $4, $5) RETURNING id`,
        [s.id, supplier.organisationId, supplier.id, awardFen.toString(), at],
      );
      await t.ds.query(`INSERT INTO tender_award (section_id, bid_id, organisation_id, price_fen, awarded_at, contract_due) VALUES ($1, $2, $3, $4, $5, $5::timestamptz + interval '30 days')`, [
        s.id,
        b.id,
        supplier.organisationId,
        awardFen.toString(),
        at,
      ]);
    }
  }

  async function landParcel(region: string, at: string, startFen: bigint, priceFen: bigint | null): Promise<void> {
    const id = await project('land', region, '城东片区地块');
    const outcome = priceFen === null ? 'unsold' : 'sold';
    const [lot] = await t.ds.query(
      `INSERT INTO lot (project_id, domain, title, start_price_fen, increment, phase, countdown_seconds, outcome, current_price_fen, ended_at)
       VALUES ($1, 'land', '城东片区地块', $2, '{"fixedFen": "10000000"}', 'ended', 300, $3, $4, $5) RETURNING id`,
      [id, startFen.toString(), outcome, priceFen?.toString() ?? null, at],
    );
    await t.ds.query(
      `INSERT INTO land_parcel (project_id, location, area_m2, land_use, term_years, plot_ratio, mode, start_price_fen, increment, deposit_fen, has_reserve, status, lot_id,
                                announced_at, listing_starts_at, listing_ends_at, outcome, winner_organisation_id, price_fen, ended_at)
       VALUES ($1, '东街以南', 35000.50, 'residential', 70, 2.50, 'listing', $2, '{"fixedFen": "10000000"}', 100000000, false, 'ended', $3,
               '2024-11-01T00:00:00+08:00', '2024-11-21T00:00:00+08:00', $4, $5, $6, $7, $4)`,
      [id, startFen.toString(), lot.id, at, outcome, priceFen === null ? null : supplier.organisationId, priceFen?.toString() ?? null],
    );
  }

  /** A rural deal whose first listing round failed at `failedAt` and whose second concluded at `concludedAt`. */
  async function ruralRelisted(region: string, failedAt: string, concludedAt: string, firstFen: bigint, secondFen: bigint, dealFen: bigint): Promise<void> {
    const id = await project('rural', region, '东山村耕地经营权流转');
    await t.ds.query(
      `INSERT INTO rural_deal (project_id, kind, description, quantity, unit, listing_price_fen, increment_fen, deposit_fen, status, round, method, buyer_organisation_id, deal_price_fen, concluded_at)
       VALUES ($1, 'land_management', '水田', 120.5, '亩', $2, 100000, 0, 'concluded', 2, 'agreement', $3, $4, $5)`,
      [id, secondFen.toString(), supplier.organisationId, dealFen.toString(), concludedAt],
    );
    await t.ds.query(`INSERT INTO rural_listing (project_id, round, price_fen, starts_at, ends_at, outcome, qualified, closed_at) VALUES ($1, 1, $2, $3::timestamptz - interval '10 days', $3, 'failed', 0, $3)`, [
      id,
      firstFen.toString(),
      failedAt,
    ]);
    await t.ds.query(`INSERT INTO rural_listing (project_id, round, price_fen, starts_at, ends_at, outcome, qualified, closed_at) VALUES ($1, 2, $2, $3::timestamptz - interval '10 days', $3, 'agreement', 1, $3)`, [
      id,
      secondFen.toString(),
      concludedAt,
    ]);
  }

  async function budgetLine(): Promise<string> {
    const [line] = await t.ds.query(`INSERT INTO budget_line (organisation_id, code, name, year, amount_fen, created_by) VALUES ($1, $2, '办公设备购置', 2025, 100000000000, $3) RETURNING id`, [
      owner.organisationId,
      code('ZB'),
      owner.id,
    ]);
    return line.id;
  }

  async function quoteAwarded(region: string, at: string, maxFen: bigint, winFen: bigint): Promise<void> {
    const rs = ruleSet.procurement;
    const [r] = await t.ds.query(
      `INSERT INTO procurement_requirement (purchaser_organisation_id, created_by, title, category_code, items, delivery_region, delivery_date, max_price_fen, budget_line_id,
                                            rule_set_id, rule_set_version, rule_sandbox, rules, status, quote_deadline, data_key_wrapped, closed_at, created_at)
       VALUES ($1, $2, '办公计算机采购', 'A02.01.02', '[]', $3, '2025-12-31', $4, $5, $6, $7, false, '{}', 'awarded', $8, '\\x00', $8, $8::timestamptz - interval '3 days') RETURNING id`,
      [owner.organisationId, owner.id, region, maxFen.toString(), await budgetLine(), rs.id, rs.version, at],
    );
    const quoteId = randomUUID();
    await t.ds.query(
      `INSERT INTO procurement_quote (id, requirement_id, round, organisation_id, submitted_by, submitted_at, sealed, quote_digest, total_fen, valid, opened_at)
       VALUES ($1, $2, 1, $3, $4, $5::timestamptz - interval '1 day', '\\x00', repeat('c', 64), $6, true, $5)`,
      [quoteId, r.id, supplier.organisationId, supplier.id, at, winFen.toString()],
    );
    await t.ds.query(`UPDATE procurement_requirement SET winner_quote_id = $2 WHERE id = $1`, [r.id, quoteId]);
  }

  async function directOrder(status: string, confirmedAt: string | null, totalFen: bigint): Promise<void> {
    const rs = ruleSet.procurement;
    await t.ds.query(
      `INSERT INTO procurement_order (no, purchaser_organisation_id, supplier_organisation_id, budget_line_id, source, total_fen, status, rule_set_id, rule_set_version, sandbox, rules,
                                      placed_at, confirm_due, confirmed_at, cancelled_at)
       VALUES ($1, $2, $3, $4, 'direct', $5, $6, $7, $8, false, '{}', coalesce($9::timestamptz, now()) - interval '1 day', coalesce($9::timestamptz, now()) + interval '1 day', $9, $10)`,
      [code('DD'), owner.organisationId, supplier.organisationId, await budgetLine(), totalFen.toString(), status, rs.id, rs.version, confirmedAt, status === 'cancelled' ? '2025-02-20T10:00:00+08:00' : null],
    );
  }

  beforeAll(async () => {
    t = await startTestApp('supervision-statistics');
    owner = await t.account([Role.Owner]);
    supplier = await t.account([Role.Bidder]);
    committee = await t.account([Role.Committee]);
    await t.ds.query(`UPDATE organisation SET region = '350102' WHERE id = $1`, [owner.organisationId]);
    for (const r of await t.ds.query(`SELECT DISTINCT ON (domain) domain, id, version FROM rule_set WHERE NOT is_sandbox ORDER BY domain, version DESC`)) ruleSet[r.domain] = { id: r.id, version: r.version };

    // December 2024 (before the range): one tender at its estimate.
    await tenderSection('350102', '2024-12-20T10:00:00+08:00', 100_000_000n, 100_000_000n);
    // January 2025
    await tenderSection('350102', '2025-01-10T10:00:00+08:00', 1_000_000_000n, 950_000_000n); // saves 5 %
    await tenderSection('350121', '2025-01-20T10:00:00+08:00', 500_000_000n, null); // 流标 at the opening
    await landParcel('350102', '2025-01-12T15:00:00+08:00', 10_000_000_000n, 12_000_000_000n); // 20 % premium
    // February 2025 (20:00 UTC on 31 January is 04:00 on 1 February in Shanghai)
    await tenderSection('350102', '2025-01-31T20:00:00Z', 200_000_000n, 190_000_000n);
    await landParcel('350102', '2025-02-05T15:00:00+08:00', 5_000_000_000n, null); // 流拍
    await ruralRelisted('350121', '2025-01-08T17:00:00+08:00', '2025-02-10T10:00:00+08:00', 35_000_000n, 30_000_000n, 33_000_000n); // round 2: 10 % premium
    await quoteAwarded('350102', '2025-02-15T10:00:00+08:00', 150_000_000n, 120_000_000n); // saves 20 %
    await directOrder('accepted', '2025-02-16T10:00:00+08:00', 5_000_000n);
    // Not sessions that concluded: an open tender, a cancelled and an unconfirmed order.
    await tenderSection('350102', null, 300_000_000n, null);
    await directOrder('cancelled', '2025-02-18T10:00:00+08:00', 7_000_000n);
    await directOrder('placed', null, 9_000_000n);
  }, 60000);

  afterAll(() => t?.close());

  const stats = (query: Record<string, string>, token?: string) => t.http.get(`/public/statistics?${new URLSearchParams(query)}`, token);
  const figures = (sessions: number, succeeded: number, amount: string, amountYi: string, referenceAmount: string, rate: { savingsRate?: number | null; premiumRate?: number | null }) => ({
    sessions,
    succeeded,
    failed: sessions - succeeded,
    successRate: sessions ? Math.round((succeeded / sessions) * 10000) / 10000 : null,
    failureRate: sessions ? Math.round(((sessions - succeeded) / sessions) * 10000) / 10000 : null,
    amount,
    amountYi,
    referenceAmount,
    savingsRate: rate.savingsRate ?? null,
    premiumRate: rate.premiumRate ?? null,
  });

  it('gives sessions, deals, amounts and rates per domain × month × region, with totals and running totals', async () => {
    const res = await stats({ from: '2025-01', to: '2025-02' });
    expect(res.status).toBe(200);
    expect(res.body.filter).toEqual({ from: '2025-01', to: '2025-02', domain: null, region: null });
    expect(res.body).toMatchObject({ timeZone: 'Asia/Shanghai', rateDecimals: 4 });
    expect(res.body.rows).toEqual([
      { domain: 'land', month: '2025-01', region: '350102', ...figures(1, 1, '120000000.00', '1.20', '100000000.00', { premiumRate: 0.2 }) },
      { domain: 'rural', month: '2025-01', region: '350121', ...figures(1, 0, '0.00', '0.00', '0.00', { premiumRate: null }) },
      { domain: 'tendering', month: '2025-01', region: '350102', ...figures(1, 1, '9500000.00', '0.095', '10000000.00', { savingsRate: 0.05 }) },
      { domain: 'tendering', month: '2025-01', region: '350121', ...figures(1, 0, '0.00', '0.00', '0.00', { savingsRate: null }) },
      { domain: 'land', month: '2025-02', region: '350102', ...figures(1, 0, '0.00', '0.00', '0.00', { premiumRate: null }) },
      { domain: 'procurement', month: '2025-02', region: '350102', ...figures(2, 2, '1250000.00', '0.0125', '1500000.00', { savingsRate: 0.2 }) },
      { domain: 'rural', month: '2025-02', region: '350121', ...figures(1, 1, '330000.00', '0.0033', '300000.00', { premiumRate: 0.1 }) },
      { domain: 'tendering', month: '2025-02', region: '350102', ...figures(1, 1, '1900000.00', '0.019', '2000000.00', { savingsRate: 0.05 }) },
    ]);
    expect(res.body.totals.byDomain).toEqual([
      { domain: 'tendering', ...figures(3, 2, '11400000.00', '0.114', '12000000.00', { savingsRate: 0.05 }) },
      { domain: 'land', ...figures(2, 1, '120000000.00', '1.20', '100000000.00', { premiumRate: 0.2 }) },
      { domain: 'procurement', ...figures(2, 2, '1250000.00', '0.0125', '1500000.00', { savingsRate: 0.2 }) },
      { domain: 'rural', ...figures(2, 1, '330000.00', '0.0033', '300000.00', { premiumRate: 0.1 }) },
    ]);
    expect(res.body.totals.all).toEqual(figures(9, 6, '132980000.00', '1.3298', '113800000.00', {}));
    expect(res.body.totals.all).toMatchObject({ successRate: 0.6667, failureRate: 0.3333 });
    // Running totals include December 2024, before the range.
    expect(res.body.cumulative).toEqual([
      { month: '2025-01', sessions: 5, succeeded: 3, amount: '130500000.00', amountYi: '1.305' },
      { month: '2025-02', sessions: 10, succeeded: 7, amount: '133980000.00', amountYi: '1.3398' },
    ]);
  });

  it('filters by domain and region, fills the months between for the running totals, and answers anyone', async () => {
    const res = await stats({ domain: 'tendering', region: '350102' }, committee.token);
    expect(res.status).toBe(200);
    expect(res.body.rows.map((r: { month: string; sessions: number; amount: string }) => [r.month, r.sessions, r.amount])).toEqual([
      ['2024-12', 1, '1000000.00'],
      ['2025-01', 1, '9500000.00'],
      ['2025-02', 1, '1900000.00'],
    ]);
    expect(res.body.totals.all).toMatchObject({ sessions: 3, succeeded: 3, amount: '12400000.00', amountYi: '0.124' });
    expect(res.body.totals.byDomain).toEqual([{ domain: 'tendering', ...figures(3, 3, '12400000.00', '0.124', '13000000.00', { savingsRate: 0.0462 }) }]);
    expect(res.body.cumulative.map((c: { month: string; sessions: number }) => [c.month, c.sessions])).toEqual([
      ['2024-12', 1],
      ['2025-01', 2],
      ['2025-02', 3],
    ]);

    const rural = await stats({ domain: 'rural' });
    expect(rural.body.cumulative).toEqual([
      { month: '2025-01', sessions: 1, succeeded: 0, amount: '0.00', amountYi: '0.00' },
      { month: '2025-02', sessions: 2, succeeded: 1, amount: '330000.00', amountYi: '0.0033' },
    ]);
    const empty = await stats({ region: '110101' });
    expect(empty.body).toMatchObject({ rows: [], cumulative: [], totals: { byDomain: [], all: { sessions: 0, successRate: null, amount: '0.00', amountYi: '0.00' } } });
    // One month, before which December's tender still counts in the running total.
    const jan = await stats({ from: '2025-01', to: '2025-01', domain: 'tendering' });
    expect(jan.body.cumulative).toEqual([{ month: '2025-01', sessions: 3, succeeded: 2, amount: '10500000.00', amountYi: '0.105' }]);
  });

  it('refuses bad filters with a stable code, changing nothing', async () => {
    const before = await t.snapshot();
    const reversed = await stats({ from: '2025-03', to: '2025-01' });
    expect([reversed.status, reversed.body.code]).toEqual([422, 'STATISTICS_RANGE_INVALID']);
    expect(reversed.body.message).toEqual({ zh: expect.stringContaining('月份'), en: expect.stringContaining('month') });
    for (const q of [{ from: '2025-13' }, { to: '2025-1' }, { domain: 'mining' }, { region: '3501' }, { surprise: '1' }] as Record<string, string>[]) {
      const r = await stats(q);
      expect([q, r.status]).toEqual([q, 400]);
      const x = await t.http.get(`/public/statistics.xlsx?${new URLSearchParams(q)}`);
      expect([q, x.status]).toEqual([q, 400]);
    }
    expect(await t.snapshot()).toEqual(before);
  });

  it('downloads the same figures as an .xlsx with Chinese sheets and headers and yuan amounts', async () => {
    const json = (await stats({ from: '2025-01', to: '2025-02' })).body;
    const res = await fetch(`${t.http.baseUrl}/public/statistics.xlsx?from=2025-01&to=2025-02`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers.get('content-disposition')).toContain('attachment');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['明细', '合计', '累计', '说明']);

    // Every row as an array as wide as the header, empty cells as null.
    const values = (sheet: string) => {
      const ws = wb.getWorksheet(sheet)!;
      const width = ws.getRow(1).cellCount;
      const rows: unknown[][] = [];
      ws.eachRow((row) => rows.push(Array.from({ length: width }, (_, i) => row.getCell(i + 1).value ?? null)));
      return rows;
    };
    const header = ['场次', '成交场次', '流标/流拍场次', '成交率', '流标/流拍率', '成交金额(元)', '成交金额(亿元)', '估算价/最高限价/起始价(元)', '节约率', '溢价率'];
    const detail = values('明细');
    expect(detail[0]).toEqual(['交易领域', '月份', '行政区划', ...header]);
    expect(detail).toHaveLength(1 + json.rows.length);
    expect(detail[1]).toEqual(['国有建设用地使用权出让', '2025-01', '350102', 1, 1, 0, 1, 0, 120000000, 1.2, 100000000, null, 0.2]);
    expect(detail[6]).toEqual(['政府采购电子卖场', '2025-02', '350102', 2, 2, 0, 1, 0, 1250000, 0.0125, 1500000, 0.2, null]);
    expect(detail[8]).toEqual(['建设工程招投标', '2025-02', '350102', 1, 1, 0, 1, 0, 1900000, 0.019, 2000000, 0.05, null]);
    const totals = values('合计');
    expect(totals[0]).toEqual(['交易领域', ...header]);
    expect(totals.map((r) => r[0])).toEqual(['交易领域', '建设工程招投标', '国有建设用地使用权出让', '政府采购电子卖场', '农村产权交易', '总计']);
    expect(totals[5]).toEqual(['总计', 9, 6, 3, 0.6667, 0.3333, 132980000, 1.3298, 113800000, null, null]);
    expect(values('累计')).toEqual([
      ['月份', '累计场次', '累计成交场次', '累计成交金额(元)', '累计成交金额(亿元)'],
      ['2025-01', 5, 3, 130500000, 1.305],
      ['2025-02', 10, 7, 133980000, 1.3398],
    ]);
    // Amounts are numbers shown in yuan with 2 decimals; rates as percentages.
    const ws = wb.getWorksheet('明细')!;
    expect(ws.getCell('I2').numFmt).toBe('#,##0.00');
    expect(ws.getCell('K2').numFmt).toBe('#,##0.00');
    expect(ws.getCell('G2').numFmt).toBe('0.00%');
    expect(wb.getWorksheet('说明')!.getCell('B2').value).toContain('2025-01');
  });
});
