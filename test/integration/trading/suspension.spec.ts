import { Role, TradingDomain } from '@app/platform/auth/roles';
import { TransactionRunner } from '@app/platform/database/transaction-runner';
import { ProjectService } from '@app/trading';
import { startTestApp, TestAccount, TestApp } from '../../support/test-app';

// Supervisors suspend and resume; the project's milestones pause and shift with it.
describe('suspending and resuming a project', () => {
  let t: TestApp;
  let owner: TestAccount;
  let centre: string;
  let office: string;
  let tenderingRegulator: string;
  let landRegulator: string;
  const operating = new Map<string, string>();

  beforeAll(async () => {
    t = await startTestApp('project-suspension');
    owner = await t.account([Role.Owner]);
    centre = (await t.account([Role.Centre])).token;
    office = (await t.account([Role.Office])).token;
    tenderingRegulator = (await t.account([{ role: Role.Regulator, domain: TradingDomain.Tendering }])).token;
    landRegulator = (await t.account([{ role: Role.Regulator, domain: TradingDomain.Land }])).token;
    operating.set('owner', owner.token);
    operating.set('centre', centre);
    for (const role of [Role.Agent, Role.Bidder, Role.Expert, Role.Committee]) operating.set(role, (await t.account([role])).token);
  });

  afterAll(() => t.close());

  const published = async (domain = 'tendering') => {
    const p = await t.http.post('/projects', { domain, name: '城北水厂扩建工程', region: '350105' }, owner.token);
    return (await t.http.post(`/projects/${p.body.id}/publish`, {}, centre)).body;
  };

  const milestone = (projectId: string, inMs: number) =>
    t.app.get(TransactionRunner).run((tx) => t.app.get(ProjectService).schedule(tx, projectId, { kind: 'diagnostic.probe', dueAt: new Date(Date.now() + inMs) }));

  it('pauses every milestone on suspension and shifts them on resumption, audited', async () => {
    const p = await published();
    const [m1, m2] = [await milestone(p.id, 3_600_000), await milestone(p.id, 7_200_000)];
    const suspended = await t.http.post(`/projects/${p.id}/suspend`, { reason: '收到投诉,需调查核实' }, office);
    expect(suspended.status).toBe(200);
    expect(suspended.body).toMatchObject({ status: 'suspended', suspensionReason: '收到投诉,需调查核实', suspendedAt: expect.any(String) });
    const paused = await t.ds.query(`SELECT status FROM milestone WHERE id IN ($1, $2)`, [m1.id, m2.id]);
    expect(paused.map((m: { status: string }) => m.status)).toEqual(['paused', 'paused']);

    await new Promise((r) => setTimeout(r, 1200));
    const resumed = await t.http.post(`/projects/${p.id}/resume`, { note: '调查结束' }, tenderingRegulator);
    expect(resumed.status).toBe(200);
    expect(resumed.body).toMatchObject({ status: 'published', suspendedAt: null, suspensionReason: null });
    for (const m of [m1, m2]) {
      const [row] = await t.ds.query(`SELECT status, due_at FROM milestone WHERE id = $1`, [m.id]);
      expect(row.status).toBe('pending');
      expect(new Date(row.due_at).getTime() - m.dueAt.getTime()).toBeGreaterThanOrEqual(1100);
    }
    const trail = await t.ds.query(`SELECT action, actor_role FROM audit_event WHERE subject_id = $1 ORDER BY id`, [p.id]);
    expect(trail.map((e: { action: string; actor_role: string }) => `${e.action}/${e.actor_role}`)).toEqual([
      'project.registered/owner',
      'project.published/centre',
      'project.suspended/office',
      'project.resumed/regulator',
    ]);
    const milestoneTrail = await t.ds.query(`SELECT action FROM audit_event WHERE subject_id = $1 ORDER BY id`, [m1.id]);
    expect(milestoneTrail.map((e: { action: string }) => e.action)).toEqual(['milestone.scheduled', 'milestone.paused', 'milestone.resumed']);
  });

  it('refuses a regulator of another domain (403) and every operating role, changing nothing', async () => {
    const p = await published();
    await milestone(p.id, 3_600_000);
    const before = await t.snapshot();
    for (const [path, body] of [['suspend', { reason: '越权尝试' }], ['resume', { note: '越权尝试' }]] as const) {
      const res = await t.http.post(`/projects/${p.id}/${path}`, body, landRegulator);
      expect([res.status, res.body.code]).toEqual([403, 'PROJECT_NOT_IN_SCOPE']);
      for (const [role, token] of operating) {
        const r = await t.http.post(`/projects/${p.id}/${path}`, body, token);
        expect([role, r.status, r.body.code]).toEqual([role, 403, 'FORBIDDEN_ROLE']);
      }
      expect((await t.http.post(`/projects/${p.id}/${path}`, body)).status).toBe(401);
    }
    expect(await t.snapshot()).toEqual(before);
    expect((await t.http.get(`/projects/${p.id}`, owner.token)).body.status).toBe('published');
  });

  it('follows the state machine: 409 PROJECT_STATE_CONFLICT for what it does not allow, changing nothing', async () => {
    const draft = (await t.http.post('/projects', { domain: 'land', name: '城南地块挂牌出让', region: '350102' }, owner.token)).body;
    const p = await published('land');
    const before = await t.snapshot();
    const conflicts = [
      [`/projects/${draft.id}/suspend`, { reason: '草稿不能暂停' }],
      [`/projects/${draft.id}/resume`, {}],
      [`/projects/${p.id}/resume`, {}],
    ] as const;
    for (const [path, body] of conflicts) {
      const res = await t.http.post(path, body, landRegulator);
      expect([res.status, res.body.code]).toEqual([409, 'PROJECT_STATE_CONFLICT']);
    }
    expect((await t.http.post(`/projects/${p.id}/suspend`, {}, office)).status).toBe(400); // a reason is required
    expect(await t.snapshot()).toEqual(before);

    expect((await t.http.post(`/projects/${p.id}/suspend`, { reason: '暂停核查' }, landRegulator)).status).toBe(200);
    const suspendedState = await t.snapshot();
    expect((await t.http.post(`/projects/${p.id}/suspend`, { reason: '再次暂停' }, office)).body.code).toBe('PROJECT_STATE_CONFLICT');
    // publishing is a write on the project: the kernel's gate answers first (docs/suspension-gate.md)
    expect((await t.http.post(`/projects/${p.id}/publish`, {}, centre)).body.code).toBe('PROJECT_SUSPENDED');
    expect(await t.snapshot()).toEqual(suspendedState);
    // a suspended project takes no new milestone
    await expect(milestone(p.id, 60_000)).rejects.toMatchObject({ code: 'PROJECT_STATE_CONFLICT' });
    await expect(milestone(draft.id, 60_000)).rejects.toMatchObject({ code: 'PROJECT_STATE_CONFLICT' });
  });
});
