import { randomUUID } from 'node:crypto';
import { Role } from '@app/platform/auth/roles';
import { ProjectGate } from '@app/trading';
import { insertExperts, insertSpecialties } from '../../support/expert-fixtures';
import { Route, routesOf } from '../../support/routes';
import { snapshotOf, StepFixtures } from '../../support/step-fixtures';
import { postForm } from '../../support/tender-fixtures';
import { startTestApp, TestAccount, TestApp } from '../../support/test-app';

/**
 * Issue 16.1: a suspended project changes nothing, in every domain. The walk is generated from the route metadata
 * (as the route × role test is): every @ProjectWrite route of a domain is called on a suspended project of it.
 */

// Writes that act on no existing project: accounts, rules, calendars, the expert library, and the routes that create a
// project (a new project is not suspended). A new write route must be gated, exempt or listed here (docs/suspension.md).
const PROJECT_FREE = new Set([
  'POST /accounts',
  'POST /accounts/:id/disable',
  'POST /accounts/:id/enable',
  'POST /accounts/:id/roles',
  'DELETE /accounts/:id/roles/:role',
  'POST /auth/login',
  'POST /auth/register',
  'POST /calendar/years',
  'POST /experts',
  'PATCH /experts/:id',
  'POST /experts/:id/account',
  'POST /experts/import',
  'POST /experts/me/conflicts',
  'DELETE /experts/me/conflicts/:id',
  'POST /experts/me/unavailability',
  'DELETE /experts/me/unavailability/:id',
  'POST /land/parcels',
  'POST /milestones/probe',
  'POST /notifications/:id/read',
  'POST /notifications/mine/read-all',
  'POST /procurement/agreements',
  'POST /procurement/budget-lines',
  'POST /procurement/orders/direct',
  'POST /procurement/products',
  'PATCH /procurement/products/:id',
  'POST /procurement/products/:id/clear-flag',
  'POST /procurement/products/:id/reference-price',
  'POST /procurement/requirements',
  'POST /projects',
  'POST /rule-sets',
  'PATCH /rule-sets/:id',
  'POST /rule-sets/:id/publish',
  'POST /rural/deals',
  'POST /rural/kinds',
  'POST /scheduling/rooms',
  'POST /specialties',
  'POST /supervision/credit/organisations/:organisationId/penalties',
  'POST /tenders',
]);

const key = (r: Route) => `${r.method} ${r.path}`;
const isWrite = (r: Route) => r.method !== 'GET' && r.method !== 'HEAD';

type Domain = 'tendering' | 'land' | 'rural' | 'procurement';

/** Which domain's suspended project a gated route is walked on; the kernel's own routes on all four. */
function domainsOf(r: Route): Domain[] {
  if (r.path.startsWith('/tenders/') || r.path.startsWith('/expert-draws') || r.path.startsWith('/experts/me/invitations')) return ['tendering'];
  if (r.path.startsWith('/land/')) return ['land'];
  if (r.path.startsWith('/rural/')) return ['rural'];
  if (r.path.startsWith('/lots/')) return ['land', 'rural'];
  if (r.path.startsWith('/procurement/')) return ['procurement'];
  if (r.path.startsWith('/projects/') || r.path.startsWith('/scheduling/')) return ['tendering', 'land', 'rural', 'procurement'];
  return [];
}

