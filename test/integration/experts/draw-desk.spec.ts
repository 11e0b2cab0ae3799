import { randomBytes } from 'node:crypto';
import { Role, TradingDomain } from '@app/platform/auth/roles';
import { startTestApp, TestAccount, TestApp } from '../../support/test-app';

// GET /expert-draws/desk: every draw without a project id (the centre's /workspace/centre/draws used to ask for the
// project-less list and got 400). Summaries only; the names stay behind /members and its sealing rules.
describe('the draws desk', () => {
  let t: TestApp;
  let owner: TestAccount;
  let centre: string;
  let office: string;
  let tenderingRegulator: string;
  let landRegulator: string;
  const others = new Map<string, string>();
  const draws: Record<string, string> = {};
  const projects: Record<string, { id: string; code: string }> = {};

  beforeAll(async () => {
    t = await startTestApp('draw-desk');
    owner = await t.account([Role.Owner]);
    centre = (await t.account([Role.Centre])).token;
    office = (await t.account([Role.Office])).token;
    tenderingRegulator = (await t.account([{ role: Role.Regulator, domain: TradingDomain.Tendering }])).token;
    landRegulator = (await t.account([{ role: Role.Regulator, domain: TradingDomain.Land }])).token;
    others.set('owner', owner.token);
    for (const role of [Role.Agent, Role.Bidder, Role.Expert, Role.Committee]) others.set(role, (await t.account([role])).token);
    for (const [key, domain, name] of [
      ['school', 'tendering', '市第二中学教学楼改扩建工程'],
      ['parcel', 'land', '滨江 2030-01 号地块'],
    ] as const) {
      const p = await t.http.post('/projects', { domain, name, region: '350105' }, owner.token);
      expect((await t.http.post(`/projects/${p.body.id}/publish`, {}, centre)).status).toBe(200);
      projects[key] = { id: p.body.id, code: p.body.code };
    }
    const [{ uscc }] = await t.ds.query(`SELECT uscc FROM organisation WHERE id = $1`, [owner.organisationId]);
    // Draws in several states, as the worker and the experts would have left them; oldest first.
    for (const [key, project, domain, status, minutesAgo] of [
      ['finished', 'school', 'tendering', 'finished', 50],
      ['short', 'school', 'tendering', 'short', 40],
      ['landInviting', 'parcel', 'land', 'inviting', 30],
      ['inviting', 'school', 'tendering', 'inviting', 20],
      ['pending', 'school', 'tendering', 'pending', 10],
    ] as const) {
      const [d] = await t.ds.query(
        `INSERT INTO expert_draw (project_id, domain, owner_uscc, status, requirements, committee, context, session_start, session_end, algorithm, seed_sealed, seed_commitment, created_at)
         VALUES ($1, $2, $3, $4, '[{"specialty":"A01.01.01","count":5,"reserves":1}]', '{"experts":5,"ownerRepresentatives":0,"size":5}', '{}', now() + interval '1 day', now() + interval '1 day 4 hours', 'yg-draw-v2', '\\x00', $5, now() - $6 * interval '1 minute') RETURNING id`,
        [projects[project].id, domain, uscc, status, randomBytes(32).toString('hex'), minutesAgo],
      );
      draws[key] = d.id;
    }
  });

  afterAll(() => t.close());

  const desk = (query: string, token = centre) => t.http.get(`/expert-draws/desk${query}`, token);
  const idsOf = (body: { items: { id: string }[] }) => body.items.map((d) => d.id);

  it('lists every draw to the centre, newest request first, with its project named and no experts', async () => {
    const all = await desk('');
    expect(all.status).toBe(200);
    expect(all.body).toMatchObject({ total: 5, page: 1, pageSize: 20 });
    expect(idsOf(all.body)).toEqual([draws.pending, draws.inviting, draws.landInviting, draws.short, draws.finished]);
    const [first] = all.body.items;
    expect(first).toMatchObject({ id: draws.pending, projectId: projects.school.id, projectCode: projects.school.code, projectName: '市第二中学教学楼改扩建工程', domain: 'tendering', status: 'pending', committee: { size: 5 }, revealedSeed: null });
    expect(JSON.stringify(all.body)).not.toMatch(/expertId|invitationId|"name"/);
    const page2 = await desk('?page=2&pageSize=2');
    expect(page2.body).toMatchObject({ total: 5, page: 2, pageSize: 2 });
    expect(idsOf(page2.body)).toEqual([draws.landInviting, draws.short]);
  });

  it('filters by one or several statuses and by domain', async () => {
    expect(idsOf((await desk('?status=inviting')).body)).toEqual([draws.inviting, draws.landInviting]);
    expect(idsOf((await desk('?status=pending,short')).body)).toEqual([draws.pending, draws.short]);
    expect(idsOf((await desk('?status=finished&status=short')).body)).toEqual([draws.short, draws.finished]);
    expect(idsOf((await desk('?domain=land')).body)).toEqual([draws.landInviting]);
  });

  it('names the project on the older routes too', async () => {
    const one = await t.http.get(`/expert-draws/${draws.short}`, centre);
    expect(one.body).toMatchObject({ projectCode: projects.school.code, projectName: '市第二中学教学楼改扩建工程' });
    const ofProject = await t.http.get(`/expert-draws?projectId=${projects.parcel.id}`, centre);
    expect(ofProject.body.map((d: { id: string; projectCode: string }) => [d.id, d.projectCode])).toEqual([[draws.landInviting, projects.parcel.code]]);
  });

  it('shows the office every domain and a regulator its own; another domain is out of a regulator’s scope', async () => {
    expect((await desk('', office)).body.total).toBe(5);
    const own = await desk('', tenderingRegulator);
    expect(own.body.total).toBe(4);
    expect(idsOf(own.body)).not.toContain(draws.landInviting);
    expect(idsOf((await desk('?domain=land', landRegulator)).body)).toEqual([draws.landInviting]);
    const outside = await desk('?domain=land', tenderingRegulator);
    expect([outside.status, outside.body.code]).toEqual([403, 'DRAW_NOT_IN_SCOPE']);
  });

  it('refuses the parties, experts and the committee, and anonymous callers', async () => {
    for (const [role, token] of others) {
      const r = await desk('', token);
      expect([role, r.status, r.body.code]).toEqual([role, 403, 'FORBIDDEN_ROLE']);
    }
    expect((await t.http.get('/expert-draws/desk')).status).toBe(401);
  });

  it('answers bad queries with 400 and changes nothing; the project list still wants its project', async () => {
    const before = await t.snapshot();
    for (const q of ['?status=open', '?status=pending,drawn', '?domain=space', '?pageSize=0', '?page=10001', '?projectId=x', '?status=a,b,c,d,e,f,g,h']) {
      const r = await desk(q);
      expect([q, r.status, r.body.code]).toEqual([q, 400, 'VALIDATION_FAILED']);
    }
    const withoutProject = await t.http.get('/expert-draws', centre);
    expect([withoutProject.status, withoutProject.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect(await t.snapshot()).toEqual(before);
  });
});
