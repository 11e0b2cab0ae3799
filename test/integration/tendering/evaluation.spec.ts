import { randomBytes } from 'node:crypto';
import { Role } from '@app/platform/auth/roles';
import { LEGAL_DEFAULTS, sandboxOf } from '@app/platform/rules/defaults';
import { RuleSnapshot } from '@app/trading';
import { insertExperts, insertSpecialties } from '../../support/expert-fixtures';
import { startTestApp, TestAccount, TestApp } from '../../support/test-app';
import { waitFor } from '../../support/worker-process';

// 评标 → 评标报告 → 公示与异议 → 定标 → 合同 → 退还保证金, from an opened section set up in the database.
describe('tender evaluation, publicity, award, contract and refunds', () => {
  let t: TestApp;
  let centre: TestAccount;
  let office: TestAccount;
  let owner: TestAccount;
  let stranger: TestAccount;
  let outsider: TestAccount;
  let snapshot: RuleSnapshot;

  beforeAll(async () => {
    t = await startTestApp('tender-evaluation');
    centre = await t.account([Role.Centre]);
    office = await t.account([Role.Office]);
    owner = await t.account([Role.Owner]);
    stranger = await t.account([Role.Bidder]);
    outsider = await t.account([Role.Expert], { organisationId: null });
    await insertSpecialties(t.ds, ['Y01']);
    await insertExperts(t.ds, 1, { specialty: 'Y01', accountId: outsider.id });
    const [rs] = await t.ds.query(`SELECT id, version, name, effective_from FROM rule_set WHERE domain = 'tendering' AND is_sandbox AND status = 'active' ORDER BY version DESC LIMIT 1`);
    snapshot = { ruleSetId: rs.id, domain: 'tendering', version: rs.version, name: rs.name, sandbox: true, effectiveFrom: new Date(rs.effective_from).toISOString(), params: sandboxOf(LEGAL_DEFAULTS.tendering) } as RuleSnapshot;
  }, 60000);

  afterAll(() => t?.close());

  interface Setup {
    projectId: string;
    section: string;
    bidders: TestAccount[];
    bidIds: string[];
    experts: TestAccount[];
    drawId: string;
    unopenedDrawId: string;
    depositIds: string[];
  }

  /** A published sandbox tender, its section opened with these prices (yuan), five accepted experts and an opened draw. */
  async function opened(prices: string[]): Promise<Setup> {
    const code = `TEST-${randomBytes(4).toString('hex')}`;
    const [p] = await t.ds.query(
      `INSERT INTO trading_project (code, domain, name, region, owner_organisation_id, created_by, status, rule_kind, rule_set_id, rule_snapshot, published_at)
       VALUES ($1, 'tendering', '市第一人民医院新院区建设工程', '350102', $2, $3, 'published', 'sandbox', $4, $5, now()) RETURNING id`,
      [code, owner.organisationId, owner.id, snapshot.ruleSetId, JSON.stringify(snapshot)],
    );
    await t.ds.query(
      `INSERT INTO tender (project_id, kind, estimate_fen, evaluation_method, qualification, status, documents_available_at, bid_deadline, opened_at, data_key_wrapped)
       VALUES ($1, 'construction', 120000000, 'comprehensive', '建筑工程施工总承包二级及以上', 'opened', now() - interval '1 hour', now() - interval '10 minutes', now() - interval '10 minutes', '\\x00')`,
      [p.id],
    );
    const [s] = await t.ds.query(`INSERT INTO tender_section (project_id, no, name, estimate_fen, deposit_fen, status) VALUES ($1, 1, '一标段:主体结构', 120000000, 2000000, 'opened') RETURNING id`, [p.id]);
    const bidders: TestAccount[] = [];
    const bidIds: string[] = [];
    const depositIds: string[] = [];
    for (const [i, price] of prices.entries()) {
      const org = await t.organisation(`投标单位${'甲乙丙丁戊'[i]}建设有限公司-${code}`);
      const b = await t.account([Role.Bidder], { organisationId: org });
      bidders.push(b);
      await t.ds.query(`INSERT INTO tender_registration (project_id, organisation_id, registered_by) VALUES ($1, $2, $3)`, [p.id, org, b.id]);
      const [bid] = await t.ds.query(
        `INSERT INTO tender_bid (section_id, organisation_id, submitted_by, price_sealed, documents_sealed, file_name_sealed, documents_size, documents_sha256, bid_digest, submitted_at, price_fen, opened_at)
         VALUES ($1, $2, $3, '\\x01', '\\x02', '\\x03', 2048, repeat($4, 64), repeat('e', 64), now() - interval '2 hours' + $5 * interval '1 minute', $6, now() - interval '10 minutes') RETURNING id`,
        [s.id, org, b.id, 'abcd'[i], i, String(BigInt(price.replace('.', '')))],
      );
      bidIds.push(bid.id);
      const [d] = await t.ds.query(`INSERT INTO tender_deposit (section_id, organisation_id, method, reference, amount_fen, status, confirmed_at) VALUES ($1, $2, 'transfer', $3, 2000000, 'confirmed', now()) RETURNING id`, [s.id, org, `ZZ${code}${i}`]);
      depositIds.push(d.id);
    }
    const [ownerOrg] = await t.ds.query(`SELECT uscc FROM organisation WHERE id = $1`, [owner.organisationId]);
    const draw = async (revealed: boolean) =>
      (
        await t.ds.query(
          `INSERT INTO expert_draw (project_id, domain, owner_uscc, status, requirements, committee, context, session_start, session_end, algorithm, seed_sealed, seed_commitment, revealed_seed, opened_at)
           VALUES ($1, 'tendering', $2, $3, '[]', '{}', '{}', now() - interval '5 minutes', now() + interval '4 hours', 'yg-draw-v1', '\\x00', repeat('0', 64), $4, $5) RETURNING id`,
          [p.id, ownerOrg.uscc, revealed ? 'opened' : 'complete', revealed ? randomBytes(32).toString('hex') : null, revealed ? new Date() : null],
        )
      )[0].id as string;
    const drawId = await draw(true);
    const unopenedDrawId = await draw(false);
    const experts: TestAccount[] = [];
    for (let i = 0; i < 5; i++) {
      const a = await t.account([Role.Expert], { organisationId: null });
      const [expertId] = await insertExperts(t.ds, 1, { specialty: 'Y01', accountId: a.id });
      await t.ds.query(`INSERT INTO expert_draw_member (draw_id, expert_id, specialty_code, round, position, kind, status) VALUES ($1, $2, 'Y01', 0, $3, 'primary', 'accepted')`, [drawId, expertId, i]);
      experts.push(a);
    }
    // The outsider was drawn too, and declined: a declined member does not sit on the committee.
    const [outsiderExpert] = await t.ds.query(`SELECT id FROM expert WHERE account_id = $1`, [outsider.id]);
    await t.ds.query(`INSERT INTO expert_draw_member (draw_id, expert_id, specialty_code, round, position, kind, status, decline_reason) VALUES ($1, $2, 'Y01', 0, 5, 'primary', 'declined', '出差')`, [drawId, outsiderExpert.id]);
    return { projectId: p.id, section: `/tenders/${p.id}/sections/1`, bidders, bidIds, experts, drawId, unopenedDrawId, depositIds };
  }

  const technical = (points: number) => [points, points, points - 50];
  const tenderStatus = async (id: string) => (await t.ds.query(`SELECT status FROM tender WHERE project_id = $1`, [id]))[0].status as string;
  const sectionRow = async (id: string) => (await t.ds.query(`SELECT status, draw_id AS "drawId", reported_at AS "reportedAt", publicity_until AS "publicityUntil" FROM tender_section WHERE project_id = $1 AND no = 1`, [id]))[0];

  it('runs a section from the committee to the refunds, refusing whoever may not act', async () => {
    // 甲 1,000,000.00; 乙 980,000.00; 丙 990,000.00; 丁 900,000.00 (丁 will be rejected).
    const x = await opened(['1000000.00', '980000.00', '990000.00', '900000.00']);
    const [A, B, C, D] = x.bidIds;
    const [expert] = x.experts;

    // Before the evaluation nobody evaluates, not even a drawn expert.
    expect((await t.http.get(`${x.section}/evaluation/bids`, expert.token)).body.code).toBe('EVALUATION_NOT_YOURS');

    // The centre seats the committee, only with this project's draw whose session has started.
    const early = await t.http.post(`${x.section}/evaluation`, { drawId: x.unopenedDrawId }, centre.token);
    expect([early.status, early.body.code]).toEqual([409, 'DRAW_NOT_USABLE']);
    expect((await t.http.post(`${x.section}/evaluation`, { drawId: x.drawId }, owner.token)).status).toBe(403);
    const started = await t.http.post(`${x.section}/evaluation`, { drawId: x.drawId }, centre.token);
    expect(started.status).toBe(200);
    expect(started.body).toMatchObject({ no: 1, status: 'evaluating', drawId: x.drawId });
    expect(await tenderStatus(x.projectId)).toBe('evaluating');

    // Expert routes: only the seated experts; bidders and the centre are refused by role, a declined expert by seat.
    for (const token of [x.bidders[0].token, centre.token]) {
      const r = await t.http.get(`${x.section}/evaluation/bids`, token);
      expect([r.status, r.body.code]).toEqual([403, 'FORBIDDEN_ROLE']);
      expect((await t.http.put(`${x.section}/evaluation/bids/${A}/score`, { technical: technical(900), business: [400, 400] }, token)).status).toBe(403);
    }
    const notSeated = await t.http.get(`${x.section}/evaluation/bids`, outsider.token);
    expect([notSeated.status, notSeated.body.code]).toEqual([403, 'EVALUATION_NOT_YOURS']);
    expect((await t.http.put(`${x.section}/evaluation/bids/${A}/score`, { technical: technical(900), business: [400, 400] }, outsider.token)).body.code).toBe('EVALUATION_NOT_YOURS');
    expect((await t.http.post(`${x.section}/evaluation/report`, {}, outsider.token)).body.code).toBe('EVALUATION_NOT_YOURS');

    const listed = await t.http.get(`${x.section}/evaluation/bids`, expert.token);
    expect(listed.status).toBe(200);
    expect(listed.body.method).toBe('comprehensive');
    expect(listed.body.criteria.technical.map((c: { zh: string; max: number }) => [c.zh, c.max])).toEqual([
      ['施工组织设计', 1000],
      ['项目管理机构', 1000],
      ['质量安全措施', 1000],
    ]);
    expect(listed.body.criteria.business.map((c: { zh: string; max: number }) => [c.zh, c.max])).toEqual([
      ['企业业绩', 500],
      ['信用评价', 500],
    ]);
    expect(listed.body.bids.map((b: { bidId: string; price: string }) => [b.bidId, b.price])).toEqual([
      [A, '1000000.00'],
      [B, '980000.00'],
      [C, '990000.00'],
      [D, '900000.00'],
    ]);
    expect(listed.body.bids[0]).toMatchObject({ documentsSha256: 'a'.repeat(64), documentsSize: 2048, myScore: null });
    expect(listed.body.bids[0].bidderName).toContain('投标单位甲');

    // Out of range: 422 with the reason, and nothing written.
    const before = await t.snapshot();
    const bad = await t.http.put(`${x.section}/evaluation/bids/${A}/score`, { technical: [1001, 0, 0], business: [400, 400] }, expert.token);
    expect([bad.status, bad.body.code]).toEqual([422, 'SCORES_INVALID']);
    expect(JSON.stringify(bad.body)).toContain('施工组织设计');
    const short = await t.http.put(`${x.section}/evaluation/bids/${A}/score`, { technical: [100, 100], business: [400, 400] }, expert.token);
    expect([short.status, short.body.code]).toEqual([422, 'SCORES_INVALID']);
    const adjusted = await t.http.put(`${x.section}/evaluation/bids/${A}/score`, { technical: technical(800), business: [400, 400], adjustment: '-1000.00' }, expert.token);
    expect([adjusted.status, adjusted.body.code]).toEqual([422, 'SCORES_INVALID']);
    expect((await t.http.put(`${x.section}/evaluation/bids/${A}/score`, { technical: [1, 2, 'x'], business: [] }, expert.token)).status).toBe(400);
    expect(await t.snapshot()).toEqual(before);

    // Not everyone has scored: the report waits and says who is missing what, by library id only.
    const incomplete = await t.http.post(`${x.section}/evaluation/report`, {}, expert.token);
    expect([incomplete.status, incomplete.body.code]).toEqual([409, 'SCORES_INCOMPLETE']);
    expect(incomplete.body.details.missing).toHaveLength(5);
    expect(JSON.stringify(incomplete.body)).not.toMatch(/专家\d+号/);

    // Everyone scores everything; three of five reject 丁 with reasons. 丙 leads on technical, 甲 next, 乙 last.
    const points: Record<string, number> = { [A]: 800, [B]: 700, [C]: 950, [D]: 500 };
    for (const [i, e] of x.experts.entries()) {
      for (const bidId of x.bidIds) {
        const body: Record<string, unknown> = { technical: technical(points[bidId]), business: [400, 400] };
        if (bidId === D && i < 3) body.disqualifyReason = `项目经理不具备注册建造师资格(专家意见 ${i + 1})`;
        const r = await t.http.put(`${x.section}/evaluation/bids/${bidId}/score`, body, e.token);
        expect(r.status).toBe(200);
      }
    }
    // A rescore replaces the earlier one.
    const rescored = await t.http.put(`${x.section}/evaluation/bids/${A}/score`, { technical: technical(800), business: [450, 400] }, expert.token);
    expect(rescored.body).toMatchObject({ bidId: A, business: [450, 400], adjustment: '0.00', disqualifyReason: null });
    expect(Number((await t.ds.query(`SELECT count(*) FROM tender_score WHERE bid_id = ANY($1)`, [x.bidIds]))[0].count)).toBe(20);

    const report = await t.http.post(`${x.section}/evaluation/report`, {}, x.experts[4].token);
    expect(report.status).toBe(201);
    expect(report.body.disqualified).toEqual([{ bidId: D, bidderName: expect.stringContaining('投标单位丁'), votes: 3, reasons: expect.arrayContaining(['项目经理不具备注册建造师资格(专家意见 1)']) }]);
    expect(report.body.disqualified[0].reasons).toHaveLength(3);
    // benchmark = (1,000,000 + 980,000 + 990,000) / 3 × 97 % (fewer than 5 valid bids: nothing trimmed)
    expect(report.body.benchmark).toBe('960300.00');
    expect(report.body.candidates.map((c: { rank: number; bidId: string; price: string }) => [c.rank, c.bidId, c.price])).toEqual([
      [1, C, '990000.00'],
      [2, A, '1000000.00'],
      [3, B, '980000.00'],
    ]);
    expect(report.body.bids.find((b: { bidId: string }) => b.bidId === D)).toMatchObject({ disqualified: true, rank: null });
    expect((await sectionRow(x.projectId)).reportedAt).not.toBeNull();
    expect((await t.http.post(`${x.section}/evaluation/report`, {}, expert.token)).body.code).toBe('TENDER_STATE_CONFLICT');
    expect((await t.http.put(`${x.section}/evaluation/bids/${A}/score`, { technical: technical(100), business: [0, 0] }, expert.token)).body.code).toBe('TENDER_STATE_CONFLICT');

    // Nothing public before the publicity.
    expect((await t.http.get(`/public/tenders/${x.projectId}/results`)).body.sections[0].candidates).toEqual([]);

    // Publicity: the owner or agent only; registered bidders are told.
    expect((await t.http.post(`${x.section}/publicity`, {}, x.bidders[0].token)).status).toBe(403);
    const otherOwner = await t.account([Role.Owner]);
    expect((await t.http.post(`${x.section}/publicity`, {}, otherOwner.token)).body.code).toBe('TENDER_NOT_YOURS');
    const published = await t.http.post(`${x.section}/publicity`, {}, owner.token);
    expect(published.status).toBe(200);
    expect(published.body.status).toBe('publicity');
    expect(await tenderStatus(x.projectId)).toBe('publicity');
    const told = await t.ds.query(`SELECT recipient_id FROM notification_outbox WHERE template = 'tendering.candidates_published' AND params->>'projectId' = $1`, [x.projectId]);
    expect(told.map((r: { recipient_id: string }) => r.recipient_id).sort()).toEqual(x.bidders.map((b) => b.organisationId).sort());
    const publicDuring = await t.http.get(`/public/tenders/${x.projectId}/results`);
    expect(publicDuring.status).toBe(200);
    expect(publicDuring.body.sections[0].candidates.map((c: { rank: number; price: string }) => [c.rank, c.price])).toEqual([
      [1, '990000.00'],
      [2, '1000000.00'],
      [3, '980000.00'],
    ]);
    expect(publicDuring.body.sections[0].award).toBeNull();

    // No award while the publicity runs.
    const tooEarly = await t.http.post(`${x.section}/award`, {}, owner.token);
    expect([tooEarly.status, tooEarly.body.code]).toEqual([409, 'AWARD_PAUSED']);

    // 乙 objects during the publicity; someone who did not bid on the section may not.
    const objection = await t.http.post(`${x.section}/objections`, { content: '第一名投标人的项目经理同时在其他在建项目任职。' }, x.bidders[1].token);
    expect(objection.status).toBe(201);
    expect(objection.body).toMatchObject({ stage: 'publicity', mine: true, reply: null });
    expect(objection.body.replyDue).not.toBeNull();
    expect((await t.http.post(`${x.section}/objections`, { content: '异议' }, stranger.token)).body.code).toBe('NOT_SECTION_BIDDER');
    // Who objected: the parties and supervisors see it, another bidder does not.
    const seenByOwner = await t.http.get(`${x.section}/objections`, owner.token);
    expect(seenByOwner.body[0].organisationName).toContain('投标单位乙');
    expect((await t.http.get(`${x.section}/objections`, office.token)).body[0].organisationName).toContain('投标单位乙');
    const seenByOther = await t.http.get(`${x.section}/objections`, x.bidders[0].token);
    expect(seenByOther.body[0]).toMatchObject({ organisationName: null, mine: false });
    expect((await t.http.get(`${x.section}/objections`, stranger.token)).body.code).toBe('NOT_SECTION_BIDDER');

    // The sandbox publicity (3 d → 9 s) ends; the unanswered objection still holds the award.
    const until = new Date(published.body.publicityUntil).getTime();
    await waitFor(async () => Date.now() > until + 200, 20000, 'the publicity to end');
    const held = await t.http.post(`${x.section}/award`, {}, owner.token);
    expect([held.status, held.body.code]).toEqual([409, 'AWARD_PAUSED']);
    expect(held.body.details.unansweredObjections).toHaveLength(1);
    const late = await t.http.post(`${x.section}/objections`, { content: '补充异议' }, x.bidders[2].token);
    expect([late.status, late.body.code]).toEqual([409, 'OBJECTION_WINDOW_CLOSED']);

    // Replies: publicity objections only, once.
    const [opening] = await t.ds.query(`INSERT INTO tender_objection (project_id, stage, organisation_id, content) VALUES ($1, 'opening', $2, '唱标价格有误') RETURNING id`, [x.projectId, x.bidders[3].organisationId]);
    const openingReply = await t.http.post(`/tenders/${x.projectId}/objections/${opening.id}/reply`, { reply: '已当场答复' }, owner.token);
    expect([openingReply.status, openingReply.body.code]).toEqual([409, 'TENDER_STATE_CONFLICT']);
    expect((await t.http.post(`/tenders/${x.projectId}/objections/${objection.body.id}/reply`, { reply: '不成立' }, x.bidders[0].token)).status).toBe(403);
    const replied = await t.http.post(`/tenders/${x.projectId}/objections/${objection.body.id}/reply`, { reply: '经核查,该项目经理已办理变更,异议不成立。' }, owner.token);
    expect(replied.status).toBe(200);
    expect(replied.body.repliedAt).not.toBeNull();
    expect((await t.http.post(`/tenders/${x.projectId}/objections/${objection.body.id}/reply`, { reply: '再次答复' }, owner.token)).body.code).toBe('OBJECTION_ALREADY_ANSWERED');

    // The award: a withdrawn bid must be a candidate; the first candidate wins.
    expect((await t.http.post(`${x.section}/award`, { withdrawn: [D] }, owner.token)).body.code).toBe('WITHDRAWN_NOT_CANDIDATE');
    const awarded = await t.http.post(`${x.section}/award`, {}, owner.token);
    expect(awarded.status).toBe(201);
    expect(awarded.body).toMatchObject({ no: 1, bidId: C, price: '990000.00', contractSignedAt: null });
    expect(awarded.body.winner).toContain('投标单位丙');
    expect(await tenderStatus(x.projectId)).toBe('awarded');
    expect((await t.http.post(`${x.section}/award`, {}, owner.token)).body.code).toBe('TENDER_STATE_CONFLICT');
    const notices = await t.ds.query(`SELECT template, recipient_id FROM notification_outbox WHERE template IN ('tendering.award_notice', 'tendering.award_result') AND params->>'projectId' = $1 ORDER BY template`, [x.projectId]);
    expect(notices.filter((n: { template: string }) => n.template === 'tendering.award_notice').map((n: { recipient_id: string }) => n.recipient_id)).toEqual([x.bidders[2].organisationId]);
    expect(notices.filter((n: { template: string }) => n.template === 'tendering.award_result')).toHaveLength(3);

    const result = await t.http.get(`/public/tenders/${x.projectId}/results`);
    expect(result.body.status).toBe('awarded');
    expect(result.body.sections[0]).toMatchObject({ status: 'awarded', award: { price: '990000.00' } });
    expect(result.body.sections[0].award.winner).toContain('投标单位丙');
    const text = JSON.stringify(result.body);
    expect(text).not.toMatch(/专家\d+号|expertId/);
    expect(text).not.toContain('technical');
    expect(text).not.toContain(D);

    // The contract, then the deposits fall due and the centre refunds them.
    expect((await t.http.post(`${x.section}/contract`, { amount: '990000.00', signedAt: new Date(Date.now() + 86_400_000).toISOString() }, owner.token)).body.code).toBe('CONTRACT_INVALID');
    const contract = await t.http.post(`${x.section}/contract`, { amount: '990000.00' }, owner.token);
    expect(contract.status).toBe(200);
    expect(contract.body).toMatchObject({ contractAmount: '990000.00' });
    expect(contract.body.contractSignedAt).not.toBeNull();
    const due = await t.ds.query(`SELECT refund_due FROM tender_deposit WHERE id = ANY($1)`, [x.depositIds]);
    expect(due.every((d: { refund_due: Date | null }) => d.refund_due !== null)).toBe(true);
    expect((await t.http.post(`${x.section}/contract`, { amount: '990000.00' }, owner.token)).body.code).toBe('TENDER_STATE_CONFLICT');

    expect((await t.http.post(`/tenders/deposits/${x.depositIds[0]}/refund`, { reference: 'TK2026120100001' }, owner.token)).status).toBe(403);
    const refunded = await t.http.post(`/tenders/deposits/${x.depositIds[0]}/refund`, { reference: 'TK2026120100001' }, centre.token);
    expect(refunded.status).toBe(200);
    expect(refunded.body).toMatchObject({ id: x.depositIds[0], status: 'refunded', amount: '20000.00' });
    expect(refunded.body.refundedAt).not.toBeNull();
    const again = await t.http.post(`/tenders/deposits/${x.depositIds[0]}/refund`, { reference: 'TK2026120100001' }, centre.token);
    expect([again.status, again.body.code]).toEqual([409, 'DEPOSIT_STATE_CONFLICT']);

    const actions = (await t.ds.query(`SELECT action FROM audit_event WHERE subject_type = 'tender' AND subject_id = $1 ORDER BY id`, [x.projectId])).map((r: { action: string }) => r.action);
    expect(actions.filter((a: string) => a !== 'tender.scored')).toEqual([
      'tender.evaluation_started',
      'tender.reported',
      'tender.candidates_published',
      'tender.objection_raised',
      'tender.objection_answered',
      'tender.awarded',
      'tender.contract_signed',
      'tender.deposit_refunded',
    ]);
    expect(actions.filter((a: string) => a === 'tender.scored')).toHaveLength(21);
  }, 90000);

  it('fails the section when the committee rejects every bid, and its deposits fall due', async () => {
    const x = await opened(['500000.00', '510000.00', '520000.00']);
    expect((await t.http.post(`${x.section}/evaluation`, { drawId: x.drawId }, centre.token)).status).toBe(200);
    for (const e of x.experts) {
      for (const bidId of x.bidIds) {
        expect((await t.http.put(`${x.section}/evaluation/bids/${bidId}/score`, { technical: technical(300), business: [100, 100], disqualifyReason: '未按招标文件要求提交投标保证金' }, e.token)).status).toBe(200);
      }
    }
    const report = await t.http.post(`${x.section}/evaluation/report`, {}, x.experts[0].token);
    expect(report.status).toBe(201);
    expect(report.body).toMatchObject({ status: 'failed', candidates: [], benchmark: null });
    expect(report.body.disqualified).toHaveLength(3);
    expect((await sectionRow(x.projectId)).status).toBe('failed');
    const due = await t.ds.query(`SELECT refund_due FROM tender_deposit WHERE id = ANY($1)`, [x.depositIds]);
    expect(due.every((d: { refund_due: Date | null }) => d.refund_due !== null)).toBe(true);
    expect((await t.http.post(`${x.section}/publicity`, {}, owner.token)).body.code).toBe('TENDER_STATE_CONFLICT');
    expect((await t.http.get(`/public/tenders/${x.projectId}/results`)).body.sections[0]).toMatchObject({ status: 'failed', candidates: [], award: null });
  }, 60000);
});
