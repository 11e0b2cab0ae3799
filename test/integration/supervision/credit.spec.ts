import { Role, TradingDomain } from '@app/platform/auth/roles';
import { snapshotOf, StepFixtures } from '../../support/step-fixtures';
import { startTestApp, TestAccount, TestApp } from '../../support/test-app';
import { startWorker, waitFor, WorkerProcess } from '../../support/worker-process';

// 信用评价: penalties, cards and e-mall ratings move an organisation's score; tendering registration reads it.
describe('credit record and score', () => {
  let t: TestApp;
  let worker: WorkerProcess;
  let office: TestAccount;
  let regulator: TestAccount;
  let centre: TestAccount;
  let owner: TestAccount;
  let carded: TestAccount;
  let clean: TestAccount;
  let expert: TestAccount;
  let committee: TestAccount;
  let f: StepFixtures;
  let uscc: string;

  beforeAll(async () => {
    t = await startTestApp('supervision-credit');
    worker = await startWorker({ DATABASE_URL: t.databaseUrl, REDIS_PREFIX: t.redisPrefix, CARD_SCAN_MS: '200' });
    office = await t.account([Role.Office]);
    regulator = await t.account([{ role: Role.Regulator, domain: TradingDomain.Land }]);
    centre = await t.account([Role.Centre]);
    owner = await t.account([Role.Owner]);
    carded = await t.account([Role.Bidder]);
    clean = await t.account([Role.Bidder]);
    expert = await t.account([Role.Expert], { organisationId: null });
    committee = await t.account([Role.Committee]);
    f = new StepFixtures(t, { tendering: await snapshotOf(t, 'tendering', {}, {}) });
    [{ uscc }] = await t.ds.query(`SELECT trim(uscc) AS uscc FROM organisation WHERE id = $1`, [carded.organisationId]);
  }, 60000);

  afterAll(async () => {
    await worker?.stop();
    await t?.close();
  });

  const penalty = (organisationId: string, body: unknown, token = office.token) => t.http.post(`/supervision/credit/organisations/${organisationId}/penalties`, body, token);
  const score = async (organisationId: string) => (await t.ds.query(`SELECT score FROM organisation_credit WHERE organisation_id = $1`, [organisationId]))[0]?.score as number | undefined;
  const decision = { points: 10, decisionNo: '榕建罚〔2025〕12号', note: '出借资质证书投标' };

  it('records a penalty once, audited, taking points off the score', async () => {
    const res = await penalty(carded.organisationId!, decision);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ score: 90, entry: { kind: 'penalty', points: -10, reference: { type: 'penalty_decision', id: decision.decisionNo }, note: decision.note, projectId: null } });
    const [last] = await t.ds.query(`SELECT action, subject_type, subject_id, actor_id, payload FROM audit_event ORDER BY id DESC LIMIT 1`);
    expect(last).toMatchObject({ action: 'credit.penalty_recorded', subject_type: 'credit_entry', subject_id: res.body.entry.id, actor_id: office.id, payload: { organisationId: carded.organisationId, points: -10, score: 90 } });
    expect(await score(carded.organisationId!)).toBe(90);

    const before = await t.snapshot();
    const again = await penalty(carded.organisationId!, { ...decision, points: 20 });
    expect([again.status, again.body.code]).toEqual([409, 'PENALTY_ALREADY_RECORDED']);
    for (const bad of [{ ...decision, points: 0 }, { ...decision, points: 101 }, { ...decision, points: 1.5 }, { points: 5, decisionNo: 'X' }, { ...decision, decisionNo: '' }, { ...decision, extra: 1 }]) {
      expect((await penalty(carded.organisationId!, bad)).status).toBe(400);
    }
    expect((await penalty('00000000-0000-4000-8000-000000000000', { ...decision, decisionNo: 'N-1' })).body.code).toBe('ORGANISATION_NOT_FOUND');
    expect((await penalty(carded.organisationId!, { ...decision, decisionNo: 'N-2', projectId: '00000000-0000-4000-8000-000000000000' })).body.code).toBe('PROJECT_NOT_FOUND');
    expect((await penalty('not-a-uuid', decision)).status).toBe(400);
    for (const a of [regulator, centre, owner, carded, expert, committee]) expect((await penalty(clean.organisationId!, { ...decision, decisionNo: 'N-3' }, a.token)).status).toBe(403);
    expect((await t.http.post(`/supervision/credit/organisations/${clean.organisationId}/penalties`, { ...decision, decisionNo: 'N-4' })).status).toBe(401);
    expect(await t.snapshot()).toEqual(before);
  });

  it('takes the cards of late steps off the score, and adds the e-mall ratings', async () => {
    // the carded organisation as a supplier that confirmed an order too late: a yellow and a red card
    await f.order(owner, carded, 'confirmation', { start: -20, due: -10, done: null }, 80);
    await waitFor(async () => (await score(carded.organisationId!)) === 90 - 2 - 5, 20000, 'the cards to reach the score');
    // five-star ratings, as the e-mall's buying part records them: +10
    await t.ds.query(`INSERT INTO supplier_score (organisation_id, rating_avg, rating_count, updated_at) VALUES ($1, 5.00, 3, now())`, [carded.organisationId]);
    await waitFor(async () => (await score(carded.organisationId!)) === 93, 20000, 'the ratings to reach the score');
  });

  it('shows the record to supervisors and the organisation itself only', async () => {
    const url = `/supervision/credit/organisations/${carded.organisationId}`;
    const rec = await t.http.get(url, office.token);
    expect(rec.status).toBe(200);
    expect(rec.body).toMatchObject({ organisation: { id: carded.organisationId, uscc }, score: 93, pointsTotal: -17, ratingPoints: 10, rating: { average: '5.00', count: 3 }, total: 3, page: 1 });
    expect(rec.body.entries.map((e: { kind: string }) => e.kind).sort()).toEqual(['penalty', 'red_card', 'yellow_card']);
    expect(rec.body.entries.filter((e: { kind: string }) => e.kind.endsWith('_card')).every((e: { reference: { type: string } }) => e.reference.type === 'supervision_card')).toBe(true);
    const paged = await t.http.get(`${url}?pageSize=1&page=2`, office.token);
    expect([paged.body.entries.length, paged.body.total]).toEqual([1, 3]);
    expect((await t.http.get(url, regulator.token)).body.score).toBe(93);
    expect((await t.http.get(url, carded.token)).body.score).toBe(93);
    const nobody = await t.http.get(`/supervision/credit/organisations/${clean.organisationId}`, clean.token);
    expect(nobody.body).toMatchObject({ score: 100, total: 0, entries: [], rating: null });

    const before = await t.snapshot();
    const other = await t.http.get(url, clean.token);
    expect([other.status, other.body.code]).toEqual([403, 'CREDIT_NOT_YOURS']);
    expect((await t.http.get(url, owner.token)).status).toBe(403);
    for (const a of [expert, committee]) expect((await t.http.get(url, a.token)).status).toBe(403);
    expect((await t.http.get(url)).status).toBe(401);
    expect((await t.http.get(`${url}?pageSize=0`, office.token)).status).toBe(400);
    expect((await t.http.get('/supervision/credit/organisations/00000000-0000-4000-8000-000000000000', office.token)).status).toBe(404);

    expect((await t.http.get(`/public/credit/${uscc}`)).body).toEqual({ uscc, name: expect.any(String), score: 93 });
    expect((await t.http.get('/public/credit/91350100M000100Y43')).status).toBe(404);
    expect((await t.http.get('/public/credit/abc')).status).toBe(400);
    expect(await t.snapshot()).toEqual(before);
  });

  /** A published sandbox tender taking registrations, with this credit threshold in its rule snapshot. */
  async function biddingTender(minCreditScore: number): Promise<string> {
    const g = new StepFixtures(t, { tendering: await snapshotOf(t, 'tendering', {}, { minCreditScore }) });
    const projectId = await g.project('tendering', owner);
    await t.ds.query(
      `INSERT INTO tender (project_id, kind, estimate_fen, evaluation_method, qualification, status, documents_available_at, bid_deadline, data_key_wrapped)
       VALUES ($1, 'construction', 120000000, 'lowest_price', '市政公用工程施工总承包三级', 'bidding', now(), now() + interval '1 hour', '\\x00')`,
      [projectId],
    );
    return projectId;
  }

  it('refuses tender registration below the project’s credit threshold, changing nothing', async () => {
    const strict = await biddingTender(95);
    const before = await t.snapshot();
    const refused = await t.http.post(`/tenders/${strict}/registrations`, {}, carded.token);
    expect([refused.status, refused.body.code]).toEqual([409, 'CREDIT_BELOW_THRESHOLD']);
    expect(refused.body.details).toMatchObject({ score: 93, minCreditScore: 95 });
    expect(refused.body.message.zh).toBeTruthy();
    expect(await t.snapshot()).toEqual(before);

    expect((await t.http.post(`/tenders/${strict}/registrations`, {}, clean.token)).body).toEqual({ registered: true }); // no record: 100
    expect((await t.http.post(`/tenders/${await biddingTender(90)}/registrations`, {}, carded.token)).body).toEqual({ registered: true });
    expect((await t.http.post(`/tenders/${await biddingTender(0)}/registrations`, {}, carded.token)).body).toEqual({ registered: true });
    const registered = await t.ds.query(`SELECT organisation_id FROM tender_registration WHERE project_id = $1`, [strict]);
    expect(registered).toEqual([{ organisation_id: clean.organisationId }]);
  });
});
