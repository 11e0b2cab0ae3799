import { createHash } from 'node:crypto';
import { Role, TradingDomain } from '@app/platform/auth/roles';
import { insertExperts, insertSpecialties } from '../../support/expert-fixtures';
import { fastTenderingRules, postForm } from '../../support/tender-fixtures';
import { startTestApp, TestAccount, TestApp } from '../../support/test-app';
import { startWorker, waitFor, WorkerProcess } from '../../support/worker-process';

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface MilestoneItem {
  id: string;
  kind: string;
  status: string;
  dueAt: string;
}

// 投诉 on a sandbox tender: an objection refused or left unanswered, the bidder complains, the office accepts and
// suspends the project (its milestones pause), resumes it (they shift), decides, and the decision is published.
describe('complaints', () => {
  let t: TestApp;
  let worker: WorkerProcess;
  let centre: string;
  let office: TestAccount;
  let regulator: TestAccount;
  let landRegulator: string;
  let owner: TestAccount;
  let agent: TestAccount;
  let bidders: TestAccount[];
  const operating = new Map<string, string>();
  let tenderId: string;
  let unanswered: string; // bidder 0's opening objection, left unanswered
  let refused: string; // bidder 1's, answered (the bidder holds it refused)
  let complaintId: string;
  const evidence = [
    { name: '开标记录截图.png', content: Buffer.from('\x89PNG 唱标记录 第三名报价与投标文件不符') },
    { name: '投标文件报价页.pdf', content: Buffer.from('%PDF-1.7 报价页 9,701,000.00') },
  ];

  const inSeconds = (s: number) => new Date(Date.now() + s * 1000).toISOString();
  const tender = (id: string) => t.http.get(`/tenders/${id}`, centre).then((r) => r.body);
  const milestones = async (projectId: string): Promise<MilestoneItem[]> =>
    (await t.http.get(`/milestones?subjectType=trading_project&subjectId=${projectId}`, office.token)).body.items;

  /** A multipart complaint with any number of evidence files, as a browser sends it. */
  async function fileComplaint(token: string | undefined, fields: Record<string, string>, files = evidence) {
    const form = new FormData();
    for (const [k, v] of Object.entries(fields)) form.append(k, v);
    for (const f of files) form.append('evidence', new Blob([f.content]), f.name);
    const res = await fetch(`${t.http.baseUrl}/complaints`, { method: 'POST', body: form, headers: token ? { authorization: `Bearer ${token}` } : {} });
    const text = await res.text();
    return { status: res.status, body: text && (res.headers.get('content-type') ?? '').includes('json') ? JSON.parse(text) : text };
  }

  beforeAll(async () => {
    t = await startTestApp('supervision-complaints');
    worker = await startWorker({ DATABASE_URL: t.databaseUrl, REDIS_PREFIX: t.redisPrefix, MILESTONE_RECONCILE_MS: '1000' });
    centre = (await t.account([Role.Centre])).token;
    office = await t.account([Role.Office]);
    regulator = await t.account([{ role: Role.Regulator, domain: TradingDomain.Tendering }]);
    landRegulator = (await t.account([{ role: Role.Regulator, domain: TradingDomain.Land }])).token;
    owner = await t.account([Role.Owner]);
    agent = await t.account([Role.Agent]);
    bidders = [];
    for (let i = 0; i < 4; i++) bidders.push(await t.account([Role.Bidder], { organisationId: await t.organisation(`投标单位${i + 1}有限公司`) }));
    operating.set('centre', centre);
    operating.set('owner', owner.token);
    operating.set('agent', agent.token);
    operating.set('expert', (await t.account([Role.Expert])).token);
    operating.set('committee', (await t.account([Role.Committee])).token);
    await fastTenderingRules(t, operating.get('committee')!, {
      bidPreparation: 12,
      openingObjectionWindow: 10,
      expertResponseWindow: 120,
      complaintWindow: 300,
      complaintAcceptance: 300,
      complaintDecision: 600,
    });

    // A tender with three sealed bids, opened by the worker at its deadline.
    const reg = await t.http.post(
      '/tenders',
      {
        name: '城东污水处理厂提标改造工程',
        kind: 'construction',
        region: '350102',
        qualification: '市政公用工程施工总承包二级及以上资质',
        evaluationMethod: 'lowest_price',
        sections: [{ name: '一标段', estimate: '10000000.00', deposit: '200000.00' }],
        ownerOrganisationId: owner.organisationId,
        ruleSet: 'sandbox',
      },
      agent.token,
    );
    expect(reg.status).toBe(201);
    tenderId = reg.body.id;
    expect((await t.http.post(`/tenders/${tenderId}/accept`, {}, centre)).status).toBe(200);
    expect((await postForm(t, `/tenders/${tenderId}/documents`, agent.token, {}, { name: '招标文件.pdf', content: Buffer.from('%PDF 招标文件') })).status).toBe(201);
    expect((await t.http.post(`/tenders/${tenderId}/announce`, { bidDeadline: inSeconds(14) }, centre)).status).toBe(200);
    for (const b of bidders) expect((await t.http.post(`/tenders/${tenderId}/registrations`, {}, b.token)).status).toBe(200);
    for (const [i, b] of bidders.slice(0, 3).entries()) {
      const r = await postForm(t, `/tenders/${tenderId}/sections/1/bids`, b.token, { price: `${9_600_000 + i * 50_000}.00` }, { name: `投标${i}.pdf`, content: Buffer.from(`%PDF 投标文件 ${i}`) });
      expect(r.status).toBe(201);
    }
    await insertSpecialties(t.ds, ['T01', 'T01.01']);
    for (let i = 0; i < 6; i++) {
      const a = await t.account([Role.Expert], { organisationId: null });
      await insertExperts(t.ds, 1, { specialty: 'T01.01', accountId: a.id });
    }
  }, 60000);

  afterAll(async () => {
    await worker?.stop();
    await t.close();
  });

  it('refuses a tendering complaint that names no objection, before any objection exists, changing nothing', async () => {
    const before = await t.snapshot();
    const res = await fileComplaint(bidders[0].token, { projectId: tenderId, grounds: '开标前即投诉' });
    expect([res.status, res.body.code]).toEqual([422, 'COMPLAINT_OBJECTION_REQUIRED']);
    expect(res.body.message).toEqual({ zh: expect.stringContaining('异议'), en: expect.any(String) });
    expect(await t.snapshot()).toEqual(before);
  });

  it('after the opening: objections raised, one refused; a complaint on a pending objection or on another bidder’s is refused', async () => {
    await waitFor(async () => (await tender(tenderId)).status === 'opened', 40000, 'the opening');
    const o0 = await t.http.post(`/tenders/${tenderId}/opening-objections`, { content: '第三名唱标报价与其投标文件不符' }, bidders[0].token);
    const o1 = await t.http.post(`/tenders/${tenderId}/opening-objections`, { content: '开标时间晚于公告时间' }, bidders[1].token);
    expect([o0.status, o1.status]).toEqual([201, 201]);
    [unanswered, refused] = [o0.body.id, o1.body.id];
    expect((await t.http.post(`/tenders/${tenderId}/opening-objections/${refused}/reply`, { reply: '经核对,开标时间符合公告,异议不成立。' }, centre)).status).toBe(200);

    const before = await t.snapshot();
    const pending = await fileComplaint(bidders[0].token, { projectId: tenderId, objectionId: unanswered, grounds: '异议未获答复' });
    expect([pending.status, pending.body.code]).toEqual([409, 'COMPLAINT_OBJECTION_PENDING']);
    const notYours = await fileComplaint(bidders[2].token, { projectId: tenderId, objectionId: refused, grounds: '借用他人异议' });
    expect([notYours.status, notYours.body.code]).toEqual([422, 'COMPLAINT_OBJECTION_NOT_QUALIFYING']);
    const noObjection = await fileComplaint(bidders[3].token, { projectId: tenderId, objectionId: '00000000-0000-4000-8000-000000000000', grounds: '没有异议' });
    expect([noObjection.status, noObjection.body.code]).toEqual([422, 'COMPLAINT_OBJECTION_NOT_QUALIFYING']);
    expect(await t.snapshot()).toEqual(before);

    // The centre draws the committee for a session an hour away: the project now has pending milestones.
    const draw = await t.http.post(
      '/expert-draws',
      { projectId: tenderId, sessionStart: inSeconds(3600), sessionEnd: inSeconds(7200), ownerRepresentatives: 0, requirements: [{ specialty: 'T01.01', count: 5, reserves: 0 }] },
      centre,
    );
    expect(draw.status).toBe(202);
    await waitFor(async () => (await t.http.get(`/expert-draws/${draw.body.id}`, centre)).body.status === 'inviting', 20000, 'the draw');
  }, 60000);

  it('refuses bad filings and wrong roles, changing nothing', async () => {
    const before = await t.snapshot();
    const ok = { projectId: tenderId, objectionId: refused, grounds: '开标时间晚于公告时间,异议答复不成立' };
    const cases: [Record<string, string>, { name: string; content: Buffer }[], number, string][] = [
      [ok, [], 422, 'COMPLAINT_EVIDENCE_REQUIRED'],
      [ok, [{ name: 'virus.exe', content: Buffer.from('MZ') }], 422, 'UPLOAD_INVALID'],
      [ok, Array.from({ length: 6 }, (_, i) => ({ name: `证据${i}.pdf`, content: Buffer.from(`%PDF ${i}`) })), 422, 'UPLOAD_INVALID'],
      [ok, [{ name: '空文件.pdf', content: Buffer.alloc(0) }], 422, 'UPLOAD_INVALID'],
      [{ ...ok, grounds: '' }, evidence, 400, 'VALIDATION_FAILED'],
      [{ ...ok, projectId: 'not-a-uuid' }, evidence, 400, 'VALIDATION_FAILED'],
      [{ ...ok, extra: 'field' }, evidence, 400, 'VALIDATION_FAILED'],
      [{ ...ok, projectId: '00000000-0000-4000-8000-000000000000' }, evidence, 404, 'PROJECT_NOT_FOUND'],
      [{ ...ok, respondentOrganisationId: bidders[1].organisationId! }, evidence, 422, 'COMPLAINT_RESPONDENT_INVALID'],
      [{ ...ok, respondentOrganisationId: '00000000-0000-4000-8000-000000000000' }, evidence, 422, 'COMPLAINT_RESPONDENT_INVALID'],
    ];
    for (const [fields, files, status, code] of cases) {
      const res = await fileComplaint(bidders[1].token, fields, files);
      expect([fields, files.length, res.status, res.body.code]).toEqual([fields, files.length, status, code]);
    }
    for (const token of [office.token, regulator.token, ...operating.values()]) {
      const res = await fileComplaint(token, ok);
      expect([res.status, res.body.code]).toEqual([403, 'FORBIDDEN_ROLE']);
    }
    expect((await fileComplaint(undefined, ok)).status).toBe(401);
    expect(await t.snapshot()).toEqual(before);
  });

  it('a bidder complains after its objection went unanswered past its reply time, with evidence kept by SHA-256', async () => {
    const o = (await t.ds.query(`SELECT reply_due FROM tender_objection WHERE id = $1`, [unanswered]))[0];
    await waitFor(async () => Date.now() > new Date(o.reply_due).getTime() + 200, 20000, 'the objection’s reply time');
    const res = await fileComplaint(bidders[0].token, { projectId: tenderId, objectionId: unanswered, grounds: '第三名唱标报价与其投标文件报价页不符,异议逾期未获答复。' });
    expect(res.status).toBe(201);
    complaintId = res.body.id;
    expect(res.body).toMatchObject({
      status: 'filed',
      objectionId: unanswered,
      complainant: { id: bidders[0].organisationId, name: '投标单位1有限公司' },
      respondent: { id: owner.organisationId },
      project: { id: tenderId, domain: 'tendering', status: 'published' },
      handling: null,
      decision: null,
      suspending: false,
      allowed: ['accept', 'reject', 'withdraw'],
    });
    expect(new Date(res.body.acceptanceDue).getTime() - new Date(res.body.filedAt).getTime()).toBe(300_000);
    expect(res.body.evidence.map((e: { no: number; fileName: string; sha256: string; size: number }) => [e.no, e.fileName, e.sha256, e.size])).toEqual(
      evidence.map((e, i) => [i + 1, e.name, sha(e.content), e.content.length]),
    );
    const download = await fetch(`${t.http.baseUrl}/complaints/${complaintId}/evidence/${res.body.evidence[1].id}`, { headers: { authorization: `Bearer ${regulator.token}` } });
    expect(download.status).toBe(200);
    expect(download.headers.get('x-content-sha256')).toBe(sha(evidence[1].content));
    expect(Buffer.from(await download.arrayBuffer()).equals(evidence[1].content)).toBe(true);
    expect((await t.http.get(`/complaints/${complaintId}/evidence/${res.body.evidence[1].id}`, bidders[1].token)).body.code).toBe('COMPLAINT_NOT_FOUND');

    // One open complaint per objection.
    const before = await t.snapshot();
    const twice = await fileComplaint(bidders[0].token, { projectId: tenderId, objectionId: unanswered, grounds: '再次投诉' });
    expect([twice.status, twice.body.code]).toEqual([409, 'COMPLAINT_DUPLICATE']);
    expect(await t.snapshot()).toEqual(before);

    const [filed] = await t.ds.query(`SELECT action, actor_id, actor_role, payload FROM audit_event WHERE subject_type = 'complaint' AND subject_id = $1`, [complaintId]);
    expect(filed).toMatchObject({ action: 'complaint.filed', actor_id: bidders[0].id, actor_role: 'bidder', payload: { projectId: tenderId, evidence: [{ sha256: sha(evidence[0].content) }, { sha256: sha(evidence[1].content) }] } });
    const told = await t.ds.query(`SELECT recipient_id FROM notification_outbox WHERE template = 'complaint.filed' AND params->>'complaintId' = $1`, [complaintId]);
    expect(told).toEqual([{ recipient_id: owner.organisationId }]);
  }, 30000);

  it('reads: the complainant its own, supervisors in scope; others are refused', async () => {
    expect((await t.http.get(`/complaints/${complaintId}`, bidders[0].token)).body.id).toBe(complaintId);
    expect((await t.http.get(`/complaints/${complaintId}`, office.token)).status).toBe(200);
    expect((await t.http.get(`/complaints/${complaintId}`, bidders[1].token)).body.code).toBe('COMPLAINT_NOT_FOUND');
    expect((await t.http.get(`/complaints/${complaintId}`, landRegulator)).body.code).toBe('PROJECT_NOT_IN_SCOPE');
    for (const role of ['centre', 'owner', 'agent', 'expert']) expect((await t.http.get(`/complaints/${complaintId}`, operating.get(role))).body.code).toBe('FORBIDDEN_ROLE');
    const mine = await t.http.get('/complaints/mine', bidders[0].token);
    expect(mine.body).toMatchObject({ total: 1, page: 1, pageSize: 20, items: [{ id: complaintId }] });
    expect((await t.http.get('/complaints/mine', bidders[2].token)).body.total).toBe(0);
    const listed = await t.http.get(`/supervision/complaints?domain=tendering&status=filed`, regulator.token);
    expect(listed.body.items.map((c: { id: string }) => c.id)).toEqual([complaintId]);
    expect((await t.http.get(`/supervision/complaints?domain=land`, regulator.token)).body.code).toBe('COMPLAINT_FILTER_NOT_IN_SCOPE');
    expect((await t.http.get(`/supervision/complaints?projectId=${tenderId}`, landRegulator)).body.code).toBe('PROJECT_NOT_IN_SCOPE');
    expect((await t.http.get(`/supervision/complaints`, landRegulator)).body.total).toBe(0);
    expect((await t.http.get(`/supervision/complaints?overdue=true`, office.token)).body.total).toBe(0);
    expect((await t.http.get(`/supervision/complaints?pageSize=500`, office.token)).status).toBe(400);
    expect((await t.http.get(`/supervision/complaints`, bidders[0].token)).body.code).toBe('FORBIDDEN_ROLE');
  });

  it('refuses handling by a regulator of another domain and by operating roles, and a decision before acceptance, changing nothing', async () => {
    const before = await t.snapshot();
    const steps: [string, unknown][] = [
      ['accept', {}],
      ['reject', { reasons: '越权' }],
      ['suspend', { reason: '越权' }],
      ['resume', {}],
      ['decide', { outcome: 'upheld', decision: '越权' }],
    ];
    for (const [step, body] of steps) {
      const res = await t.http.post(`/supervision/complaints/${complaintId}/${step}`, body, landRegulator);
      expect([step, res.status, res.body.code]).toEqual([step, 403, 'PROJECT_NOT_IN_SCOPE']);
      for (const [role, token] of [...operating, ['bidder', bidders[0].token] as const]) {
        const r = await t.http.post(`/supervision/complaints/${complaintId}/${step}`, body, token);
        expect([step, role, r.status, r.body.code]).toEqual([step, role, 403, 'FORBIDDEN_ROLE']);
      }
      expect((await t.http.post(`/supervision/complaints/${complaintId}/${step}`, body)).status).toBe(401);
    }
    for (const step of ['suspend', 'decide']) {
      const res = await t.http.post(`/supervision/complaints/${complaintId}/${step}`, step === 'suspend' ? { reason: '未受理先暂停' } : { outcome: 'upheld', decision: '未受理先决定' }, office.token);
      expect([step, res.status, res.body.code]).toEqual([step, 409, 'COMPLAINT_STATE_CONFLICT']);
    }
    expect((await t.http.post(`/supervision/complaints/${complaintId}/decide`, { outcome: 'maybe', decision: 'x' }, office.token)).status).toBe(400);
    expect((await t.http.post(`/supervision/complaints/${complaintId}/reject`, {}, office.token)).status).toBe(400);
    expect((await t.http.post(`/supervision/complaints/00000000-0000-4000-8000-000000000000/accept`, {}, office.token)).body.code).toBe('COMPLAINT_NOT_FOUND');
    expect(await t.snapshot()).toEqual(before);
  });

  it('the office accepts on time and suspends the project: every pending milestone pauses; resuming shifts them by the suspension’s length', async () => {
    const accepted = await t.http.post(`/supervision/complaints/${complaintId}/accept`, { note: '符合受理条件' }, office.token);
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ status: 'accepted', handling: { result: 'accepted', role: 'office', by: office.id, onTime: true, note: '符合受理条件' }, allowed: ['withdraw', 'suspend', 'decide'] });
    expect(new Date(accepted.body.decisionDue).getTime() - new Date(accepted.body.handling.at).getTime()).toBe(600_000);
    expect((await t.http.post(`/supervision/complaints/${complaintId}/reject`, { reasons: '受理后不能再不予受理' }, regulator.token)).body.code).toBe('COMPLAINT_STATE_CONFLICT');

    const before = await milestones(tenderId);
    const pending = before.filter((m) => m.status === 'pending');
    expect(pending.map((m) => m.kind)).toEqual(expect.arrayContaining(['experts.session_start']));
    expect(pending.length).toBeGreaterThanOrEqual(2);

    const suspended = await t.http.post(`/supervision/complaints/${complaintId}/suspend`, { reason: '投诉处理期间暂停开标后续程序' }, office.token);
    expect(suspended.status).toBe(200);
    expect(suspended.body).toMatchObject({ suspending: true, project: { status: 'suspended' }, allowed: ['withdraw', 'resume', 'decide'] });
    expect(suspended.body.suspensions).toEqual([expect.objectContaining({ reason: '投诉处理期间暂停开标后续程序', pausedMilestones: pending.length, resumedAt: null })]);
    const paused = await milestones(tenderId);
    for (const m of pending) expect(paused.find((x) => x.id === m.id)).toMatchObject({ status: 'paused', dueAt: m.dueAt });
    expect(paused.filter((m) => m.status === 'pending')).toEqual([]);
    expect((await t.http.get(`/projects/${tenderId}`, office.token)).body).toMatchObject({ status: 'suspended', suspensionReason: '投诉处理期间暂停开标后续程序' });
    const again = await t.http.post(`/supervision/complaints/${complaintId}/suspend`, { reason: '再次暂停' }, regulator.token);
    expect([again.status, again.body.code]).toEqual([409, 'COMPLAINT_STATE_CONFLICT']);

    await sleep(2500);
    const resumed = await t.http.post(`/supervision/complaints/${complaintId}/resume`, { note: '核查完毕,恢复' }, regulator.token);
    expect(resumed.status).toBe(200);
    const [s] = resumed.body.suspensions;
    expect(resumed.body).toMatchObject({ suspending: false, project: { status: 'published' } });
    expect(s).toMatchObject({ resumeNote: '核查完毕,恢复', shiftedMilestones: pending.length });
    const stood = new Date(s.resumedAt).getTime() - new Date(s.suspendedAt).getTime();
    expect(stood).toBeGreaterThanOrEqual(2500);
    const after = await milestones(tenderId);
    for (const m of pending) {
      const now = after.find((x) => x.id === m.id)!;
      expect(now.status).toBe('pending');
      expect(Math.abs(new Date(now.dueAt).getTime() - new Date(m.dueAt).getTime() - stood)).toBeLessThanOrEqual(2);
    }
    expect((await t.http.post(`/supervision/complaints/${complaintId}/resume`, {}, office.token)).body.code).toBe('COMPLAINT_STATE_CONFLICT');
  }, 30000);

  it('decides: a second suspension is lifted by the decision; deciding twice or withdrawing after it is refused; the decision is public without personal data', async () => {
    expect((await t.http.post(`/supervision/complaints/${complaintId}/suspend`, { reason: '作出决定前再次暂停' }, office.token)).body.suspending).toBe(true);
    const held = (await milestones(tenderId)).filter((m) => m.status === 'paused');
    expect(held.length).toBeGreaterThanOrEqual(2);
    await sleep(1000);
    const decision = '经调查,第三名唱标报价与其投标文件报价页不一致,投诉成立。责令招标人重新组织唱标并公示。';
    const decided = await t.http.post(`/supervision/complaints/${complaintId}/decide`, { outcome: 'upheld', decision }, regulator.token);
    expect(decided.status).toBe(200);
    expect(decided.body).toMatchObject({ status: 'decided', suspending: false, project: { status: 'published' }, decision: { outcome: 'upheld', text: decision, role: 'regulator', by: regulator.id, onTime: true }, allowed: [] });
    expect(decided.body.suspensions[1]).toMatchObject({ reason: '作出决定前再次暂停', shiftedMilestones: held.length, resumedAt: expect.any(String) });
    const after = await milestones(tenderId);
    for (const m of held) expect(new Date(after.find((x) => x.id === m.id)!.dueAt).getTime()).toBeGreaterThan(new Date(m.dueAt).getTime() + 900);
    // The upheld complaint enters the respondent's credit record, in the decision's transaction.
    const credit = await t.http.get(`/supervision/credit/organisations/${owner.organisationId}`, office.token);
    expect(credit.status).toBe(200);
    expect(credit.body.entries).toContainEqual(expect.objectContaining({ kind: 'complaint_upheld', points: -10, reference: { type: 'complaint', id: complaintId }, projectId: tenderId }));
    expect(credit.body.pointsTotal).toBeLessThanOrEqual(-10); // the unanswered objection may have earned the owner its cards too
    expect(credit.body.score).toBe(Math.max(0, 100 + credit.body.pointsTotal));

    const before = await t.snapshot();
    expect((await t.http.post(`/supervision/complaints/${complaintId}/decide`, { outcome: 'dismissed', decision: '改判' }, office.token)).body.code).toBe('COMPLAINT_STATE_CONFLICT');
    expect((await t.http.post(`/complaints/${complaintId}/withdraw`, {}, bidders[0].token)).body.code).toBe('COMPLAINT_STATE_CONFLICT');
    expect((await t.http.post(`/supervision/complaints/${complaintId}/suspend`, { reason: '决定后暂停' }, office.token)).body.code).toBe('COMPLAINT_STATE_CONFLICT');
    expect(await t.snapshot()).toEqual(before);

    const pub = await t.http.get(`/public/complaints/decisions?projectId=${tenderId}`);
    expect(pub.status).toBe(200);
    const code = (await t.http.get(`/projects/${tenderId}`, office.token)).body.code;
    expect(pub.body).toEqual({
      total: 1,
      page: 1,
      pageSize: 20,
      items: [{ id: complaintId, project: { code, name: '城东污水处理厂提标改造工程', domain: 'tendering' }, complainant: { name: '投标单位1有限公司' }, outcome: 'upheld', decision, decidedAt: decided.body.decision.at }],
    });
    const text = JSON.stringify(pub.body);
    for (const secret of [bidders[0].username, office.username, regulator.username, regulator.id, bidders[0].organisationId!, owner.organisationId!, '张三', '13800000000', evidence[0].name, sha(evidence[0].content), '逾期未获答复']) {
      expect(text).not.toContain(secret);
    }
    expect((await t.http.get(`/public/complaints/decisions?domain=land`)).body.total).toBe(0);
    expect((await t.http.get(`/public/complaints/decisions?domain=nowhere`)).status).toBe(400);

    const trail = await t.ds.query(`SELECT action, actor_role FROM audit_event WHERE subject_type = 'complaint' AND subject_id = $1 ORDER BY id`, [complaintId]);
    expect(trail.map((e: { action: string; actor_role: string }) => `${e.action}/${e.actor_role}`)).toEqual([
      'complaint.filed/bidder',
      'complaint.accepted/office',
      'complaint.project_suspended/office',
      'complaint.project_resumed/regulator',
      'complaint.project_suspended/office',
      'complaint.decided/regulator',
    ]);
    const project = await t.ds.query(`SELECT action FROM audit_event WHERE subject_type = 'trading_project' AND subject_id = $1 AND action IN ('project.suspended','project.resumed') ORDER BY id`, [tenderId]);
    expect(project.map((e: { action: string }) => e.action)).toEqual(['project.suspended', 'project.resumed', 'project.suspended', 'project.resumed']);
    const exported = await t.http.get(`/supervision/projects/${tenderId}/audit-export`, office.token);
    expect(exported.body.events.filter((e: { subjectType: string }) => e.subjectType === 'complaint')).toHaveLength(6);
    expect((await t.http.get('/audit/verify', office.token)).body.ok).toBe(true);
  }, 30000);

  it('the complainant withdraws before a decision; a refiled complaint is rejected with reasons, once', async () => {
    const filed = await fileComplaint(bidders[1].token, { projectId: tenderId, objectionId: refused, grounds: '开标时间晚于公告时间,异议答复不成立' }, [evidence[1]]);
    expect(filed.status).toBe(201);
    const before = await t.snapshot();
    expect((await t.http.post(`/complaints/${filed.body.id}/withdraw`, {}, bidders[0].token)).body.code).toBe('COMPLAINT_NOT_FOUND');
    expect((await t.http.post(`/complaints/${filed.body.id}/withdraw`, {}, office.token)).body.code).toBe('FORBIDDEN_ROLE');
    expect(await t.snapshot()).toEqual(before);
    const withdrawn = await t.http.post(`/complaints/${filed.body.id}/withdraw`, { reason: '已与招标人沟通' }, bidders[1].token);
    expect(withdrawn.body).toMatchObject({ status: 'withdrawn', withdrawalReason: '已与招标人沟通', allowed: [] });
    expect((await t.http.post(`/supervision/complaints/${filed.body.id}/accept`, {}, office.token)).body.code).toBe('COMPLAINT_STATE_CONFLICT');

    const again = await fileComplaint(bidders[1].token, { projectId: tenderId, objectionId: refused, grounds: '开标时间晚于公告时间(补充证据)' });
    expect(again.status).toBe(201);
    const rejected = await t.http.post(`/supervision/complaints/${again.body.id}/reject`, { reasons: '开标时间与公告一致,投诉事项缺乏事实依据' }, regulator.token);
    expect(rejected.body).toMatchObject({ status: 'rejected', decisionDue: null, handling: { result: 'rejected', role: 'regulator', onTime: true, note: '开标时间与公告一致,投诉事项缺乏事实依据' } });
    const state = await t.snapshot();
    expect((await t.http.post(`/supervision/complaints/${again.body.id}/reject`, { reasons: '再次' }, office.token)).body.code).toBe('COMPLAINT_STATE_CONFLICT');
    expect((await t.http.post(`/supervision/complaints/${again.body.id}/decide`, { outcome: 'dismissed', decision: 'x' }, office.token)).body.code).toBe('COMPLAINT_STATE_CONFLICT');
    expect(await t.snapshot()).toEqual(state);
    expect((await t.http.get(`/public/complaints/decisions?projectId=${tenderId}`)).body.total).toBe(1);
  });

  it('refuses a complaint past its window (10 d from the refusal, seconds in the sandbox)', async () => {
    const [old] = await t.ds.query(
      `INSERT INTO tender_objection (project_id, stage, organisation_id, content, raised_at, reply, replied_at, reply_due)
       VALUES ($1, 'opening', $2, '早先的异议', now() - interval '2 days', '不成立', now() - interval '1 day', now() - interval '1 day') RETURNING id`,
      [tenderId, bidders[2].organisationId],
    );
    const before = await t.snapshot();
    const res = await fileComplaint(bidders[2].token, { projectId: tenderId, objectionId: old.id, grounds: '逾期投诉' });
    expect([res.status, res.body.code]).toEqual([409, 'COMPLAINT_WINDOW_CLOSED']);
    expect(await t.snapshot()).toEqual(before);
  });

  it('land keeps no objections: a complaint needs none there, and only the land regulator or the office handles it', async () => {
    const p = await t.http.post('/projects', { domain: 'land', name: '城南地块挂牌出让', region: '350102', ruleSet: 'sandbox' }, owner.token);
    const before = await t.snapshot();
    expect((await fileComplaint(bidders[3].token, { projectId: p.body.id, grounds: '草稿项目' })).body.code).toBe('COMPLAINT_PROJECT_NOT_OPEN');
    expect(await t.snapshot()).toEqual(before);
    expect((await t.http.post(`/projects/${p.body.id}/publish`, {}, centre)).status).toBe(200);
    const withObjection = await fileComplaint(bidders[3].token, { projectId: p.body.id, objectionId: unanswered, grounds: '挂牌条件排斥潜在竞买人' });
    expect([withObjection.status, withObjection.body.code]).toEqual([422, 'COMPLAINT_OBJECTION_NOT_QUALIFYING']);
    const filed = await fileComplaint(bidders[3].token, { projectId: p.body.id, grounds: '挂牌条件排斥潜在竞买人' });
    expect(filed.status).toBe(201);
    expect(filed.body).toMatchObject({ objectionId: null, project: { domain: 'land' }, respondent: { id: owner.organisationId } });
    expect((await t.http.post(`/supervision/complaints/${filed.body.id}/accept`, {}, regulator.token)).body.code).toBe('PROJECT_NOT_IN_SCOPE');
    expect((await t.http.post(`/supervision/complaints/${filed.body.id}/accept`, {}, landRegulator)).body.status).toBe('accepted');
  });
});
