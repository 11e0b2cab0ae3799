import { Role } from '@app/platform/auth/roles';
import { TransactionRunner } from '@app/platform/database/transaction-runner';
import { ProjectService } from '@app/trading';
import { startTestApp, TestAccount, TestApp } from '../../support/test-app';

const at = (day: string, hhmm: string) => `${day}T${hhmm}:00+08:00`;

// GET /scheduling/projects/:id/steps: the booking form offers a project's steps by name (拍卖会, 开标) instead of milestone
// ids; and a refused overlap names the project and room in the way.
describe('steps a session may host, and what is in the way', () => {
  let t: TestApp;
  let owner: TestAccount;
  let centre: string;
  const others = new Map<string, string>();

  beforeAll(async () => {
    t = await startTestApp('hostable-steps');
    owner = await t.account([Role.Owner]);
    centre = (await t.account([Role.Centre])).token;
    others.set('owner', owner.token);
    for (const role of [Role.Office, Role.Regulator, Role.Agent, Role.Bidder, Role.Expert, Role.Committee]) others.set(role, (await t.account([role])).token);
  }, 60000);

  afterAll(() => t.close());

  const auctionParcel = async (auctionAt: string) => {
    const reg = await t.http.post(
      '/land/parcels',
      { name: '滨江 2030-07 号地块', region: '350102', location: '台江区', area: '8000.00', use: 'commercial', termYears: 40, plotRatio: '3.00', mode: 'auction', startPrice: '5000000.00', increment: { fixed: '50000.00' }, deposit: '500000.00', ruleSet: 'sandbox' },
      owner.token,
    );
    expect(reg.status).toBe(201);
    expect((await t.http.post(`/land/parcels/${reg.body.id}/announce`, { auctionAt }, centre)).status).toBe(200);
    const [{ m }] = await t.ds.query(`SELECT start_milestone_id AS m FROM land_parcel WHERE project_id = $1`, [reg.body.id]);
    return { id: reg.body.id as string, code: reg.body.code as string, milestoneId: m as string };
  };
  const steps = (projectId: string, token = centre) => t.http.get(`/scheduling/projects/${projectId}/steps`, token);

  it('lists the project’s pending steps of hostable kinds by name, and which session hosts one', async () => {
    const p = await auctionParcel(at('2030-05-10', '10:00'));
    // a pending milestone of a kind no domain registered is not offered
    await t.app.get(TransactionRunner).run((tx) => t.app.get(ProjectService).schedule(tx, p.id, { kind: 'diagnostic.probe', dueAt: new Date('2030-05-10T03:00:00Z') }));
    const before = await steps(p.id);
    expect(before.status).toBe(200);
    expect(before.body).toEqual([{ id: p.milestoneId, kind: 'land.auction_start', name: { zh: '拍卖会', en: 'auction' }, dueAt: new Date(at('2030-05-10', '10:00')).toISOString(), sessionId: null }]);

    const room = (await t.http.post('/scheduling/rooms', { kind: 'auction_hall', name: '第一拍卖厅', seats: 80, isolated: false }, centre)).body;
    const s = await t.http.post('/scheduling/sessions', { roomId: room.id, projectId: p.id, purpose: 'auction', startsAt: at('2030-05-10', '09:00'), endsAt: at('2030-05-10', '12:00'), milestoneIds: [p.milestoneId] }, centre);
    expect(s.status).toBe(201);
    expect((await steps(p.id)).body).toEqual([expect.objectContaining({ id: p.milestoneId, sessionId: s.body.id })]);
    // cancelled, the session no longer hosts it
    expect((await t.http.post(`/scheduling/sessions/${s.body.id}/cancel`, { reason: '场地检修' }, centre)).status).toBe(200);
    expect((await steps(p.id)).body).toEqual([expect.objectContaining({ id: p.milestoneId, sessionId: null })]);
    // a step no longer pending is not offered
    await t.ds.query(`UPDATE milestone SET status = 'cancelled' WHERE id = $1`, [p.milestoneId]);
    expect((await steps(p.id)).body).toEqual([]);
  });

  it('names the project, purpose, room and time of the session in the way of an overlap', async () => {
    const p = await auctionParcel(at('2030-05-20', '10:00'));
    const other = (await t.http.post('/projects', { domain: 'tendering', name: '城北水厂扩建工程', region: '350105' }, owner.token)).body;
    const room = (await t.http.post('/scheduling/rooms', { kind: 'opening_hall', name: '第九开标厅', seats: 40, isolated: false }, centre)).body;
    const won = await t.http.post('/scheduling/sessions', { roomId: room.id, projectId: p.id, purpose: 'auction', startsAt: at('2030-05-20', '09:00'), endsAt: at('2030-05-20', '12:00') }, centre);
    expect(won.status).toBe(201);
    const before = await t.snapshot();
    const lost = await t.http.post('/scheduling/sessions', { roomId: room.id, projectId: other.id, purpose: 'opening', startsAt: at('2030-05-20', '11:00'), endsAt: at('2030-05-20', '13:00') }, centre);
    expect([lost.status, lost.body.code]).toEqual([409, 'SESSION_CONFLICT']);
    expect(lost.body.details.conflictWith).toEqual({ id: won.body.id, projectId: p.id, projectCode: p.code, projectName: '滨江 2030-07 号地块', roomName: '第九开标厅', purpose: 'auction', startsAt: won.body.startsAt, endsAt: won.body.endsAt });
    expect(await t.snapshot()).toEqual(before);
  });

  it('is the centre’s: other roles are refused, anonymous callers too; bad or unknown ids change nothing', async () => {
    const p = await auctionParcel(at('2030-05-30', '10:00'));
    for (const [role, token] of others) {
      const r = await steps(p.id, token);
      expect([role, r.status, r.body.code]).toEqual([role, 403, 'FORBIDDEN_ROLE']);
    }
    expect((await t.http.get(`/scheduling/projects/${p.id}/steps`)).status).toBe(401);
    const before = await t.snapshot();
    const bad = await steps('not-a-uuid');
    expect([bad.status, bad.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    const unknown = await steps('00000000-0000-4000-8000-000000000000');
    expect([unknown.status, unknown.body.code]).toEqual([404, 'PROJECT_NOT_FOUND']);
    expect(await t.snapshot()).toEqual(before);
  });
});
