import { createHash } from 'node:crypto';
import { Role, TradingDomain } from '@app/platform/auth/roles';
import { postForm } from '../../support/tender-fixtures';
import { startTestApp, TestAccount, TestApp } from '../../support/test-app';
import { startWorker, waitFor, WorkerProcess } from '../../support/worker-process';

/** A committee-published sandbox version of the rural rules with periods in seconds, short enough for one test. */
async function fastRuralRules(t: TestApp, committee: string, periods: Record<string, number>, numbers: Record<string, number> = {}): Promise<void> {
  const changes = { periods: Object.fromEntries(Object.entries(periods).map(([k, s]) => [k, { value: s, unit: 's' }])), numbers };
  const draft = await t.http.post('/rule-sets', { domain: 'rural', name: '农村产权测试(秒)', sandbox: true, changes }, committee);
  if (draft.status !== 201) throw new Error(`rule draft refused: ${JSON.stringify(draft.body)}`);
  const published = await t.http.post(`/rule-sets/${draft.body.id}/publish`, {}, committee);
  if (published.status !== 200) throw new Error(`rule publish refused: ${JSON.stringify(published.body)}`);
}

// 农村产权交易 through HTTP with sandbox rules and a real worker: resolution and approval, listing, agreement transfer,
// live bidding on the engine, a failed listing relisted at a lower price, and refusals that change nothing.
describe('rural property deals', () => {
  let t: TestApp;
  let worker: WorkerProcess;
  let centre: string;
  let office: string;
  let committee: string;
  let owner: TestAccount;
  let buyers: TestAccount[];
  const LISTING_S = 6;

  beforeAll(async () => {
    t = await startTestApp('rural');
    worker = await startWorker({ DATABASE_URL: t.databaseUrl, REDIS_PREFIX: t.redisPrefix, MILESTONE_RECONCILE_MS: '1000' });
    centre = (await t.account([Role.Centre])).token;
    office = (await t.account([Role.Office])).token;
    committee = (await t.account([Role.Committee])).token;
    owner = await t.account([Role.Owner]);
    buyers = [];
    for (let i = 0; i < 3; i++) buyers.push(await t.account([Role.Bidder]));
    await fastRuralRules(t, committee, { listing: LISTING_S, resultPublicity: 2, depositRefund: 30 }, { countdownSeconds: 5 });
  }, 60000);

  afterAll(async () => {
    await worker?.stop();
    await t.close();
  });

  const registration = (over: Record<string, unknown> = {}) => ({
    name: '东山村一组 120.5 亩耕地经营权流转',
    kind: 'land_management',
    region: '350121',
    description: '东至水渠,西至村道,南至山脚,北至二组田;现状水田,限农业用途',
    quantity: '120.5',
    unit: '亩',
    termMonths: 120,
    listingPrice: '360000.00',
    increment: '1000.00',
    deposit: '20000.00',
    ruleSet: 'sandbox',
    ...over,
  });
  const resolution = (id: string, votesFor: string, votesTotal = '45', token = owner.token) =>
    postForm(t, `/rural/deals/${id}/resolution`, token, { body: 'representatives_meeting', votesFor, votesTotal, date: '2026-01-05' }, { name: '村民代表会议决议.pdf', content: Buffer.from(`%PDF 决议 ${votesFor}/${votesTotal}`) });
  const approval = (id: string) => postForm(t, `/rural/deals/${id}/approval`, owner.token, { authority: '闽侯县东山镇人民政府', date: '2026-01-10' }, { name: '镇政府审核意见.pdf', content: Buffer.from('%PDF 同意') });
  const deal = (id: string) => t.http.get(`/rural/deals/${id}`, centre).then((r) => r.body);
  const untilStatus = (id: string, status: string, ms = 20000) => waitFor(async () => ((await deal(id)).status === status ? deal(id) : null), ms, `deal ${id} to be ${status}`);

  /** Registered with a 30/45 resolution and the approval, listed by the centre. */
  const listed = async (over: Record<string, unknown> = {}) => {
    const reg = await t.http.post('/rural/deals', registration(over), owner.token);
    expect(reg.status).toBe(201);
    expect((await resolution(reg.body.id, '30')).status).toBe(201);
    expect((await approval(reg.body.id)).status).toBe(201);
    const l = await t.http.post(`/rural/deals/${reg.body.id}/list`, {}, centre);
    expect(l.status).toBe(200);
    return l.body;
  };
  const apply = (id: string, who: TestAccount, amount = '20000.00') => t.http.post(`/rural/deals/${id}/applications`, { method: 'transfer', reference: `NC-${who.username}`, payerAccount: '6222020200112233445', amount }, who.token);
  const confirm = (applicationId: string) => t.http.post(`/rural/applications/${applicationId}/confirm`, {}, centre);

  it('keeps a catalogue of kinds the committee extends', async () => {
    const kinds = (await t.http.get('/public/rural/kinds')).body.map((k: { code: string }) => k.code);
    expect(kinds).toEqual(['collective_assets', 'forest_rights', 'land_management', 'other', 'small_water_works']);
    const kind = { code: 'aquaculture_water', nameZh: '养殖水面经营权', nameEn: 'aquaculture water rights' };
    for (const token of [owner.token, centre, office]) expect((await t.http.post('/rural/kinds', kind, token)).status).toBe(403);
    expect((await t.http.post('/rural/kinds', { ...kind, code: 'Bad Code' }, committee)).status).toBe(400);
    expect((await t.http.post('/rural/kinds', kind, committee)).status).toBe(201);
    expect((await t.http.post('/rural/kinds', kind, committee)).body.code).toBe('KIND_EXISTS');
    expect((await t.http.get('/public/rural/kinds')).body).toContainEqual(kind);
    const before = await t.snapshot();
    const unknown = await t.http.post('/rural/deals', registration({ kind: 'no_such_kind' }), owner.token);
    expect(unknown.status).toBe(422);
    expect(unknown.body.code).toBe('KIND_UNKNOWN');
    expect(await t.snapshot()).toEqual(before);
    expect((await t.http.post('/rural/deals', registration({ kind: 'aquaculture_water' }), owner.token)).body.kindName).toEqual({ zh: '养殖水面经营权', en: 'aquaculture water rights' });
  });

  it('refuses to list without the approval or with fewer than two thirds in favour, and the refusals change nothing', async () => {
    const reg = await t.http.post('/rural/deals', registration(), owner.token);
    expect(reg.status).toBe(201);
    expect(reg.body).toMatchObject({ status: 'draft', round: 1, listingPrice: '360000.00', quantity: '120.5', resolution: null, approval: null });
    const id = reg.body.id as string;
    for (const token of [centre, office, buyers[0].token]) expect((await t.http.post('/rural/deals', registration(), token)).status).toBe(403);

    let before = await t.snapshot();
    const bare = await t.http.post(`/rural/deals/${id}/list`, {}, centre);
    expect(bare.status).toBe(422);
    expect(bare.body.code).toBe('LISTING_REFUSED');
    expect(bare.body.message.zh).toBeTruthy();
    expect(bare.body.details.reasons.map((r: { code: string }) => r.code)).toEqual(['RESOLUTION_MISSING', 'APPROVAL_MISSING']);
    expect(await t.snapshot()).toEqual(before);

    // Bad figures are refused before anything is stored.
    expect((await resolution(id, '46', '45')).body.code).toBe('RESOLUTION_INVALID');
    expect((await postForm(t, `/rural/deals/${id}/resolution`, owner.token, { votesFor: '30', votesTotal: '45', date: '2026-01-05' })).body.code).toBe('UPLOAD_INVALID');
    expect((await resolution(id, '30', '45', buyers[0].token)).status).toBe(403);
    expect(await t.snapshot()).toEqual(before);

    // 29 of 45 is short of 2/3; the document is kept with its digest, but the listing is refused.
    const short = await resolution(id, '29');
    expect(short.status).toBe(201);
    expect(short.body.resolution).toEqual({ body: 'representatives_meeting', votesFor: 29, votesTotal: 45, date: '2026-01-05' });
    expect(short.body.documents[0].sha256).toBe(createHash('sha256').update(Buffer.from('%PDF 决议 29/45')).digest('hex'));
    before = await t.snapshot();
    const refused = await t.http.post(`/rural/deals/${id}/list`, {}, centre);
    expect(refused.status).toBe(422);
    expect(refused.body.details.reasons).toEqual([
      expect.objectContaining({ code: 'RESOLUTION_SHORT', zh: expect.stringContaining('29/45'), en: expect.stringContaining('2/3') }),
      expect.objectContaining({ code: 'APPROVAL_MISSING', zh: expect.stringContaining('乡镇'), en: expect.stringContaining('township') }),
    ]);
    expect(await t.snapshot()).toEqual(before);
    expect((await approval(id)).status).toBe(201);
    before = await t.snapshot();
    expect((await t.http.post(`/rural/deals/${id}/list`, {}, centre)).body.details.reasons.map((r: { code: string }) => r.code)).toEqual(['RESOLUTION_SHORT']);
    expect(await t.snapshot()).toEqual(before);
    expect((await t.http.get(`/rural/deals/${id}`, centre)).body.status).toBe('draft');
    expect((await t.ds.query(`SELECT status FROM trading_project WHERE id = $1`, [id]))[0].status).toBe('draft');
    expect((await t.http.get(`/public/rural/deals/${id}`)).status).toBe(404);

    // A new resolution with 30 of 45 (exactly 2/3) lets the centre list it; only the centre may.
    expect((await resolution(id, '30')).status).toBe(201);
    expect((await t.http.post(`/rural/deals/${id}/list`, {}, owner.token)).status).toBe(403);
    const ok = await t.http.post(`/rural/deals/${id}/list`, {}, centre);
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ status: 'listing', listings: [{ round: 1, price: '360000.00', outcome: null }] });
    expect((await resolution(id, '40')).body.code).toBe('DEAL_STATE_CONFLICT');
  });

  it('lists until a later end the centre publishes, and refuses an end before the rule’s shortest listing period without changing anything', async () => {
    const reg = await t.http.post('/rural/deals', registration({ name: '西洋村集体鱼塘养殖水面经营权出租' }), owner.token);
    const id = reg.body.id as string;
    expect((await resolution(id, '30')).status).toBe(201);
    expect((await approval(id)).status).toBe(201);

    const before = await t.snapshot();
    const early = await t.http.post(`/rural/deals/${id}/list`, { endsAt: new Date(Date.now() + 2000).toISOString() }, centre);
    expect([early.status, early.body.code]).toEqual([422, 'LISTING_END_TOO_EARLY']);
    expect(early.body.message).toEqual({ zh: expect.stringContaining('最短挂牌公示期'), en: expect.stringContaining('shortest listing period') });
    expect(early.body.details.period).toEqual({ value: LISTING_S, unit: 's' });
    expect(new Date(early.body.details.earliest).getTime()).toBeGreaterThan(new Date(early.body.details.endsAt).getTime());
    expect((await t.http.post(`/rural/deals/${id}/list`, { endsAt: 'tomorrow' }, centre)).status).toBe(400);
    expect(await t.snapshot()).toEqual(before);
    expect((await deal(id)).status).toBe('draft');
    expect((await t.http.get(`/public/rural/deals/${id}`)).status).toBe(404);

    // A week's listing under rules whose shortest is six seconds: the end is the one published, and it holds.
    const endsAt = new Date(Math.ceil((Date.now() + 7 * 86400000) / 1000) * 1000);
    const ok = await t.http.post(`/rural/deals/${id}/list`, { endsAt: endsAt.toISOString() }, centre);
    expect(ok.status).toBe(200);
    expect(new Date(ok.body.listings[0].endsAt).getTime()).toBe(endsAt.getTime());
    const [m] = await t.ds.query(`SELECT due_at FROM milestone WHERE subject_id = $1 AND kind = 'rural.listing_end' AND status = 'pending'`, [id]);
    expect(new Date(m.due_at).getTime()).toBe(endsAt.getTime());
    const [audit] = await t.ds.query(`SELECT payload FROM audit_event WHERE subject_id = $1 AND action = 'rural.listed'`, [id]);
    expect(new Date(audit.payload.endsAt).getTime()).toBe(endsAt.getTime());
    expect(new Date(audit.payload.earliestEnd).getTime()).toBeLessThan(endsAt.getTime());
    await new Promise((r) => setTimeout(r, (LISTING_S + 2) * 1000));
    expect((await deal(id)).status).toBe('listing');
    expect((await apply(id, buyers[2])).status).toBe(201);
  });

  it('transfers by agreement with the one qualified applicant, at no less than the listing price, then publicity and the contract', async () => {
    const d = await listed();
    const id = d.id as string;
    const lotId = d.listings[0].lotId as string;
    expect((await t.http.get(`/public/rural/deals/${id}`)).body).toMatchObject({ status: 'listing', result: null });

    // The owner cannot buy its own deal; a short deposit is refused.
    expect((await apply(id, buyers[0], '19999.99')).body.code).toBe('DEPOSIT_AMOUNT_SHORT');
    const a = await apply(id, buyers[0]);
    expect(a.status).toBe(201);
    expect(a.body).toMatchObject({ status: 'declared', paddle: null, amount: '20000.00' });
    const unconfirmed = await apply(id, buyers[1]);
    expect(unconfirmed.status).toBe(201);
    expect((await t.http.post(`/rural/applications/${a.body.id}/confirm`, {}, owner.token)).status).toBe(403);
    const c = await confirm(a.body.id);
    expect(c.status).toBe(200);
    expect(c.body).toMatchObject({ status: 'qualified', paddle: expect.any(Number) });
    expect((await confirm(a.body.id)).body.code).toBe('APPLICATION_STATE_CONFLICT');
    expect((await t.http.get(`/lots/${lotId}/me`, buyers[0].token)).body).toEqual({ paddle: c.body.paddle });
    // Applicants stay hidden from the collective while the listing runs; each buyer sees its own.
    expect((await t.http.get(`/rural/deals/${id}/applications`, owner.token)).body).toEqual([]);
    expect((await t.http.get(`/rural/deals/${id}/applications`, buyers[0].token)).body).toHaveLength(1);
    expect((await t.http.get(`/rural/deals/${id}/applications`, centre)).body).toHaveLength(2);

    const agreement = await untilStatus(id, 'agreement');
    expect(agreement.listings[0]).toMatchObject({ outcome: 'agreement', qualified: 1 });
    expect((await apply(id, buyers[2])).body.code).toBe('LISTING_CLOSED');
    expect((await t.http.get(`/public/lots/${lotId}`)).body).toMatchObject({ phase: 'ended', outcome: 'handed_over' });

    const before = await t.snapshot();
    const low = await t.http.post(`/rural/deals/${id}/agreement`, { price: '359999.99' }, buyers[0].token);
    expect(low.status).toBe(422);
    expect(low.body.code).toBe('AGREEMENT_PRICE_TOO_LOW');
    expect((await t.http.post(`/rural/deals/${id}/agreement`, { price: '370000.00' }, buyers[1].token)).body.code).toBe('NOT_SOLE_APPLICANT');
    expect((await t.http.post(`/rural/deals/${id}/agreement`, { price: '370000.001' }, buyers[0].token)).status).toBe(422);
    expect(await t.snapshot()).toEqual(before);
    const agreed = await t.http.post(`/rural/deals/${id}/agreement`, { price: '365000.00' }, buyers[0].token);
    expect(agreed.status).toBe(200);
    expect(agreed.body).toMatchObject({ status: 'concluded', result: { method: 'agreement', price: '365000.00' } });

    const pub = (await t.http.get(`/public/rural/deals/${id}`)).body;
    expect(pub.result).toMatchObject({ method: 'agreement', price: '365000.00', buyerName: expect.any(String) });
    expect((await t.http.get('/public/rural/deals?pageSize=100')).body.items.map((x: { id: string }) => x.id)).toContain(id);
    const apps = (await t.http.get(`/rural/deals/${id}/applications`, owner.token)).body;
    expect(Object.fromEntries(apps.map((x: { id: string; status: string }) => [x.id, x.status]))).toEqual({ [a.body.id]: 'applied_to_price', [unconfirmed.body.id]: 'refund_due' });

    // The contract waits for the publicity to end, and is at the deal price.
    const signedAt = new Date().toISOString();
    const early = await t.http.post(`/rural/deals/${id}/contract`, { contractNo: 'NCHT-2026-0001', signedAt, amount: '365000.00' }, owner.token);
    if (early.status !== 200) expect(early.body.code).toBe('CONTRACT_TOO_EARLY');
    await new Promise((r) => setTimeout(r, 2500));
    expect((await t.http.post(`/rural/deals/${id}/contract`, { contractNo: 'NCHT-2026-0001', signedAt, amount: '360000.00' }, owner.token)).body.code).toBe('CONTRACT_INVALID');
    expect((await t.http.post(`/rural/deals/${id}/contract`, { contractNo: 'NCHT-2026-0001', signedAt, amount: '365000.00' }, buyers[0].token)).status).toBe(403);
    const contract = await t.http.post(`/rural/deals/${id}/contract`, { contractNo: 'NCHT-2026-0001', signedAt, amount: '365000.00' }, owner.token);
    expect(contract.status).toBe(200);
    expect(contract.body).toMatchObject({ status: 'contracted', contract: { contractNo: 'NCHT-2026-0001', amount: '365000.00' } });

    // The centre records the other deposit paid back.
    const refund = await t.http.post(`/rural/applications/${unconfirmed.body.id}/refund`, { reference: 'TK-2026-0001' }, centre);
    expect(refund.body).toMatchObject({ status: 'refunded' });
    expect((await t.http.post(`/rural/applications/${a.body.id}/refund`, { reference: 'TK-2026-0002' }, centre)).body.code).toBe('APPLICATION_STATE_CONFLICT');

    const actions = (await t.http.get(`/audit/events?subjectType=rural_deal&subjectId=${id}`, office)).body;
    const list = (Array.isArray(actions) ? actions : actions.items).map((e: { action: string }) => e.action);
    expect(list).toEqual([
      'rural.deal_registered',
      'rural.resolution_uploaded',
      'rural.approval_uploaded',
      'rural.listed',
      'rural.applied',
      'rural.applied',
      'rural.application_confirmed',
      'rural.listing_closed',
      'rural.concluded',
      'rural.contract_recorded',
      'rural.deposit_refunded',
    ]);
  });

  it('goes to live bidding on the engine with two qualified applicants; the leader at the end buys', async () => {
    const d = await listed({ name: '西坑村集体仓库出租' , kind: 'collective_assets', quantity: '860', unit: '平方米', termMonths: 60, listingPrice: '50000.00', increment: '500.00', deposit: '5000.00' });
    const id = d.id as string;
    const lotId = d.listings[0].lotId as string;
    const paddles: number[] = [];
    for (const b of buyers.slice(0, 2)) {
      const a = await apply(id, b, '5000.00');
      expect(a.status).toBe(201);
      paddles.push((await confirm(a.body.id)).body.paddle);
    }
    expect(new Set(paddles).size).toBe(2);
    const refusedEarly = await t.http.post(`/lots/${lotId}/bids`, { price: '50000.00', clientKey: 'early-bid-0001' }, buyers[0].token);
    expect(refusedEarly.body.code).toBe('LOT_NOT_OPEN');

    const live = await untilStatus(id, 'live');
    expect(live.listings[0]).toMatchObject({ outcome: 'live', qualified: 2 });
    const bid = (who: TestAccount, price: string, key: string) => t.http.post(`/lots/${lotId}/bids`, { price, clientKey: key }, who.token);
    const first = await bid(buyers[0], '50000.00', 'rural-bid-0001');
    expect(first.status).toBe(201);
    expect((await bid(buyers[1], '50400.00', 'rural-bid-0002')).body.code).toBe('BID_TOO_LOW');
    const second = await bid(buyers[1], '50500.00', 'rural-bid-0003');
    expect(second.status).toBe(201);
    expect(new Date(second.body.endsAt).getTime()).toBeGreaterThanOrEqual(new Date(first.body.endsAt).getTime());
    const third = await bid(buyers[0], '51500.00', 'rural-bid-0004');
    expect(third.status).toBe(201);
    expect((await bid(buyers[0], '51500.00', 'rural-bid-0004')).body.replayed).toBe(true);
    expect((await bid(buyers[2], '60000.00', 'rural-bid-0005')).body.code).toBe('NOT_ADMITTED');

    const done = await untilStatus(id, 'concluded', 30000);
    expect(done.result).toMatchObject({ method: 'live', price: '51500.00' });
    expect((await t.http.get(`/public/lots/${lotId}`)).body).toMatchObject({ phase: 'ended', outcome: 'sold', winnerPaddle: paddles[0], currentPrice: '51500.00' });
    expect((await t.http.post(`/lots/${lotId}/bids`, { price: '60000.00', clientKey: 'late-bid-0001' }, buyers[1].token)).body.code).toBe('LOT_CLOSED');
    const apps = (await t.http.get(`/rural/deals/${id}/applications`, centre)).body as { organisationId: string; status: string; refundDue: string | null }[];
    expect(apps.find((a) => a.organisationId === buyers[0].organisationId)).toMatchObject({ status: 'applied_to_price', refundDue: null });
    expect(apps.find((a) => a.organisationId === buyers[1].organisationId)).toMatchObject({ status: 'refund_due', refundDue: expect.any(String) });
    const [row] = await t.ds.query(`SELECT buyer_organisation_id, deal_price_fen::text AS price FROM rural_deal WHERE project_id = $1`, [id]);
    expect(row).toEqual({ buyer_organisation_id: buyers[0].organisationId, price: '5150000' });
  });

  it('fails a listing without applicants; the collective relists within the rule set’s cut (a deeper cut is refused) and the centre lists round 2', async () => {
    const d = await listed({ name: '南溪山场林权流转', kind: 'forest_rights', quantity: '300', unit: '亩', listingPrice: '100000.00', increment: '1000.00', deposit: '10000.00' });
    const id = d.id as string;
    const failed = await untilStatus(id, 'failed');
    expect(failed.listings[0]).toMatchObject({ outcome: 'failed', qualified: 0 });
    expect((await t.http.get(`/public/lots/${d.listings[0].lotId}`)).body.outcome).toBe('unsold');

    const before = await t.snapshot();
    const deep = await t.http.post(`/rural/deals/${id}/relist`, { listingPrice: '79999.99' }, owner.token);
    expect(deep.status).toBe(422);
    expect(deep.body.code).toBe('RELIST_PRICE_TOO_LOW');
    expect(deep.body.details).toMatchObject({ lowest: '80000.00', maxCutBp: 2000 });
    expect(deep.body.message.en).toContain('relisting');
    expect((await t.http.post(`/rural/deals/${id}/relist`, { listingPrice: '80000.00' }, centre)).status).toBe(403);
    expect((await t.http.post(`/rural/deals/${id}/relist`, { listingPrice: '80000.00' }, buyers[0].token)).status).toBe(403);
    expect(await t.snapshot()).toEqual(before);

    const relisted = await t.http.post(`/rural/deals/${id}/relist`, { listingPrice: '80000.00' }, owner.token);
    expect(relisted.status).toBe(200);
    expect(relisted.body).toMatchObject({ status: 'relisting', round: 2, listingPrice: '80000.00' });
    expect((await t.http.post(`/rural/deals/${id}/relist`, { listingPrice: '70000.00' }, owner.token)).body.code).toBe('DEAL_STATE_CONFLICT');
    const round2 = await t.http.post(`/rural/deals/${id}/list`, {}, centre);
    expect(round2.status).toBe(200);
    expect(round2.body.listings).toMatchObject([
      { round: 1, price: '100000.00', outcome: 'failed' },
      { round: 2, price: '80000.00', outcome: null },
    ]);
    // Round 2 ends in an agreement with its one applicant at the new price.
    const a = await apply(id, buyers[2], '10000.00');
    expect((await confirm(a.body.id)).body.round).toBe(2);
    await untilStatus(id, 'agreement');
    expect((await t.http.post(`/rural/deals/${id}/agreement`, { price: '80000.00' }, buyers[2].token)).body.result).toMatchObject({ method: 'agreement', price: '80000.00' });
  });
});
