import { Role, TradingDomain } from '@app/platform/auth/roles';
import { fastTenderingRules, postForm } from '../../support/tender-fixtures';
import { startTestApp, TestAccount, TestApp } from '../../support/test-app';
import { startWorker, waitFor, WorkerProcess } from '../../support/worker-process';

/** A bid's documents as a bid tool writes them: a PDF whose Info dictionary names its author and tool. */
const pdf = (author: string, marker: string) =>
  Buffer.from(`%PDF-1.7\n1 0 obj << /Author (${author}) /Creator (BidTool 3.2) >> endobj\n% 投标文件 ${marker} ${'技术标'.repeat(200)}\n%%EOF`, 'utf8');

// Nobody presses "scan": after every opening (tender sections and e-mall quote rounds) the worker looks for
// 围标串标 indicators by itself, including those only the opened documents and the bidding clients reveal.
describe('collusion signals found by the worker after each opening', () => {
  let t: TestApp;
  let worker: WorkerProcess;
  let centre: string;
  let office: string;
  let tenderRegulator: string;
  let procurementRegulator: string;
  let agent: TestAccount;
  let owner: TestAccount;
  let bidders: TestAccount[];

  beforeAll(async () => {
    t = await startTestApp('collusion-automatic');
    worker = await startWorker({ DATABASE_URL: t.databaseUrl, REDIS_PREFIX: t.redisPrefix, MILESTONE_RECONCILE_MS: '1000', COLLUSION_SCAN_MS: '500' });
    centre = (await t.account([Role.Centre])).token;
    office = (await t.account([Role.Office])).token;
    tenderRegulator = (await t.account([{ role: Role.Regulator, domain: TradingDomain.Tendering }])).token;
    procurementRegulator = (await t.account([{ role: Role.Regulator, domain: TradingDomain.Procurement }])).token;
    owner = await t.account([Role.Owner]);
    agent = await t.account([Role.Agent]);
    bidders = [];
    for (let i = 0; i < 4; i++) bidders.push(await t.account([Role.Bidder], { organisationId: await t.organisation(`第${i + 1}建设工程有限公司`) }));
    const committee = (await t.account([Role.Committee])).token;
    await fastTenderingRules(t, committee, { bidPreparation: 8, clarificationBeforeDeadline: 20, openingObjectionWindow: 30, depositRefund: 30 });
    const draft = await t.http.post('/rule-sets', { domain: 'procurement', name: '电子卖场测试(秒)', sandbox: true, changes: { periods: { quoteWindow: { value: 6, unit: 's' } } } }, committee);
    expect((await t.http.post(`/rule-sets/${draft.body.id}/publish`, {}, committee)).status).toBe(200);
  }, 60000);

  afterAll(async () => {
    await worker?.stop();
    await t?.close();
  });

  const signals = async (query: Record<string, string>, token = office) => t.http.get(`/supervision/collusion/signals?${new URLSearchParams(query)}`, token);

  it('a tender: bids from one device and one author are flagged after the opening, with the documents’ metadata read only then', async () => {
    const reg = await t.http.post(
      '/tenders',
      {
        name: '城南学校运动场改造工程',
        kind: 'construction',
        region: '350102',
        qualification: '建筑工程施工总承包三级及以上资质',
        evaluationMethod: 'lowest_price',
        sections: [{ name: '一标段', estimate: '3000000.00', deposit: '60000.00' }],
        ownerOrganisationId: owner.organisationId,
        ruleSet: 'sandbox',
      },
      agent.token,
    );
    expect(reg.status).toBe(201);
    const id = reg.body.id as string;
    expect((await t.http.post(`/tenders/${id}/accept`, {}, centre)).status).toBe(200);
    expect((await postForm(t, `/tenders/${id}/documents`, agent.token, {}, { name: '招标文件.pdf', content: Buffer.from('%PDF 招标文件') })).status).toBe(201);
    const announced = await t.http.post(`/tenders/${id}/announce`, { bidDeadline: new Date(Date.now() + 9000).toISOString() }, centre);
    expect(announced.status).toBe(200);
    for (const b of bidders) expect((await t.http.post(`/tenders/${id}/registrations`, {}, b.token)).status).toBe(200);

    // A client-declared origin that is not printable ASCII is refused and changes nothing.
    const before = await t.snapshot();
    const bad = await postForm(t, `/tenders/${id}/sections/1/bids`, bidders[0].token, { price: '2900000.00', deviceId: '设备 1' }, { name: 'a.pdf', content: pdf('x', 'x') });
    expect([bad.status, bad.body.code]).toEqual([422, 'BID_ORIGIN_INVALID']);
    expect(bad.body.message.zh).toContain('设备标识');
    expect(await t.snapshot()).toEqual(before);

    // Bidders 0 and 1 send from one machine; bidders 1 and 2 had the same person write their documents; 2 and 3 share a tool serial.
    const origin = [
      { deviceId: 'PC-7F3A-0001', toolSerial: 'SN-1001', author: '张工' },
      { deviceId: 'pc-7f3a-0001', toolSerial: 'SN-1002', author: '李工' },
      { deviceId: 'PC-0000-0003', toolSerial: 'SN-2000', author: '李工' },
      { deviceId: 'PC-0000-0004', toolSerial: 'sn-2000', author: '赵工' },
    ];
    const prices = ['2810000.00', '2950000.00', '2700000.00', '2990000.00'];
    const bidIds: string[] = [];
    for (const [i, b] of bidders.entries()) {
      const r = await postForm(t, `/tenders/${id}/sections/1/bids`, b.token, { price: prices[i], deviceId: origin[i].deviceId, toolSerial: origin[i].toolSerial }, { name: `投标文件${i}.pdf`, content: pdf(origin[i].author, `M${i}`) });
      expect(r.status).toBe(201);
      bidIds.push(r.body.receiptNo);
    }
    // Before the opening the documents' metadata has not been read, and no scan has looked at the section.
    expect((await t.ds.query(`SELECT count(*)::int AS n FROM tender_bid WHERE documents_meta IS NOT NULL`))[0].n).toBe(0);
    expect((await signals({ projectId: id })).body).toEqual([]);

    const found = await waitFor(
      async () => {
        const r = await signals({ projectId: id });
        return r.body.length >= 4 ? r.body : null;
      },
      30000,
      'the automatic scan after the opening',
    );
    const metas = await t.ds.query(`SELECT id, documents_meta AS meta FROM tender_bid WHERE id = ANY($1::uuid[])`, [bidIds]);
    expect(Object.fromEntries(metas.map((m: { id: string; meta: unknown }) => [m.id, m.meta]))).toEqual(
      Object.fromEntries(bidIds.map((b, i) => [b, { author: origin[i].author, creator: 'BidTool 3.2' }])),
    );
    const org = (i: number) => bidders[i].organisationId;
    const refs = (...is: number[]) => is.map((i) => ({ bidId: bidIds[i], organisationId: org(i) })).sort((a, b) => (a.bidId < b.bidId ? -1 : 1));
    const byKind = (kind: string) => found.filter((s: { kind: string }) => s.kind === kind).map((s: { evidence: unknown }) => s.evidence);
    expect(byKind('same_device')).toEqual([{ deviceId: 'PC-7F3A-0001', bids: refs(0, 1) }]);
    expect(byKind('same_document_metadata')).toEqual(
      expect.arrayContaining([
        { field: 'author', value: '李工', bids: refs(1, 2) },
        { field: 'toolSerial', value: 'sn-2000', bids: refs(2, 3) },
      ]),
    );
    expect(byKind('same_document_metadata')).toHaveLength(2);
    // Every test client shares 127.0.0.1, which is itself the indicator it would be in production.
    expect(byKind('same_ip')).toEqual([{ clientIp: expect.any(String), bids: refs(0, 1, 2, 3) }]);
    expect(found.every((s: { roundKind: string; sectionNo: number; status: string }) => s.roundKind === 'tender_section' && s.sectionNo === 1 && s.status === 'open')).toBe(true);

    const audited = await t.ds.query(`SELECT actor_id, actor_role FROM audit_event WHERE action = 'collusion.signal_found'`);
    expect(audited).toHaveLength(found.length);
    expect(audited.every((a: { actor_id: string | null; actor_role: string }) => a.actor_id === null && a.actor_role === 'system')).toBe(true);
    const [scan] = await t.ds.query(`SELECT signals FROM collusion_scan WHERE round_key LIKE 'section:%'`);
    expect(scan.signals).toBe(found.length);

    // A manual scan afterwards finds the same and stores nothing new; the procurement regulator does not see tender signals.
    const again = await t.http.post(`/supervision/collusion/tenders/${id}/scan`, {}, tenderRegulator);
    expect(again.status).toBe(200);
    expect([again.body.created, again.body.sections[0].signals]).toEqual([[], found.length]);
    expect((await signals({ projectId: id }, procurementRegulator)).body).toEqual([]);
    expect((await t.http.post(`/supervision/collusion/tenders/${id}/scan`, {}, procurementRegulator)).status).toBe(403);
  });

  it('an e-mall quote round: two suppliers quoting from one device are flagged after the deadline, for the procurement regulator', async () => {
    const purchaser = await t.account([Role.Owner], { organisationId: await t.organisation('市教育局') });
    const suppliers: TestAccount[] = [];
    for (const name of ['甲电脑有限公司', '乙科技有限公司', '丙数码有限公司']) {
      const s = await t.account([Role.Bidder], { organisationId: await t.organisation(name) });
      await t.ds.query(`INSERT INTO procurement_agreement (agreement_no, organisation_id, category_code, kind, valid_from, valid_until) VALUES ($1, $2, 'A02.01', 'framework', '2020-01-01', '2099-12-31')`, [`XY-C-${name}`, s.organisationId]);
      suppliers.push(s);
    }
    const [line] = await t.ds.query(`INSERT INTO budget_line (organisation_id, code, name, year, amount_fen, created_by) VALUES ($1, 'JY-2026-01', '教学计算机', 2026, 1000000000, $2) RETURNING id`, [purchaser.organisationId, purchaser.id]);
    const req = await t.http.post(
      '/procurement/requirements',
      { title: '市教育局教学计算机采购', categoryCode: 'A02.01.02', items: [{ description: '台式计算机', quantity: 100, unit: '台', specs: 'i5 / 16G' }], deliveryRegion: '350102', deliveryDate: '2099-12-31', maxPrice: '1500000.00', budgetLineId: line.id, ruleSet: 'sandbox' },
      purchaser.token,
    );
    expect(req.status).toBe(201);
    const id = req.body.id as string;

    const before = await t.snapshot();
    expect((await t.http.post(`/procurement/requirements/${id}/quotes`, { total: '1200000.00', deviceId: 'x'.repeat(129) }, suppliers[0].token)).status).toBe(400);
    expect(await t.snapshot()).toEqual(before);
    const totals = ['1200000.00', '1260000.00', '1420000.00'];
    const devices = ['LAPTOP-42', 'laptop-42', 'DESK-7'];
    const quoteIds: string[] = [];
    for (const [i, s] of suppliers.entries()) {
      const q = await t.http.post(`/procurement/requirements/${id}/quotes`, { total: totals[i], deviceId: devices[i] }, s.token);
      expect(q.status).toBe(201);
      quoteIds.push(q.body.receiptNo);
    }
    const found = await waitFor(
      async () => {
        const r = await signals({ requirementId: id }, procurementRegulator);
        return r.body.some((s: { kind: string }) => s.kind === 'same_device') ? r.body : null;
      },
      30000,
      'the automatic scan after the quote deadline',
    );
    const device = found.find((s: { kind: string }) => s.kind === 'same_device');
    expect(device).toMatchObject({ roundKind: 'quote_round', requirementId: id, round: 1, projectId: null, sectionId: null, status: 'open' });
    expect(device.evidence).toEqual({
      deviceId: 'LAPTOP-42',
      bids: [0, 1].map((i) => ({ bidId: quoteIds[i], organisationId: suppliers[i].organisationId })).sort((a, b) => (a.bidId < b.bidId ? -1 : 1)),
    });
    // The tendering regulator sees none of it and may not review it; the procurement regulator does.
    expect((await signals({ requirementId: id }, tenderRegulator)).body).toEqual([]);
    const refused = await t.http.post(`/supervision/collusion/signals/${device.id}/review`, { status: 'confirmed', note: '同一设备报价' }, tenderRegulator);
    expect([refused.status, refused.body.code]).toEqual([403, 'COLLUSION_NOT_IN_SCOPE']);
    const reviewed = await t.http.post(`/supervision/collusion/signals/${device.id}/review`, { status: 'confirmed', note: '同一设备报价,移交调查' }, procurementRegulator);
    expect([reviewed.status, reviewed.body.status]).toEqual([200, 'confirmed']);
    const rescan = await t.http.post(`/supervision/collusion/requirements/${id}/scan`, {}, office);
    expect(rescan.status).toBe(200);
    expect(rescan.body.created).toEqual([]);
    expect(rescan.body.rounds).toEqual([{ round: 1, bids: 3, signals: found.length }]);
    for (const token of [centre, purchaser.token, suppliers[0].token]) expect((await t.http.post(`/supervision/collusion/requirements/${id}/scan`, {}, token)).status).toBe(403);
    expect((await t.http.post(`/supervision/collusion/requirements/00000000-0000-4000-8000-000000000000/scan`, {}, office)).status).toBe(404);
  });
});