// What the request could change: every row of the project in the kernel's and the domains' tables, and the audit
// trail and outbox entries about them. Compared as an md5 of the rows, so an UPDATE shows as well as an INSERT.
const LOTS = `(SELECT id FROM lot WHERE project_id = $1::uuid)`;
const SECTIONS = `(SELECT id FROM tender_section WHERE project_id = $1::uuid)`;
const DRAWS = `(SELECT id FROM expert_draw WHERE project_id = $1::uuid)`;
const REQUIREMENTS = `(SELECT id FROM procurement_requirement WHERE project_id = $1::uuid)`;
const PROJECT_ROWS: [string, string][] = [
  ['trading_project', `id = $1::uuid`],
  ['tender', `project_id = $1::uuid`],
  ['tender_section', `project_id = $1::uuid`],
  ['tender_document', `project_id = $1::uuid`],
  ['tender_registration', `project_id = $1::uuid`],
  ['tender_question', `project_id = $1::uuid`],
  ['tender_deposit', `section_id IN ${SECTIONS}`],
  ['tender_bid', `section_id IN ${SECTIONS}`],
  ['tender_objection', `project_id = $1::uuid`],
  ['tender_score', `bid_id IN (SELECT id FROM tender_bid WHERE section_id IN ${SECTIONS})`],
  ['tender_award', `section_id IN ${SECTIONS}`],
  ['tender_report_signature', `section_id IN ${SECTIONS}`],
  ['land_parcel', `project_id = $1::uuid`],
  ['land_application', `project_id = $1::uuid`],
  ['rural_deal', `project_id = $1::uuid`],
  ['rural_document', `project_id = $1::uuid`],
  ['rural_listing', `project_id = $1::uuid`],
  ['rural_application', `project_id = $1::uuid`],
  ['lot', `project_id = $1::uuid`],
  ['lot_bidder', `lot_id IN ${LOTS}`],
  ['lot_bid', `lot_id IN ${LOTS}`],
  ['lot_event', `lot_id IN ${LOTS}`],
  ['expert_draw', `project_id = $1::uuid`],
  ['expert_draw_round', `draw_id IN ${DRAWS}`],
  ['expert_draw_member', `draw_id IN ${DRAWS}`],
  ['expert_evaluation', `project_id = $1::uuid`],
  ['scheduling_session', `project_id = $1::uuid`],
  ['procurement_requirement', `project_id = $1::uuid`],
  ['procurement_quote', `requirement_id IN ${REQUIREMENTS}`],
  ['procurement_order', `source_id IN ${REQUIREMENTS}`],
  ['milestone', `subject_id = $1::text`],
  ['complaint', `project_id = $1::uuid`],
  ['notification_outbox', `params->>'projectId' = $1::text`],
  [
    'audit_event',
    `subject_id = $1::text OR payload->>'projectId' = $1::text OR subject_id IN (SELECT id::text FROM lot WHERE project_id = $1::uuid)
     OR subject_id IN (SELECT id::text FROM procurement_requirement WHERE project_id = $1::uuid)
     OR subject_id IN (SELECT o.id::text FROM procurement_order o WHERE o.source_id IN ${REQUIREMENTS})`,
  ],
];

interface Fixture {
  domain: Domain;
  projectId: string;
  /** the id each resolver kind takes, and the other path params */
  ids: Record<string, string>;
  params: Record<string, string>;
}

