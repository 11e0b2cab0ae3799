import { Role, TradingDomain } from '@app/platform/auth/roles';
import { openedSection, OpenedSection } from '../../support/evaluation-fixtures';
import { startTestApp, TestAccount, TestApp } from '../../support/test-app';
import { waitFor } from '../../support/worker-process';

// 条例 53: the report read back by the committee, the parties and the supervisors; every member signs, a dissent in
// writing; the award and its contract read back by the parties. Opened sections are set up as evaluation.spec.ts does.
describe('the evaluation report on record: reading, signatures, the award', () => {
  let t: TestApp;
  let centre: TestAccount;
  let office: TestAccount;
  let regulator: TestAccount;
  let landRegulator: TestAccount;
  let owner: TestAccount;
  let otherOwner: TestAccount;
  let committee: TestAccount;
  let outsider: TestAccount;

  beforeAll(async () => {
    t = await startTestApp('tender-report-signatures');
    centre = await t.account([Role.Centre]);
    office = await t.account([Role.Office]);
    regulator = await t.account([{ role: Role.Regulator, domain: TradingDomain.Tendering }]);
    landRegulator = await t.account([{ role: Role.Regulator, domain: TradingDomain.Land }]);
    owner = await t.account([Role.Owner]);
    otherOwner = await t.account([Role.Owner]);
    committee = await t.account([Role.Committee]);
    outsider = await t.account([Role.Expert], { organisationId: null });
  }, 60000);

  afterAll(() => t?.close());

  const criteria = async (x: OpenedSection) => (await t.http.get(`${x.section}/evaluation/bids`, x.experts[0].token)).body.criteria as { technical: { max: number }[]; business: { max: number }[] };

  /** Seated, every member scores every bid (the last bid rejected by `rejecting` members), one member makes the report. */
  async function reported(x: OpenedSection, rejecting: number): Promise<void> {
    expect((await t.http.post(`${x.section}/evaluation`, { drawId: x.drawId }, centre.token)).status).toBe(200);
    const c = await criteria(x);
    for (const [i, e] of x.experts.entries()) {
      for (const [j, bidId] of x.bidIds.entries()) {
        const body: Record<string, unknown> = { technical: c.technical.map((k) => Math.round(k.max * (0.9 - j * 0.1))), business: c.business.map((k) => Math.round(k.max * 0.8)) };
        if (j === x.bidIds.length - 1 && i < rejecting) body.disqualifyReason = '投标文件未按要求加盖投标人公章';
        expect((await t.http.put(`${x.section}/evaluation/bids/${bidId}/score`, body, e.token)).status).toBe(200);
      }
    }
    expect((await t.http.post(`${x.section}/evaluation/report`, {}, x.experts[0].token)).status).toBe(201);
  }

  const signatureRows = async (projectId: string) =>
    Number((await t.ds.query(`SELECT count(*)::int AS n FROM tender_report_signature WHERE section_id IN (SELECT id FROM tender_section WHERE project_id = $1)`, [projectId]))[0].n);

  it('lets the committee, the parties and the supervisors read the report once made, and nobody else', async () => {
    const x = await openedSection(t, owner, ['1000000.00', '980000.00', '990000.00']);
    // Before the report: the committee's own members hear that it is not made yet; nothing to sign.
    expect((await t.http.post(`${x.section}/evaluation`, { drawId: x.drawId }, centre.token)).status).toBe(200);
    for (const token of [x.experts[0].token, owner.token, office.token]) {
      const r = await t.http.get(`${x.section}/evaluation/report`, token);
      expect([r.status, r.body.code]).toEqual([409, 'REPORT_NOT_READY']);
      expect(r.body.message.zh).toContain('尚未形成评标报告');
    }
    const early = await t.http.post(`${x.section}/evaluation/report/signature`, {}, x.experts[0].token);
    expect([early.status, early.body.code]).toEqual([409, 'REPORT_NOT_READY']);
    expect(await signatureRows(x.projectId)).toBe(0);

    // The section is reported (one member's 否决 alone does not reject: 3 of 5 would be needed).
    const c = await criteria(x);
    for (const [i, e] of x.experts.entries()) {
      for (const [j, bidId] of x.bidIds.entries()) {
        const body: Record<string, unknown> = { technical: c.technical.map((k) => Math.round(k.max * (0.9 - j * 0.1))), business: c.business.map((k) => Math.round(k.max * 0.8)) };
        if (j === 2 && i === 0) body.disqualifyReason = '投标文件未按要求加盖投标人公章';
        expect((await t.http.put(`${x.section}/evaluation/bids/${bidId}/score`, body, e.token)).status).toBe(200);
      }
    }
    const made = await t.http.post(`${x.section}/evaluation/report`, {}, x.experts[0].token);
    expect(made.status).toBe(201);

    const [expertSeats] = await t.ds.query(`SELECT array_agg(e.id::text ORDER BY e.id) AS ids FROM expert e WHERE e.account_id = ANY($1)`, [x.experts.map((e) => e.id)]);
    const mine = await t.http.get(`${x.section}/evaluation/report`, x.experts[1].token);
    expect(mine.status).toBe(200);
    expect(mine.body).toMatchObject({ no: 1, name: '一标段:教学楼主体', status: 'evaluating', method: 'comprehensive', committee: 5, signatures: [], canSign: true });
    expect(expertSeats.ids).toContain(mine.body.seat);
    expect(mine.body.candidates.map((cd: { bidId: string }) => cd.bidId)).toEqual(made.body.candidates.map((cd: { bidId: string }) => cd.bidId));
    expect(mine.body.disqualified).toEqual([]);
    const rejected = mine.body.bids.find((b: { bidId: string }) => b.bidId === x.bidIds[2]);
    expect(rejected.experts.filter((e: { disqualifyReason: string | null }) => e.disqualifyReason)).toHaveLength(1);
    // library ids only, never an expert's name
    expect(JSON.stringify(mine.body)).not.toMatch(/专家\d+号/);

    for (const token of [owner.token, office.token, regulator.token]) {
      const r = await t.http.get(`${x.section}/evaluation/report`, token);
      expect(r.status).toBe(200);
      expect(r.body).toMatchObject({ seat: null, canSign: false, committee: 5 });
      expect(r.body.candidates).toEqual(made.body.candidates);
    }
    const refusals: [TestAccount | null, number, string | undefined][] = [
      [landRegulator, 403, 'PROJECT_NOT_IN_SCOPE'],
      [outsider, 403, 'EVALUATION_NOT_YOURS'],
      [otherOwner, 403, 'TENDER_NOT_YOURS'],
      [x.bidders[0], 403, 'FORBIDDEN_ROLE'],
      [centre, 403, 'FORBIDDEN_ROLE'],
      [committee, 403, 'FORBIDDEN_ROLE'],
      [null, 401, undefined],
    ];
    for (const [who, status, code] of refusals) {
      const r = await t.http.get(`${x.section}/evaluation/report`, who?.token);
      expect([r.status, r.body.code]).toEqual([status, code ?? r.body.code]);
      expect(JSON.stringify(r.body)).not.toContain('candidates');
    }
    expect((await t.http.get(`/tenders/${x.projectId}/sections/9/evaluation/report`, owner.token)).body.code).toBe('SECTION_NOT_FOUND');
    expect((await t.http.get(`/tenders/not-a-uuid/sections/1/evaluation/report`, owner.token)).status).toBe(400);
  }, 90000);

  it('takes each member’s signature once, with a written dissent, tells the parties when all have signed, and refuses the rest', async () => {
    const x = await openedSection(t, owner, ['1000000.00', '980000.00', '990000.00']);
    await reported(x, 0);
    const sign = (who: TestAccount | null, body: unknown) => t.http.post(`${x.section}/evaluation/report/signature`, body, who?.token);

    // Bad input and the wrong people change nothing.
    const before = await t.snapshot();
    for (const body of [{ dissent: '' }, { dissent: 42 }, { dissent: 'x'.repeat(4001) }, { agree: true }]) {
      const r = await sign(x.experts[1], body);
      expect(r.status).toBe(400);
    }
    for (const [who, status, code] of [[owner, 403, 'FORBIDDEN_ROLE'], [office, 403, 'FORBIDDEN_ROLE'], [centre, 403, 'FORBIDDEN_ROLE'], [outsider, 403, 'EVALUATION_NOT_YOURS'], [null, 401, undefined]] as const) {
      const r = await sign(who, {});
      expect([r.status, r.body.code]).toEqual([status, code ?? r.body.code]);
    }
    expect(await t.snapshot()).toEqual(before);

    // A member signs with a dissent; the second signature of the same member is refused and changes nothing.
    const dissent = '乙投标人技术方案工期安排偏紧,对其排名持保留意见。';
    const first = await sign(x.experts[1], { dissent });
    expect(first.status).toBe(201);
    expect(first.body.signatures).toEqual([{ expertId: first.body.seat, mine: true, signedAt: expect.any(String), dissent }]);
    expect(first.body.canSign).toBe(false);
    const unchanged = await t.snapshot();
    const twice = await sign(x.experts[1], {});
    expect([twice.status, twice.body.code]).toEqual([409, 'REPORT_ALREADY_SIGNED']);
    expect(twice.body.message.zh).toContain('已在评标报告上签字');
    expect(await t.snapshot()).toEqual(unchanged);
    // Another member sees the signature as not its own.
    const seen = (await t.http.get(`${x.section}/evaluation/report`, x.experts[2].token)).body;
    expect(seen.signatures).toEqual([expect.objectContaining({ mine: false, dissent })]);
    expect(seen.canSign).toBe(true);

    // The others sign; at the last signature the owner is told, with the number of dissents.
    for (const e of [x.experts[0], x.experts[2], x.experts[3]]) expect((await sign(e, {})).status).toBe(201);
    const told = () => t.ds.query(`SELECT params FROM notification_outbox WHERE template = 'tendering.report_signed' AND params->>'projectId' = $1`, [x.projectId]);
    expect(await told()).toEqual([]);
    const last = await sign(x.experts[4], {});
    expect(last.status).toBe(201);
    expect(last.body.signatures).toHaveLength(5);
    expect(await told()).toEqual([{ params: expect.objectContaining({ section: 1, dissents: 1 }) }]);
    const audit = await t.ds.query(`SELECT payload FROM audit_event WHERE action = 'tender.report_signed' AND subject_id = $1 ORDER BY id`, [x.projectId]);
    expect(audit).toHaveLength(5);
    expect(audit[0].payload).toMatchObject({ section: 1, dissent, signed: 1, committee: 5, complete: false });
    expect(audit[4].payload).toMatchObject({ signed: 5, complete: true });

    // The owner reads the signatures; the publicity records them all signed.
    const read = (await t.http.get(`${x.section}/evaluation/report`, owner.token)).body;
    expect(read.signatures.map((s: { mine: boolean }) => s.mine)).toEqual([false, false, false, false, false]);
    expect((await t.http.post(`${x.section}/publicity`, {}, owner.token)).status).toBe(200);
    const [published] = await t.ds.query(`SELECT payload FROM audit_event WHERE action = 'tender.candidates_published' AND subject_id = $1`, [x.projectId]);
    expect(published.payload.signatures).toEqual({ signed: 5, committee: 5 });
    // After the publicity a member still reads the report.
    expect((await t.http.get(`${x.section}/evaluation/report`, x.experts[3].token)).body).toMatchObject({ status: 'publicity', canSign: false });
  }, 90000);

  it('does not hold the publicity for a missing signature, closes the report then, and reads the award and contract back', async () => {
    const x = await openedSection(t, owner, ['1000000.00', '980000.00', '990000.00']);
    await reported(x, 0);
    for (const e of x.experts.slice(0, 4)) expect((await t.http.post(`${x.section}/evaluation/report/signature`, {}, e.token)).status).toBe(201);
    expect((await t.http.post(`${x.section}/publicity`, {}, owner.token)).status).toBe(200);
    const [published] = await t.ds.query(`SELECT payload FROM audit_event WHERE action = 'tender.candidates_published' AND subject_id = $1`, [x.projectId]);
    expect(published.payload.signatures).toEqual({ signed: 4, committee: 5 });
    const before = await t.snapshot();
    const late = await t.http.post(`${x.section}/evaluation/report/signature`, {}, x.experts[4].token);
    expect([late.status, late.body.code]).toEqual([409, 'REPORT_CLOSED']);
    expect(late.body.message.zh).toContain('已公示');
    expect(await t.snapshot()).toEqual(before);

    // The award: not before it is made; then to the parties and supervisors only.
    const none = await t.http.get(`${x.section}/award`, owner.token);
    expect([none.status, none.body.code]).toEqual([404, 'AWARD_NOT_FOUND']);
    const until = new Date((await t.http.get(`/public/tenders/${x.projectId}/results`)).body.sections[0].publicityUntil).getTime();
    await waitFor(async () => Date.now() > until + 200, 30000, 'the publicity to end');
    const award = await t.http.post(`${x.section}/award`, {}, owner.token);
    expect(award.status).toBe(201);
    expect((await t.http.post(`${x.section}/contract`, { amount: '989000.00' }, owner.token)).status).toBe(200);
    for (const who of [owner, office, regulator]) {
      const r = await t.http.get(`${x.section}/award`, who.token);
      expect(r.status).toBe(200);
      expect(r.body).toMatchObject({ no: 1, bidId: award.body.bidId, winner: award.body.winner, price: award.body.price, contractAmount: '989000.00', contractSignedAt: expect.any(String) });
    }
    for (const [who, status, code] of [[otherOwner, 403, 'TENDER_NOT_YOURS'], [landRegulator, 403, 'PROJECT_NOT_IN_SCOPE'], [x.bidders[0], 403, 'FORBIDDEN_ROLE'], [x.experts[0], 403, 'FORBIDDEN_ROLE'], [centre, 403, 'FORBIDDEN_ROLE'], [null, 401, undefined]] as const) {
      const r = await t.http.get(`${x.section}/award`, who?.token);
      expect([r.status, r.body.code]).toEqual([status, code ?? r.body.code]);
    }
  }, 90000);

  it('a suspended project takes no signature', async () => {
    const x = await openedSection(t, owner, ['1000000.00', '980000.00', '990000.00']);
    await reported(x, 0);
    expect((await t.http.post(`/projects/${x.projectId}/suspend`, { reason: '接到投诉,暂停以便调查' }, office.token)).status).toBe(200);
    const before = await t.snapshot();
    const r = await t.http.post(`${x.section}/evaluation/report/signature`, { dissent: '不同意' }, x.experts[0].token);
    expect([r.status, r.body.code]).toEqual([409, 'PROJECT_SUSPENDED']);
    expect(await t.snapshot()).toEqual(before);
    // reading stays open to the parties while it is suspended
    expect((await t.http.get(`${x.section}/evaluation/report`, owner.token)).status).toBe(200);
    expect((await t.http.post(`/projects/${x.projectId}/resume`, { note: '调查结束' }, office.token)).status).toBe(200);
    expect((await t.http.post(`${x.section}/evaluation/report/signature`, {}, x.experts[0].token)).status).toBe(201);
  }, 90000);
});
