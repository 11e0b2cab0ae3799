import { randomBytes } from 'node:crypto';
import { Role } from '@app/platform/auth/roles';
import { insertExperts, insertSpecialties } from './expert-fixtures';
import { fastTenderingRules, postForm } from './tender-fixtures';
import { TestAccount, TestApp } from './test-app';
import { waitFor } from './worker-process';

/** A committee-published sandbox rule set of `domain` with periods in seconds. */
export async function fastRules(t: TestApp, committee: string, domain: string, periods: Record<string, number>, numbers: Record<string, number> = {}): Promise<void> {
  const changes = { periods: Object.fromEntries(Object.entries(periods).map(([k, s]) => [k, { value: s, unit: 's' }])), numbers };
  const draft = await t.http.post('/rule-sets', { domain, name: `${domain} 演示(秒)`, sandbox: true, changes }, committee);
  if (draft.status !== 201) throw new Error(`rule draft refused: ${JSON.stringify(draft.body)}`);
  const published = await t.http.post(`/rule-sets/${draft.body.id}/publish`, {}, committee);
  if (published.status !== 200) throw new Error(`rule publish refused: ${JSON.stringify(published.body)}`);
}

const ok = (r: { status: number; body: unknown }, status: number, what: string) => {
  if (r.status !== status) throw new Error(`${what}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body as any;
};
const inSeconds = (s: number) => new Date(Date.now() + s * 1000).toISOString();

export interface PublicDeals {
  /** awarded, contract signed */
  tender: string;
  /** still taking bids (deadline an hour away), suspended once and resumed */
  openTender: string;
  parcel: string;
  rural: string;
  requirement: string;
  names: { owner: string; winner: string; landBuyer: string; ruralBuyer: string; supplier: string };
  /** the accounts that made the deals (to log in as them: set a password with withPassword) */
  people: { owner: TestAccount; agent: TestAccount; bidders: TestAccount[] };
}

/**
 * Realistic deals of all four domains built through the API with a worker running (as the portal's integration test
 * builds them): a tender awarded with its contract and one still taking bids (suspended, then resumed), a land listing
 * sold and confirmed, a rural agreement transfer with its contract, an e-mall quote round awarded with its order.
 */
export async function buildPublicDeals(t: TestApp): Promise<PublicDeals> {
  const acct = (roles: Parameters<TestApp['account']>[0], options?: Parameters<TestApp['account']>[1]) => t.account(roles, options);
  const centre = (await acct([Role.Centre])).token;
  const office = (await acct([Role.Office])).token;
  const owner = await acct([Role.Owner], { organisationId: await t.organisation('市城市建设投资集团有限公司') });
  const agent = await acct([Role.Agent], { organisationId: await t.organisation('阳光工程咨询有限公司') });
  const bidders: TestAccount[] = [];
  for (const name of ['闽江建设集团有限公司', '乙路桥工程有限公司', '丙市政工程有限公司', '丁科技有限公司']) bidders.push(await acct([Role.Bidder], { organisationId: await t.organisation(name) }));
  const committee = (await acct([Role.Committee])).token;
  await fastTenderingRules(t, committee, { bidPreparation: 8, clarificationBeforeDeadline: 1, openingObjectionWindow: 2, depositRefund: 30, candidatePublicity: 2, publicityObjectionReply: 60 });
  await fastRules(t, committee, 'land', { announcementBeforeListing: 2, listing: 4, resultPublicity: 30, depositRefund: 20 }, { countdownSeconds: 5 });
  await fastRules(t, committee, 'rural', { listing: 5, resultPublicity: 2, depositRefund: 30 }, { countdownSeconds: 5 });
  await fastRules(t, committee, 'procurement', { quoteWindow: 6 });

  // ── 建设工程 ──
  const registration = (name: string) => ({
    name,
    kind: 'construction',
    region: '350102',
    qualification: '市政公用工程施工总承包二级及以上',
    evaluationMethod: 'comprehensive',
    sections: [{ name: '道路主体', estimate: '10000000.00', deposit: '200000.00' }],
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
  const tender = await announce('滨江大道快速化改造工程', 12);
  const openTender = await announce('城北污水处理厂扩建工程', 3600);
  for (const [i, b] of bidders.slice(0, 3).entries()) {
    ok(await t.http.post(`/tenders/${tender}/registrations`, {}, b.token), 200, 'registration');
    const d = ok(await t.http.post(`/tenders/${tender}/sections/1/deposits`, { method: 'transfer', reference: `REF-${i}-${randomBytes(2).toString('hex')}`, payerAccount: `622202020099887766${50 + i}`, amount: '200000.00' }, b.token), 201, 'deposit');
    ok(await t.http.post(`/tenders/deposits/${d.id}/confirm`, {}, centre), 200, 'deposit confirm');
    ok(await postForm(t, `/tenders/${tender}/sections/1/bids`, b.token, { price: ['9650000.00', '9700000.00', '9800000.00'][i] }, { name: `投标文件-${i}.pdf`, content: Buffer.from(`%PDF 投标文件 ${i}`) }), 201, 'bid');
  }
  ok(await postForm(t, `/tenders/${openTender}/amendments`, owner.token, { note: '第三章工程量清单修改' }, { name: '修改文件.pdf', content: Buffer.from('%PDF 修改') }), 201, 'amendment');
  ok(await t.http.post(`/projects/${openTender}/suspend`, { reason: '收到投诉,招标文件资格条件涉嫌排斥潜在投标人' }, office), 200, 'suspend');
  await new Promise((r) => setTimeout(r, 1100));
  ok(await t.http.post(`/projects/${openTender}/resume`, { note: '投诉处理完毕' }, office), 200, 'resume');

  // ── 国有建设用地: one qualified buyer quotes in the listing and wins; the centre issues the confirmation. ──
  const parcel = ok(
    await t.http.post(
      '/land/parcels',
      { name: '城东片区 2026-07 号地块', region: '350102', location: '鼓楼区东街以南、八一七路以东', area: '35000.50', use: 'residential', termYears: 70, plotRatio: '2.50', mode: 'listing', startPrice: '10000000.00', increment: { fixed: '100000.00' }, deposit: '2000000.00', ruleSet: 'sandbox' },
      owner.token,
    ),
    201,
    'parcel',
  );
  const listingStart = Date.now() + 3000;
  const announced = ok(await t.http.post(`/land/parcels/${parcel.id}/announce`, { listingStartsAt: new Date(listingStart).toISOString(), listingEndsAt: new Date(listingStart + 6000).toISOString() }, centre), 200, 'land announce');
  const app = ok(
    await postForm(t, `/land/parcels/${parcel.id}/applications`, bidders[3].token, { depositMethod: 'transfer', depositReference: 'ZZ-LAND-0001', depositAmount: '2000000.00' }, { name: '竞买申请书.pdf', content: Buffer.from('%PDF 申请') }),
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
  ok(await postForm(t, `/rural/deals/${deal.id}/resolution`, owner.token, { body: 'representatives_meeting', votesFor: '30', votesTotal: '45', date: '2026-01-05' }, { name: '村民代表会议决议.pdf', content: Buffer.from('%PDF 决议') }), 201, 'resolution');
  ok(await postForm(t, `/rural/deals/${deal.id}/approval`, owner.token, { authority: '闽侯县东山镇人民政府', date: '2026-01-10' }, { name: '镇政府审核意见.pdf', content: Buffer.from('%PDF 同意') }), 201, 'approval');
  ok(await t.http.post(`/rural/deals/${deal.id}/list`, {}, centre), 200, 'rural list');
  const ra = ok(await t.http.post(`/rural/deals/${deal.id}/applications`, { method: 'transfer', reference: 'NC-0001', payerAccount: '6228480012345678901', amount: '20000.00' }, bidders[0].token), 201, 'rural application');
  ok(await t.http.post(`/rural/applications/${ra.id}/confirm`, {}, centre), 200, 'rural confirm');

  // ── 电子卖场 网上竞价: three sealed quotes, the lowest wins, its order is confirmed by the supplier. ──
  const purchaser = await acct([Role.Owner], { organisationId: await t.organisation('市财政局') });
  const suppliers = [bidders[1], bidders[2], bidders[3]];
  for (const [i, s] of suppliers.entries()) {
    await t.ds.query(`INSERT INTO procurement_agreement (agreement_no, organisation_id, category_code, kind, valid_from, valid_until) VALUES ($1, $2, 'A02.01', 'framework', '2020-01-01', '2099-12-31')`, [`XY-PUBLIC-${i}`, s.organisationId]);
  }
  const [line] = await t.ds.query(`INSERT INTO budget_line (organisation_id, code, name, year, amount_fen, created_by) VALUES ($1, 'ZB-2026-PUBLIC', '办公设备购置', 2026, 1000000000, $2) RETURNING id`, [purchaser.organisationId, purchaser.id]);
  const req = ok(
    await t.http.post(
      '/procurement/requirements',
      { title: '市财政局办公计算机采购', categoryCode: 'A02.01.02', items: [{ description: '台式计算机', quantity: 100, unit: '台', specs: 'i7 / 16G / 512G' }], deliveryRegion: '350102', deliveryDate: '2099-12-31', maxPrice: '1500000.00', budgetLineId: line.id, ruleSet: 'sandbox' },
      purchaser.token,
    ),
    201,
    'requirement',
  );
  for (const [i, s] of suppliers.entries()) ok(await t.http.post(`/procurement/requirements/${req.id}/quotes`, { total: ['1200000.00', '1250000.00', '1300000.00'][i] }, s.token), 201, 'quote');

  // ── carry each to its result ──
  await waitFor(async () => (await t.http.get(`/public/lots/${announced.lotId}`)).body.phase === 'listing', 20000, 'the land listing');
  ok(await t.http.post(`/lots/${announced.lotId}/bids`, { price: '10000000.00', clientKey: 'public-land-1' }, bidders[3].token), 201, 'land bid');
  await waitFor(async () => (await t.http.get(`/public/land/parcels/${parcel.id}`)).body.phase === 'ended', 30000, 'the land listing to end');
  ok(await t.http.post(`/land/parcels/${parcel.id}/confirmation`, {}, centre), 201, 'land confirmation');

  await waitFor(async () => (await t.http.get(`/rural/deals/${deal.id}`, centre)).body.status === 'agreement', 30000, 'the rural agreement stage');
  const agreed = ok(await t.http.post(`/rural/deals/${deal.id}/agreement`, { price: '365000.00' }, bidders[0].token), 200, 'agreement');
  await waitFor(async () => Date.now() > new Date(agreed.result.publicityUntil).getTime() + 200, 20000, 'the rural publicity');
  ok(await t.http.post(`/rural/deals/${deal.id}/contract`, { contractNo: 'NCHT-2026-0701', signedAt: new Date().toISOString(), amount: '365000.00' }, owner.token), 200, 'rural contract');

  await waitFor(async () => (await t.http.get(`/public/procurement/requirements/${req.id}`)).body.status === 'awarded', 30000, 'the quotes to close');
  const [r] = await t.ds.query(`SELECT order_id FROM procurement_requirement WHERE id = $1`, [req.id]);
  ok(await t.http.post(`/procurement/orders/${r.order_id}/confirm`, {}, bidders[1].token), 200, 'order confirm');

  await waitFor(async () => (await t.http.get(`/tenders/${tender}`, centre)).body.status === 'opened', 40000, 'the opening');
  const seated = await seatedCommittee(t, tender, owner.organisationId!);
  ok(await t.http.post(`/tenders/${tender}/sections/1/evaluation`, { drawId: seated.drawId }, centre), 200, 'evaluation');
  const sheet = ok(await t.http.get(`/tenders/${tender}/sections/1/evaluation/bids`, seated.experts[0]), 200, 'sheet');
  for (const [e, token] of seated.experts.entries()) {
    for (const b of sheet.bids) {
      const body = { technical: [900 - e, 880, 850], business: [450, b.price === '9650000.00' ? 480 : 400] };
      ok(await t.http.put(`/tenders/${tender}/sections/1/evaluation/bids/${b.bidId}/score`, body, token), 200, 'score');
    }
  }
  ok(await t.http.post(`/tenders/${tender}/sections/1/evaluation/report`, {}, seated.experts[0]), 201, 'report');
  const publicity = ok(await t.http.post(`/tenders/${tender}/sections/1/publicity`, {}, owner.token), 200, 'publicity');
  await waitFor(async () => Date.now() > new Date(publicity.publicityUntil).getTime() + 200, 20000, 'the publicity to end');
  const award = ok(await t.http.post(`/tenders/${tender}/sections/1/award`, {}, owner.token), 201, 'award');
  ok(await t.http.post(`/tenders/${tender}/sections/1/contract`, { amount: award.price }, owner.token), 200, 'contract');

  const winner = ok(await t.http.get(`/public/tenders/${tender}/results`), 200, 'results').sections[0].award.winner as string;
  return {
    tender,
    openTender,
    parcel: parcel.id,
    rural: deal.id,
    requirement: req.id,
    names: { owner: '市城市建设投资集团有限公司', winner, landBuyer: '丁科技有限公司', ruralBuyer: '闽江建设集团有限公司', supplier: '乙路桥工程有限公司' },
    people: { owner, agent, bidders },
  };
}

/** Five experts of the library, drawn for the tender and accepted, in a session that has started (as evaluation.spec.ts sets them up). */
async function seatedCommittee(t: TestApp, projectId: string, ownerOrganisationId: string): Promise<{ drawId: string; experts: string[] }> {
  await insertSpecialties(t.ds, ['P01']);
  const [ownerOrg] = await t.ds.query(`SELECT uscc FROM organisation WHERE id = $1`, [ownerOrganisationId]);
  const [draw] = await t.ds.query(
    `INSERT INTO expert_draw (project_id, domain, owner_uscc, status, requirements, committee, context, session_start, session_end, algorithm, seed_sealed, seed_commitment, revealed_seed, opened_at)
     VALUES ($1, 'tendering', $2, 'opened', '[]', '{}', '{}', now() - interval '5 minutes', now() + interval '4 hours', 'yg-draw-v1', '\\x00', repeat('0', 64), $3, now()) RETURNING id`,
    [projectId, ownerOrg.uscc, randomBytes(32).toString('hex')],
  );
  const experts: string[] = [];
  for (let i = 0; i < 5; i++) {
    const a = await t.account([Role.Expert], { organisationId: null });
    const [expertId] = await insertExperts(t.ds, 1, { specialty: 'P01', accountId: a.id });
    await t.ds.query(`INSERT INTO expert_draw_member (draw_id, expert_id, specialty_code, round, position, kind, status) VALUES ($1, $2, 'P01', 0, $3, 'primary', 'accepted')`, [draw.id, expertId, i]);
    experts.push(a.token);
  }
  return { drawId: draw.id, experts };
}
