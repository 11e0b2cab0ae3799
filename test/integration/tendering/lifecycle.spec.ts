import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { Role, TradingDomain } from '@app/platform/auth/roles';
import { insertExperts, insertSpecialties } from '../../support/expert-fixtures';
import { fastTenderingRules, postForm } from '../../support/tender-fixtures';
import { startTestApp, TestAccount, TestApp } from '../../support/test-app';
import { startWorker, waitFor, WorkerProcess } from '../../support/worker-process';

// 建设工程招投标 through HTTP with the sandbox rules: registration → announcement → bids → opening, and a failed tender.
describe('a tender from registration to award', () => {
  let t: TestApp;
  let worker: WorkerProcess;
  let centre: string;
  let office: string;
  let regulator: string;
  let owner: TestAccount;
  let agent: TestAccount;
  let bidders: TestAccount[];
  const logDir = mkdtempSync(join(tmpdir(), 'yg-tender-logs-'));
  const apiLog = join(logDir, 'api.log');
  const workerLog = join(logDir, 'worker.log');

  beforeAll(async () => {
    t = await startTestApp('tender-lifecycle', { LOG_LEVEL: 'debug', LOG_FILE: apiLog });
    worker = await startWorker({ DATABASE_URL: t.databaseUrl, REDIS_PREFIX: t.redisPrefix, LOG_LEVEL: 'debug', LOG_FILE: workerLog, MILESTONE_RECONCILE_MS: '1000' });
    centre = (await t.account([Role.Centre])).token;
    office = (await t.account([Role.Office])).token;
    regulator = (await t.account([{ role: Role.Regulator, domain: TradingDomain.Tendering }])).token;
    owner = await t.account([Role.Owner]);
    agent = await t.account([Role.Agent]);
    bidders = [];
    for (let i = 0; i < 6; i++) bidders.push(await t.account([Role.Bidder]));
    const committee = (await t.account([Role.Committee])).token;
    await fastTenderingRules(t, committee, { bidPreparation: 12, clarificationBeforeDeadline: 20, openingObjectionWindow: 30, depositRefund: 30, candidatePublicity: 6, publicityObjectionReply: 60, expertResponseWindow: 60 });
  }, 60000);

  afterAll(async () => {
    await worker?.stop();
    await t.close();
  });

  const registration = (sections = [{ name: '一标段:主体结构', estimate: '10000000.00', deposit: '200000.00' }]) => ({
    name: '市第一人民医院新院区建设工程',
    kind: 'construction',
    region: '350102',
    qualification: '建筑工程施工总承包一级及以上资质',
    evaluationMethod: 'comprehensive',
    sections,
    ownerOrganisationId: owner.organisationId,
    ruleSet: 'sandbox',
  });
  const inSeconds = (s: number) => new Date(Date.now() + s * 1000).toISOString();
  const tender = (id: string) => t.http.get(`/tenders/${id}`, centre).then((r) => r.body);

  /** Registered, accepted, documents uploaded and announced with a deadline `seconds` away. */
  const announced = async (seconds: number) => {
    const reg = await t.http.post('/tenders', registration(), agent.token);
    expect(reg.status).toBe(201);
    expect((await t.http.post(`/tenders/${reg.body.id}/accept`, {}, centre)).status).toBe(200);
    expect((await postForm(t, `/tenders/${reg.body.id}/documents`, agent.token, {}, { name: '招标文件.pdf', content: Buffer.from('%PDF 招标文件') })).status).toBe(201);
    const a = await t.http.post(`/tenders/${reg.body.id}/announce`, { bidDeadline: inSeconds(seconds) }, centre);
    expect(a.status).toBe(200);
    return a.body;
  };

  const bid = (id: string, who: TestAccount, price: string, marker: string) =>
    postForm(t, `/tenders/${id}/sections/1/bids`, who.token, { price }, { name: `${marker}.pdf`, content: Buffer.from(`%PDF 投标文件 ${marker} ${'技术标'.repeat(2000)}`) });

  it('walks registration, return, acceptance, announcement, clarification, amendment, deposits, sealed bids, opening, a drawn committee, publicity with an objection, award and refunds', async () => {
    // Registration: a deposit above 2 % of the estimate is refused and changes nothing.
    const before = await t.snapshot();
    const over = await t.http.post('/tenders', registration([{ name: '一标段', estimate: '10000000.00', deposit: '200000.01' }]), agent.token);
    expect(over.status).toBe(422);
    expect(over.body.code).toBe('DEPOSIT_OVER_CAP');
    expect(over.body.message.zh).toContain('保证金');
    expect(await t.snapshot()).toEqual(before);
    for (const token of [centre, office, bidders[0].token]) expect((await t.http.post('/tenders', registration(), token)).status).toBe(403);

    const reg = await t.http.post('/tenders', registration(), agent.token);
    expect(reg.status).toBe(201);
    expect(reg.body).toMatchObject({ status: 'submitted', estimate: '10000000.00', sections: [{ no: 1, deposit: '200000.00', status: 'open' }] });
    const id = reg.body.id as string;

    // The centre returns it with reasons; the agent resubmits; the centre accepts.
    expect((await t.http.post(`/tenders/${id}/return`, { reasons: ['缺少立项批复文件'] }, owner.token)).status).toBe(403);
    const returned = await t.http.post(`/tenders/${id}/return`, { reasons: ['缺少立项批复文件'] }, centre);
    expect(returned.body).toMatchObject({ status: 'returned', returnReasons: ['缺少立项批复文件'] });
    expect((await t.http.post(`/tenders/${id}/accept`, {}, centre)).body.code).toBe('TENDER_STATE_CONFLICT');
    expect((await t.http.post(`/tenders/${id}/resubmit`, {}, bidders[0].token)).status).toBe(403);
    expect((await t.http.post(`/tenders/${id}/resubmit`, {}, agent.token)).body.status).toBe('submitted');
    expect((await t.http.post(`/tenders/${id}/announce`, { bidDeadline: inSeconds(60) }, centre)).body.code).toBe('TENDER_STATE_CONFLICT');
    expect((await t.http.post(`/tenders/${id}/accept`, {}, centre)).body.status).toBe('accepted');

    // Announcement needs the documents, and a deadline the rules allow (12 s here for 20 days).
    expect((await t.http.post(`/tenders/${id}/announce`, { bidDeadline: inSeconds(60) }, centre)).body.code).toBe('DOCUMENTS_MISSING');
    const docs = Buffer.from('%PDF-1.7 招标文件 第一章 招标公告 ……');
    const upload = await postForm(t, `/tenders/${id}/documents`, agent.token, { note: '招标文件' }, { name: '招标文件.pdf', content: docs });
    expect(upload.status).toBe(201);
    expect(upload.body.documents[0].sha256).toBe(createHash('sha256').update(docs).digest('hex'));
    expect((await postForm(t, `/tenders/${id}/documents`, agent.token, {}, { name: 'virus.exe', content: Buffer.from('MZ') })).body.code).toBe('UPLOAD_INVALID');
    const early = await t.http.post(`/tenders/${id}/announce`, { bidDeadline: inSeconds(3) }, centre);
    expect(early.status).toBe(422);
    expect(early.body.code).toBe('DEADLINE_TOO_EARLY');
    expect((await tender(id)).status).toBe('accepted');
    const announced = await t.http.post(`/tenders/${id}/announce`, { bidDeadline: inSeconds(16) }, centre);
    expect(announced.status).toBe(200);
    expect(announced.body.status).toBe('bidding');
    const firstDeadline = new Date(announced.body.bidDeadline);
    expect((await t.http.get(`/public/tenders/${id}`)).body).toMatchObject({ status: 'bidding', name: '市第一人民医院新院区建设工程', returnReasons: null });
    expect((await t.http.get('/public/tenders')).body.map((x: { id: string }) => x.id)).toContain(id);

    // Bidders register for the documents; one asks; the answer goes to all without naming the asker.
    for (const b of bidders) expect((await t.http.post(`/tenders/${id}/registrations`, {}, b.token)).status).toBe(200);
    const download = await fetch(`${t.http.baseUrl}/tenders/${id}/documents/${upload.body.documents[0].id}`, { headers: { authorization: `Bearer ${bidders[0].token}` } });
    const got = Buffer.from(await download.arrayBuffer());
    expect({ status: download.status, body: got.toString() }).toEqual({ status: 200, body: docs.toString() });
    const outsider = await t.account([Role.Bidder]);
    expect((await t.http.get(`/tenders/${id}/documents/${upload.body.documents[0].id}`, outsider.token)).body.code).toBe('NOT_REGISTERED_BIDDER');
    const q = await t.http.post(`/tenders/${id}/questions`, { question: '工程量清单第 12 项单位是否有误?' }, bidders[1].token);
    expect(q.status).toBe(201);
    expect((await t.http.post(`/tenders/${id}/questions`, { question: '?' }, outsider.token)).body.code).toBe('NOT_REGISTERED_BIDDER');
    expect((await t.http.post(`/tenders/${id}/questions/${q.body.id}/answer`, { answer: '单位应为立方米。' }, bidders[1].token)).status).toBe(403);
    expect((await t.http.post(`/tenders/${id}/questions/${q.body.id}/answer`, { answer: '单位应为立方米。' }, owner.token)).body.answer).toBe('单位应为立方米。');
    const seen = (await t.http.get(`/tenders/${id}/questions`, bidders[4].token)).body;
    expect(seen).toEqual([expect.objectContaining({ question: '工程量清单第 12 项单位是否有误?', answer: '单位应为立方米。' })]);
    expect(JSON.stringify(seen)).not.toContain(bidders[1].organisationId!);
    const told = await t.ds.query(`SELECT count(*)::int AS n FROM notification_outbox WHERE template = 'tender.clarification' AND params->>'projectId' = $1`, [id]);
    expect(told[0].n).toBe(6);

    // An amendment with less than the clarification period left pushes the deadline; every bidder is told.
    const amendment = await postForm(t, `/tenders/${id}/amendments`, owner.token, { note: '第三章修改' }, { name: '修改文件.pdf', content: Buffer.from('%PDF 修改') });
    expect(amendment.status).toBe(201);
    expect(amendment.body.moved).toBe(true);
    const deadline = new Date(amendment.body.bidDeadline);
    expect(deadline.getTime()).toBeGreaterThan(firstDeadline.getTime());
    expect((await t.ds.query(`SELECT due_at FROM milestone WHERE kind = 'tendering.bid_deadline' AND subject_id = $1`, [id]))[0].due_at.getTime()).toBe(deadline.getTime());

    // Deposits: declared by bidders, confirmed by the centre; short amounts refused.
    expect((await t.http.post(`/tenders/${id}/sections/1/deposits`, { method: 'guarantee', reference: 'BH0001', amount: '199999.99' }, bidders[0].token)).body.code).toBe('DEPOSIT_AMOUNT_SHORT');
    for (const [i, b] of bidders.slice(0, 5).entries()) {
      const d = await t.http.post(`/tenders/${id}/sections/1/deposits`, { method: i % 2 ? 'guarantee' : 'transfer', reference: `REF-${i}-0001`, payerAccount: `62220202001122${i}`, amount: '200000.00' }, b.token);
      expect(d.status).toBe(201);
      expect((await t.http.post(`/tenders/deposits/${d.body.id}/confirm`, {}, b.token)).status).toBe(403);
      expect((await t.http.post(`/tenders/deposits/${d.body.id}/confirm`, {}, centre)).body.status).toBe('confirmed');
    }
    expect((await t.http.get(`/tenders/${id}/deposits`, bidders[0].token)).body).toHaveLength(1);
    // 法 22: the owner learns who deposited only at the opening; the centre sees every deposit it confirms.
    expect((await t.http.get(`/tenders/${id}/deposits`, owner.token)).body.code).toBe('BIDDERS_SECRET');
    expect((await t.http.get(`/tenders/${id}/deposits`, centre)).body).toHaveLength(5);

    // Sealed bids: five bidders, one resubmits, prices never echoed; refusals change nothing.
    const prices = ['9650000.00', '9812345.67', '9701000.00', '9888000.00', '9599999.99'];
    const receipts: { receiptNo: string; organisationId: string; bidDigest: string }[] = [];
    for (const [i, b] of bidders.slice(0, 5).entries()) {
      const r = await bid(id, b, i === 2 ? '9999999.00' : prices[i], `SECRET-MARKER-${i}`);
      expect(r.status).toBe(201);
      expect(r.body.bidDigest).toMatch(/^[0-9a-f]{64}$/);
      expect(JSON.stringify(r.body)).not.toContain(prices[i]);
      receipts.push(r.body);
    }
    const again = await bid(id, bidders[2], prices[2], 'SECRET-MARKER-2');
    expect(again.body.replaces).toBe(receipts[2].receiptNo);
    receipts[2] = again.body;
    const unchanged = await t.snapshot();
    expect((await postForm(t, `/tenders/${id}/sections/1/bids`, bidders[0].token, { price: '-1' }, { name: 'a.pdf', content: Buffer.from('x') })).body.code).toBe('BID_PRICE_INVALID');
    expect((await postForm(t, `/tenders/${id}/sections/1/bids`, bidders[0].token, { price: '100.001' }, { name: 'a.pdf', content: Buffer.from('x') })).body.code).toBe('BID_PRICE_INVALID');
    expect((await postForm(t, `/tenders/${id}/sections/1/bids`, bidders[0].token, { price: '100.00' })).body.code).toBe('BID_DOCUMENTS_REQUIRED');
    expect((await postForm(t, `/tenders/${id}/sections/1/bids`, outsider.token, { price: '100.00' }, { name: 'a.pdf', content: Buffer.from('x') })).body.code).toBe('NOT_REGISTERED_BIDDER');
    expect((await postForm(t, `/tenders/${id}/sections/9/bids`, bidders[0].token, { price: '100.00' }, { name: 'a.pdf', content: Buffer.from('x') })).body.code).toBe('SECTION_NOT_FOUND');
    for (const token of [centre, owner.token, office]) expect((await postForm(t, `/tenders/${id}/sections/1/bids`, token, { price: '100.00' }, { name: 'a.pdf', content: Buffer.from('x') })).status).toBe(403);
    expect(await t.snapshot()).toEqual(unchanged);

    // Sealed means sealed: no endpoint shows a price or the documents before the opening, whatever the role.
    for (const token of [centre, owner.token, agent.token, office, regulator, bidders[0].token]) {
      const r = await t.http.get(`/tenders/${id}/bids/${receipts[1].receiptNo}/documents`, token);
      expect([403, 404]).toContain(r.status);
      expect(JSON.stringify(r.body)).not.toContain('SECRET-MARKER');
    }
    const sealedRecord = await t.http.get(`/public/tenders/${id}/opening`);
    expect(sealedRecord.status).toBe(200);
    expect(sealedRecord.body).toMatchObject({ sealed: true, openedAt: null, sections: [{ no: 1, bidCount: null, bids: [] }] });
    const everything = JSON.stringify([await tender(id), (await t.http.get(`/tenders/${id}`, office)).body, (await t.http.get(`/tenders/${id}/bids/mine`, bidders[1].token)).body, (await t.http.get(`/audit/events?subjectType=tender&subjectId=${id}`, office)).body]);
    for (const p of prices) {
      expect(everything).not.toContain(p);
      expect(everything).not.toContain(p.replace('.', ''));
    }
    expect(everything).not.toContain('SECRET-MARKER');
    const rows = await t.ds.query(`SELECT t::text AS row FROM tender_bid t`);
    const dbText = rows.map((r: { row: string }) => r.row).join('\n') + JSON.stringify(await t.ds.query(`SELECT payload FROM audit_event`)) + JSON.stringify(await t.ds.query(`SELECT payload FROM milestone`)) + JSON.stringify(await t.ds.query(`SELECT params FROM notification_outbox`));
    for (const p of prices) expect(dbText).not.toContain(p.replace('.', ''));
    expect(dbText).not.toContain(Buffer.from('SECRET-MARKER').toString('hex'));
    expect(dbText).not.toContain('SECRET-MARKER');

    // The deadline passes: a late bid is refused by the server's clock; the worker opens.
    await waitFor(async () => Date.now() > deadline.getTime() + 50, 30000, 'the deadline');
    const late = await bid(id, bidders[5], '9000000.00', 'LATE');
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('BID_AFTER_DEADLINE');
    expect(late.body.message.zh).toContain('截止');
    const opened = await waitFor(async () => ((await tender(id)).status === 'opened' ? tender(id) : undefined), 20000, 'the opening');
    expect(opened.openedAt).toBeTruthy();
    const record = (await t.http.get(`/public/tenders/${id}/opening`)).body;
    expect(record.sections[0].bidCount).toBe(5);
    expect(record.sections[0].bids.map((b: { price: string }) => b.price).sort()).toEqual([...prices].sort());
    expect(record.sections[0].bids.every((b: { depositStatus: string; documentsVerified: boolean }) => b.depositStatus === 'confirmed' && b.documentsVerified)).toBe(true);
    expect(record.sections[0].bids.map((b: { bidDigest: string }) => b.bidDigest).sort()).toEqual(receipts.map((r) => r.bidDigest).sort());

    // After the opening the bidder and the supervisors read the documents; an objection on the spot gets its answer.
    const own = await fetch(`${t.http.baseUrl}/tenders/${id}/bids/${receipts[1].receiptNo}/documents`, { headers: { authorization: `Bearer ${office}` } });
    expect(own.status).toBe(200);
    expect(Buffer.from(await own.arrayBuffer()).toString()).toContain('SECRET-MARKER-1');
    expect((await t.http.get(`/tenders/${id}/bids/${receipts[1].receiptNo}/documents`, bidders[0].token)).status).toBe(404);
    const objection = await t.http.post(`/tenders/${id}/opening-objections`, { content: '第三名的报价唱标有误' }, bidders[3].token);
    expect(objection.status).toBe(201);
    expect((await t.http.post(`/tenders/${id}/opening-objections`, { content: 'x' }, outsider.token)).body.code).toBe('NOT_REGISTERED_BIDDER');
    // registered, but its only bid came too late: the opening is a bidder's to object to (条例 44)
    const noBid = await t.http.post(`/tenders/${id}/opening-objections`, { content: 'x' }, bidders[5].token);
    expect([noBid.status, noBid.body.code]).toEqual([403, 'NOT_PROJECT_BIDDER']);
    const answered = await t.http.post(`/tenders/${id}/opening-objections/${objection.body.id}/reply`, { reply: '经核对唱标无误。' }, centre);
    expect(answered.body.reply).toBe('经核对唱标无误。');
    // each bidder tells its own objection from the others' answered ones (the complaint form offers only its own)
    const seenBy = async (token: string) => (await t.http.get(`/tenders/${id}/opening-objections`, token)).body.map((o: { id: string; mine: boolean }) => [o.id, o.mine]);
    expect(await seenBy(bidders[3].token)).toEqual([[objection.body.id, true]]);
    expect(await seenBy(bidders[0].token)).toEqual([[objection.body.id, false]]);

    // The committee: drawn at random for the session through the expert draw, each expert accepts.
    await insertSpecialties(t.ds, ['T01', 'T01.01']);
    const experts = new Map<string, string>();
    for (let i = 0; i < 6; i++) {
      const a = await t.account([Role.Expert], { organisationId: null });
      experts.set((await insertExperts(t.ds, 1, { specialty: 'T01.01', accountId: a.id }))[0], a.token);
    }
    const draw = await t.http.post(
      '/expert-draws',
      { projectId: id, sessionStart: inSeconds(5), sessionEnd: inSeconds(3600), ownerRepresentatives: 0, requirements: [{ specialty: 'T01.01', count: 5, reserves: 0 }] },
      centre,
    );
    expect(draw.status).toBe(202);
    await waitFor(async () => (await t.http.get(`/expert-draws/${draw.body.id}`, centre)).body.status === 'inviting', 20000, 'the draw');
    const seated: string[] = [];
    for (const [, token] of experts) {
      const [inv] = (await t.http.get('/experts/me/invitations', token)).body;
      if (!inv) continue;
      expect((await t.http.post(`/experts/me/invitations/${inv.id}/accept`, {}, token)).status).toBe(200);
      seated.push(token);
    }
    expect(seated).toHaveLength(5);
    const idle = [...experts.values()].find((tok) => !seated.includes(tok))!;
    await waitFor(async () => (await t.http.get(`/expert-draws/${draw.body.id}`, centre)).body.status === 'opened', 20000, 'the session to start');
    expect((await t.http.post(`/tenders/${id}/sections/1/evaluation`, { drawId: draw.body.id }, centre)).status).toBe(200);

    // Only the seated experts read the bids, and only now; each scores every bid.
    expect((await t.http.get(`/tenders/${id}/sections/1/evaluation/bids`, idle)).status).toBe(403);
    expect((await t.http.get(`/tenders/${id}/sections/1/evaluation/bids`, centre)).status).toBe(403);
    const sheet = (await t.http.get(`/tenders/${id}/sections/1/evaluation/bids`, seated[0])).body;
    expect(sheet.bids).toHaveLength(5);
    const tech = sheet.criteria.technical.map((c: { max: number }) => c.max);
    const biz = sheet.criteria.business.map((c: { max: number }) => c.max);
    const byPrice = [...sheet.bids].sort((a: { price: string }, b: { price: string }) => Number(a.price) - Number(b.price));
    for (const [e, token] of seated.entries()) {
      for (const [rank, b] of byPrice.entries()) {
        const quality = rank === 1 ? 1 : 0.8 - rank * 0.05; // the second cheapest has the best technical offer
        const body = { technical: tech.map((m: number) => Math.round(m * quality) - e), business: biz.map((m: number) => Math.round(m * 0.9)) };
        const r = await t.http.put(`/tenders/${id}/sections/1/evaluation/bids/${b.bidId}/score`, body, token);
        expect(r.status).toBe(200);
      }
    }
    const report = await t.http.post(`/tenders/${id}/sections/1/evaluation/report`, {}, seated[2]);
    expect(report.status).toBe(201);
    expect(report.body.candidates).toHaveLength(3);
    const first = report.body.candidates[0];
    expect(first.bidId).toBe(byPrice[1].bidId);

    // Publicity on the portal; an objection pauses the award until the owner answers it.
    expect((await t.http.post(`/tenders/${id}/sections/1/publicity`, {}, agent.token)).status).toBe(200);
    const results = (await t.http.get(`/public/tenders/${id}/results`)).body;
    expect(results.sections[0].candidates.map((c: { rank: number }) => c.rank)).toEqual([1, 2, 3]);
    expect(JSON.stringify(results)).not.toMatch(/expert|专家\d+号/i);
    const loser = bidders.slice(0, 5).find((b) => b.organisationId !== first.organisationId && receipts.find((r) => r.receiptNo === first.bidId)?.organisationId !== b.organisationId)!;
    const objection2 = await t.http.post(`/tenders/${id}/sections/1/objections`, { content: '第一中标候选人项目经理有在建项目' }, loser.token);
    expect(objection2.status).toBe(201);
    await waitFor(async () => Date.now() > new Date((await tender(id)).sections[0].publicityUntil).getTime() + 100, 20000, 'the publicity to end');
    const paused = await t.http.post(`/tenders/${id}/sections/1/award`, {}, owner.token);
    expect(paused.status).toBe(409);
    expect(paused.body.code).toBe('AWARD_PAUSED');
    expect((await t.http.post(`/tenders/${id}/objections/${objection2.body.id}/reply`, { reply: '经核查,该项目已竣工,异议不成立。' }, owner.token)).status).toBe(200);

    // Award, result notices, contract, and every deposit refunded on record.
    const award = await t.http.post(`/tenders/${id}/sections/1/award`, {}, owner.token);
    expect(award.status).toBe(201);
    expect(award.body.bidId).toBe(first.bidId);
    expect((await tender(id)).status).toBe('awarded');
    expect((await t.http.get(`/public/tenders/${id}/results`)).body.sections[0].award.price).toBe(first.price);
    const notices = await t.ds.query(`SELECT template, count(*)::int AS n FROM notification_outbox WHERE params->>'projectId' = $1 AND template IN ('tendering.award_notice', 'tendering.award_result') GROUP BY 1 ORDER BY 1`, [id]);
    expect(notices).toEqual([{ template: 'tendering.award_notice', n: 1 }, { template: 'tendering.award_result', n: 4 }]);
    expect((await t.http.post(`/tenders/${id}/sections/1/contract`, { amount: first.price }, owner.token)).status).toBe(200);
    for (const d of (await t.http.get(`/tenders/${id}/deposits`, centre)).body) {
      expect(d.refundDue).toBeTruthy();
      if (d.method === 'guarantee') expect((await t.http.post(`/tenders/deposits/${d.id}/release`, {}, centre)).body.status).toBe('released');
      else expect((await t.http.post(`/tenders/deposits/${d.id}/refund`, { reference: `TK-${d.id.slice(0, 8)}` }, centre)).body.status).toBe('refunded');
    }
    const actions = (await t.http.get(`/audit/events?subjectType=tender&subjectId=${id}`, office)).body.items.map((e: { action: string }) => e.action);
    for (const a of ['tender.registered', 'tender.returned', 'tender.accepted', 'tender.announced', 'tender.amended', 'tender.bid_submitted', 'tender.opened', 'tender.reported', 'tender.awarded', 'tender.deposit_refunded', 'tender.deposit_released']) expect(actions).toContain(a);
    expect((await t.http.get(`/audit/verify`, office)).body.ok).toBe(true);

    // Logs of both processes never held a price or the documents.
    const logs = readFileSync(apiLog, 'utf8') + readFileSync(workerLog, 'utf8');
    expect(logs.length).toBeGreaterThan(0);
    expect(logs).not.toContain('SECRET-MARKER');
    for (const p of prices) {
      expect(logs).not.toContain(p);
      expect(logs).not.toContain(p.replace('.', ''));
    }
  }, 150000);

  it('fails a tender with fewer than 3 bids (流标): nothing is opened, deposits fall due, the owner re-tenders', async () => {
    const a = await announced(13);
    for (const b of bidders.slice(0, 2)) {
      await t.http.post(`/tenders/${a.id}/registrations`, {}, b.token);
      expect((await bid(a.id, b, '9000000.00', 'FEW')).status).toBe(201);
    }
    const d = await t.http.post(`/tenders/${a.id}/sections/1/deposits`, { method: 'guarantee', reference: 'BH-FAIL-01', amount: '200000.00' }, bidders[0].token);
    expect(d.status).toBe(201);
    const failed = await waitFor(async () => ((await tender(a.id)).status === 'failed' ? tender(a.id) : undefined), 40000, 'the tender to fail');
    expect(failed.sections[0].status).toBe('failed');
    const record = (await t.http.get(`/public/tenders/${a.id}/opening`)).body;
    expect(record.sections[0]).toMatchObject({ status: 'failed', bidCount: 2, bids: [] });
    expect((await t.ds.query(`SELECT count(*)::int AS n FROM tender_bid b JOIN tender_section s ON s.id = b.section_id WHERE s.project_id = $1 AND b.price_fen IS NOT NULL`, [a.id]))[0].n).toBe(0);
    const [deposit] = (await t.http.get(`/tenders/${a.id}/deposits`, centre)).body;
    expect(deposit.refundDue).toBeTruthy();
    // never confirmed: nothing to give back until the centre confirms it; an e-guarantee is released, once
    expect((await t.http.post(`/tenders/deposits/${deposit.id}/release`, {}, centre)).body.code).toBe('DEPOSIT_NOT_CONFIRMED');
    expect((await t.http.post(`/tenders/deposits/${deposit.id}/confirm`, {}, centre)).body.status).toBe('confirmed');
    expect((await t.http.post(`/tenders/deposits/${deposit.id}/refund`, { reference: 'TK-0001' }, centre)).body.code).toBe('DEPOSIT_IS_GUARANTEE');
    expect((await t.http.post(`/tenders/deposits/${deposit.id}/release`, {}, centre)).body.status).toBe('released');
    expect((await t.http.post(`/tenders/deposits/${deposit.id}/release`, {}, centre)).body.code).toBe('DEPOSIT_STATE_CONFLICT');
    const again = await t.http.post(`/tenders/${a.id}/retender`, {}, agent.token);
    expect(again.status).toBe(201);
    expect(again.body).toMatchObject({ status: 'submitted', retenderOf: a.id, name: '市第一人民医院新院区建设工程' });
    expect((await t.http.get(`/audit/events?subjectType=tender&subjectId=${a.id}`, office)).body.items.map((e: { action: string }) => e.action)).toContain('tender.failed');
  }, 60000);
});