describe('a suspended project changes nothing, in every domain (the kernel’s request gate)', () => {
  let t: TestApp;
  let routes: Route[];
  let f: StepFixtures;
  const as = {} as Record<'office' | 'centre' | 'owner' | 'bidder' | 'expert' | 'committee', TestAccount>;
  let roomId: string;

  beforeAll(async () => {
    t = await startTestApp('suspended-writes');
    routes = routesOf(t);
    as.office = await t.account([Role.Office]);
    as.centre = await t.account([Role.Centre]);
    as.owner = await t.account([Role.Owner]);
    as.bidder = await t.account([Role.Bidder]);
    as.expert = await t.account([Role.Expert], { organisationId: null });
    as.committee = await t.account([Role.Committee]);
    f = new StepFixtures(t, {
      tendering: await snapshotOf(t, 'tendering', {}, {}),
      land: await snapshotOf(t, 'land', {}, {}),
      rural: await snapshotOf(t, 'rural', {}, {}),
    });
    [{ id: roomId }] = await t.ds.query(`INSERT INTO scheduling_room (kind, name, seats) VALUES ('opening_hall', '第一开标厅', 50) RETURNING id`);
  });

  afterAll(() => t.close());

  const tokenFor = (r: Route): string => {
    const roles = r.access as Role[];
    const pick = [Role.Bidder, Role.Owner, Role.Agent, Role.Centre, Role.Expert].find((x) => roles.includes(x));
    if (pick === Role.Bidder) return as.bidder.token;
    if (pick === Role.Owner || pick === Role.Agent) return as.owner.token;
    if (pick === Role.Centre) return as.centre.token;
    if (pick === Role.Expert) return as.expert.token;
    throw new Error(`no operating role may call ${key(r)}: is it a supervisor's action (@ProjectSupervision)?`);
  };

  const lot = async (projectId: string, domain: string): Promise<string> => {
    const [l] = await t.ds.query(
      `INSERT INTO lot (project_id, domain, title, start_price_fen, increment, phase, countdown_seconds, starts_at, ends_at)
       VALUES ($1, $2, '测试标的', 1000000, '{"fixedFen":"10000"}', 'listing', 60, now() - interval '1 hour', now() + interval '1 hour') RETURNING id`,
      [projectId, domain],
    );
    await t.ds.query(`INSERT INTO lot_bidder (lot_id, paddle, organisation_id) VALUES ($1, 1, $2)`, [l.id, as.bidder.organisationId]);
    return l.id;
  };

  const session = async (projectId: string, dayOffset: number): Promise<string> => {
    const [s] = await t.ds.query(
      `INSERT INTO scheduling_session (room_id, project_id, purpose, during, booked_by)
       VALUES ($1, $2, 'opening', tstzrange(now() + $3 * interval '1 day', now() + $3 * interval '1 day' + interval '2 hours'), $4) RETURNING id`,
      [roomId, projectId, dayOffset, as.centre.id],
    );
    return s.id;
  };

  let day = 1;
  /** A running project of the domain with one of each thing its write routes name, as its services leave them. */
  async function running(domain: Domain): Promise<Fixture> {
    if (domain === 'tendering') {
      const { projectId, sectionId, bidId } = await f.tender(as.owner, as.bidder);
      const [d] = await t.ds.query(
        `INSERT INTO tender_deposit (section_id, organisation_id, method, reference, amount_fen) VALUES ($1, $2, 'transfer', 'YH-20250101-0001', 2000000) RETURNING id`,
        [sectionId, as.bidder.organisationId],
      );
      await insertSpecialties(t.ds, ['K01']);
      const [expertId] = await insertExperts(t.ds, 1, { specialty: 'K01', accountId: as.expert.id });
      const [draw] = await t.ds.query(
        `INSERT INTO expert_draw (project_id, domain, owner_uscc, status, requirements, committee, context, session_start, session_end, algorithm, seed_sealed, seed_commitment)
         VALUES ($1, 'tendering', '91350100M000100Y43', 'inviting', '[]', '{}', '{}', now() + interval '1 day', now() + interval '2 days', 'yg-draw-v1', '\\x00', repeat('0', 64)) RETURNING id`,
        [projectId],
      );
      const [m] = await t.ds.query(
        `INSERT INTO expert_draw_member (draw_id, expert_id, specialty_code, round, position, kind, status, invited_at, respond_by)
         VALUES ($1, $2, 'K01', 0, 0, 'primary', 'invited', now(), now() + interval '1 hour') RETURNING id`,
        [draw.id, expertId],
      );
      const [q] = await t.ds.query(`INSERT INTO tender_question (project_id, organisation_id, question) VALUES ($1, $2, '工期能否顺延?') RETURNING id`, [projectId, as.bidder.organisationId]);
      return {
        domain,
        projectId,
        ids: { project: projectId, 'tender-deposit': d.id, 'expert-draw': draw.id, 'expert-invitation': m.id, 'scheduling-session': await session(projectId, day++) },
        params: { no: '1', bidId, questionId: q.id, objectionId: randomUUID() },
      };
    }
    if (domain === 'land') {
      const projectId = await f.project('land', as.owner);
      const lotId = await lot(projectId, 'land');
      await t.ds.query(
        `INSERT INTO land_parcel (project_id, location, area_m2, land_use, term_years, plot_ratio, mode, start_price_fen, increment, deposit_fen, has_reserve, status, lot_id, announced_at, listing_starts_at, listing_ends_at)
         VALUES ($1, '城东片区 A-01 地块', 12000, 'residential', 70, 2.5, 'listing', 1000000, '{"fen":"10000"}', 100000, false, 'announced', $2, now() - interval '2 hours', now() - interval '1 hour', now() + interval '1 hour')`,
        [projectId, lotId],
      );
      const [a] = await t.ds.query(
        `INSERT INTO land_application (project_id, organisation_id, applied_by, file_name, sha256, size, content, deposit_method, deposit_reference, deposit_amount_fen)
         VALUES ($1, $2, $3, 'a.pdf', repeat('c', 64), 1, '\\x00', 'transfer', 'YH-20250101-0002', 100000) RETURNING id`,
        [projectId, as.bidder.organisationId, as.bidder.id],
      );
      return { domain, projectId, ids: { project: projectId, lot: lotId, 'land-application': a.id, 'scheduling-session': await session(projectId, day++) }, params: {} };
    }
    if (domain === 'procurement') return emall();
    const projectId = await f.project('rural', as.owner);
    const [kind] = await t.ds.query(`SELECT code FROM rural_kind ORDER BY code LIMIT 1`);
    await t.ds.query(
      `INSERT INTO rural_deal (project_id, kind, description, quantity, unit, listing_price_fen, increment_fen, deposit_fen, status)
       VALUES ($1, $2, '村集体鱼塘经营权', 30, '亩', 1000000, 10000, 50000, 'listing')`,
      [projectId, kind.code],
    );
    const lotId = await lot(projectId, 'rural');
    await t.ds.query(`INSERT INTO rural_listing (project_id, round, price_fen, lot_id, starts_at, ends_at) VALUES ($1, 1, 1000000, $2, now() - interval '1 hour', now() + interval '1 hour')`, [
      projectId,
      lotId,
    ]);
    const [a] = await t.ds.query(
      `INSERT INTO rural_application (project_id, round, organisation_id, applied_by, method, reference, amount_fen) VALUES ($1, 1, $2, $3, 'transfer', 'YH-20250101-0003', 50000) RETURNING id`,
      [projectId, as.bidder.organisationId, as.bidder.id],
    );
    return { domain, projectId, ids: { project: projectId, lot: lotId, 'rural-application': a.id, 'scheduling-session': await session(projectId, day++) }, params: {} };
  }

  /** An online quote published through the API (its project with it), and the order a quote of it was awarded. */
  async function emall(): Promise<Fixture> {
    const [line] = await t.ds.query(`INSERT INTO budget_line (organisation_id, code, name, year, amount_fen, created_by) VALUES ($1, $2, '办公设备购置', 2026, 1000000000, $3) RETURNING id`, [
      as.owner.organisationId,
      `ZB-${randomUUID().slice(0, 8)}`,
      as.owner.id,
    ]);
    const pub = await t.http.post(
      '/procurement/requirements',
      { title: '办公计算机采购', categoryCode: 'A02.01.02', items: [{ description: '台式计算机', quantity: 100, unit: '台' }], deliveryRegion: '350102', deliveryDate: '2099-12-31', maxPrice: '1500000.00', budgetLineId: line.id },
      as.owner.token,
    );
    expect(pub.status).toBe(201);
    const { id: requirementId, projectId } = pub.body;
    const [order] = await t.ds.query(
      `INSERT INTO procurement_order (no, purchaser_organisation_id, supplier_organisation_id, budget_line_id, source, source_id, total_fen, rule_set_id, rule_set_version, sandbox, rules, confirm_due)
       SELECT 'DD-' || substr(md5(random()::text), 1, 10), r.purchaser_organisation_id, $2, r.budget_line_id, 'quote', r.id, 1200000, r.rule_set_id, r.rule_set_version, r.rule_sandbox, '{}', now() + interval '1 day'
         FROM procurement_requirement r WHERE r.id = $1 RETURNING id`,
      [requirementId, as.bidder.organisationId],
    );
    return {
      domain: 'procurement',
      projectId,
      ids: { project: projectId, 'procurement-requirement': requirementId, 'procurement-order': order.id, 'scheduling-session': await session(projectId, day++) },
      params: {},
    };
  }

  /** An audit entry as its writer wrote it: the sequencer's link (seq, prev_hash, hash, linked_at) comes later, from no request. */
  const AUDIT_ENTRY_AS_WRITTEN = `ROW(x.id, x.occurred_at, x.actor_id, x.actor_role, x.organisation_id, x.action, x.subject_type, x.subject_id, x.payload_digest, x.payload_canonical)`;

  const rowsOfProject = async (projectId: string): Promise<Record<string, string>> => {
    const out: Record<string, string> = {};
    for (const [table, where] of PROJECT_ROWS) {
      const row = table === 'audit_event' ? AUDIT_ENTRY_AS_WRITTEN : 'x';
      const [r] = await t.ds.query(`SELECT count(*)::int AS n, coalesce(md5(string_agg(${row}::text, '|' ORDER BY ${row}::text)), '') AS h FROM ${table} x WHERE ${where}`, [projectId]);
      out[table] = `${r.n}:${r.h}`;
    }
    return out;
  };

  /** A body that would pass validation were the project running (the gate answers before the pipes). */
  let moveDay = 50;
  const bodyFor = (r: Route, fx: Fixture): Record<string, unknown> => {
    const moveTo = Date.now() + moveDay++ * 86_400_000;
    const base: Record<string, Record<string, unknown>> = {
      'POST /lots/:id/bids': { price: '10000.00', clientKey: `gate-${randomUUID()}` },
      'POST /scheduling/sessions': { roomId, purpose: 'opening', startsAt: new Date(Date.now() + 40 * 86_400_000).toISOString(), endsAt: new Date(Date.now() + 40 * 86_400_000 + 3_600_000).toISOString() },
      'PATCH /scheduling/sessions/:id': { startsAt: new Date(moveTo).toISOString(), endsAt: new Date(moveTo + 3_600_000).toISOString() },
      'POST /tenders/:id/questions': { question: '资格条件中的业绩要求能否放宽?' },
      'POST /tenders/:id/questions/:questionId/answer': { answer: '不能放宽。' },
      'POST /tenders/:id/return': { reasons: ['招标文件缺少工程量清单'] },
      'POST /tenders/:id/opening-objections': { content: '开标时间早于公告时间' },
      'POST /tenders/:id/objections': { content: '资格条件排斥潜在投标人' },
      'POST /tenders/:id/sections/:no/objections': { content: '第一中标候选人业绩造假' },
      'POST /experts/me/invitations/:id/decline': { reason: '当日出差' },
      'POST /land/parcels/:id/continue': {},
      'POST /land/applications/:applicationId/reject': { reason: '资格文件不全' },
      'POST /tenders/deposits/:depositId/refund': { reference: 'TK-20250101-0001' },
      'POST /procurement/requirements/:id/quotes': { total: '1200000.00' },
      'POST /procurement/requirements/:id/switch': { reason: '转为竞争性磋商' },
      'POST /procurement/orders/:id/deliver': { note: '已送达' },
      'POST /procurement/orders/:id/reject': { reasons: ['型号不符'] },
      'POST /procurement/orders/:id/payment': { reference: 'ZF-20250101-0001' },
      'POST /procurement/orders/:id/rating': { score: 5 },
      'POST /procurement/orders/:id/rating/reply': { reply: '感谢' },
    };
    const body = { ...(base[key(r)] ?? {}) };
    if (r.gate?.body) body[r.gate.body] = fx.ids[r.gate.kind];
    return body;
  };

  const pathFor = (r: Route, fx: Fixture): string =>
    r.path.replace(/:([A-Za-z]+)/g, (_, name: string) => {
      if (r.gate?.param === name) return fx.ids[r.gate.kind] ?? (() => { throw new Error(`no ${r.gate!.kind} in the ${fx.domain} fixture for ${key(r)}`); })();
      return fx.params[name] ?? randomUUID();
    });

  it('classifies every write route: gated (@ProjectWrite), exempt with a reason, or acting on no project', () => {
    const writes = routes.filter(isWrite);
    expect(writes.length).toBeGreaterThan(50);
    const unclassified = writes.filter((r) => !r.gate && !r.exempt && !PROJECT_FREE.has(key(r))).map(key);
    expect(unclassified).toEqual([]);
    expect(writes.filter((r) => r.gate && r.exempt).map(key)).toEqual([]);
    // the list cannot rot: each entry is a route that exists and is neither gated nor exempt
    expect([...PROJECT_FREE].filter((k) => !writes.some((r) => key(r) === k && !r.gate && !r.exempt))).toEqual([]);
    // each gated route names a resolver some domain registered, and the param it reads is in its path
    const kinds = t.app.get(ProjectGate).kinds();
    expect(writes.filter((r) => r.gate && !kinds.includes(r.gate.kind)).map(key)).toEqual([]);
    expect(writes.filter((r) => r.gate?.param && !r.path.includes(`:${r.gate.param}`)).map(key)).toEqual([]);
    // and is walked below on a suspended project of its domain
    expect(writes.filter((r) => r.gate && domainsOf(r).length === 0).map(key)).toEqual([]);
  });

  for (const domain of ['tendering', 'land', 'rural', 'procurement'] as Domain[]) {
    it(`${domain}: every gated write route of a suspended project answers 409 PROJECT_SUSPENDED and changes nothing`, async () => {
      const fx = await running(domain);
      const suspended = await t.http.post(`/projects/${fx.projectId}/suspend`, { reason: '接到投诉,暂停以便调查' }, as.office.token);
      expect(suspended.status).toBe(200);
      expect(suspended.body.status).toBe('suspended');
      const gated = routes.filter((r) => r.gate && domainsOf(r).includes(domain));
      expect(gated.length).toBeGreaterThan(domain === 'tendering' ? 25 : domain === 'procurement' ? 10 : 8);

      const before = await rowsOfProject(fx.projectId);
      const counts = await t.snapshot();
      const wrong: string[] = [];
      for (const r of gated) {
        const path = pathFor(r, fx);
        const token = tokenFor(r);
        const res = r.consumes.includes('multipart/form-data')
          ? await postForm(t, path, token, { method: 'transfer', reference: 'YH-20250101-0009', amount: '1000.00' }, { name: 'documents.pdf', content: Buffer.from('%PDF-1.4 gate') })
          : await t.http.request(r.method, path, { token, body: r.method === 'DELETE' ? undefined : bodyFor(r, fx) });
        if (res.status !== 409 || res.body?.code !== 'PROJECT_SUSPENDED') {
          wrong.push(`${key(r)} → ${res.status} ${typeof res.body === 'object' ? res.body?.code : ''}`);
          continue;
        }
        expect(res.body.message.zh).toMatch(/中止/);
        expect(res.body.message.en).toMatch(/suspended/);
        expect(res.body.details).toMatchObject({ projectId: fx.projectId, reason: '接到投诉,暂停以便调查' });
        expect(res.body.details.suspendedAt).toBeTruthy();
      }
      expect(wrong).toEqual([]);
      expect(await rowsOfProject(fx.projectId)).toEqual(before);
      expect(await t.snapshot()).toEqual(counts);

      // Resumed, the same gate lets a write through: the refusals above were the suspension's, not the fixture's.
      expect((await t.http.post(`/projects/${fx.projectId}/resume`, { note: '调查结束' }, as.office.token)).status).toBe(200);
      const session = routes.find((r) => key(r) === 'PATCH /scheduling/sessions/:id')!;
      const moved = await t.http.patch(pathFor(session, fx), bodyFor(session, fx), as.centre.token);
      expect([moved.status, moved.body.code]).toEqual([200, undefined]);
    }, 120000);
  }

  it('a live bid racing a suspension commits before it or is refused with 409, never after it', async () => {
    const projectId = await f.project('land', as.owner);
    const lotId = await lot(projectId, 'land');
    let price = 1_000_000n;
    let stop = false;
    let suspensionAnswered = false;
    const answers: { status: number; code?: string; sentAfterSuspension: boolean }[] = [];
    const bidder = async () => {
      while (!stop) {
        price += 10_000n;
        const sentAfterSuspension = suspensionAnswered;
        const res = await t.http.post(`/lots/${lotId}/bids`, { price: (Number(price) / 100).toFixed(2), clientKey: `race-${randomUUID()}` }, as.bidder.token);
        answers.push({ status: res.status, code: res.body?.code, sentAfterSuspension });
      }
    };
    const bidders = [bidder(), bidder(), bidder(), bidder()];
    while (!answers.some((a) => a.status === 201)) await new Promise((r) => setTimeout(r, 5));
    const suspended = await t.http.post(`/projects/${projectId}/suspend`, { reason: '竞价异常,暂停核查' }, as.office.token);
    expect(suspended.status).toBe(200);
    suspensionAnswered = true;
    await new Promise((r) => setTimeout(r, 300));
    stop = true;
    await Promise.all(bidders);

    // Every answer is an accepted bid, a price overtaken by a concurrent one, or the suspension's refusal; a bid sent
    // once the suspension had answered is refused.
    expect(answers.filter((a) => !(a.status === 201 || a.code === 'BID_TOO_LOW' || a.code === 'PROJECT_SUSPENDED'))).toEqual([]);
    expect(answers.filter((a) => a.sentAfterSuspension && a.code !== 'PROJECT_SUSPENDED')).toEqual([]);
    expect(answers.filter((a) => a.sentAfterSuspension).length).toBeGreaterThan(0);
    expect(answers.some((a) => a.code === 'PROJECT_SUSPENDED')).toBe(true);
    const accepted = answers.filter((a) => a.status === 201).length;
    const [{ n }] = await t.ds.query(`SELECT count(*)::int AS n FROM lot_bid WHERE lot_id = $1`, [lotId]);
    expect(n).toBe(accepted);
    // An accepted bid's entry is inserted (its identity id drawn) before its commit, and the suspension, which waits for
    // the bids that passed the gate (the project row's lock), inserts its own after: every accepted bid came first.
    const [order] = await t.ds.query(
      `SELECT (SELECT max(id) FROM audit_event WHERE subject_type = 'lot' AND subject_id = $2 AND action = 'lot.bid_accepted')::text AS "lastBid",
              (SELECT min(id) FROM audit_event WHERE subject_id = $1 AND action = 'project.suspended')::text AS "suspension"`,
      [projectId, lotId],
    );
    expect(BigInt(order.lastBid)).toBeLessThan(BigInt(order.suspension));
    const [l] = await t.ds.query(`SELECT bid_seq FROM lot WHERE id = $1`, [lotId]);
    expect(l.bid_seq).toBe(accepted);
  }, 60000);

  it('the in-transaction check refuses a write whose request passed the gate before the suspension committed', async () => {
    // The gate's first check runs before the handler; this holds the suspension's row locks (the project's and, as the
    // kernel's suspension takes them, its open lots') while a bid passes it, so only the re-check inside the bid's write
    // can refuse it. For a bid that re-check is the accepting statement itself (the lot row, no project lock).
    const projectId = await f.project('land', as.owner);
    const lotId = await lot(projectId, 'land');
    const qr = t.ds.createQueryRunner();
    await qr.connect();
    await qr.startTransaction();
    try {
      await qr.query(`SELECT 1 FROM trading_project WHERE id = $1 FOR UPDATE`, [projectId]);
      await qr.query(`SELECT 1 FROM lot WHERE project_id = $1 AND phase IN ('listing','live') FOR UPDATE`, [projectId]);
      const bid = t.http.post(`/lots/${lotId}/bids`, { price: '10000.00', clientKey: `held-${randomUUID()}` }, as.bidder.token);
      // wait until the bid's transaction is queued behind the row lock
      for (let i = 0; i < 200; i++) {
        const [w] = await t.ds.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE '%UPDATE lot SET current_price_fen%'`);
        if (w.n > 0) break;
        await new Promise((r) => setTimeout(r, 20));
      }
      await qr.query(`UPDATE trading_project SET status = 'suspended', suspended_at = now(), suspension_reason = '并发测试', version = version + 1 WHERE id = $1`, [projectId]);
      await qr.query(`UPDATE lot SET suspended_at = now(), event_seq = event_seq + 1, version = version + 1 WHERE project_id = $1 AND phase IN ('listing','live')`, [projectId]);
      await qr.commitTransaction();
      const res = await bid;
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('PROJECT_SUSPENDED');
      expect(res.body.details).toMatchObject({ projectId, reason: '并发测试' });
      const [{ n }] = await t.ds.query(`SELECT count(*)::int AS n FROM lot_bid WHERE lot_id = $1`, [lotId]);
      expect(n).toBe(0);
    } finally {
      if (qr.isTransactionActive) await qr.rollbackTransaction();
      await qr.release();
    }
  }, 30000);
});

