import { randomBytes, randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { Role } from '@app/platform/auth/roles';
import { insertExperts, insertSpecialties } from '../../support/expert-fixtures';
import { routesOf } from '../../support/routes';
import { fastTenderingRules, postForm } from '../../support/tender-fixtures';
import { startTestApp, TestAccount, TestApp } from '../../support/test-app';
import { startWorker, waitFor, WorkerProcess } from '../../support/worker-process';

/** A committee-published sandbox rule set of `domain` with periods in seconds. */
async function fastRules(t: TestApp, committee: string, domain: string, periods: Record<string, number>, numbers: Record<string, number> = {}): Promise<void> {
  const changes = { periods: Object.fromEntries(Object.entries(periods).map(([k, s]) => [k, { value: s, unit: 's' }])), numbers };
  const draft = await t.http.post('/rule-sets', { domain, name: `${domain} 门户测试(秒)`, sandbox: true, changes }, committee);
  if (draft.status !== 201) throw new Error(`rule draft refused: ${JSON.stringify(draft.body)}`);
  const published = await t.http.post(`/rule-sets/${draft.body.id}/publish`, {}, committee);
  if (published.status !== 200) throw new Error(`rule publish refused: ${JSON.stringify(published.body)}`);
}

/** Every public GET route, from the controllers' metadata. */
const publicGetRoutes = (t: TestApp): string[] => [...new Set(routesOf(t).filter((r) => r.method === 'GET' && r.access === 'public').map((r) => r.path))].sort();

// 信息公开门户: realistic deals built through the API in all four domains, then every public GET route called
// anonymously — none refuses, none fails, none shows a person; and the portal's own feed, pages and contracts.
describe('the public portal', () => {
  let t: TestApp;
  let worker: WorkerProcess;
  let centre: string;
  let owner: TestAccount;
  let agent: TestAccount;
  let bidders: TestAccount[];
  const accounts: TestAccount[] = [];
  const ids = {
    tender: '',
    sealedTender: '',
    parcel: '',
    lot: '',
    rural: '',
    ruralLot: '',
    requirement: '',
    order: '',
    supplierOrg: '',
    uscc: '',
    ruleSet: '',
    otherRuleSet: '',
    unpublished: '',
  };
  const sealedPrices = ['8765432.19', '8712345.67', '8799999.01'];
  const secretMarkers = ['SECRET-BID-MARKER', 'SECRET-LAND-MARKER', 'SECRET-SEALED-MARKER'];
  const payerAccounts = ['62220202009988776655', '62220202009988776656', '62220202009988776657', '6228480012345678901'];
  let started = 0;

  const inSeconds = (s: number) => new Date(Date.now() + s * 1000).toISOString();
  const acct = async (roles: Parameters<TestApp['account']>[0], options?: Parameters<TestApp['account']>[1]) => {
    const a = await t.account(roles, options);
    accounts.push(a);
    return a;
  };
  const ok = (r: { status: number; body: unknown }, status: number, what: string) => {
    if (r.status !== status) throw new Error(`${what}: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body as any;
  };

  beforeAll(async () => {
    started = Date.now();
    t = await startTestApp('supervision-portal', { LOGIN_ATTEMPTS_PER_MINUTE: '10000' });
    worker = await startWorker({ DATABASE_URL: t.databaseUrl, REDIS_PREFIX: t.redisPrefix, MILESTONE_RECONCILE_MS: '1000', LOT_RECONCILE_MS: '500' });
    centre = (await acct([Role.Centre])).token;
    owner = await acct([Role.Owner], { organisationId: await t.organisation('市城市建设投资集团有限公司') });
    agent = await acct([Role.Agent], { organisationId: await t.organisation('阳光工程咨询有限公司') });
    bidders = [];
    for (const name of ['甲建设集团有限公司', '乙路桥工程有限公司', '丙市政工程有限公司', '丁科技有限公司']) bidders.push(await acct([Role.Bidder], { organisationId: await t.organisation(name) }));
    const committee = (await acct([Role.Committee])).token;
    await fastTenderingRules(t, committee, { bidPreparation: 8, clarificationBeforeDeadline: 1, openingObjectionWindow: 2, depositRefund: 30, candidatePublicity: 2, publicityObjectionReply: 60 });
    await fastRules(t, committee, 'land', { announcementBeforeListing: 2, listing: 4, resultPublicity: 30, depositRefund: 20 }, { countdownSeconds: 5 });
    await fastRules(t, committee, 'rural', { listing: 5, resultPublicity: 2, depositRefund: 30 }, { countdownSeconds: 5 });
    await fastRules(t, committee, 'procurement', { quoteWindow: 5 });

    // ── 建设工程: registered by the agent, announced, amended, three deposits and sealed bids; the worker opens. ──
    const registration = (name: string) => ({
      name,
      kind: 'construction',
      region: '350102',
      qualification: '市政公用工程施工总承包二级及以上',
      evaluationMethod: 'comprehensive',
      sections: [{ name: '一标段:道路主体', estimate: '10000000.00', deposit: '200000.00' }],
      ownerOrganisationId: owner.organisationId,
      ruleSet: 'sandbox',
    });
    const announce = async (name: string, deadlineIn: number) => {
      const reg = ok(await t.http.post('/tenders', registration(name), agent.token), 201, 'tender registration');
      ok(await t.http.post(`/tenders/${reg.id}/accept`, {}, centre), 200, 'accept');
      ok(await postForm(t, `/tenders/${reg.id}/documents`, agent.token, { note: '招标文件' }, { name: '招标文件.pdf', content: Buffer.from('%PDF 招标文件 第一章 招标公告') }), 201, 'documents');
      ok(await t.http.post(`/tenders/${reg.id}/announce`, { bidDeadline: inSeconds(deadlineIn) }, centre), 200, 'announce');
      return reg.id as string;
    };
    const bid = (id: string, who: TestAccount, price: string, marker: string) =>
      postForm(t, `/tenders/${id}/sections/1/bids`, who.token, { price }, { name: `${marker}.pdf`, content: Buffer.from(`%PDF 投标文件 ${marker} ${'技术标'.repeat(200)}`) });
    ids.tender = await announce('滨江大道快速化改造工程', 12);
    ids.sealedTender = await announce('城北污水处理厂扩建工程', 3600);
    for (const [i, b] of bidders.slice(0, 3).entries()) {
      for (const id of [ids.tender, ids.sealedTender]) ok(await t.http.post(`/tenders/${id}/registrations`, {}, b.token), 200, 'registration');
      const d = ok(await t.http.post(`/tenders/${ids.tender}/sections/1/deposits`, { method: 'transfer', reference: `REF-${i}-${randomBytes(2).toString('hex')}`, payerAccount: payerAccounts[i], amount: '200000.00' }, b.token), 201, 'deposit');
      ok(await t.http.post(`/tenders/deposits/${d.id}/confirm`, {}, centre), 200, 'deposit confirm');
      ok(await bid(ids.tender, b, ['9650000.00', '9700000.00', '9800000.00'][i], `${secretMarkers[0]}-${i}`), 201, 'bid');
      ok(await bid(ids.sealedTender, b, sealedPrices[i], `${secretMarkers[2]}-${i}`), 201, 'sealed bid');
    }
    ok(await postForm(t, `/tenders/${ids.tender}/amendments`, owner.token, { note: '第三章工程量清单修改' }, { name: '修改文件.pdf', content: Buffer.from('%PDF 修改') }), 201, 'amendment');

    // ── 国有建设用地: one qualified buyer quotes in the listing and wins; the centre issues the confirmation. ──
    const parcel = ok(
      await t.http.post(
        '/land/parcels',
        { name: '城东片区 2026-07 号地块', region: '350102', location: '鼓楼区东街以南', area: '35000.50', use: 'residential', termYears: 70, plotRatio: '2.50', mode: 'listing', startPrice: '10000000.00', increment: { fixed: '100000.00' }, deposit: '2000000.00', ruleSet: 'sandbox' },
        owner.token,
      ),
      201,
      'parcel',
    );
    const listingStart = Date.now() + 3000;
    const announced = ok(await t.http.post(`/land/parcels/${parcel.id}/announce`, { listingStartsAt: new Date(listingStart).toISOString(), listingEndsAt: new Date(listingStart + 6000).toISOString() }, centre), 200, 'land announce');
    [ids.parcel, ids.lot] = [parcel.id, announced.lotId];
    const app = ok(
      await postForm(t, `/land/parcels/${ids.parcel}/applications`, bidders[3].token, { depositMethod: 'transfer', depositReference: 'ZZ-LAND-0001', depositAmount: '2000000.00' }, { name: '竞买申请书.pdf', content: Buffer.from(`%PDF ${secretMarkers[1]}`) }),
      201,
      'land application',
    );
    ok(await t.http.post(`/land/applications/${app.id}/qualify`, {}, centre), 200, 'qualify');

    // ── 农村产权: resolution, approval, listing; one applicant → agreement transfer. ──
    const deal = ok(
      await t.http.post(
        '/rural/deals',
        { name: '东山村一组 120.5 亩耕地经营权流转', kind: 'land_management', region: '350121', description: '现状水田,限农业用途', quantity: '120.5', unit: '亩', termMonths: 120, listingPrice: '360000.00', increment: '1000.00', deposit: '20000.00', ruleSet: 'sandbox' },
        owner.token,
      ),
      201,
      'rural deal',
    );
    ids.rural = deal.id;
    ok(await postForm(t, `/rural/deals/${ids.rural}/resolution`, owner.token, { body: 'representatives_meeting', votesFor: '30', votesTotal: '45', date: '2026-01-05' }, { name: '村民代表会议决议.pdf', content: Buffer.from('%PDF 决议') }), 201, 'resolution');
    ok(await postForm(t, `/rural/deals/${ids.rural}/approval`, owner.token, { authority: '闽侯县东山镇人民政府', date: '2026-01-10' }, { name: '镇政府审核意见.pdf', content: Buffer.from('%PDF 同意') }), 201, 'approval');
    const listed = ok(await t.http.post(`/rural/deals/${ids.rural}/list`, {}, centre), 200, 'rural list');
    ids.ruralLot = listed.listings[0].lotId;
    const ra = ok(await t.http.post(`/rural/deals/${ids.rural}/applications`, { method: 'transfer', reference: 'NC-0001', payerAccount: payerAccounts[3], amount: '20000.00' }, bidders[0].token), 201, 'rural application');
    ok(await t.http.post(`/rural/applications/${ra.id}/confirm`, {}, centre), 200, 'rural confirm');

    // ── 电子卖场 网上竞价: three sealed quotes, the lowest wins, its order is confirmed by the supplier. ──
    const purchaser = await acct([Role.Owner], { organisationId: await t.organisation('市财政局') });
    const suppliers = [bidders[1], bidders[2], bidders[3]];
    for (const [i, s] of suppliers.entries()) {
      await t.ds.query(`INSERT INTO procurement_agreement (agreement_no, organisation_id, category_code, kind, valid_from, valid_until) VALUES ($1, $2, 'A02.01', 'framework', '2020-01-01', '2099-12-31')`, [`XY-PORTAL-${i}`, s.organisationId]);
    }
    const [line] = await t.ds.query(`INSERT INTO budget_line (organisation_id, code, name, year, amount_fen, created_by) VALUES ($1, 'ZB-2026-PORTAL', '办公设备购置', 2026, 1000000000, $2) RETURNING id`, [purchaser.organisationId, purchaser.id]);
    const req = ok(
      await t.http.post(
        '/procurement/requirements',
        { title: '市财政局办公计算机采购', categoryCode: 'A02.01.02', items: [{ description: '台式计算机', quantity: 100, unit: '台', specs: 'i7 / 16G / 512G' }], deliveryRegion: '350102', deliveryDate: '2099-12-31', maxPrice: '1500000.00', budgetLineId: line.id, ruleSet: 'sandbox' },
        purchaser.token,
      ),
      201,
      'requirement',
    );
    ids.requirement = req.id;
    for (const [i, s] of suppliers.entries()) ok(await t.http.post(`/procurement/requirements/${ids.requirement}/quotes`, { total: ['1200000.00', '1250000.00', '1300000.00'][i] }, s.token), 201, 'quote');
    ids.supplierOrg = bidders[1].organisationId!;
  }, 120000);

  afterAll(async () => {
    await worker?.stop();
    await t?.close();
  });

  it('carries each deal to its result and contract through the API', async () => {
    // Land: the listing opens, the one buyer quotes, the listing ends sold; the confirmation is issued.
    await waitFor(async () => (await t.http.get(`/public/lots/${ids.lot}`)).body.phase === 'listing', 20000, 'the land listing');
    ok(await t.http.post(`/lots/${ids.lot}/bids`, { price: '10000000.00', clientKey: 'portal-land-1' }, bidders[3].token), 201, 'land bid');
    await waitFor(async () => (await t.http.get(`/public/land/parcels/${ids.parcel}`)).body.phase === 'ended', 30000, 'the land listing to end');
    ok(await t.http.post(`/land/parcels/${ids.parcel}/confirmation`, {}, centre), 201, 'land confirmation');

    // Rural: the listing ends with one applicant, who agrees at the listing price; after the publicity, the contract.
    await waitFor(async () => (await t.http.get(`/rural/deals/${ids.rural}`, centre)).body.status === 'agreement', 30000, 'the rural agreement stage');
    const agreed = ok(await t.http.post(`/rural/deals/${ids.rural}/agreement`, { price: '365000.00' }, bidders[0].token), 200, 'agreement');
    await waitFor(async () => Date.now() > new Date(agreed.result.publicityUntil).getTime() + 200, 20000, 'the rural publicity');
    ok(await t.http.post(`/rural/deals/${ids.rural}/contract`, { contractNo: 'NCHT-2026-0701', signedAt: new Date().toISOString(), amount: '365000.00' }, owner.token), 200, 'rural contract');

    // E-mall: the quote window closes, the lowest quote wins and its order is confirmed by the supplier.
    await waitFor(async () => (await t.http.get(`/public/procurement/requirements/${ids.requirement}`)).body.status === 'awarded', 30000, 'the quotes to close');
    const [r] = await t.ds.query(`SELECT order_id FROM procurement_requirement WHERE id = $1`, [ids.requirement]);
    ids.order = r.order_id;
    ok(await t.http.post(`/procurement/orders/${ids.order}/confirm`, {}, bidders[1].token), 200, 'order confirm');

    // Tender: opened by the worker; a committee drawn beforehand scores; publicity, award, contract.
    await waitFor(async () => (await t.http.get(`/tenders/${ids.tender}`, centre)).body.status === 'opened', 40000, 'the opening');
    const drawId = await seatedCommittee(ids.tender);
    ok(await t.http.post(`/tenders/${ids.tender}/sections/1/evaluation`, { drawId: drawId.drawId }, centre), 200, 'evaluation');
    const sheet = ok(await t.http.get(`/tenders/${ids.tender}/sections/1/evaluation/bids`, drawId.experts[0]), 200, 'sheet');
    for (const [e, token] of drawId.experts.entries()) {
      for (const b of sheet.bids) {
        const body = { technical: [900 - e, 880, 850], business: [450, b.price === '9700000.00' ? 480 : 400] };
        ok(await t.http.put(`/tenders/${ids.tender}/sections/1/evaluation/bids/${b.bidId}/score`, body, token), 200, 'score');
      }
    }
    ok(await t.http.post(`/tenders/${ids.tender}/sections/1/evaluation/report`, {}, drawId.experts[0]), 201, 'report');
    const publicity = ok(await t.http.post(`/tenders/${ids.tender}/sections/1/publicity`, {}, owner.token), 200, 'publicity');
    await waitFor(async () => Date.now() > new Date(publicity.publicityUntil).getTime() + 200, 20000, 'the publicity to end');
    const award = ok(await t.http.post(`/tenders/${ids.tender}/sections/1/award`, {}, owner.token), 201, 'award');
    ok(await t.http.post(`/tenders/${ids.tender}/sections/1/contract`, { amount: award.price }, owner.token), 200, 'contract');

    // Odds and ends the sweep needs: an organisation's USCC, two rule sets, a draft project nobody published.
    ids.uscc = (await t.ds.query(`SELECT uscc FROM organisation WHERE id = $1`, [owner.organisationId]))[0].uscc;
    const sets = await t.ds.query(`SELECT id FROM rule_set WHERE domain = 'tendering' ORDER BY created_at`);
    [ids.ruleSet, ids.otherRuleSet] = [sets[0].id, sets[sets.length - 1].id];
    ids.unpublished = ok(await t.http.post('/tenders', { name: '未受理的招标项目', kind: 'goods', region: '350102', qualification: '无', evaluationMethod: 'lowest_price', sections: [{ name: '一标段', estimate: '100000.00', deposit: '0.00' }], ownerOrganisationId: owner.organisationId, ruleSet: 'sandbox' }, agent.token), 201, 'draft').id;
  }, 180000);

  /** Five experts of the library, drawn for the tender and accepted, in a session that has started (as evaluation.spec.ts sets them up). */
  async function seatedCommittee(projectId: string): Promise<{ drawId: string; experts: string[] }> {
    await insertSpecialties(t.ds, ['P01']);
    const [ownerOrg] = await t.ds.query(`SELECT uscc FROM organisation WHERE id = $1`, [owner.organisationId]);
    const [draw] = await t.ds.query(
      `INSERT INTO expert_draw (project_id, domain, owner_uscc, status, requirements, committee, context, session_start, session_end, algorithm, seed_sealed, seed_commitment, revealed_seed, opened_at)
       VALUES ($1, 'tendering', $2, 'opened', '[]', '{}', '{}', now() - interval '5 minutes', now() + interval '4 hours', 'yg-draw-v1', '\\x00', repeat('0', 64), $3, now()) RETURNING id`,
      [projectId, ownerOrg.uscc, randomBytes(32).toString('hex')],
    );
    const experts: string[] = [];
    for (let i = 0; i < 5; i++) {
      const a = await acct([Role.Expert], { organisationId: null });
      const [expertId] = await insertExperts(t.ds, 1, { specialty: 'P01', accountId: a.id });
      await t.ds.query(`INSERT INTO expert_draw_member (draw_id, expert_id, specialty_code, round, position, kind, status) VALUES ($1, $2, 'P01', 0, $3, 'primary', 'accepted')`, [draw.id, expertId, i]);
      experts.push(a.token);
    }
    return { drawId: draw.id, experts };
  }

  /** What the rules never publish: people, their accounts and contacts, IPs, payer accounts, sealed prices, evidence. */
  async function personalData(): Promise<string[]> {
    const values = new Set<string>();
    for (const a of accounts) values.add(a.username);
    const col = async (sql: string) => (await t.ds.query(sql)).map((r: { v: string | null }) => r.v).filter((v: string | null): v is string => !!v);
    for (const v of await col(`SELECT username AS v FROM account UNION SELECT display_name FROM account`)) values.add(v);
    for (const v of await col(`SELECT legal_representative AS v FROM organisation UNION SELECT contact_name FROM organisation UNION SELECT contact_phone FROM organisation`)) values.add(v);
    for (const v of await col(`SELECT name AS v FROM expert UNION SELECT phone FROM expert UNION SELECT id_number_masked FROM expert`)) values.add(v);
    for (const v of await col(`SELECT client_ip AS v FROM tender_bid UNION SELECT client_ip FROM procurement_quote`)) values.add(v);
    for (const v of await col(`SELECT payer_account AS v FROM tender_deposit UNION SELECT payer_account FROM rural_application`)) values.add(v);
    for (const p of sealedPrices) {
      values.add(p);
      values.add(p.replace('.', ''));
    }
    for (const m of secretMarkers) values.add(m);
    return [...values];
  }

  it('answers every public GET route anonymously, never 401/403/5xx, and shows no personal data', async () => {
    const routes = publicGetRoutes(t);
    expect(routes).toEqual(expect.arrayContaining(['/public/statistics', '/public/statistics.xlsx', '/public/portal/announcements', '/public/portal/contracts', '/public/portal/projects/:id', '/public/tenders/:id/opening']));
    const fills: Record<string, string[]> = {
      '/public/portal/projects/:id': [ids.tender, ids.sealedTender, ids.parcel, ids.rural],
      '/public/tenders/:id': [ids.tender, ids.sealedTender],
      '/public/projects/:id/history': [ids.tender, ids.sealedTender, ids.parcel, ids.rural],
      '/public/tenders/:id/opening': [ids.tender, ids.sealedTender],
      '/public/tenders/:id/results': [ids.tender, ids.sealedTender],
      '/public/lots/:id': [ids.lot, ids.ruralLot],
      '/public/lots/:id/events': [ids.lot, ids.ruralLot],
      '/public/land/parcels/:id': [ids.parcel],
      '/public/rural/deals/:id': [ids.rural],
      '/public/procurement/requirements/:id': [ids.requirement],
      '/public/procurement/suppliers/:organisationId/ratings': [ids.supplierOrg],
      '/public/organisations/:uscc': [ids.uscc],
      '/rule-sets/:id': [ids.ruleSet],
      '/rule-sets/:id/diff/:otherId': [`${ids.ruleSet}|${ids.otherRuleSet}`],
    };
    const secrets = await personalData();
    // The list holds what was really seeded: contacts, experts, the bids' client IPs, payer accounts.
    expect(secrets).toEqual(expect.arrayContaining(['13800000000', '张三', '李四', ...payerAccounts, ...sealedPrices]));
    expect(secrets.filter((s) => /^专家\d+号$/.test(s))).toHaveLength(5);
    expect(secrets.filter((s) => /^139\d{8}$/.test(s))).toHaveLength(5);
    expect(secrets.some((s) => /^(\d{1,3}\.){3}\d{1,3}$|:/.test(s))).toBe(true);
    // Control: the same values do show where the rules allow them, to the parties, so a leak would be seen.
    const office = await acct([Role.Office]);
    const control = JSON.stringify((await t.http.get(`/experts?pageSize=100`, office.token)).body);
    expect(secrets.filter((s) => /^专家\d+号$/.test(s) && control.includes(s))).toHaveLength(5);
    const problems: string[] = [];
    const called: string[] = [];
    for (const route of routes) {
      const params = route.match(/:[A-Za-z]+/g) ?? [];
      // A route added later without an entry above is still called, with an id that exists nowhere (404 is fine).
      const values = params.length ? (fills[route] ?? [params.map(() => randomUUID()).join('|')]) : [''];
      for (const value of values) {
        const parts = value.split('|');
        const path = params.reduce((p, name, i) => p.replace(name, parts[i]), route);
        const res = await fetch(`${t.http.baseUrl}${path}`);
        called.push(`${path} ${res.status}`);
        if ([401, 403].includes(res.status) || res.status >= 500) problems.push(`${path} → ${res.status}`);
        const type = res.headers.get('content-type') ?? '';
        let text: string;
        if (type.includes('spreadsheetml')) {
          const wb = new ExcelJS.Workbook();
          await wb.xlsx.load((await res.arrayBuffer()) as ArrayBuffer);
          text = JSON.stringify(wb.worksheets.map((w) => w.getSheetValues()));
        } else {
          text = await res.text();
        }
        for (const s of secrets) if (text.includes(s)) problems.push(`${path} shows ${s}`);
      }
    }
    expect(problems).toEqual([]);
    const sealed = await t.http.get(`/public/tenders/${ids.sealedTender}/opening`);
    expect([sealed.status, sealed.body.sealed, sealed.body.sections.every((x: { bidCount: null; bids: [] }) => x.bidCount === null && x.bids.length === 0)]).toEqual([200, true, true]);
    for (const secret of secrets) expect(JSON.stringify(sealed.body)).not.toContain(secret);
    expect(called.length).toBeGreaterThanOrEqual(routes.length);
    // The real ids answered with content, not with 404s.
    for (const route of Object.keys(fills).filter((r) => routes.includes(r))) {
      for (const c of called.filter((x) => x.startsWith(route.split('/:')[0]))) expect([c, c.endsWith(' 200')]).toEqual([c, true]);
    }
  });

  it('lists every domain’s notices newest first, filtered by kind, domain, region, keyword and date, in pages', async () => {
    const feed = async (q: Record<string, string>) => ok(await t.http.get(`/public/portal/announcements?${new URLSearchParams({ pageSize: '100', ...q })}`), 200, 'feed');
    const all = await feed({});
    const mine = all.items.filter((n: { projectId: string | null; subjectId: string }) => [ids.tender, ids.parcel, ids.rural].includes(n.projectId ?? '') || n.subjectId === ids.requirement || n.subjectId === ids.order);
    const kinds = (domain: string) => mine.filter((n: { domain: string }) => n.domain === domain).map((n: { kind: string }) => n.kind).sort();
    expect(kinds('tendering')).toEqual(['amendment', 'announcement', 'candidates', 'contract', 'result']);
    expect(kinds('land')).toEqual(['announcement', 'contract', 'result']);
    expect(kinds('rural')).toEqual(['announcement', 'contract', 'result']);
    expect(kinds('procurement')).toEqual(['announcement', 'contract', 'result']);
    expect(all.total).toBe(all.items.length);
    const times = all.items.map((n: { publishedAt: string }) => new Date(n.publishedAt).getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));

    const result = mine.find((n: { domain: string; kind: string }) => n.domain === 'tendering' && n.kind === 'result');
    expect(result).toMatchObject({ outcome: 'success', amount: expect.stringMatching(/^9[678]00000\.00$/), organisationName: expect.stringMatching(/有限公司$/), buyerName: '市城市建设投资集团有限公司', link: `/public/tenders/${ids.tender}/results`, region: '350102' });
    const land = mine.find((n: { domain: string; kind: string }) => n.domain === 'land' && n.kind === 'result');
    expect(land).toMatchObject({ outcome: 'success', amount: '10000000.00', organisationName: '丁科技有限公司' }); // the 成交公示 names the 竞得人
    const contract = mine.find((n: { domain: string; kind: string }) => n.domain === 'procurement' && n.kind === 'contract');
    expect(contract).toMatchObject({ amount: '1200000.00', organisationName: '乙路桥工程有限公司', buyerName: '市财政局', link: `/public/procurement/requirements/${ids.requirement}` });
    // The tender still in bidding is announced, and nothing more.
    expect(all.items.filter((n: { projectId: string }) => n.projectId === ids.sealedTender).map((n: { kind: string }) => n.kind)).toEqual(['announcement']);
    expect(all.items.some((n: { projectId: string }) => n.projectId === ids.unpublished)).toBe(false);

    expect((await feed({ kind: 'result,contract', domain: 'rural' })).items.map((n: { kind: string }) => n.kind).sort()).toEqual(['contract', 'result']);
    expect((await feed({ region: '350121' })).items.every((n: { region: string }) => n.region === '350121')).toBe(true);
    expect((await feed({ region: '350121' })).total).toBe(3);
    const keyword = await feed({ keyword: '滨江大道' });
    expect(keyword.total).toBe(5);
    expect((await feed({ keyword: '100%_' })).total).toBe(0);
    expect((await feed({ from: new Date(Date.now() + 60_000).toISOString() })).total).toBe(0);
    expect((await feed({ from: new Date(started).toISOString(), to: new Date(Date.now() + 1000).toISOString() })).total).toBe(all.total);
    const p1 = await feed({ pageSize: '5', page: '1' });
    const p2 = await feed({ pageSize: '5', page: '2' });
    expect(p1.items.map((n: { id: string }) => n.id)).toEqual(all.items.slice(0, 5).map((n: { id: string }) => n.id));
    expect(p2.items.map((n: { id: string }) => n.id)).toEqual(all.items.slice(5, 10).map((n: { id: string }) => n.id));
    expect(p2).toMatchObject({ page: 2, pageSize: 5, total: all.total });

    const before = await t.snapshot();
    for (const q of ['kind=notice', 'domain=mining', 'region=35', 'pageSize=101', 'from=yesterday', 'surprise=1']) expect([q, (await t.http.get(`/public/portal/announcements?${q}`)).status]).toEqual([q, 400]);
    const reversed = await t.http.get(`/public/portal/announcements?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z`);
    expect([reversed.status, reversed.body.code]).toEqual([422, 'PORTAL_RANGE_INVALID']);
    expect(await t.snapshot()).toEqual(before);
  });

  it('shows a project’s page: documents, opening record, candidates, award, contract and links; and the contracts list', async () => {
    const page = ok(await t.http.get(`/public/portal/projects/${ids.tender}`), 200, 'project page');
    expect(page.project).toMatchObject({ id: ids.tender, domain: 'tendering', name: '滨江大道快速化改造工程', region: '350102', owner: { name: '市城市建设投资集团有限公司' }, agent: { name: '阳光工程咨询有限公司' } });
    expect(page.documents.map((d: { kind: string; fileName: string }) => [d.kind, d.fileName])).toEqual([
      ['tender', '招标文件.pdf'],
      ['amendment', '修改文件.pdf'],
    ]);
    const [s] = page.sections;
    expect(s).toMatchObject({ no: 1, estimate: '10000000.00', status: 'awarded', bidCount: 3 });
    expect(s.opening.map((b: { price: string }) => b.price)).toEqual(['9650000.00', '9700000.00', '9800000.00']);
    expect(s.candidates.map((c: { rank: number }) => c.rank)).toEqual([1, 2, 3]);
    expect(s.award).toMatchObject({ winner: s.candidates[0].bidderName, price: s.candidates[0].price });
    expect(s.contract).toMatchObject({ amount: s.award.price });
    expect(page.links).toEqual({
      domain: `/public/tenders/${ids.tender}`,
      opening: `/public/tenders/${ids.tender}/opening`,
      results: `/public/tenders/${ids.tender}/results`,
      complaints: `/public/complaints/decisions?projectId=${ids.tender}`,
      statistics: '/public/statistics?domain=tendering&region=350102',
    });
    expect(page.notices.map((n: { kind: string }) => n.kind)).toEqual(['contract', 'result', 'candidates', 'amendment', 'announcement']);

    // Before the opening: no bid count, no prices, no candidates.
    const sealed = ok(await t.http.get(`/public/portal/projects/${ids.sealedTender}`), 200, 'sealed page');
    expect(sealed.sections[0]).toMatchObject({ status: 'open', bidCount: null, opening: [], candidates: [], award: null, contract: null });

    const land = ok(await t.http.get(`/public/portal/projects/${ids.parcel}`), 200, 'land page');
    expect(land.land).toMatchObject({ mode: 'listing', outcome: 'sold', price: '10000000.00', startPrice: '10000000.00', lotId: ids.lot, winnerName: '丁科技有限公司' });
    expect(land.links.lot).toBe(`/public/lots/${ids.lot}`);
    const rural = ok(await t.http.get(`/public/portal/projects/${ids.rural}`), 200, 'rural page');
    expect(rural.rural).toMatchObject({ status: 'contracted', method: 'agreement', buyer: '甲建设集团有限公司', price: '365000.00', contract: { no: 'NCHT-2026-0701', amount: '365000.00' } });
    expect(rural.documents.map((d: { kind: string }) => d.kind)).toEqual(['resolution', 'approval']);

    for (const id of [ids.unpublished, randomUUID()]) {
      const r = await t.http.get(`/public/portal/projects/${id}`);
      expect([r.status, r.body.code]).toEqual([404, 'PROJECT_NOT_FOUND']);
    }
    expect((await t.http.get(`/public/portal/projects/not-a-uuid`)).status).toBe(400);

    const contracts = ok(await t.http.get(`/public/portal/contracts?pageSize=100`), 200, 'contracts');
    expect(contracts.items.map((c: { domain: string }) => c.domain).sort()).toEqual(['land', 'procurement', 'rural', 'tendering']);
    expect(contracts.items.find((c: { domain: string }) => c.domain === 'rural')).toMatchObject({ amount: '365000.00', buyerName: '市城市建设投资集团有限公司', supplierName: '甲建设集团有限公司' });
    expect((await t.http.get(`/public/portal/contracts?domain=land`)).body.items).toHaveLength(1);
  });

  it('counts the deals built through the API in this month’s statistics', async () => {
    const month = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit' }).format(new Date()).slice(0, 7);
    const res = ok(await t.http.get(`/public/statistics?from=${month}&to=${month}`), 200, 'statistics');
    const byDomain = Object.fromEntries(res.totals.byDomain.map((d: { domain: string }) => [d.domain, d]));
    expect(byDomain.tendering).toMatchObject({ sessions: 1, succeeded: 1, referenceAmount: '10000000.00' });
    expect(byDomain.land).toMatchObject({ sessions: 1, succeeded: 1, amount: '10000000.00', premiumRate: 0 });
    expect(byDomain.rural).toMatchObject({ sessions: 1, succeeded: 1, amount: '365000.00', referenceAmount: '360000.00', premiumRate: 0.0139 });
    expect(byDomain.procurement).toMatchObject({ sessions: 1, succeeded: 1, amount: '1200000.00', savingsRate: 0.2 });
  });
});
