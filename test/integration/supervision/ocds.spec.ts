import { Role } from '@app/platform/auth/roles';
import { Money } from '@app/platform/money/money';
import { OpenDataRepository } from '@app/supervision/opendata/opendata.repository';
import { insertExperts, insertSpecialties } from '../../support/expert-fixtures';
import { officialProblems } from '../../support/ocds-official';
import { ocdsProblems, recordPackageProblems } from '../../support/ocds-schema';
import { fastTenderingRules, postForm } from '../../support/tender-fixtures';
import { startTestApp, TestAccount, TestApp } from '../../support/test-app';
import { startWorker, waitFor, WorkerProcess } from '../../support/worker-process';

const PREFIX = 'ocds-yg0000';
const yuan = (fen: bigint | string) => Number(Money.ofFen(BigInt(fen)).toYuan());

// 公开数据: a tender to its contract, a land listing to its deal confirmation and an e-mall online quote to its order,
// each exported as OCDS 1.1 through the public API and checked against the official OCDS 1.1.5 schemas (test/fixtures/ocds-1.1.5) and the codelists of test/support/ocds-schema.ts.
describe('OCDS open data', () => {
  let t: TestApp;
  let worker: WorkerProcess;
  let centre: string;
  let committee: string;
  let owner: TestAccount;
  let agent: TestAccount;
  const ids: { tender?: string; land?: string; requirement?: string } = {};

  beforeAll(async () => {
    t = await startTestApp('ocds');
    worker = await startWorker({ DATABASE_URL: t.databaseUrl, REDIS_PREFIX: t.redisPrefix, MILESTONE_RECONCILE_MS: '1000', LOT_RECONCILE_MS: '500' });
    centre = (await t.account([Role.Centre])).token;
    committee = (await t.account([Role.Committee])).token;
    owner = await t.account([Role.Owner], { organisationId: await t.organisation('市卫生健康委员会') });
    agent = await t.account([Role.Agent], { organisationId: await t.organisation('某工程招标代理有限公司') });
    await fastTenderingRules(t, committee, { bidPreparation: 10, clarificationBeforeDeadline: 20, openingObjectionWindow: 30, depositRefund: 30, candidatePublicity: 4, publicityObjectionReply: 60, expertResponseWindow: 60 });
    await sandboxRules('land', '土地出让测试(秒)', { announcementBeforeListing: 2, listing: 4, resultPublicity: 30, depositRefund: 20 }, { countdownSeconds: 5 });
    await sandboxRules('procurement', '电子卖场测试(秒)', { quoteWindow: 5 });
  }, 60000);

  afterAll(async () => {
    await worker?.stop();
    await t?.close();
  });

  async function sandboxRules(domain: string, name: string, periods: Record<string, number>, numbers?: Record<string, number>) {
    const changes = { periods: Object.fromEntries(Object.entries(periods).map(([k, s]) => [k, { value: s, unit: 's' }])), ...(numbers ? { numbers } : {}) };
    const draft = await t.http.post('/rule-sets', { domain, name, sandbox: true, changes }, committee);
    expect(draft.status).toBe(201);
    expect((await t.http.post(`/rule-sets/${draft.body.id}/publish`, {}, committee)).status).toBe(200);
  }

  const inSeconds = (s: number) => new Date(Date.now() + s * 1000).toISOString();
  const ocds = async (id: string) => {
    const r = await t.http.get(`/public/ocds/projects/${id}`);
    expect(r.status).toBe(200);
    return r.body;
  };
  const bidderIn = async (name: string) => t.account([Role.Bidder], { organisationId: await t.organisation(name) });

  /** The record package of a process conforms to the schema subset and holds exactly the releases of its package. */
  async function recordConforms(ocid: string, releases: unknown[]) {
    const r = await t.http.get(`/public/ocds/records/${ocid}`);
    expect(r.status).toBe(200);
    expect(recordPackageProblems(r.body)).toEqual([]);
    expect(r.body.records[0].releases).toEqual(releases);
    return r.body.records[0];
  }

  /** Checks what every package must satisfy; returns the releases. */
  function conforming(pkg: any, ocid: string) {
    expect(ocdsProblems(pkg)).toEqual([]);
    expect(pkg).toMatchObject({ version: '1.1', publisher: { name: expect.any(String) }, license: expect.stringMatching(/^https?:\/\//), publicationPolicy: expect.stringMatching(/^https?:\/\//) });
    expect(pkg.uri).toMatch(/^https?:\/\/.+\/public\/ocds\//);
    const releases = pkg.releases.filter((r: any) => r.ocid === ocid);
    expect(releases.length).toBeGreaterThan(0);
    expect(new Set(releases.map((r: any) => r.id)).size).toBe(releases.length);
    expect([...releases.map((r: any) => r.date)]).toEqual([...releases.map((r: any) => r.date)].sort());
    expect(pkg.publishedDate >= releases[releases.length - 1].date).toBe(true);
    for (const r of releases) {
      expect(r.tender.id).toBe(ocid.slice(PREFIX.length + 1));
      for (const v of [r.tender.value, ...(r.awards ?? []).map((a: any) => a.value), ...(r.contracts ?? []).map((c: any) => c.value)]) if (v) expect(v.currency).toBe('CNY');
      // No personal data: no contact point, no account, no phone.
      expect(JSON.stringify(r)).not.toMatch(/contactPoint|telephone|13800000000|张三|李四|username/);
    }
    return releases;
  }

  it('exports a tender: the announcement without any bid, then the opening, the award and the contract', async () => {
    const bidders = [await bidderIn('甲建设集团有限公司'), await bidderIn('乙建工有限公司'), await bidderIn('丙路桥有限公司')];
    const reg = await t.http.post(
      '/tenders',
      { name: '市第一人民医院新院区建设工程', kind: 'construction', region: '350102', qualification: '建筑工程施工总承包一级', evaluationMethod: 'comprehensive', sections: [{ name: '一标段:主体结构', estimate: '10000000.00', deposit: '200000.00' }], ownerOrganisationId: owner.organisationId, ruleSet: 'sandbox' },
      agent.token,
    );
    expect(reg.status).toBe(201);
    const id = (ids.tender = reg.body.id as string);
    // Not published yet: not open data.
    const unknown = await t.http.get(`/public/ocds/projects/${id}`);
    expect([unknown.status, unknown.body.code]).toEqual([404, 'PROJECT_NOT_FOUND']);
    expect((await t.http.post(`/tenders/${id}/accept`, {}, centre)).status).toBe(200);
    expect((await postForm(t, `/tenders/${id}/documents`, agent.token, {}, { name: '招标文件.pdf', content: Buffer.from('%PDF 招标文件') })).status).toBe(201);
    const announced = await t.http.post(`/tenders/${id}/announce`, { bidDeadline: inSeconds(14) }, centre);
    expect(announced.status).toBe(200);
    const prices = ['9650000.00', '9812345.67', '9701000.00'];
    for (const [i, b] of bidders.entries()) {
      expect((await t.http.post(`/tenders/${id}/registrations`, {}, b.token)).status).toBe(200);
      expect((await postForm(t, `/tenders/${id}/sections/1/bids`, b.token, { price: prices[i] }, { name: `bid-${i}.pdf`, content: Buffer.from(`%PDF 投标文件 ${i}`) })).status).toBe(201);
    }

    // Sealed: before the deadline the export holds the estimate only — no price, no bidder, no count.
    const sealed = await ocds(id);
    const code = sealed.releases[0].tender.id as string;
    const ocid = `${PREFIX}-${code}`;
    const [announcement] = conforming(sealed, ocid);
    expect(sealed.releases).toHaveLength(1);
    expect(announcement).toMatchObject({ ocid, tag: ['planning', 'tender'], initiationType: 'tender', buyer: { name: '市卫生健康委员会' } });
    expect(announcement.tender).toMatchObject({ status: 'active', procurementMethod: 'open', mainProcurementCategory: 'works', value: { amount: 10000000, currency: 'CNY' }, tenderPeriod: { endDate: new Date(announced.body.bidDeadline).toISOString() } });
    expect(announcement.planning.budget.amount).toEqual({ amount: 10000000, currency: 'CNY' });
    expect(announcement.parties.map((p: any) => [p.name, p.roles, p.identifier.scheme])).toEqual([
      ['市卫生健康委员会', ['buyer'], 'CN-SAIC'],
      ['某工程招标代理有限公司', ['procuringEntity'], 'CN-SAIC'],
    ]);
    expect(announcement.tender.numberOfTenderers).toBeUndefined();
    const sealedText = JSON.stringify(sealed);
    for (const p of prices) {
      expect(sealedText).not.toContain(p);
      expect(sealedText).not.toContain(String(Number(p)));
    }
    for (const name of ['甲建设集团', '乙建工', '丙路桥']) expect(sealedText).not.toContain(name);
    // The bulk export does not leak them either.
    expect(JSON.stringify((await t.http.get('/public/ocds/releases?limit=100')).body)).not.toContain('乙建工');

    // The worker opens at the deadline: the tenderers and their number appear in a new release.
    await waitFor(async () => (await t.http.get(`/tenders/${id}`, centre)).body.status === 'opened', 40000, 'the opening');
    const opened = await ocds(id);
    const afterOpening = conforming(opened, ocid);
    expect(afterOpening.map((r: any) => r.tag)).toEqual([['planning', 'tender'], ['tenderUpdate']]);
    expect(afterOpening[0]).toEqual(announcement);
    expect(afterOpening[1].tender).toMatchObject({ status: 'active', numberOfTenderers: 3 });
    expect(afterOpening[1].tender.tenderers.map((x: any) => x.name).sort()).toEqual(['丙路桥有限公司', '乙建工有限公司', '甲建设集团有限公司']);

    // Evaluation by a drawn committee, publicity, award and contract, as the tendering tests do it.
    await insertSpecialties(t.ds, ['T01', 'T01.01']);
    const experts: string[] = [];
    for (let i = 0; i < 5; i++) {
      const a = await t.account([Role.Expert], { organisationId: null });
      await insertExperts(t.ds, 1, { specialty: 'T01.01', accountId: a.id });
      experts.push(a.token);
    }
    const draw = await t.http.post('/expert-draws', { projectId: id, sessionStart: inSeconds(4), sessionEnd: inSeconds(3600), ownerRepresentatives: 0, requirements: [{ specialty: 'T01.01', count: 5, reserves: 0 }] }, centre);
    expect(draw.status).toBe(202);
    await waitFor(async () => (await t.http.get(`/expert-draws/${draw.body.id}`, centre)).body.status === 'inviting', 20000, 'the draw');
    for (const token of experts) {
      const [inv] = (await t.http.get('/experts/me/invitations', token)).body;
      expect((await t.http.post(`/experts/me/invitations/${inv.id}/accept`, {}, token)).status).toBe(200);
    }
    await waitFor(async () => (await t.http.get(`/expert-draws/${draw.body.id}`, centre)).body.status === 'opened', 20000, 'the session');
    expect((await t.http.post(`/tenders/${id}/sections/1/evaluation`, { drawId: draw.body.id }, centre)).status).toBe(200);
    const sheet = (await t.http.get(`/tenders/${id}/sections/1/evaluation/bids`, experts[0])).body;
    for (const token of experts) {
      for (const b of sheet.bids) {
        const quality = b.price === '9701000.00' ? 0.95 : 0.7;
        const body = { technical: sheet.criteria.technical.map((c: { max: number }) => Math.round(c.max * quality)), business: sheet.criteria.business.map((c: { max: number }) => Math.round(c.max * 0.9)) };
        expect((await t.http.put(`/tenders/${id}/sections/1/evaluation/bids/${b.bidId}/score`, body, token)).status).toBe(200);
      }
    }
    const report = await t.http.post(`/tenders/${id}/sections/1/evaluation/report`, {}, experts[1]);
    expect(report.status).toBe(201);
    const published = await t.http.post(`/tenders/${id}/sections/1/publicity`, {}, agent.token);
    expect(published.status).toBe(200);
    await waitFor(async () => Date.now() > new Date(published.body.publicityUntil).getTime() + 200, 20000, 'the publicity');
    const award = await t.http.post(`/tenders/${id}/sections/1/award`, {}, owner.token);
    expect(award.status).toBe(201);
    const contract = await t.http.post(`/tenders/${id}/sections/1/contract`, { amount: award.body.price }, owner.token);
    expect(contract.status).toBe(200);

    const done = await ocds(id);
    const all = conforming(done, ocid);
    await recordConforms(ocid, all);
    expect(all.map((r: any) => r.tag)).toEqual([['planning', 'tender'], ['tenderUpdate'], ['award'], ['contract']]);
    expect(all.slice(0, 2)).toEqual(afterOpening);
    const [row] = await t.ds.query(
      `SELECT a.price_fen::text AS price, a.contract_amount_fen::text AS amount, a.awarded_at AS "awardedAt", a.contract_signed_at AS "signedAt", o.name, o.uscc
       FROM tender_award a JOIN tender_section s ON s.id = a.section_id JOIN organisation o ON o.id = a.organisation_id WHERE s.project_id = $1`,
      [id],
    );
    const last = all[3];
    expect(last.tender.status).toBe('complete');
    expect(last.awards).toEqual([{ id: 'section-1', title: '一标段:主体结构', status: 'active', date: row.awardedAt.toISOString(), value: { amount: yuan(row.price), currency: 'CNY' }, suppliers: [{ id: `CN-SAIC-${row.uscc}`, name: row.name }] }]);
    expect(last.awards[0].value.amount).toBe(9701000);
    expect(last.contracts).toEqual([{ id: 'contract-1', awardID: 'section-1', title: '一标段:主体结构', status: 'active', dateSigned: row.signedAt.toISOString(), value: { amount: yuan(row.amount), currency: 'CNY' } }]);
    expect(last.parties.find((p: any) => p.name === row.name)).toMatchObject({ identifier: { scheme: 'CN-SAIC', id: row.uscc, legalName: row.name }, roles: ['tenderer', 'supplier'] });
    // Experts and their scores are not open data.
    expect(JSON.stringify(done)).not.toMatch(/专家\d+号|technical|expert/i);

    // The history versions the section: opened, its candidates' publicity with its end, the award and the contract;
    // each state as it was, and the notices published by then.
    const h = (await t.http.get(`/public/projects/${id}/history`)).body;
    const change = (action: string) => h.versions.find((v: any) => v.action === action).changes;
    expect(change('tender.opened')).toContainEqual({ field: 'sections[0].status', from: 'bidding', to: 'opened' });
    expect(change('tender.candidates_published')).toContainEqual({ field: 'sections[0].publicityUntil', from: null, to: new Date(published.body.publicityUntil).toISOString() });
    expect(change('tender.awarded')).toContainEqual({ field: 'sections[0].award', from: null, to: { winnerName: row.name, price: '9701000.00', awardedAt: expect.any(String) } });
    const at = async (when: string) => (await t.http.get(`/public/projects/${id}/history?at=${encodeURIComponent(when)}`)).body.state;
    const publicityAt = h.versions.find((v: any) => v.action === 'tender.candidates_published').at;
    expect((await at(publicityAt)).sections).toEqual([{ no: 1, name: '一标段:主体结构', status: 'publicity', publicityUntil: new Date(published.body.publicityUntil).toISOString(), award: null, contract: null }]);
    expect((await at(new Date().toISOString())).sections[0]).toMatchObject({ status: 'contracted', contract: { amount: '9701000.00' } });
    expect((await at(publicityAt)).notices.map((n: any) => n.kind)).toEqual(['announcement', 'candidates']);
    expect((await at(new Date().toISOString())).notices.map((n: any) => n.kind).sort()).toEqual(['announcement', 'candidates', 'contract', 'result']);
    // the other bidders, their prices and the scores are not in it (the winner is 丙路桥 at 9,701,000)
    expect(JSON.stringify(h)).not.toMatch(/9650000|9812345|technical|甲建设|乙建工/);
  }, 180000);

  it('keeps each release as published: the announcement keeps the deadline an amendment replaced, the amendment is its own release', async () => {
    const reg = await t.http.post(
      '/tenders',
      { name: '市图书馆改造工程', kind: 'construction', region: '350102', qualification: '建筑工程施工总承包二级', evaluationMethod: 'lowest_price', sections: [{ name: '一标段', estimate: '3000000.00', deposit: '60000.00' }], ownerOrganisationId: owner.organisationId, ruleSet: 'sandbox' },
      agent.token,
    );
    expect(reg.status).toBe(201);
    const id = reg.body.id as string;
    expect((await t.http.post(`/tenders/${id}/accept`, {}, centre)).status).toBe(200);
    expect((await postForm(t, `/tenders/${id}/documents`, agent.token, {}, { name: '招标文件.pdf', content: Buffer.from('%PDF 招标文件 图书馆') })).status).toBe(201);
    const announced = await t.http.post(`/tenders/${id}/announce`, { bidDeadline: inSeconds(14) }, centre);
    expect(announced.status).toBe(200);
    const original = new Date(announced.body.bidDeadline).toISOString();
    // Nobody reads the export before the amendment: the announcement is rebuilt as it was at its date all the same.
    const amended = await postForm(t, `/tenders/${id}/amendments`, owner.token, { note: '第二章技术要求修改' }, { name: '修改文件.pdf', content: Buffer.from('%PDF 修改 图书馆') });
    expect(amended.status).toBe(201);
    expect(amended.body.moved).toBe(true);
    const moved = new Date(amended.body.bidDeadline).toISOString();
    expect(moved > original).toBe(true);

    const pkg = await ocds(id);
    const ocid = `${PREFIX}-${pkg.releases[0].tender.id}`;
    const [announcement, amendment] = conforming(pkg, ocid);
    expect(pkg.releases.map((r: any) => r.tag)).toEqual([['planning', 'tender'], ['tenderAmendment']]);
    expect(announcement.tender.tenderPeriod.endDate).toBe(original);
    expect(announcement.tender.amendments).toBeUndefined();
    expect(amendment.tender.tenderPeriod.endDate).toBe(moved);
    expect(amendment.tender.amendments).toEqual([
      { id: amended.body.documentId, date: amendment.date, rationale: expect.stringContaining('第二章技术要求修改'), description: expect.stringContaining(moved), amendsReleaseID: announcement.id, releaseID: amendment.id },
    ]);

    // Stored when first served, never rewritten: the database refuses to change a published release.
    const [stored] = await t.ds.query(`SELECT release_id, release FROM ocds_release WHERE release_id = $1`, [announcement.id]);
    expect(stored.release).toEqual(announcement);
    await expect(t.ds.query(`UPDATE ocds_release SET release = '{}' WHERE release_id = $1`, [announcement.id])).rejects.toThrow(/immutable/);
    await expect(t.ds.query(`DELETE FROM ocds_release WHERE release_id = $1`, [announcement.id])).rejects.toThrow(/immutable/);
    expect((await ocds(id)).releases.slice(0, 2)).toEqual([announcement, amendment]);

    // The record: the same releases, the compiled release with the amended deadline, and both deadlines versioned.
    const rec = await t.http.get(`/public/ocds/records/${ocid}`);
    expect(rec.status).toBe(200);
    expect(recordPackageProblems(rec.body)).toEqual([]);
    const [record] = rec.body.records;
    expect(record.ocid).toBe(ocid);
    expect(record.releases.slice(0, 2)).toEqual([announcement, amendment]);
    expect(record.compiledRelease.tender.tenderPeriod.endDate).toBe(record.releases[record.releases.length - 1].tender.tenderPeriod.endDate);
    expect(record.versionedRelease.tender.tenderPeriod.endDate.slice(0, 2)).toEqual([
      { releaseID: announcement.id, releaseDate: announcement.date, releaseTag: ['planning', 'tender'], value: original },
      { releaseID: amendment.id, releaseDate: amendment.date, releaseTag: ['tenderAmendment'], value: moved },
    ]);
    expect(rec.body.packages).toEqual([expect.stringMatching(new RegExp(`/public/ocds/projects/${id}$`))]);
    for (const bad of [`${PREFIX}-GC-0000-999999`, 'ocds-zzzzzz-GC-2026-000001', `${PREFIX}-CG-RQ-00000000-0000-0000-0000-000000000000`]) {
      const r = await t.http.get(`/public/ocds/records/${bad}`);
      expect([r.status, r.body.code]).toEqual([404, 'OCID_NOT_FOUND']);
    }
    expect((await t.http.get('/public/ocds/records/not_an_ocid')).status).toBe(400);

    // The public tender shows the deadline the amendment replaced.
    const page = (await t.http.get(`/public/tenders/${id}`)).body;
    expect(page.bidDeadline).toBe(moved);
    expect(page.deadlineChanges).toEqual([{ at: amendment.date, previousDeadline: original, bidDeadline: moved, documentId: amended.body.documentId }]);

    // History: the announcement and the amendment are versions, with what changed and why …
    const history = await t.http.get(`/public/projects/${id}/history`);
    expect(history.status).toBe(200);
    const versions = history.body.versions as any[];
    const announcedV = versions.find((v) => v.action === 'tender.announced');
    const amendedV = versions.find((v) => v.action === 'tender.amended');
    expect(announcedV.changes).toEqual(expect.arrayContaining([{ field: 'bidDeadline', from: null, to: original }, { field: 'tenderStatus', from: null, to: 'bidding' }]));
    expect(amendedV).toMatchObject({ at: amendment.date, role: 'owner', reason: { zh: '发布修改文件', note: '第二章技术要求修改' } });
    expect(amendedV.changes).toEqual([
      { field: 'bidDeadline', from: original, to: moved },
      { field: 'documents', from: null, to: [expect.objectContaining({ id: amended.body.documentId, kind: 'amendment', fileName: '修改文件.pdf' })] },
      { field: 'notices', from: null, to: [expect.objectContaining({ kind: 'amendment', title: expect.stringContaining('修改公告') })] },
    ]);
    // … and ?at= before the amendment gives the old deadline and the documents then published, after it the new ones.
    const before = await t.http.get(`/public/projects/${id}/history?at=${encodeURIComponent(new Date(new Date(amendment.date).getTime() - 1).toISOString())}`);
    expect(before.status).toBe(200);
    expect(before.body.state).toMatchObject({ projectStatus: 'published', tenderStatus: 'bidding', bidDeadline: original });
    expect(before.body.state.documents.map((d: any) => d.kind)).toEqual(['tender']);
    const after = (await t.http.get(`/public/projects/${id}/history?at=${encodeURIComponent(amendment.date)}`)).body;
    expect(after.state.bidDeadline).toBe(moved);
    expect(after.state.documents.map((d: any) => d.kind)).toEqual(['tender', 'amendment']);
    expect(after.version).toBe(before.body.version + 1);
    const tooEarly = await t.http.get(`/public/projects/${id}/history?at=2020-01-01T00:00:00Z`);
    expect([tooEarly.status, tooEarly.body.code]).toEqual([404, 'NOT_PUBLIC_AT']);
    expect((await t.http.get(`/public/projects/${id}/history?at=2026-13-01`)).status).toBe(400);
    expect((await t.http.get(`/public/projects/${id}/history?at=2026-03-01T08:00:00`)).status).toBe(400);
  }, 60000);

  it('exports a land listing sold to its one bidder, naming the buyer from the deal confirmation, amounts negative', async () => {
    const [b0, b1] = [await bidderIn('闽江置业有限公司'), await bidderIn('榕城地产有限公司')];
    const reg = await t.http.post(
      '/land/parcels',
      { name: '城东片区 2026-03 号地块', region: '350102', location: '鼓楼区东街以南', area: '35000.50', use: 'residential', termYears: 70, plotRatio: '2.50', mode: 'listing', startPrice: '10000000.00', increment: { fixed: '100000.00' }, deposit: '2000000.00', reserve: '10050000.00', ruleSet: 'sandbox' },
      owner.token,
    );
    expect(reg.status).toBe(201);
    const id = (ids.land = reg.body.id as string);
    const a = await t.http.post(`/land/parcels/${id}/announce`, { listingStartsAt: inSeconds(3), listingEndsAt: inSeconds(9) }, centre);
    expect(a.status).toBe(200);
    for (const b of [b0, b1]) {
      const app = await postForm(t, `/land/parcels/${id}/applications`, b.token, { depositMethod: 'transfer', depositReference: `ZZ-${b.username}`, depositAmount: '2000000.00' }, { name: '竞买申请书.pdf', content: Buffer.from(`%PDF ${b.username}`) });
      expect(app.status).toBe(201);
      expect((await t.http.post(`/land/applications/${app.body.id}/qualify`, {}, centre)).status).toBe(200);
    }
    await waitFor(async () => (await t.http.get(`/public/lots/${a.body.lotId}`)).body.phase === 'listing', 20000, 'the listing');
    expect((await t.http.post(`/lots/${a.body.lotId}/bids`, { price: '10000000.00', clientKey: 'ocds-land-bid-0001' }, b0.token)).status).toBe(201);
    expect((await t.http.post(`/lots/${a.body.lotId}/bids`, { price: '10100000.00', clientKey: 'ocds-land-bid-0002' }, b0.token)).status).toBe(201);

    const listing = await ocds(id);
    const ocid = `${PREFIX}-${listing.releases[0].tender.id}`;
    const [announcement] = conforming(listing, ocid);
    expect(announcement.tender).toMatchObject({ status: 'active', procurementMethod: 'open', value: { amount: -10000000, currency: 'CNY' } });
    expect(announcement.tender.procurementMethodDetails).toContain('挂牌');
    expect(JSON.stringify(listing)).not.toMatch(/10050000|闽江置业|榕城地产/);

    const ended = await waitFor(async () => ((await t.http.get(`/public/land/parcels/${id}`)).body.phase === 'ended' ? (await t.http.get(`/public/land/parcels/${id}`)).body : null), 30000, 'the end of the listing');
    expect(ended).toMatchObject({ result: 'sold', price: '10100000.00' });
    const sold = await ocds(id);
    const soldReleases = conforming(sold, ocid);
    expect(soldReleases.map((r: any) => r.tag)).toEqual([['planning', 'tender'], ['award']]);
    expect(soldReleases[1].tender).toMatchObject({ status: 'complete', numberOfTenderers: 1 });
    expect(soldReleases[1].awards[0]).toMatchObject({ status: 'active', value: { amount: -10100000, currency: 'CNY' }, suppliers: [] });
    expect(JSON.stringify(sold)).not.toContain('闽江置业');

    const conf = await t.http.post(`/land/parcels/${id}/confirmation`, {}, centre);
    expect(conf.status).toBe(201);
    const confirmed = await ocds(id);
    const rs = conforming(confirmed, ocid);
    await recordConforms(ocid, rs);
    expect(rs.slice(0, 2)).toEqual(soldReleases);
    const [parcel] = await t.ds.query(`SELECT price_fen::text AS price, confirmed_at AS "confirmedAt", confirmation_no AS no FROM land_parcel WHERE project_id = $1`, [id]);
    expect(rs[2]).toMatchObject({ tag: ['award', 'contract'], date: parcel.confirmedAt.toISOString() });
    expect(rs[2].awards[0].value.amount).toBe(-yuan(parcel.price));
    expect(rs[2].awards[0].suppliers.map((s: any) => s.name)).toEqual(['闽江置业有限公司']);
    expect(rs[2].contracts).toEqual([{ id: parcel.no, awardID: 'sale-1', title: '成交确认书 / deal confirmation', status: 'active', dateSigned: parcel.confirmedAt.toISOString(), value: { amount: -yuan(parcel.price), currency: 'CNY' } }]);
    expect(rs[2].parties.map((p: any) => [p.name, p.roles])).toEqual([
      ['市卫生健康委员会', ['buyer', 'payee']],
      ['闽江置业有限公司', ['supplier', 'payer']],
    ]);
    expect(JSON.stringify(confirmed)).not.toContain('榕城地产');
  }, 90000);

  it('exports an e-mall online quote round to its award and the order the supplier confirmed', async () => {
    const purchaser = owner;
    const suppliers = [await bidderIn('甲科技有限公司'), await bidderIn('乙电脑有限公司'), await bidderIn('丙信息有限公司')];
    for (const [i, s] of suppliers.entries()) {
      await t.ds.query(`INSERT INTO procurement_agreement (agreement_no, organisation_id, category_code, kind, valid_from, valid_until) VALUES ($1, $2, 'A02.01', 'framework', '2020-01-01', '2099-12-31')`, [`XY-OCDS-${i}`, s.organisationId]);
    }
    const [line] = await t.ds.query(`INSERT INTO budget_line (organisation_id, code, name, year, amount_fen, created_by) VALUES ($1, 'ZB-2026-007', '办公设备购置', 2026, 1000000000, $2) RETURNING id`, [purchaser.organisationId, purchaser.id]);
    const pub = await t.http.post(
      '/procurement/requirements',
      { title: '办公计算机采购', categoryCode: 'A02.01.02', items: [{ description: '台式计算机', quantity: 100, unit: '台' }], deliveryRegion: '350102', deliveryDate: '2099-12-31', maxPrice: '1500000.00', budgetLineId: line.id, ruleSet: 'sandbox' },
      purchaser.token,
    );
    expect(pub.status).toBe(201);
    const id = (ids.requirement = pub.body.id as string);
    const ocid = `${PREFIX}-CG-RQ-${id}`;
    const totals = ['1300000.00', '1234567.89', '1260000.00'];
    for (const [i, s] of suppliers.entries()) expect((await t.http.post(`/procurement/requirements/${id}/quotes`, { total: totals[i] }, s.token)).status).toBe(201);

    const quoting = await ocds(id);
    const [announcement] = conforming(quoting, ocid);
    expect(quoting.releases).toHaveLength(1);
    expect(announcement.tender).toMatchObject({ status: 'active', procurementMethod: 'selective', mainProcurementCategory: 'goods', value: { amount: 1500000, currency: 'CNY' }, items: [{ id: '1', description: '台式计算机', quantity: 100, unit: { name: '台' } }] });
    expect(announcement.planning.budget).toMatchObject({ id: 'ZB-2026-007', amount: { amount: 1500000, currency: 'CNY' } });
    const quotingText = JSON.stringify(quoting);
    for (const total of totals) expect(quotingText).not.toContain(String(Number(total)));
    expect(quotingText).not.toMatch(/甲科技|乙电脑|丙信息/);

    await waitFor(async () => ((await t.http.get(`/public/procurement/requirements/${id}`)).body.status === 'awarded' ? true : null), 30000, 'the award');
    const [req] = await t.ds.query(`SELECT order_id AS "orderId", closed_at AS "closedAt" FROM procurement_requirement WHERE id = $1`, [id]);
    expect(req.orderId).toBeTruthy();
    const supplier = suppliers[1];
    expect((await t.http.post(`/procurement/orders/${req.orderId}/confirm`, {}, supplier.token)).status).toBe(200);

    const awarded = await ocds(id);
    const rs = conforming(awarded, ocid);
    await recordConforms(ocid, rs);
    expect(rs.map((r: any) => r.tag)).toEqual([['planning', 'tender'], ['award'], ['contract']]);
    expect(rs[0]).toEqual(announcement);
    expect(rs[1].tender).toMatchObject({ status: 'complete', numberOfTenderers: 3 });
    const [order] = await t.ds.query(`SELECT no, total_fen::text AS total, confirmed_at AS "confirmedAt" FROM procurement_order WHERE id = $1`, [req.orderId]);
    const [winner] = await t.ds.query(`SELECT q.total_fen::text AS total FROM procurement_quote q JOIN procurement_requirement r ON r.winner_quote_id = q.id WHERE r.id = $1`, [id]);
    expect(rs[1].awards).toEqual([{ id: 'award-1', title: '办公计算机采购', status: 'active', date: req.closedAt.toISOString(), value: { amount: yuan(winner.total), currency: 'CNY' }, suppliers: [{ id: expect.stringMatching(/^CN-SAIC-9/), name: '乙电脑有限公司' }] }]);
    expect(rs[1].awards[0].value.amount).toBe(1234567.89);
    expect(rs[2].contracts).toEqual([{ id: order.no, awardID: 'award-1', status: 'active', dateSigned: order.confirmedAt.toISOString(), value: { amount: yuan(order.total), currency: 'CNY' } }]);
  }, 90000);

  it('exports all three in the bulk export, paged by a cursor, and refuses unknown ids and bad cursors with the standard error', async () => {
    expect(ids.tender && ids.land && ids.requirement).toBeTruthy();
    const seen = new Set<string>();
    let url: string | undefined = '/public/ocds/releases?limit=1';
    let pages = 0;
    while (url && pages < 50) {
      const r: { status: number; body: any } = await t.http.get(url);
      expect(r.status).toBe(200);
      expect(ocdsProblems(r.body)).toEqual([]);
      for (const rel of r.body.releases) seen.add(rel.ocid);
      url = r.body.links?.next ? new URL(r.body.links.next).pathname + new URL(r.body.links.next).search : undefined;
      pages++;
    }
    expect(pages).toBeGreaterThanOrEqual(3);
    const codes = await t.ds.query(`SELECT code FROM trading_project WHERE id = ANY($1)`, [[ids.tender, ids.land]]);
    for (const c of codes) expect(seen).toContain(`${PREFIX}-${c.code}`);
    expect(seen).toContain(`${PREFIX}-CG-RQ-${ids.requirement}`);
    // One page holding everything gives the same processes.
    const whole = await t.http.get('/public/ocds/releases?limit=100');
    expect(new Set(whole.body.releases.map((r: any) => r.ocid))).toEqual(seen);
    expect(whole.body.links).toBeUndefined();

    const missing = await t.http.get('/public/ocds/projects/00000000-0000-4000-8000-000000000000');
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ code: 'PROJECT_NOT_FOUND', status: 404, message: { zh: expect.any(String), en: expect.any(String) } });
    expect((await t.http.get('/public/ocds/projects/not-a-uuid')).status).toBe(400);
    const badCursor = await t.http.get(`/public/ocds/releases?after=${Buffer.from('yesterday|x').toString('base64url')}`);
    expect([badCursor.status, badCursor.body.code]).toEqual([422, 'OCDS_CURSOR_INVALID']);
    expect((await t.http.get('/public/ocds/releases?limit=101')).status).toBe(400);
    expect((await t.http.get('/public/ocds/releases?surprise=1')).status).toBe(400);
    // A page is an index range scan from the cursor, without a sort, whatever its depth.
    const plan = await t.ds.transaction(async (em) => {
      // Tables this small favour a bitmap scan and a sort; the point is that the index gives the order without one.
      for (const off of ['seqscan', 'bitmapscan', 'sort']) await em.query(`SET LOCAL enable_${off} = off`);
      return t.app.get(OpenDataRepository).explainExportPage(em, { at: '2026-01-01T00:00:00.000000Z', id: '00000000-0000-4000-8000-000000000000' }, 50);
    });
    expect(plan).toMatch(/Index (Only )?Scan Backward using trading_project_public_idx/);
    expect(plan).not.toMatch(/Sort/);
    const policy = await t.http.get('/public/ocds/publication-policy');
    expect(policy.body).toMatchObject({ ocidPrefix: PREFIX, version: '1.1' });
  }, 60000);
  it('the official schema check is not vacuous: a package the schema forbids is reported', async () => {
    const pkg = (await t.http.get('/public/ocds/releases?limit=100')).body;
    expect(officialProblems('release-package', pkg)).toEqual([]);
    const broken = JSON.parse(JSON.stringify(pkg));
    delete broken.releases[0].ocid;
    broken.releases[0].tag = ['announcement'];
    broken.releases[0].tender.status = 'suspended';
    const problems = officialProblems('release-package', broken).join('\n');
    expect(problems).toMatch(/ocid/);
    expect(problems).toMatch(/\/tag\/0/);
    expect(problems).toMatch(/\/tender\/status/);
    expect(officialProblems('release-package', { ...pkg, releases: [] })).not.toEqual([]);
  });
});
