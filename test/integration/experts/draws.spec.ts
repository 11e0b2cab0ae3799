import { spawnSync } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import { Role, TradingDomain } from '@app/platform/auth/roles';
import { insertExperts, insertSpecialties } from '../../support/expert-fixtures';
import { startTestApp, TestAccount, TestApp, validUscc } from '../../support/test-app';
import { startWorker, waitFor, WorkerProcess } from '../../support/worker-process';

// 专家抽取: random, verifiable, sealed until the session, replaced on decline or silence — with real workers.
describe('expert draws', () => {
  let t: TestApp;
  let worker: WorkerProcess;
  let centre: string;
  let office: string;
  let regulator: string;
  let landRegulator: string;
  let committee: string;
  let agent: TestAccount;
  const others = new Map<string, string>();

  beforeAll(async () => {
    t = await startTestApp('expert-draws');
    worker = await startWorker({ DATABASE_URL: t.databaseUrl, REDIS_PREFIX: t.redisPrefix, MILESTONE_RECONCILE_MS: '1000' });
    centre = (await t.account([Role.Centre])).token;
    office = (await t.account([Role.Office])).token;
    regulator = (await t.account([{ role: Role.Regulator, domain: TradingDomain.Tendering }])).token;
    landRegulator = (await t.account([{ role: Role.Regulator, domain: TradingDomain.Land }])).token;
    committee = (await t.account([Role.Committee])).token;
    agent = await t.account([Role.Agent]);
    for (const role of [Role.Owner, Role.Bidder, Role.Expert]) others.set(role, (await t.account([role])).token);
    others.set('agent', agent.token);
    others.set('committee', committee);
    await insertSpecialties(t.ds, ['Y01', 'Y01.01', 'Y01.01.01', 'Y01.02', 'Y01.03', 'Y02', 'Y03']);
    // Seconds instead of minutes and days, and experts from outside the project's region.
    const draft = await t.http.post(
      '/rule-sets',
      { domain: 'tendering', name: '专家抽取测试', sandbox: true, changes: { periods: { expertResponseWindow: { value: 5, unit: 's' }, expertSameOwnerWindow: { value: 3600, unit: 's' } }, numbers: { expertAvoidOwnRegion: 1, expertSameOwnerMax: 2 } } },
      committee,
    );
    expect(draft.status).toBe(201);
    expect((await t.http.post(`/rule-sets/${draft.body.id}/publish`, {}, committee)).status).toBe(200);
  }, 60000);

  afterAll(async () => {
    await worker?.stop();
    await t.close();
  });

  const usccOf = async (organisationId: string) => (await t.ds.query(`SELECT uscc FROM organisation WHERE id = $1`, [organisationId]))[0].uscc as string;

  /** A published sandbox tender registered by the agent for a new owner, in region 320102. */
  const project = async () => {
    const ownerOrg = await t.organisation();
    const p = await t.http.post('/projects', { domain: 'tendering', name: '城东污水处理厂提标改造工程', region: '320102', ownerOrganisationId: ownerOrg, ruleSet: 'sandbox' }, agent.token);
    expect(p.status).toBe(201);
    expect((await t.http.post(`/projects/${p.body.id}/publish`, {}, centre)).status).toBe(200);
    return { id: p.body.id as string, ownerUscc: await usccOf(ownerOrg), agentUscc: await usccOf(agent.organisationId!) };
  };

  const expertsWithAccounts = async (count: number, specialty: string) => {
    const accounts = await Promise.all(Array.from({ length: count }, () => t.account([Role.Expert], { organisationId: null })));
    const ids: string[] = [];
    for (const a of accounts) ids.push(...(await insertExperts(t.ds, 1, { specialty, accountId: a.id })));
    return new Map(ids.map((id, i) => [id, accounts[i].token]));
  };

  const inSeconds = (s: number) => new Date(Date.now() + s * 1000).toISOString();
  const drawOf = (id: string) => t.http.get(`/expert-draws/${id}`, centre).then((r) => r.body);
  const untilStatus = (id: string, statuses: string[], timeout = 20000) =>
    waitFor(async () => {
      const d = await drawOf(id);
      return statuses.includes(d.status) ? d : undefined;
    }, timeout, `draw ${id} to be ${statuses.join('|')}`);
  const seats = (drawId: string) => t.ds.query(`SELECT m.id, m.expert_id::text AS "expertId", m.status, m.kind, m.round FROM expert_draw_member m WHERE draw_id = $1 ORDER BY round, position`, [drawId]);
  const invitationOf = async (token: string) => (await t.http.get('/experts/me/invitations', token)).body as { id: string; status: string }[];

  it('draws with every avoidance reason recorded, sealed from everyone until the session, then replays to the same experts', async () => {
    const p = await project();
    const bidderUscc = validUscc();
    const clean = await expertsWithAccounts(8, 'Y01.01');
    const deeper = await expertsWithAccounts(1, 'Y01.01.01');
    const avoided: Record<string, string> = {};
    const one = async (reason: string, seed: Parameters<typeof insertExperts>[2]) => (avoided[(await insertExperts(t.ds, 1, seed))[0]] = reason);
    await one('employer_is_bidder', { specialty: 'Y01.01', employerUscc: bidderUscc });
    await one('employer_is_owner', { specialty: 'Y01.01', employerUscc: p.ownerUscc });
    await one('employer_is_agent', { specialty: 'Y01.01', employerUscc: p.agentUscc });
    await one('suspended', { specialty: 'Y01.01', status: 'suspended', suspendedUntil: '2099-01-01' });
    await one('same_region', { specialty: 'Y01.01', region: '320102' });
    const conflicted = await one('declared_conflict', { specialty: 'Y01.01' });
    await t.ds.query(`INSERT INTO expert_conflict (expert_id, organisation_uscc, reason) VALUES ($1, $2, '近三年曾在该单位任职')`, [Object.keys(avoided).find((k) => avoided[k] === conflicted), bidderUscc]);
    const away = await one('unavailable', { specialty: 'Y01.01' });
    await t.ds.query(`INSERT INTO expert_unavailability (expert_id, during, reason) VALUES ($1, tstzrange(now(), now() + interval '2 days'), '出差')`, [Object.keys(avoided).find((k) => avoided[k] === away)]);
    const busy = (await insertExperts(t.ds, 1, { specialty: 'Y01.01' }))[0];
    avoided[busy] = 'drawn_too_recently';
    for (let i = 0; i < 2; i++) {
      const [d] = await t.ds.query(
        `INSERT INTO expert_draw (project_id, domain, owner_uscc, status, requirements, committee, context, session_start, session_end, algorithm, seed_sealed, seed_commitment)
         VALUES ($1, 'tendering', $2, 'finished', '[]', '{}', '{}', now(), now() + interval '1 hour', 'yg-draw-v1', '\\x00', repeat('0', 64)) RETURNING id`,
        [p.id, p.ownerUscc],
      );
      await t.ds.query(`INSERT INTO expert_draw_member (draw_id, expert_id, specialty_code, round, position, kind, status) VALUES ($1, $2, 'Y01.01', 0, 0, 'primary', 'accepted')`, [d.id, busy]);
    }
    const retired = (await insertExperts(t.ds, 1, { specialty: 'Y01.01', status: 'retired' }))[0];
    const elsewhere = (await insertExperts(t.ds, 1, { specialty: 'Y01.02' }))[0];

    const req = await t.http.post(
      '/expert-draws',
      { projectId: p.id, sessionStart: inSeconds(12), sessionEnd: inSeconds(3600), ownerRepresentatives: 0, requirements: [{ specialty: 'Y01.01', count: 5, reserves: 1 }], bidderUsccs: [bidderUscc] },
      centre,
    );
    expect(req.status).toBe(202);
    expect(req.body.status).toBe('pending');
    expect(req.body.seedCommitment).toMatch(/^[0-9a-f]{64}$/);
    expect(req.body.revealedSeed).toBeNull();
    const id = req.body.id as string;
    await untilStatus(id, ['inviting']);

    // Sealed: nobody reads the names; the office sees that the draw happened and its audit entries.
    expect((await t.http.get(`/expert-draws/${id}/members`, centre)).body.code).toBe('DRAW_SEALED');
    expect((await t.http.get(`/expert-draws/${id}/record`, centre)).body.code).toBe('DRAW_SEALED');
    expect((await t.http.get(`/expert-draws/${id}/members`, office)).status).toBe(403);
    expect((await t.http.get(`/expert-draws/${id}/members`, regulator)).status).toBe(403);
    expect((await t.http.get(`/expert-draws/${id}`, office)).body.status).toBe('inviting');
    expect((await t.http.get(`/expert-draws/${id}`, landRegulator)).status).toBe(403);
    for (const [role, token] of others) {
      for (const path of [`/expert-draws/${id}`, `/expert-draws/${id}/members`, `/expert-draws/${id}/record`, `/expert-draws?projectId=${p.id}`]) {
        expect({ role, path, status: (await t.http.get(path, token)).status }).toEqual({ role, path, status: 403 });
      }
    }
    const events = (await t.http.get(`/audit/events?subjectType=expert_draw&subjectId=${id}`, office)).body.items as { action: string; payload: Record<string, unknown> }[];
    expect(events.map((e) => e.action)).toEqual(expect.arrayContaining(['expert_draw.requested', 'expert_draw.drawn']));
    const drawnEvent = JSON.stringify(events.find((e) => e.action === 'expert_draw.drawn'));
    expect(drawnEvent).toContain('membersCommitment');
    expect(drawnEvent).not.toMatch(/专家\d+号|"picked"|"expertId"/);

    // The drawn (and only they) have an invitation and an SMS in the outbox; the unlinked expert account has none.
    const seated = await seats(id);
    expect(seated).toHaveLength(6);
    expect(seated.filter((s: { kind: string }) => s.kind === 'primary').map((s: { status: string }) => s.status)).toEqual(Array(5).fill('invited'));
    const pool = new Set([...clean.keys(), ...deeper.keys()]);
    for (const s of seated) expect(pool.has(s.expertId)).toBe(true);
    const sms = await t.ds.query(`SELECT recipient_id FROM notification_outbox WHERE template = 'expert.draw.invitation' AND params->>'projectCode' IS NOT NULL AND recipient_id = ANY($1)`, [seated.map((s: { expertId: string }) => s.expertId)]);
    expect(sms).toHaveLength(5);
    expect((await t.http.get('/experts/me/invitations', others.get(Role.Expert))).body.code).toBe('EXPERT_ACCOUNT_UNLINKED');
    const tokens = new Map([...clean, ...deeper]);
    for (const s of seated.filter((x: { kind: string }) => x.kind === 'primary')) {
      const [inv] = await invitationOf(tokens.get(s.expertId)!);
      expect(inv.status).toBe('invited');
      const accepted = await t.http.post(`/experts/me/invitations/${inv.id}/accept`, {}, tokens.get(s.expertId));
      expect(accepted.body.status).toBe('accepted');
    }
    const someoneElse = [...tokens.entries()].find(([eid]) => !seated.some((s: { expertId: string }) => s.expertId === eid))!;
    expect(await invitationOf(someoneElse[1])).toEqual([]);
    expect((await t.http.post(`/experts/me/invitations/${seated[0].id}/accept`, {}, someoneElse[1])).body.code).toBe('INVITATION_NOT_FOUND');
    expect((await drawOf(id)).status).toBe('complete');

    // The session starts: the seed is revealed and matches its commitment; the centre reads the list.
    const opened = await untilStatus(id, ['opened']);
    expect(createHash('sha256').update(Buffer.from(opened.revealedSeed, 'hex')).digest('hex')).toBe(opened.seedCommitment);
    const members = (await t.http.get(`/expert-draws/${id}/members`, centre)).body;
    expect(members.map((m: { status: string }) => m.status).sort()).toEqual([...Array(5).fill('accepted'), 'released']);
    expect(members[0].name).toMatch(/^专家\d+号$/);
    expect((await t.http.get(`/expert-draws/${id}/members`, office)).body.code).toBe('DRAW_RECORD_NOT_PUBLIC');

    const record = (await t.http.get(`/expert-draws/${id}/record`, centre)).body;
    const reasons = Object.fromEntries(record.rounds[0].avoided.map((a: { expertId: string; reasons: string[] }) => [a.expertId, a.reasons]));
    for (const [expertId, reason] of Object.entries(avoided)) expect({ expertId, reasons: reasons[expertId] }).toEqual({ expertId, reasons: [reason] });
    expect(record.rounds[0].candidates).toEqual([...pool].sort((a, b) => Number(a) - Number(b)));
    expect(record.rounds[0].candidates).not.toContain(retired);
    expect(record.rounds[0].candidates).not.toContain(elsewhere);

    const replay = (await t.http.get(`/expert-draws/${id}/replay`, centre)).body;
    expect(replay.agrees).toBe(true);

    // Offline, with the CLI: the exported record replays; the same record with another seed does not.
    const cli = (doc: unknown) => spawnSync(process.execPath, ['dist/libs/experts/src/cli/replay-draw.js', '-'], { input: JSON.stringify(doc), encoding: 'utf8' });
    const honest = cli(record);
    expect(honest.status).toBe(0);
    expect(honest.stdout).toContain('一致 / agrees');
    expect(honest.stdout).toContain('rule v2 (yg-draw-v2): draw id bound, avoided list bound');
    expect(replay).toMatchObject({ rule: 'v2', binds: { drawId: true, avoided: true }, note: null });
    const reseeded = cli({ ...record, revealedSeed: 'f'.repeat(64) });
    expect(reseeded.status).toBe(1);
    expect(reseeded.stdout).toContain('FAIL seed_commitment');
    // The record's draw id, its avoided list and its pool are bound to what the audit chain holds: altering any disagrees.
    const round0 = (change: object) => ({ ...record, rounds: [{ ...record.rounds[0], ...change }, ...record.rounds.slice(1)] });
    const avoidedList = record.rounds[0].avoided as { expertId: string; reasons: string[] }[];
    expect(avoidedList.length).toBeGreaterThan(1);
    const tamperings: [string, unknown, string][] = [
      ['drawId', { ...record, drawId: randomUUID() }, 'FAIL pool_digest round 0'],
      ['one avoided expert removed', round0({ avoided: avoidedList.slice(1) }), 'FAIL avoided_digest round 0'],
      ['a reason changed', round0({ avoided: [{ ...avoidedList[0], reasons: ['unavailable'] }, ...avoidedList.slice(1)] }), 'FAIL avoided_digest round 0'],
      ['a candidate removed from the pool', round0({ candidates: record.rounds[0].candidates.filter((c: string) => c !== [...pool].find((e) => !record.rounds[0].picked.includes(e))) }), 'FAIL pool_digest round 0'],
      ['relabelled v1', { ...record, algorithm: 'yg-draw-v1' }, 'FAIL pool_digest round 0'],
    ];
    for (const [what, doc, line] of tamperings) {
      const out = cli(doc);
      expect({ what, status: out.status, failing: out.stdout.includes(line), verdict: out.stdout.includes('不一致 / DISAGREES') }).toEqual({ what, status: 1, failing: true, verdict: true });
    }

    // Changing one input breaks the replay: a candidate swapped in the stored pool no longer matches the audited digest.
    const outsider = [...pool].find((e) => !record.rounds[0].picked.includes(e))!;
    await t.ds.query(`UPDATE expert_draw_round SET candidates = array_remove(candidates, $2::bigint) WHERE draw_id = $1`, [id, outsider]);
    const tampered = (await t.http.get(`/expert-draws/${id}/replay`, centre)).body;
    expect(tampered.agrees).toBe(false);
    expect(tampered.checks.filter((c: { ok: boolean }) => !c.ok).map((c: { check: string }) => c.check)).toContain('pool_digest');
    await t.ds.query(`UPDATE expert_draw_round SET candidates = $2::bigint[] WHERE draw_id = $1`, [id, record.rounds[0].candidates]);

    // The project ends: the record opens to supervisors of the domain, the experts' histories grow.
    expect((await t.http.post(`/expert-draws/${id}/finish`, {}, office)).status).toBe(403);
    const finished = await t.http.post(`/expert-draws/${id}/finish`, {}, centre);
    expect(finished.body.status).toBe('finished');
    expect((await t.http.get(`/expert-draws/${id}/members`, office)).body).toHaveLength(6);
    expect((await t.http.get(`/expert-draws/${id}/replay`, regulator)).body.agrees).toBe(true);
    expect((await t.http.get(`/expert-draws/${id}/members`, landRegulator)).status).toBe(403);
    const counts = await t.ds.query(`SELECT evaluation_count FROM expert WHERE id = ANY($1::bigint[])`, [members.filter((m: { status: string }) => m.status === 'accepted').map((m: { expertId: string }) => m.expertId)]);
    expect(counts.map((c: { evaluation_count: number }) => c.evaluation_count)).toEqual(Array(5).fill(1));
    expect((await t.http.post(`/expert-draws/${id}/finish`, {}, centre)).body.code).toBe('DRAW_STATE_CONFLICT');
  }, 60000);

  it('replaces a decline with the reserve, then from the pool, an expired seat likewise, and reports a pool run dry', async () => {
    const p = await project();
    const tokens = await expertsWithAccounts(7, 'Y01.03');
    const req = await t.http.post('/expert-draws', { projectId: p.id, sessionStart: inSeconds(25), sessionEnd: inSeconds(3600), ownerRepresentatives: 0, requirements: [{ specialty: 'Y01.03', count: 5, reserves: 1 }] }, centre);
    expect(req.status).toBe(202);
    const id = req.body.id;
    await untilStatus(id, ['inviting']);
    const first = await seats(id);
    const primaries = first.filter((s: { kind: string }) => s.kind === 'primary');
    const reserve = first.find((s: { kind: string }) => s.kind === 'reserve');
    const answer = async (expertId: string, how: 'accept' | 'decline') => {
      const [inv] = (await invitationOf(tokens.get(expertId)!)).filter((i) => i.status === 'invited');
      return t.http.post(`/experts/me/invitations/${inv.id}/${how}`, how === 'decline' ? { reason: '当日另有评审任务' } : {}, tokens.get(expertId));
    };
    for (const s of primaries.slice(0, 3)) expect((await answer(s.expertId, 'accept')).status).toBe(200);
    expect((await t.http.post(`/experts/me/invitations/${primaries[3].id}/decline`, { reason: '  ' }, tokens.get(primaries[3].expertId))).status).toBe(400);
    expect((await answer(primaries[3].expertId, 'decline')).body.status).toBe('declined');

    // The reserve is called; declining it too draws round 1 from the one expert left.
    const afterDecline = await seats(id);
    expect(afterDecline.find((s: { id: string }) => s.id === reserve.id).status).toBe('invited');
    expect((await answer(reserve.expertId, 'decline')).status).toBe(200);
    const round1 = (await seats(id)).filter((s: { round: number }) => s.round === 1);
    expect(round1).toHaveLength(1);
    expect(round1[0].status).toBe('invited');
    expect((await answer(round1[0].expertId, 'accept')).status).toBe(200);

    // The fifth primary never answers: it expires, and with nobody left the draw is short, saying what is missing.
    const short = await untilStatus(id, ['short'], 15000);
    expect(short.shortfall).toEqual([{ specialty: 'Y01.03', needed: 1, available: 0 }]);
    expect((await seats(id)).find((s: { id: string }) => s.id === primaries[4].id).status).toBe('expired');
    const late = await t.http.post(`/experts/me/invitations/${primaries[4].id}/accept`, {}, tokens.get(primaries[4].expertId));
    expect(late.body.code).toBe('INVITATION_CLOSED');
    const centreNotes = await t.ds.query(`SELECT template FROM notification_outbox WHERE recipient_type = 'role' AND params->>'drawId' = $1`, [id]);
    expect(centreNotes.map((n: { template: string }) => n.template)).toEqual(['expert.draw.short']);

    await untilStatus(id, ['opened'], 30000);
    const replay = (await t.http.get(`/expert-draws/${id}/replay`, centre)).body;
    expect(replay.agrees).toBe(true);
    expect(new Set(replay.checks.map((c: { round?: number }) => c.round))).toEqual(new Set([undefined, 0, 1]));
  }, 90000);

  it('refuses a pool too small with what is missing, and bad requests, changing nothing', async () => {
    const p = await project();
    await insertExperts(t.ds, 4, { specialty: 'Y02' });
    const body = { projectId: p.id, sessionStart: inSeconds(600), sessionEnd: inSeconds(3600), ownerRepresentatives: 0, requirements: [{ specialty: 'Y02', count: 5, reserves: 1 }] };
    const draftOwner = await t.organisation();
    const before = await t.snapshot();
    const small = await t.http.post('/expert-draws', body, centre);
    expect(small.status).toBe(409);
    expect(small.body.code).toBe('DRAW_POOL_TOO_SMALL');
    expect(small.body.message.zh).toContain('专家不足');
    expect(small.body.details.shortfall).toEqual([{ specialty: 'Y02', needed: 6, available: 4 }]);

    const refusals: [unknown, number, string][] = [
      [{ ...body, requirements: [{ specialty: 'Y02', count: 4, reserves: 0 }] }, 422, 'DRAW_COMMITTEE_INVALID'],
      [{ ...body, requirements: [{ specialty: 'Y02', count: 6, reserves: 0 }] }, 422, 'DRAW_COMMITTEE_INVALID'],
      [{ ...body, requirements: [{ specialty: 'Y02', count: 3, reserves: 0 }], ownerRepresentatives: 2 }, 422, 'DRAW_COMMITTEE_INVALID'],
      [{ ...body, requirements: [{ specialty: 'Y02', count: 3, reserves: 0 }, { specialty: 'Y02', count: 2, reserves: 0 }] }, 422, 'DRAW_COMMITTEE_INVALID'],
      [{ ...body, requirements: [{ specialty: 'Y77', count: 5, reserves: 0 }] }, 422, 'DRAW_SPECIALTY_UNKNOWN'],
      [{ ...body, sessionStart: inSeconds(-60) }, 422, 'DRAW_SESSION_INVALID'],
      [{ ...body, sessionEnd: body.sessionStart }, 422, 'DRAW_SESSION_INVALID'],
      [{ ...body, projectId: '00000000-0000-4000-8000-000000000000' }, 404, 'PROJECT_NOT_FOUND'],
      [{ ...body, requirements: [] }, 400, 'VALIDATION_FAILED'],
      [{ ...body, requirements: [{ specialty: 'y02', count: 5, reserves: 0 }] }, 400, 'VALIDATION_FAILED'],
      [{ ...body, bidderUsccs: ['not-a-uscc'] }, 400, 'VALIDATION_FAILED'],
      [{ ...body, extra: 1 }, 400, 'VALIDATION_FAILED'],
    ];
    for (const [b, status, code] of refusals) {
      const r = await t.http.post('/expert-draws', b, centre);
      expect({ b, status: r.status, code: r.body.code }).toEqual({ b, status, code });
      expect(r.body.message.zh).toBeTruthy();
    }
    const draft = await t.http.post('/projects', { domain: 'tendering', name: '未发布项目', region: '320102', ownerOrganisationId: draftOwner, ruleSet: 'sandbox' }, agent.token);
    expect((await t.http.post('/expert-draws', { ...body, projectId: draft.body.id }, centre)).body.code).toBe('DRAW_PROJECT_NOT_PUBLISHED');
    for (const [role, token] of [...others, ['office', office], ['regulator', regulator]]) {
      expect({ role, status: (await t.http.post('/expert-draws', body, token)).status }).toEqual({ role, status: 403 });
    }
    expect((await t.http.post('/expert-draws', body)).status).toBe(401);
    const after = await t.snapshot();
    delete before.trading_project;
    delete after.trading_project;
    delete before.audit_event;
    delete after.audit_event;
    expect(after).toEqual(before);
  }, 30000);

  it('two workers draw each committee once', async () => {
    const second = await startWorker({ DATABASE_URL: t.databaseUrl, REDIS_PREFIX: t.redisPrefix, MILESTONE_RECONCILE_MS: '1000' });
    try {
      await insertExperts(t.ds, 80, { specialty: 'Y03' });
      const projects = await Promise.all(Array.from({ length: 8 }, () => project()));
      const ids = await Promise.all(
        projects.map(async (p) => {
          const r = await t.http.post('/expert-draws', { projectId: p.id, sessionStart: inSeconds(600), sessionEnd: inSeconds(3600), ownerRepresentatives: 0, requirements: [{ specialty: 'Y03', count: 5, reserves: 2 }] }, centre);
          expect(r.status).toBe(202);
          return r.body.id as string;
        }),
      );
      for (const id of ids) await untilStatus(id, ['inviting']);
      const [{ n: drawn }] = await t.ds.query(`SELECT count(*)::int AS n FROM audit_event WHERE action = 'expert_draw.drawn' AND subject_id = ANY($1)`, [ids]);
      expect(drawn).toBe(8);
      const perDraw = await t.ds.query(`SELECT draw_id, count(*)::int AS n FROM expert_draw_member WHERE draw_id = ANY($1::uuid[]) GROUP BY 1`, [ids]);
      expect(perDraw.map((r: { n: number }) => r.n)).toEqual(Array(8).fill(7));
      const sms = await t.ds.query(`SELECT count(*)::int AS n FROM notification_outbox WHERE template = 'expert.draw.invitation' AND params->>'invitationId' IN (SELECT id::text FROM expert_draw_member WHERE draw_id = ANY($1::uuid[]) AND kind = 'primary' AND round = 0)`, [ids]);
      // one SMS per first-drawn seat (a seat the 30 s sandbox window let expire on a slow machine brings a reserve's SMS too)
      expect(sms[0].n).toBe(40);
      await waitFor(async () => (await t.ds.query(`SELECT count(*)::int AS n FROM notification_outbox WHERE status = 'pending'`))[0].n === 0, 15000, 'the outbox to drain');
    } finally {
      await second.stop();
    }
  }, 60000);
});
