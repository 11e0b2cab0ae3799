import { Role } from '@app/platform/auth/roles';
import { TransactionRunner } from '@app/platform/database/transaction-runner';
import { ProjectService } from '@app/trading';
import { startTestApp, TestAccount, TestApp } from '../../support/test-app';

// 场地与场次: PostgreSQL's exclusion constraint decides every overlap, even between simultaneous requests.
describe('rooms and sessions', () => {
  let t: TestApp;
  let owner: TestAccount;
  let centre: string;
  let office: string;
  let regulator: string;
  const others = new Map<string, string>();
  let rooms = 0;

  beforeAll(async () => {
    t = await startTestApp('scheduling');
    owner = await t.account([Role.Owner]);
    centre = (await t.account([Role.Centre])).token;
    office = (await t.account([Role.Office])).token;
    regulator = (await t.account([Role.Regulator])).token;
    others.set('owner', owner.token);
    for (const role of [Role.Agent, Role.Bidder, Role.Expert, Role.Committee]) others.set(role, (await t.account([role])).token);
  });

  afterAll(() => t.close());

  const room = async (kind = 'opening_hall') => {
    const res = await t.http.post('/scheduling/rooms', { kind, name: `第${++rooms}开标厅`, seats: 40, isolated: kind === 'evaluation_room' }, centre);
    expect(res.status).toBe(201);
    return res.body as { id: string; name: string };
  };

  const published = async () => {
    const p = await t.http.post('/projects', { domain: 'tendering', name: '城北水厂扩建工程', region: '350105' }, owner.token);
    return (await t.http.post(`/projects/${p.body.id}/publish`, {}, centre)).body as { id: string; code: string };
  };

  const milestone = (projectId: string, dueAt: Date) =>
    t.app.get(TransactionRunner).run((tx) => t.app.get(ProjectService).schedule(tx, projectId, { kind: 'diagnostic.probe', dueAt }));

  /** Beijing time on a day in 2030, so nothing is in the past and each test keeps to its own room. */
  const at = (day: string, hhmm: string) => `${day}T${hhmm}:00+08:00`;
  const book = (roomId: string, projectId: string, day: string, from: string, to: string, extra: Record<string, unknown> = {}) =>
    t.http.post('/scheduling/sessions', { roomId, projectId, purpose: 'opening', startsAt: at(day, from), endsAt: at(day, to), ...extra }, centre);

  it('lets the centre add rooms and the centre and supervisors list them; names are unique', async () => {
    const r = await room('evaluation_room');
    expect(r).toMatchObject({ kind: 'evaluation_room', seats: 40, isolated: true });
    const dup = await t.http.post('/scheduling/rooms', { kind: 'opening_hall', name: r.name, seats: 10, isolated: false }, centre);
    expect([dup.status, dup.body.code]).toEqual([409, 'ROOM_NAME_TAKEN']);
    for (const token of [centre, office, regulator]) {
      const list = await t.http.get('/scheduling/rooms', token);
      expect(list.status).toBe(200);
      expect(list.body.map((x: { id: string }) => x.id)).toContain(r.id);
    }
    const bad = await t.http.post('/scheduling/rooms', { kind: 'ballroom', name: '舞厅', seats: 0, isolated: 'yes' }, centre);
    expect(bad.status).toBe(400);
  });

  it('the double-booking race: two simultaneous overlapping bookings, exactly one wins and the other names it', async () => {
    const r = await room();
    const [p1, p2] = [await published(), await published()];
    const before = await t.snapshot();
    const results = await Promise.all([book(r.id, p1.id, '2030-03-04', '09:00', '11:00'), book(r.id, p2.id, '2030-03-04', '10:00', '12:00')]);
    const won = results.find((x) => x.status === 201);
    const lost = results.find((x) => x.status === 409);
    expect(results.map((x) => x.status).sort()).toEqual([201, 409]);
    expect(lost!.body).toMatchObject({ code: 'SESSION_CONFLICT', message: { zh: expect.any(String), en: expect.any(String) } });
    expect(lost!.body.details.conflictWith).toMatchObject({ id: won!.body.id, projectId: won!.body.projectId, startsAt: won!.body.startsAt });
    const after = await t.snapshot();
    expect(after.scheduling_session - before.scheduling_session).toBe(1);
    expect(after.audit_event - before.audit_event).toBe(1);
  });

  it('books adjacent ranges (the end is exclusive) and the same time in another room', async () => {
    const [r1, r2] = [await room(), await room()];
    const p = await published();
    expect((await book(r1.id, p.id, '2030-03-05', '09:00', '10:00')).status).toBe(201);
    expect((await book(r1.id, p.id, '2030-03-05', '10:00', '11:00')).status).toBe(201);
    expect((await book(r1.id, p.id, '2030-03-05', '08:00', '09:00')).status).toBe(201);
    expect((await book(r2.id, p.id, '2030-03-05', '09:00', '11:00')).status).toBe(201);
    const inside = await book(r1.id, p.id, '2030-03-05', '09:30', '09:45');
    expect([inside.status, inside.body.code]).toEqual([409, 'SESSION_CONFLICT']);
  });

  it('refuses a move into a conflict, changing nothing; a cancelled session frees its time', async () => {
    const r = await room();
    const p = await published();
    const a = (await book(r.id, p.id, '2030-03-06', '09:00', '10:00')).body;
    const b = (await book(r.id, p.id, '2030-03-06', '14:00', '15:00')).body;
    const before = await t.snapshot();
    const moved = await t.http.patch(`/scheduling/sessions/${b.id}`, { startsAt: at('2030-03-06', '09:30'), endsAt: at('2030-03-06', '10:30') }, centre);
    expect([moved.status, moved.body.code, moved.body.details.conflictWith.id]).toEqual([409, 'SESSION_CONFLICT', a.id]);
    expect(await t.snapshot()).toEqual(before);
    const [row] = await t.ds.query(`SELECT lower(during) AS s FROM scheduling_session WHERE id = $1`, [b.id]);
    expect(new Date(row.s).toISOString()).toBe(new Date(b.startsAt).toISOString());

    const cancelled = await t.http.post(`/scheduling/sessions/${a.id}/cancel`, { reason: '项目暂停' }, centre);
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({ status: 'cancelled', cancelReason: '项目暂停', cancelledAt: expect.any(String) });
    const again = await t.http.post(`/scheduling/sessions/${a.id}/cancel`, { reason: '重复' }, centre);
    expect([again.status, again.body.code]).toEqual([409, 'SESSION_NOT_BOOKED']);
    const nowFree = await t.http.patch(`/scheduling/sessions/${b.id}`, { startsAt: at('2030-03-06', '09:30'), endsAt: at('2030-03-06', '10:30') }, centre);
    expect(nowFree.status).toBe(200);
    expect(new Date(nowFree.body.startsAt).toISOString()).toBe(new Date(at('2030-03-06', '09:30')).toISOString());
  });

  it('moving a session shifts its pending milestones by the same delta and notifies the owner, in one audited transaction', async () => {
    const r = await room();
    const p = await published();
    const m = await milestone(p.id, new Date(at('2030-03-07', '09:00')));
    const s = (await book(r.id, p.id, '2030-03-07', '09:00', '12:00', { milestoneIds: [m.id] })).body;
    expect(s.milestoneIds).toEqual([m.id]);

    const moved = await t.http.patch(`/scheduling/sessions/${s.id}`, { startsAt: at('2030-03-08', '10:30'), endsAt: at('2030-03-08', '13:30') }, centre);
    expect(moved.status).toBe(200);
    const [row] = await t.ds.query(`SELECT due_at, version, status FROM milestone WHERE id = $1`, [m.id]);
    expect(new Date(row.due_at).toISOString()).toBe(new Date(at('2030-03-08', '10:30')).toISOString());
    expect([row.version, row.status]).toEqual([2, 'pending']);

    const notes = await t.ds.query(`SELECT recipient_type, recipient_id, template, params FROM notification_outbox WHERE template = 'scheduling.session_moved' AND params->>'sessionId' = $1`, [s.id]);
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({ recipient_type: 'organisation', recipient_id: owner.organisationId, params: { projectId: p.id, roomName: r.name } });

    const trail = await t.ds.query(`SELECT action, subject_id FROM audit_event WHERE subject_id IN ($1, $2) ORDER BY id`, [s.id, m.id]);
    expect(trail.map((e: { action: string }) => e.action)).toEqual(['milestone.scheduled', 'scheduling.session_booked', 'milestone.rescheduled', 'scheduling.session_moved']);
  });

  it('refuses to drive a milestone of another project, a range in the past or reversed, and a closed room id', async () => {
    const r = await room();
    const [p, other] = [await published(), await published()];
    const foreign = await milestone(other.id, new Date(at('2030-03-09', '09:00')));
    const before = await t.snapshot();
    const res = await book(r.id, p.id, '2030-03-09', '09:00', '10:00', { milestoneIds: [foreign.id] });
    expect([res.status, res.body.code]).toEqual([422, 'MILESTONE_NOT_DRIVABLE']);
    const reversed = await book(r.id, p.id, '2030-03-09', '10:00', '09:00');
    expect([reversed.status, reversed.body.code]).toEqual([422, 'SESSION_RANGE_INVALID']);
    const past = await t.http.post('/scheduling/sessions', { roomId: r.id, projectId: p.id, purpose: 'opening', startsAt: '2020-01-01T09:00:00+08:00', endsAt: '2020-01-01T10:00:00+08:00' }, centre);
    expect([past.status, past.body.code]).toEqual([422, 'SESSION_RANGE_INVALID']);
    const noRoom = await book('00000000-0000-4000-8000-000000000000', p.id, '2030-03-09', '09:00', '10:00');
    expect([noRoom.status, noRoom.body.code]).toEqual([404, 'ROOM_NOT_FOUND']);
    expect(await t.snapshot()).toEqual(before);
  });

  it('shows the calendar by day, week, room and window, and the day’s agenda in Beijing time', async () => {
    const [r1, r2] = [await room(), await room('auction_hall')];
    const p = await published();
    const early = (await book(r1.id, p.id, '2030-03-11', '00:30', '01:30')).body; // 2030-03-10 16:30Z: still 11 March in Beijing
    const late = (await book(r2.id, p.id, '2030-03-11', '15:00', '16:00')).body;
    const nextDay = (await book(r1.id, p.id, '2030-03-12', '09:00', '10:00')).body;

    const day = await t.http.get('/scheduling/calendar?day=2030-03-11', centre);
    expect(day.status).toBe(200);
    expect(day.body.sessions.map((s: { id: string }) => s.id)).toEqual([early.id, late.id]);
    const byRoom = await t.http.get(`/scheduling/calendar?room=${r1.id}&week=2030-03-13`, centre);
    expect(byRoom.body.sessions.map((s: { id: string }) => s.id)).toEqual([early.id, nextDay.id]);
    expect(new Date(byRoom.body.from).toISOString()).toBe('2030-03-10T16:00:00.000Z'); // Monday 11 March, 00:00 Beijing
    const window = await t.http.get(`/scheduling/calendar?from=${encodeURIComponent(at('2030-03-11', '12:00'))}&to=${encodeURIComponent(at('2030-03-12', '12:00'))}`, centre);
    expect(window.body.sessions.map((s: { id: string }) => s.id)).toEqual([late.id, nextDay.id]);
    for (const q of ['', 'day=2030-03-11&week=2030-03-11', 'day=2030-02-30', 'from=2030-03-01T00:00:00Z&to=2030-05-01T00:00:00Z']) {
      const bad = await t.http.get(`/scheduling/calendar?${q}`, centre);
      expect([q, bad.status, bad.body.code]).toEqual([q, 422, 'CALENDAR_WINDOW_INVALID']);
    }

    const agenda = await t.http.get('/scheduling/agenda?day=2030-03-11', centre);
    expect(agenda.status).toBe(200);
    expect(agenda.body.day).toBe('2030-03-11');
    expect(agenda.body.sessions.map((s: { id: string; roomName: string; projectCode: string }) => [s.id, s.roomName, s.projectCode])).toEqual([
      [early.id, r1.name, p.code],
      [late.id, r2.name, p.code],
    ]);
  });

  it('refuses every other role (403) and anonymous callers (401), changing nothing', async () => {
    const r = await room();
    const p = await published();
    const s = (await book(r.id, p.id, '2030-03-14', '09:00', '10:00')).body;
    const before = await t.snapshot();
    const calls: [string, string, unknown][] = [
      ['POST', '/scheduling/rooms', { kind: 'opening_hall', name: '越权开标厅', seats: 10, isolated: false }],
      ['POST', '/scheduling/sessions', { roomId: r.id, projectId: p.id, purpose: 'opening', startsAt: at('2030-03-14', '11:00'), endsAt: at('2030-03-14', '12:00') }],
      ['PATCH', `/scheduling/sessions/${s.id}`, { startsAt: at('2030-03-14', '11:00'), endsAt: at('2030-03-14', '12:00') }],
      ['POST', `/scheduling/sessions/${s.id}/cancel`, { reason: '越权' }],
      ['GET', '/scheduling/calendar?day=2030-03-14', undefined],
      ['GET', '/scheduling/agenda?day=2030-03-14', undefined],
    ];
    for (const [method, path, body] of calls) {
      for (const [role, token] of [...others, ['office', office], ['regulator', regulator]] as [string, string][]) {
        const res = await t.http.request(method, path, { body, token });
        expect([method, path, role, res.status, res.body.code]).toEqual([method, path, role, 403, 'FORBIDDEN_ROLE']);
      }
      expect((await t.http.request(method, path, { body })).status).toBe(401);
    }
    for (const [role, token] of others) expect([role, (await t.http.get('/scheduling/rooms', token)).status]).toEqual([role, 403]);
    expect(await t.snapshot()).toEqual(before);
  });
});
