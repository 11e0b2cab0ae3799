import { Role, TradingDomain } from '@app/platform/auth/roles';
import { cardMonth } from '@app/supervision/cards/rules/card-times';
import { snapshotOf, StepFixtures, StepKind, Times } from '../../support/step-fixtures';
import { startTestApp, TestAccount, TestApp } from '../../support/test-app';
import { startWorker, waitFor, WorkerProcess } from '../../support/worker-process';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Case {
  kind: string;
  name: 'open' | 'in time' | 'done between the points' | 'done late' | 'suspended';
  subjectId: string;
  /** the cards it must get, in order */
  expected: ('yellow' | 'red')[];
  /** the party the cards are against */
  party: 'owner' | 'supplier' | 'purchaser' | 'expert' | 'centre';
}

interface CardRow {
  id: string;
  colour: 'yellow' | 'red';
  step_kind: string;
  subject_id: string;
  domain: string;
  organisation_id: string | null;
  expert_id: string | null;
  responsible_role: string;
  started_at: Date;
  warn_at: Date;
  due_at: Date;
  done_at: Date | null;
  issued_at: Date;
  warning_percent: number;
  month: string;
}

// 红黄牌监察: every watched step with a sandbox rule set (10 s limits, warning at 50 %), judged by two real workers.
describe('red and yellow cards', () => {
  let t: TestApp;
  let workers: WorkerProcess[] = [];
  let office: TestAccount;
  let centre: TestAccount;
  let owner: TestAccount;
  let bidder: TestAccount;
  let supplier: TestAccount;
  let purchaser: TestAccount;
  let expert: TestAccount;
  let f: StepFixtures;
  const cases: Case[] = [];
  let openCreatedAt: Date;

  const SPAN = 10;
  const PERCENT = 50;
  const registration = () => ({
    name: '城南中学风雨操场建设工程',
    kind: 'construction',
    region: '350102',
    qualification: '建筑工程施工总承包三级及以上',
    evaluationMethod: 'lowest_price',
    sections: [{ name: '一标段', estimate: '10000000.00', deposit: '100000.00' }],
    ownerOrganisationId: owner.organisationId,
    ruleSet: 'sandbox',
  });

  const recorded: { kind: StepKind; party: Case['party']; make: (x: Times) => Promise<string> }[] = [
    { kind: 'tender.objection_reply', party: 'owner', make: (x) => f.objection(owner, bidder, x) },
    { kind: 'tender.contract', party: 'owner', make: (x) => f.award(owner, bidder, x) },
    { kind: 'tender.deposit_refund', party: 'centre', make: (x) => f.tenderDeposit(owner, bidder, x) },
    { kind: 'land.deposit_refund', party: 'centre', make: (x) => f.landDeposit(owner, bidder, x) },
    { kind: 'rural.deposit_refund', party: 'centre', make: (x) => f.ruralDeposit(owner, bidder, x) },
    { kind: 'expert.draw_response', party: 'expert', make: (x) => f.drawInvitation(owner, expert, x) },
    { kind: 'procurement.order_confirmation', party: 'supplier', make: (x) => f.order(purchaser, supplier, 'confirmation', x, PERCENT) },
    { kind: 'procurement.order_acceptance', party: 'purchaser', make: (x) => f.order(purchaser, supplier, 'acceptance', x, PERCENT) },
    { kind: 'procurement.order_payment', party: 'purchaser', make: (x) => f.order(purchaser, supplier, 'payment', x, PERCENT) },
  ];

  beforeAll(async () => {
    t = await startTestApp('supervision-cards');
    office = await t.account([Role.Office]);
    centre = await t.account([Role.Centre]);
    owner = await t.account([Role.Owner]);
    bidder = await t.account([Role.Bidder]);
    supplier = await t.account([Role.Bidder]);
    purchaser = await t.account([Role.Owner]);
    expert = await t.account([Role.Expert], { organisationId: null });
    const committee = await t.account([Role.Committee]);
    // The centre's acceptance is judged by the rule set in force at submission: a sandbox version of 10 s at 50 %.
    const draft = await t.http.post(
      '/rule-sets',
      { domain: 'tendering', name: '红黄牌测试(秒)', sandbox: true, changes: { periods: { registrationReview: { value: SPAN, unit: 's' } }, numbers: { warningPercent: PERCENT } } },
      committee.token,
    );
    expect(draft.status).toBe(201);
    expect((await t.http.post(`/rule-sets/${draft.body.id}/publish`, {}, committee.token)).status).toBe(200);
    const periods = { candidatesPublishedWithin: SPAN, depositRefund: SPAN };
    f = new StepFixtures(t, {
      tendering: await snapshotOf(t, 'tendering', periods, { warningPercent: PERCENT }),
      land: await snapshotOf(t, 'land', periods, { warningPercent: PERCENT }),
      rural: await snapshotOf(t, 'rural', periods, { warningPercent: PERCENT }),
    });

    // Steps already over when the workers first look: judged from their recorded times (catch-up).
    for (const r of recorded) {
      cases.push({ kind: r.kind, name: 'done between the points', party: r.party, expected: ['yellow'], subjectId: await r.make({ start: -12, due: -2, done: -4 }) });
      cases.push({ kind: r.kind, name: 'done late', party: r.party, expected: ['yellow', 'red'], subjectId: await r.make({ start: -20, due: -10, done: -5 }) });
    }
    cases.push({ kind: 'tender.objection_reply', name: 'suspended', party: 'owner', expected: [], subjectId: await f.objection(owner, bidder, { start: -20, due: -10, done: null }, 'suspended') });

    workers = [
      await startWorker({ DATABASE_URL: t.databaseUrl, REDIS_PREFIX: t.redisPrefix, CARD_SCAN_MS: '200' }),
      await startWorker({ DATABASE_URL: t.databaseUrl, REDIS_PREFIX: t.redisPrefix, CARD_SCAN_MS: '200' }),
    ];

    // Steps starting now: some left open, some done about a second later (before the 5 s warning point).
    [{ now: openCreatedAt }] = await t.ds.query(`SELECT now()`);
    const inTime: { kind: StepKind; id: string }[] = [];
    for (const r of recorded) {
      cases.push({ kind: r.kind, name: 'open', party: r.party, expected: ['yellow', 'red'], subjectId: await r.make({ start: 0, due: SPAN, done: null }) });
      const id = await r.make({ start: 0, due: SPAN, done: null });
      cases.push({ kind: r.kind, name: 'in time', party: r.party, expected: [], subjectId: id });
      inTime.push({ kind: r.kind, id });
    }
    const openTender = await t.http.post('/tenders', registration(), owner.token);
    const acceptedTender = await t.http.post('/tenders', registration(), owner.token);
    expect([openTender.status, acceptedTender.status]).toEqual([201, 201]);
    cases.push({ kind: 'tender.registration_review', name: 'open', party: 'centre', expected: ['yellow', 'red'], subjectId: openTender.body.id });
    cases.push({ kind: 'tender.registration_review', name: 'in time', party: 'centre', expected: [], subjectId: acceptedTender.body.id });
    const unpublished = await f.tender(owner, bidder, { reportedAt: 0 });
    const published = await f.tender(owner, bidder, { reportedAt: 0 });
    cases.push({ kind: 'tender.candidates_publicity', name: 'open', party: 'owner', expected: ['yellow', 'red'], subjectId: unpublished.sectionId });
    cases.push({ kind: 'tender.candidates_publicity', name: 'in time', party: 'owner', expected: [], subjectId: published.sectionId });

    await sleep(1000);
    for (const s of inTime) await f.complete(s.kind, s.id);
    expect((await t.http.post(`/tenders/${acceptedTender.body.id}/accept`, {}, centre.token)).status).toBe(200);
    expect((await t.http.post(`/tenders/${published.projectId}/sections/1/publicity`, {}, owner.token)).status).toBe(200);
  }, 120000);

  afterAll(async () => {
    for (const w of workers) await w.stop();
    await t?.close();
  });

  const cards = async (): Promise<CardRow[]> => t.ds.query(`SELECT *, expert_id::text AS expert_id FROM supervision_card ORDER BY issued_at, colour DESC`);
  const expectedTotal = () => cases.reduce((n, c) => n + c.expected.length, 0);
  const partyOf = (p: Case['party']) =>
    ({ owner: { organisation_id: owner.organisationId }, supplier: { organisation_id: supplier.organisationId }, purchaser: { organisation_id: purchaser.organisationId }, expert: { organisation_id: null }, centre: { organisation_id: null } })[p];

  it('issues nothing on the open steps before their warning point', async () => {
    const [{ now }] = await t.ds.query(`SELECT now()`);
    expect(now.getTime() - openCreatedAt.getTime()).toBeLessThan(((SPAN * PERCENT) / 100) * 1000);
    const open = new Set(cases.filter((c) => c.name === 'open' || c.name === 'in time').map((c) => c.subjectId));
    expect((await cards()).filter((c) => open.has(c.subject_id))).toEqual([]);
  });

  it('issues each card of each step kind at its point, once, against the responsible party', async () => {
    await waitFor(async () => (await cards()).length >= expectedTotal(), 45000, `${expectedTotal()} cards`);
    await sleep(1500); // several more scans by both workers add nothing
    const all = await cards();
    expect(all).toHaveLength(expectedTotal());
    const [expertRow] = await t.ds.query(`SELECT id::text AS id FROM expert WHERE account_id = $1`, [expert.id]);

    for (const c of cases) {
      const mine = all.filter((k) => k.subject_id === c.subjectId && k.step_kind === c.kind);
      expect({ kind: c.kind, name: c.name, colours: mine.map((k) => k.colour).sort() }).toEqual({ kind: c.kind, name: c.name, colours: [...c.expected].sort() });
      for (const k of mine) {
        const point = k.colour === 'yellow' ? k.warn_at : k.due_at;
        // never before its point, and the warning point is 50 % of the limit
        expect(k.issued_at.getTime()).toBeGreaterThanOrEqual(point.getTime());
        expect(k.warn_at.getTime()).toBe(k.started_at.getTime() + Math.floor(((k.due_at.getTime() - k.started_at.getTime()) * PERCENT) / 100));
        expect(k.due_at.getTime() - k.started_at.getTime()).toBe(SPAN * 1000);
        expect(k.warning_percent).toBe(PERCENT);
        expect(k.month).toBe(cardMonth(point));
        expect({ kind: c.kind, ...partyOf(c.party), expert_id: c.party === 'expert' ? expertRow.id : null }).toEqual({ kind: c.kind, organisation_id: k.organisation_id, expert_id: k.expert_id });
        expect(k.done_at === null).toBe(c.name === 'open');
      }
      if (c.name === 'open') {
        const [y, r] = [mine.find((k) => k.colour === 'yellow')!, mine.find((k) => k.colour === 'red')!];
        expect(y.issued_at.getTime()).toBeLessThan(r.issued_at.getTime());
      }
    }

    // each card with its audit entry
    const audited: { action: string; subject_id: string }[] = await t.ds.query(`SELECT action, subject_id FROM audit_event WHERE subject_type = 'supervision_card'`);
    expect(audited.map((a) => a.subject_id).sort()).toEqual(all.map((k) => k.id).sort());
    for (const k of all) expect(audited.find((a) => a.subject_id === k.id)!.action).toBe(`card.${k.colour}_issued`);
    // cards are never changed
    await expect(t.ds.query(`DELETE FROM supervision_card WHERE id = $1`, [all[0].id])).rejects.toThrow(/never changed or deleted/);
  });

  const list = (token: string, q: Record<string, string | number | undefined> = {}) =>
    t.http.get(`/supervision/cards?${new URLSearchParams(Object.entries(q).map(([k, v]): [string, string] => [k, String(v)]))}`, token);
  const count = (p: Case['party'], colour: 'yellow' | 'red') => cases.filter((c) => c.party === p).reduce((n, c) => n + c.expected.filter((x) => x === colour).length, 0);
  const total = (p: Case['party']) => count(p, 'yellow') + count(p, 'red');

  it('lists the cards to the office with filters and pages', async () => {
    const all = await list(office.token, { pageSize: 100 });
    expect(all.status).toBe(200);
    expect(all.body.total).toBe(expectedTotal());
    const sample = all.body.items.find((c: { stepKind: string }) => c.stepKind === 'tender.contract');
    expect(sample).toMatchObject({ domain: 'tendering', responsibleRole: 'owner', organisation: { id: owner.organisationId }, project: { id: expect.any(String), code: expect.any(String) }, warningPercent: PERCENT });
    const page = await list(office.token, { pageSize: 10, page: 5 });
    expect([page.body.total, page.body.items.length, page.body.page]).toEqual([expectedTotal(), expectedTotal() - 40, 5]);
    expect((await list(office.token, { colour: 'red' })).body.total).toBe(cases.reduce((n, c) => n + c.expected.filter((x) => x === 'red').length, 0));
    expect((await list(office.token, { domain: 'land' })).body.total).toBe(5);
    expect((await list(office.token, { stepKind: 'procurement.order_payment', colour: 'yellow' })).body.total).toBe(3);
    expect((await list(office.token, { organisationId: owner.organisationId! })).body.total).toBe(total('owner'));
    const openObjection = cases.find((c) => c.kind === 'tender.objection_reply' && c.name === 'open')!;
    const [{ project_id }] = await t.ds.query(`SELECT project_id FROM tender_objection WHERE id = $1`, [openObjection.subjectId]);
    const byProject = await list(office.token, { projectId: project_id });
    expect(byProject.body.items.map((c: { colour: string }) => c.colour).sort()).toEqual(['red', 'yellow']);
    const month = cardMonth(new Date());
    const thisMonth = (await list(office.token, { month, pageSize: 100 })).body.items;
    expect(thisMonth.every((c: { month: string }) => c.month === month)).toBe(true);
    for (const bad of [{ colour: 'green' }, { month: '2025-13' }, { pageSize: 101 }, { domain: 'mining' }, { organisationId: 'x' }]) {
      expect((await list(office.token, bad)).status).toBe(400);
    }
  });

  it('counts per organisation and month', async () => {
    const res = await t.http.get('/supervision/cards/counts', office.token);
    expect(res.status).toBe(200);
    const sum = (pred: (r: { party: string; organisation: { id: string } | null }) => boolean) =>
      res.body.filter(pred).reduce((a: { yellow: number; red: number }, r: { yellow: number; red: number }) => ({ yellow: a.yellow + r.yellow, red: a.red + r.red }), { yellow: 0, red: 0 });
    for (const [p, acc] of [['owner', owner], ['supplier', supplier], ['purchaser', purchaser]] as const) {
      expect(sum((r) => r.organisation?.id === acc.organisationId)).toEqual({ yellow: count(p, 'yellow'), red: count(p, 'red') });
    }
    expect(sum((r) => r.party === 'expert')).toEqual({ yellow: count('expert', 'yellow'), red: count('expert', 'red') });
    expect(sum((r) => r.party === 'centre')).toEqual({ yellow: count('centre', 'yellow'), red: count('centre', 'red') });
    expect(res.body.every((r: { month: string }) => /^\d{4}-\d{2}$/.test(r.month))).toBe(true);
    const mine = await t.http.get('/supervision/cards/counts', supplier.token);
    expect(mine.body.map((r: { organisation: { id: string } }) => r.organisation.id)).toEqual(mine.body.map(() => supplier.organisationId));
  });

  it('feeds the credit score of the organisations carded', async () => {
    for (const [p, acc] of [['owner', owner], ['supplier', supplier], ['purchaser', purchaser]] as const) {
      const rec = await t.http.get(`/supervision/credit/organisations/${acc.organisationId}?pageSize=100`, office.token);
      expect(rec.status).toBe(200);
      expect(rec.body.score).toBe(100 - 2 * count(p, 'yellow') - 5 * count(p, 'red'));
      expect(rec.body.total).toBe(total(p));
      expect(new Set(rec.body.entries.map((e: { kind: string }) => e.kind))).toEqual(new Set(['yellow_card', 'red_card']));
      const [{ score }] = await t.ds.query(`SELECT score FROM organisation_credit WHERE organisation_id = $1`, [acc.organisationId]);
      expect(score).toBe(rec.body.score);
    }
  });

  it('shows a regulator its domain, a party its own cards, and refuses the rest, changing nothing', async () => {
    const before = await t.snapshot();
    const tendering = await t.account([{ role: Role.Regulator, domain: TradingDomain.Tendering }]);
    const land = await t.account([{ role: Role.Regulator, domain: TradingDomain.Land }]);
    const committee = await t.account([Role.Committee]);
    const accounts = await t.snapshot();
    const tenderingCards = cases.filter((c) => c.kind.startsWith('tender.') || c.kind.startsWith('expert.')).reduce((n, c) => n + c.expected.length, 0);
    expect((await list(tendering.token, { pageSize: 100 })).body.total).toBe(tenderingCards);
    expect((await list(land.token)).body.items.every((c: { domain: string }) => c.domain === 'land')).toBe(true);
    expect((await list(land.token)).body.total).toBe(5);
    const other = await list(tendering.token, { domain: 'land' });
    expect([other.status, other.body.code]).toEqual([403, 'CARDS_NOT_IN_SCOPE']);

    const own = await list(owner.token, { pageSize: 100 });
    expect(own.body.total).toBe(total('owner'));
    expect(own.body.items.every((c: { organisation: { id: string } }) => c.organisation.id === owner.organisationId)).toBe(true);
    expect((await list(supplier.token)).body.total).toBe(total('supplier'));
    expect((await list(bidder.token)).body.total).toBe(0);
    const theirs = await list(owner.token, { organisationId: supplier.organisationId! });
    expect([theirs.status, theirs.body.code]).toEqual([403, 'CARDS_NOT_IN_SCOPE']);
    const expertOwn = await list(expert.token, { pageSize: 100 });
    expect(expertOwn.body.total).toBe(total('expert'));
    expect(expertOwn.body.items.every((c: { responsibleRole: string }) => c.responsibleRole === 'expert')).toBe(true);
    const centreOwn = await list(centre.token, { pageSize: 100 });
    expect(centreOwn.body.total).toBe(total('centre'));
    expect(centreOwn.body.items.every((c: { responsibleRole: string }) => c.responsibleRole === 'centre')).toBe(true);

    expect((await list(committee.token)).status).toBe(403);
    expect((await t.http.get('/supervision/cards/counts', committee.token)).status).toBe(403);
    expect((await t.http.get('/supervision/cards')).status).toBe(401);
    expect((await t.http.get('/supervision/cards/counts')).status).toBe(401);
    const after = await t.snapshot();
    expect(after).toEqual(accounts);
    expect(after.supervision_card).toBe(before.supervision_card);
  });
});
