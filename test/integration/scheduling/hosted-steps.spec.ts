import { Role } from '@app/platform/auth/roles';
import { TransactionRunner } from '@app/platform/database/transaction-runner';
import { ProjectService } from '@app/trading';
import { postForm } from '../../support/tender-fixtures';
import { startTestApp, TestAccount, TestApp } from '../../support/test-app';

const HOUR = 3_600_000;
const beijingDay = (d: Date) => new Date(d.getTime() + 8 * HOUR).toISOString().slice(0, 10);
const at = (day: string, hhmm: string) => `${day}T${hhmm}:00+08:00`;
const iso = (s: string | Date) => new Date(s).toISOString();

// A room session hosts a published step (land's 拍卖会): same day only; later re-times and announces it; earlier
// only by a re-announcement that leaves the rule snapshot's full notice period (announcementBeforeListing).
describe('sessions that host a published step', () => {
  let t: TestApp;
  let owner: TestAccount;
  let buyer: TestAccount;
  let centre: string;
  let rooms = 0;

  beforeAll(async () => {
    t = await startTestApp('hosted-steps');
    owner = await t.account([Role.Owner]);
    buyer = await t.account([Role.Bidder]);
    centre = (await t.account([Role.Centre])).token;
    const committee = (await t.account([Role.Committee])).token;
    // Sandbox rules in seconds, with a notice period of a whole day so that "too soon" can be shown.
    const changes = { periods: { announcementBeforeListing: { value: 86400, unit: 's' }, listing: { value: 4, unit: 's' } } };
    const draft = await t.http.post('/rule-sets', { domain: 'land', name: '土地出让测试(公告期一日)', sandbox: true, changes }, committee);
    expect((await t.http.post(`/rule-sets/${draft.body.id}/publish`, {}, committee)).status).toBe(200);
  }, 60000);

  afterAll(() => t.close());

  const auctionParcel = async (auctionAt: string) => {
    const reg = await t.http.post(
      '/land/parcels',
      { name: '滨江 2030-01 号地块', region: '350102', location: '台江区', area: '8000.00', use: 'commercial', termYears: 40, plotRatio: '3.00', mode: 'auction', startPrice: '5000000.00', increment: { fixed: '50000.00' }, deposit: '500000.00', ruleSet: 'sandbox' },
      owner.token,
    );
    expect(reg.status).toBe(201);
    const ann = await t.http.post(`/land/parcels/${reg.body.id}/announce`, { auctionAt }, centre);
    expect(ann.status).toBe(200);
    const [{ m }] = await t.ds.query(`SELECT start_milestone_id AS m FROM land_parcel WHERE project_id = $1`, [reg.body.id]);
    return { id: reg.body.id as string, milestoneId: m as string };
  };
  const hall = async () => (await t.http.post('/scheduling/rooms', { kind: 'auction_hall', name: `第${++rooms}拍卖厅`, seats: 80, isolated: false }, centre)).body as { id: string; name: string };
  const book = (roomId: string, projectId: string, startsAt: string, endsAt: string, milestoneIds: string[]) =>
    t.http.post('/scheduling/sessions', { roomId, projectId, purpose: 'auction', startsAt, endsAt, milestoneIds }, centre);
  const move = (id: string, startsAt: string | Date, endsAt: string | Date, extra: Record<string, unknown> = {}) =>
    t.http.patch(`/scheduling/sessions/${id}`, { startsAt: iso(startsAt), endsAt: iso(endsAt), ...extra }, centre);
  /** What a move could change: the step's milestone, the parcel's auction time, the session, notices and notifications. */
  const state = async (parcelId: string, milestoneId: string, sessionId?: string) => ({
    counts: await t.snapshot(),
    due: iso((await t.ds.query(`SELECT due_at FROM milestone WHERE id = $1`, [milestoneId]))[0].due_at),
    auctionAt: (await t.http.get(`/public/land/parcels/${parcelId}`)).body.auctionAt,
    changes: (await t.http.get(`/public/land/parcels/${parcelId}`)).body.scheduleChanges,
    session: sessionId ? iso((await t.ds.query(`SELECT lower(during) AS s FROM scheduling_session WHERE id = $1`, [sessionId]))[0].s) : null,
  });

  it('refuses a session on another day than the step it hosts, at booking and by a move across midnight, changing nothing', async () => {
    const room = await hall();
    const p = await auctionParcel(at('2030-04-10', '10:00'));
    const before = await state(p.id, p.milestoneId);
    const other = await book(room.id, p.id, at('2030-04-11', '09:00'), at('2030-04-11', '12:00'), [p.milestoneId]);
    expect(other.status).toBe(422);
    expect(other.body).toMatchObject({ code: 'SESSION_HOSTED_STEP_OTHER_DAY', message: { zh: expect.stringContaining('同一日'), en: expect.any(String) }, details: { stepDay: '2030-04-10', sessionDay: '2030-04-11' } });
    expect(await state(p.id, p.milestoneId)).toEqual(before);

    const s = await book(room.id, p.id, at('2030-04-10', '09:00'), at('2030-04-10', '12:00'), [p.milestoneId]);
    expect(s.status).toBe(201);
    const booked = await state(p.id, p.milestoneId, s.body.id);
    // 23:30 → the auction would fall at 00:30 the next day
    const late = await move(s.body.id, at('2030-04-10', '23:30'), at('2030-04-11', '02:00'));
    expect([late.status, late.body.code]).toEqual([422, 'SESSION_HOSTED_STEP_OTHER_DAY']);
    expect(await state(p.id, p.milestoneId, s.body.id)).toEqual(booked);
  });

  it('moving later re-times the auction (milestone and parcel), notifies the owner and the buyers, and the portal shows the new time; earlier is refused with 409', async () => {
    const room = await hall();
    const p = await auctionParcel(at('2030-05-10', '10:00'));
    const app = await postForm(t, `/land/parcels/${p.id}/applications`, buyer.token, { depositMethod: 'transfer', depositReference: 'ZZ-hosted-1', depositAmount: '500000.00' }, { name: '竞买申请书.pdf', content: Buffer.from('%PDF 申请') });
    expect(app.status).toBe(201);
    const s = (await book(room.id, p.id, at('2030-05-10', '09:00'), at('2030-05-10', '12:00'), [p.milestoneId])).body;

    const later = await move(s.id, at('2030-05-12', '09:00'), at('2030-05-12', '12:00'));
    expect(later.status).toBe(200);
    const after = await state(p.id, p.milestoneId, s.id);
    expect(after.due).toBe(iso(at('2030-05-12', '10:00')));
    expect(iso(after.auctionAt)).toBe(iso(at('2030-05-12', '10:00')));
    expect(iso((await t.http.get(`/land/parcels/${p.id}`, owner.token)).body.auctionAt)).toBe(iso(at('2030-05-12', '10:00')));
    expect(after.changes).toHaveLength(1);
    expect(after.changes[0]).toMatchObject({ step: { zh: '拍卖会' }, reannounced: false });
    expect([iso(after.changes[0].previousAt), iso(after.changes[0].newAt)]).toEqual([iso(at('2030-05-10', '10:00')), iso(at('2030-05-12', '10:00'))]);
    const told = await t.ds.query(`SELECT recipient_id, params FROM notification_outbox WHERE template = 'scheduling.session_moved' AND params->>'sessionId' = $1`, [s.id]);
    expect(told.map((n: { recipient_id: string }) => n.recipient_id).sort()).toEqual([owner.organisationId, buyer.organisationId].sort());
    expect(iso(told[0].params.steps[0].to)).toBe(iso(at('2030-05-12', '10:00')));

    // Back towards the published time without a re-announcement: refused, nothing moves.
    const earlier = await move(s.id, at('2030-05-11', '09:00'), at('2030-05-11', '12:00'));
    expect(earlier.status).toBe(409);
    expect(earlier.body).toMatchObject({ code: 'SESSION_BEFORE_PUBLISHED_TIME', message: { zh: expect.stringContaining('重新公告'), en: expect.any(String) }, details: { reannounceable: true } });
    expect(iso(earlier.body.details.publishedAt)).toBe(iso(at('2030-05-12', '10:00')));
    expect(await state(p.id, p.milestoneId, s.id)).toEqual(after);
  });

  it('a re-announcement brings the time forward only with the full notice period from now, and publishes it', async () => {
    const room = await hall();
    const p = await auctionParcel(at('2030-06-20', '10:00'));
    const s = (await book(room.id, p.id, at('2030-06-20', '09:00'), at('2030-06-20', '12:00'), [p.milestoneId])).body;
    const before = await state(p.id, p.milestoneId, s.id);

    // A session a few hours from now (same Beijing day as its auction): inside the one-day notice period.
    let start = new Date(Math.ceil((Date.now() + 3 * HOUR) / 60_000) * 60_000);
    if (beijingDay(start) !== beijingDay(new Date(start.getTime() + HOUR))) start = new Date(start.getTime() + 2 * HOUR);
    const end = new Date(start.getTime() + 3 * HOUR);
    const plain = await move(s.id, start, end);
    expect([plain.status, plain.body.code]).toEqual([409, 'SESSION_BEFORE_PUBLISHED_TIME']);
    const soon = await move(s.id, start, end, { reannounce: true });
    expect(soon.status).toBe(409);
    expect(soon.body).toMatchObject({ code: 'SESSION_REANNOUNCE_TOO_SOON', details: { period: { value: 86400, unit: 's' }, rule: 'periods.announcementBeforeListing' } });
    expect(new Date(soon.body.details.earliest).getTime()).toBeGreaterThan(Date.now() + 23 * HOUR);
    expect(await state(p.id, p.milestoneId, s.id)).toEqual(before);

    const re = await move(s.id, at('2030-06-15', '09:00'), at('2030-06-15', '12:00'), { reannounce: true });
    expect(re.status).toBe(200);
    const after = await state(p.id, p.milestoneId, s.id);
    expect([after.due, iso(after.auctionAt)]).toEqual([iso(at('2030-06-15', '10:00')), iso(at('2030-06-15', '10:00'))]);
    expect(after.changes).toHaveLength(1);
    expect(after.changes[0]).toMatchObject({ reannounced: true, step: { zh: '拍卖会', en: 'auction' } });
    const [note] = await t.ds.query(`SELECT params FROM notification_outbox WHERE template = 'scheduling.session_moved' AND params->>'sessionId' = $1 AND recipient_id = $2`, [s.id, owner.organisationId]);
    expect(note.params.reannounced).toBe(true);
    const [trail] = await t.ds.query(`SELECT payload FROM audit_event WHERE action = 'scheduling.session_moved' AND subject_id = $1`, [s.id]);
    expect(trail.payload).toMatchObject({ reannounced: true, milestones: [{ id: p.milestoneId, kind: 'land.auction_start' }] });
  });
  it('refuses to move a tender’s opening with its session (it is the bid deadline: an amendment moves it), and lets the session end later', async () => {
    const p = (await t.http.post('/projects', { domain: 'tendering', name: '城北污水管网改造工程', region: '350105' }, owner.token)).body;
    expect((await t.http.post(`/projects/${p.id}/publish`, {}, centre)).status).toBe(200);
    const deadline = new Date(at('2031-04-08', '09:30'));
    const m = await t.app.get(TransactionRunner).run((tx) => t.app.get(ProjectService).schedule(tx, p.id, { kind: 'tendering.bid_deadline', dueAt: deadline }));
    const room = (await t.http.post('/scheduling/rooms', { kind: 'opening_hall', name: `第${++rooms}开标厅`, seats: 40, isolated: false }, centre)).body;
    const session = await t.http.post('/scheduling/sessions', { roomId: room.id, projectId: p.id, purpose: 'opening', startsAt: at('2031-04-08', '09:30'), endsAt: at('2031-04-08', '11:30'), milestoneIds: [m.id] }, centre);
    expect(session.status).toBe(201);

    const before = await t.snapshot();
    const later = await move(session.body.id, at('2031-04-08', '14:30'), at('2031-04-08', '16:30'));
    expect([later.status, later.body.code]).toEqual([409, 'OPENING_MOVES_BY_AMENDMENT']);
    expect(later.body.message.zh).toContain('条例 21');
    expect(await t.snapshot()).toEqual(before);
    const [row] = await t.ds.query(`SELECT due_at, version FROM milestone WHERE id = $1`, [m.id]);
    expect([iso(row.due_at), row.version]).toEqual([iso(deadline), 1]);

    // the same start, a longer session: the deadline does not move, so nothing needs an amendment
    const longer = await move(session.body.id, at('2031-04-08', '09:30'), at('2031-04-08', '12:30'));
    expect(longer.status).toBe(200);
    const [after] = await t.ds.query(`SELECT due_at, version FROM milestone WHERE id = $1`, [m.id]);
    expect([iso(after.due_at), after.version]).toEqual([iso(deadline), 1]);
  });
});
