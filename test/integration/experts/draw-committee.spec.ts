import { spawnSync } from 'node:child_process';
import { Role } from '@app/platform/auth/roles';
import { openedSection } from '../../support/evaluation-fixtures';
import { insertExperts, insertSpecialties } from '../../support/expert-fixtures';
import { startTestApp, TestAccount, TestApp } from '../../support/test-app';
import { startWorker, waitFor, WorkerProcess } from '../../support/worker-process';

// 法 37: the committee sits only at its full size; the centre tops a short draw up (补抽) in a verifiable round;
// invitations close when the session starts; a report needs the whole committee.
describe('the committee is the size the law and the rules require', () => {
  let t: TestApp;
  let worker: WorkerProcess;
  let centre: string;
  let owner: TestAccount;

  beforeAll(async () => {
    t = await startTestApp('draw-committee');
    worker = await startWorker({ DATABASE_URL: t.databaseUrl, REDIS_PREFIX: t.redisPrefix, MILESTONE_RECONCILE_MS: '1000' });
    centre = (await t.account([Role.Centre])).token;
    owner = await t.account([Role.Owner]);
    await insertSpecialties(t.ds, ['Z01']);
  }, 60000);

  afterAll(async () => {
    await worker?.stop();
    await t.close();
  });

  const inSeconds = (s: number) => new Date(Date.now() + s * 1000).toISOString();
  const drawOf = (id: string) => t.http.get(`/expert-draws/${id}`, centre).then((r) => r.body);
  const untilStatus = (id: string, statuses: string[], timeout = 30000) =>
    waitFor(async () => {
      const d = await drawOf(id);
      return statuses.includes(d.status) ? d : undefined;
    }, timeout, `draw ${id} to be ${statuses.join('|')}`);
  const expertsWithAccounts = async (count: number, specialty: string) => {
    const tokens = new Map<string, string>();
    for (let i = 0; i < count; i++) {
      const a = await t.account([Role.Expert], { organisationId: null });
      tokens.set((await insertExperts(t.ds, 1, { specialty, accountId: a.id }))[0], a.token);
    }
    return tokens;
  };
  const invitationsOf = async (token: string) => (await t.http.get('/experts/me/invitations', token)).body as { id: string; status: string; respondBy: string; sessionStart: string }[];
  const drawRows = async (id: string) => ({
    draw: await t.ds.query(`SELECT status, session_start, session_end, shortfall, revealed_seed FROM expert_draw WHERE id = $1`, [id]),
    members: await t.ds.query(`SELECT id, expert_id, status, round, respond_by, responded_at FROM expert_draw_member WHERE draw_id = $1 ORDER BY round, position`, [id]),
    rounds: await t.ds.query(`SELECT round, specialty_code, picked FROM expert_draw_round WHERE draw_id = $1 ORDER BY round`, [id]),
    milestones: (await t.ds.query(`SELECT count(*)::int AS n FROM milestone WHERE payload->>'drawId' = $1`, [id]))[0].n,
  });
  const sectionRows = async (projectId: string) => ({
    section: await t.ds.query(`SELECT status, draw_id, report, reported_at FROM tender_section WHERE project_id = $1`, [projectId]),
    tender: await t.ds.query(`SELECT status FROM tender WHERE project_id = $1`, [projectId]),
    events: (await t.ds.query(`SELECT count(*)::int AS n FROM audit_event WHERE subject_id = $1 AND action LIKE 'tender.%'`, [projectId]))[0].n,
  });

  it('refuses to seat 4 of 5, refuses a late answer, tops the draw up with a new committed seed, then seats 5 and replays', async () => {
    const x = await openedSection(t, owner, ['1000000.00', '980000.00', '990000.00']);
    const tokens = await expertsWithAccounts(6, 'Z01');
    const sessionStart = inSeconds(14);
    const req = await t.http.post('/expert-draws', { projectId: x.projectId, sessionStart, sessionEnd: inSeconds(3600), ownerRepresentatives: 0, requirements: [{ specialty: 'Z01', count: 5, reserves: 1 }] }, centre);
    expect(req.status).toBe(202);
    const id = req.body.id as string;
    await untilStatus(id, ['inviting']);

    // Invitations answer by the session start when the response window (30 s here) would run past it.
    const invited = new Map<string, { id: string; respondBy: string }>();
    for (const [expertId, token] of tokens) {
      const [inv] = await invitationsOf(token);
      if (inv) invited.set(expertId, inv);
    }
    expect(invited.size).toBe(5);
    for (const inv of invited.values()) expect(new Date(inv.respondBy).getTime()).toBe(new Date(sessionStart).getTime());
    const [decliner, ...acceptors] = [...invited.keys()];
    for (const e of acceptors.slice(0, 4)) expect((await t.http.post(`/experts/me/invitations/${invited.get(e)!.id}/accept`, {}, tokens.get(e))).status).toBe(200);
    expect((await t.http.post(`/experts/me/invitations/${invited.get(decliner)!.id}/decline`, { reason: '当日另有评审任务' }, tokens.get(decliner))).status).toBe(200);
    const reserveId = [...tokens.keys()].find((e) => !invited.has(e))!;
    const [reserveInvitation] = await invitationsOf(tokens.get(reserveId)!);
    expect(reserveInvitation.status).toBe('invited');
    expect(new Date(reserveInvitation.respondBy).getTime()).toBe(new Date(sessionStart).getTime());

    // The session starts with the reserve silent: its answer now is refused and changes nothing.
    await untilStatus(id, ['opened']);
    await waitFor(async () => new Date((await t.ds.query(`SELECT now() AS now`))[0].now).getTime() > new Date(sessionStart).getTime(), 5000, 'the session start');
    const beforeLate = await drawRows(id);
    const late = await t.http.post(`/experts/me/invitations/${reserveInvitation.id}/accept`, {}, tokens.get(reserveId));
    expect([late.status, late.body.code]).toEqual([409, 'INVITATION_CLOSED']);
    expect(late.body.message.zh).toContain('评标已开始');
    expect(late.body.message.en).toContain('session has started');
    expect(new Date(late.body.details.respondBy).getTime()).toBe(new Date(sessionStart).getTime());
    expect((await t.http.post(`/experts/me/invitations/${reserveInvitation.id}/decline`, { reason: '来不及' }, tokens.get(reserveId))).body.code).toBe('INVITATION_CLOSED');
    const afterLate = await drawRows(id);
    // the reserve's own deadline job may expire the seat meanwhile: that is the worker's, not the refused answer's
    const settle = (rows: typeof beforeLate) => ({ ...rows, members: rows.members.map((m: { id: string; status: string; responded_at: Date | null }) => (m.id === reserveInvitation.id ? { ...m, status: 'closed', responded_at: null } : m)) });
    expect(settle(afterLate)).toEqual(settle(beforeLate));
    expect(afterLate.members.find((m: { id: string }) => m.id === reserveInvitation.id).status).not.toBe('accepted');

    // 4 accepted of 5: the committee is not seated, saying what is missing; nothing changes.
    const beforeSeat = await sectionRows(x.projectId);
    const seat = await t.http.post(`${x.section}/evaluation`, { drawId: id }, centre);
    expect([seat.status, seat.body.code]).toEqual([409, 'COMMITTEE_SHORT']);
    expect(seat.body.message.zh).toContain('补抽');
    expect(seat.body.details).toMatchObject({ drawId: id, missing: 1, required: 5, accepted: 4, specialties: [{ specialty: 'Z01', needed: 5, accepted: 4, missing: 1 }] });
    expect(await sectionRows(x.projectId)).toEqual(beforeSeat);

    // Top-up: the session has started, so it needs a new one; an empty pool refuses it; neither changes anything.
    const beforeTopUp = await drawRows(id);
    const noSession = await t.http.post(`/expert-draws/${id}/top-up`, {}, centre);
    expect([noSession.status, noSession.body.code]).toEqual([422, 'DRAW_SESSION_INVALID']);
    const dry = await t.http.post(`/expert-draws/${id}/top-up`, { sessionStart: inSeconds(60), sessionEnd: inSeconds(3600) }, centre);
    expect([dry.status, dry.body.code]).toEqual([409, 'DRAW_POOL_TOO_SMALL']);
    expect(dry.body.details.shortfall).toEqual([{ specialty: 'Z01', needed: 1, available: 0 }]);
    expect((await t.http.post(`/expert-draws/${id}/top-up`, { sessionStart: inSeconds(60), sessionEnd: inSeconds(3600) }, owner.token)).status).toBe(403);
    expect(await drawRows(id)).toEqual(beforeTopUp);
    expect((await t.ds.query(`SELECT count(*)::int AS n FROM audit_event WHERE subject_id = $1 AND action LIKE 'expert_draw.top_up%'`, [id]))[0].n).toBe(0);

    // The library grows; the top-up draws one expert in a new round, its seed committed in the chain first.
    const newcomers = await expertsWithAccounts(2, 'Z01');
    const newStart = inSeconds(12);
    const topUp = await t.http.post(`/expert-draws/${id}/top-up`, { sessionStart: newStart, sessionEnd: inSeconds(3600) }, centre);
    expect(topUp.status).toBe(200);
    expect(topUp.body.status).toBe('inviting');
    expect(new Date(topUp.body.sessionStart).getTime()).toBe(new Date(newStart).getTime());
    const events = await t.ds.query(`SELECT action, payload FROM audit_event WHERE subject_id = $1 AND action LIKE 'expert_draw.top_up%' ORDER BY id`, [id]);
    expect(events.map((e: { action: string }) => e.action)).toEqual(['expert_draw.top_up_requested', 'expert_draw.top_up']);
    expect(events[0].payload.seedCommitment).toMatch(/^[0-9a-f]{64}$/);
    expect(events[0].payload.seedCommitment).not.toBe(req.body.seedCommitment);
    expect(JSON.stringify(events[1].payload)).not.toMatch(/"picked"|"expertId"/);
    const newInvites = (await Promise.all([...newcomers].map(async ([e, token]) => ({ e, token, inv: (await invitationsOf(token))[0] })))).filter((n) => n.inv);
    expect(newInvites).toHaveLength(1);
    expect(new Date(newInvites[0].inv.respondBy).getTime()).toBe(new Date(newStart).getTime());
    const again = await t.http.post(`/expert-draws/${id}/top-up`, { sessionStart: inSeconds(60), sessionEnd: inSeconds(3600) }, centre);
    expect([again.status, again.body.code]).toEqual([422, 'DRAW_SESSION_INVALID']);
    expect((await t.http.post(`/expert-draws/${id}/top-up`, {}, centre)).body.code).toBe('DRAW_COMMITTEE_FULL');
    expect((await t.http.post(`/experts/me/invitations/${newInvites[0].inv.id}/accept`, {}, newInvites[0].token)).status).toBe(200);
    expect((await drawOf(id)).status).toBe('complete');

    // The new session starts: every seed is revealed, the record replays (API and CLI), the committee of 5 sits.
    await untilStatus(id, ['opened']);
    const record = (await t.http.get(`/expert-draws/${id}/record`, centre)).body;
    const topRound = record.rounds.find((r: { seedCommitment?: string }) => r.seedCommitment);
    expect(topRound).toMatchObject({ seedCommitment: events[0].payload.seedCommitment, picked: [newInvites[0].e] });
    expect(topRound.seed).toMatch(/^[0-9a-f]{64}$/);
    expect((await t.http.get(`/expert-draws/${id}/replay`, centre)).body.agrees).toBe(true);
    const cli = (doc: unknown) => spawnSync(process.execPath, ['dist/libs/experts/src/cli/replay-draw.js', '-'], { input: JSON.stringify(doc), encoding: 'utf8' });
    expect(cli(record).status).toBe(0);
    const forged = cli({ ...record, rounds: record.rounds.map((r: { round: number }) => (r.round === topRound.round ? { ...r, seed: 'f'.repeat(64) } : r)) });
    expect(forged.status).toBe(1);
    expect(forged.stdout).toContain(`FAIL seed_commitment round ${topRound.round}`);

    const seated = await t.http.post(`${x.section}/evaluation`, { drawId: id }, centre);
    expect(seated.status).toBe(200);
    expect(seated.body).toMatchObject({ status: 'evaluating', drawId: id });
  }, 120000);

  it('refuses a report by fewer than the committee the law requires, changing nothing', async () => {
    const four = [];
    for (let i = 0; i < 4; i++) four.push(await t.account([Role.Expert], { organisationId: null }));
    const x = await openedSection(t, owner, ['1000000.00', '980000.00', '990000.00'], { experts: four });
    // A draw from outside the platform's requirements is held to the rules alone: 5 or more.
    const seat = await t.http.post(`${x.section}/evaluation`, { drawId: x.drawId }, centre);
    expect([seat.status, seat.body.code]).toEqual([409, 'COMMITTEE_SHORT']);
    expect(seat.body.details).toMatchObject({ missing: 1, required: 5, accepted: 4, specialties: [] });

    // A section seated with 4 before this rule (as seen): its 4 experts score every bid, the report is refused.
    await t.ds.query(`UPDATE tender_section SET status = 'evaluating', draw_id = $2 WHERE project_id = $1`, [x.projectId, x.drawId]);
    await t.ds.query(`UPDATE tender SET status = 'evaluating' WHERE project_id = $1`, [x.projectId]);
    for (const e of four) {
      for (const bidId of x.bidIds) expect((await t.http.put(`${x.section}/evaluation/bids/${bidId}/score`, { technical: [900, 900, 850], business: [400, 400] }, e.token)).status).toBe(200);
    }
    const before = await sectionRows(x.projectId);
    const deposits = await t.ds.query(`SELECT d.id, d.refund_due FROM tender_deposit d JOIN tender_section s ON s.id = d.section_id WHERE s.project_id = $1 ORDER BY d.id`, [x.projectId]);
    const report = await t.http.post(`${x.section}/evaluation/report`, {}, four[0].token);
    expect([report.status, report.body.code]).toEqual([409, 'REPORT_COMMITTEE_SHORT']);
    expect(report.body.message.zh).toContain('法定人数');
    expect(report.body.details).toMatchObject({ signing: 4, missing: 1, required: 5 });
    expect(await sectionRows(x.projectId)).toEqual(before);
    expect(await t.ds.query(`SELECT d.id, d.refund_due FROM tender_deposit d JOIN tender_section s ON s.id = d.section_id WHERE s.project_id = $1 ORDER BY d.id`, [x.projectId])).toEqual(deposits);
  }, 60000);
});
