import { Role, TradingDomain } from '@app/platform/auth/roles';
import { fastTenderingRules, postForm } from '../../support/tender-fixtures';
import { startTestApp, TestAccount, TestApp } from '../../support/test-app';
import { startWorker, waitFor, WorkerProcess } from '../../support/worker-process';

// 招标文件异议 (条例 22) through HTTP on the sandbox rules: 15 s stands for the 10 days before the deadline, 40 s for
// the owner's 3 days to reply. The numbers come from the project's snapshot, never from the code.
describe('objections to the tender documents', () => {
  let t: TestApp;
  let worker: WorkerProcess;
  let centre: string;
  let office: string;
  let regulator: string;
  let owner: TestAccount;
  let agent: TestAccount;
  let objector: TestAccount;
  let other: TestAccount;
  let outsider: TestAccount;

  beforeAll(async () => {
    t = await startTestApp('tender-document-objections');
    worker = await startWorker({ DATABASE_URL: t.databaseUrl, REDIS_PREFIX: t.redisPrefix, MILESTONE_RECONCILE_MS: '1000' });
    centre = (await t.account([Role.Centre])).token;
    office = (await t.account([Role.Office])).token;
    regulator = (await t.account([{ role: Role.Regulator, domain: TradingDomain.Tendering }])).token;
    owner = await t.account([Role.Owner]);
    agent = await t.account([Role.Agent]);
    objector = await t.account([Role.Bidder]);
    other = await t.account([Role.Bidder]);
    outsider = await t.account([Role.Bidder]);
    const committee = (await t.account([Role.Committee])).token;
    await fastTenderingRules(t, committee, { bidPreparation: 5, clarificationBeforeDeadline: 6, objectionBeforeDeadline: 15, objectionReply: 40 });
  }, 60000);

  afterAll(async () => {
    await worker?.stop();
    await t?.close();
  });

  const inSeconds = (s: number) => new Date(Date.now() + s * 1000).toISOString();
  /** Registered by the agent, accepted, documents uploaded, announced with a deadline `seconds` away; two bidders registered. */
  const announced = async (seconds: number): Promise<string> => {
    const reg = await t.http.post(
      '/tenders',
      { name: '滨江路排水改造工程', kind: 'construction', region: '350102', qualification: '市政公用工程施工总承包二级', evaluationMethod: 'comprehensive', sections: [{ name: '一标段', estimate: '5000000.00', deposit: '100000.00' }], ownerOrganisationId: owner.organisationId, ruleSet: 'sandbox' },
      agent.token,
    );
    expect(reg.status).toBe(201);
    const id = reg.body.id;
    expect((await t.http.post(`/tenders/${id}/accept`, {}, centre)).status).toBe(200);
    expect((await postForm(t, `/tenders/${id}/documents`, agent.token, {}, { name: '招标文件.pdf', content: Buffer.from('%PDF 招标文件') })).status).toBe(201);
    expect((await t.http.post(`/tenders/${id}/announce`, { bidDeadline: inSeconds(seconds) }, centre)).status).toBe(200);
    for (const b of [objector, other]) expect((await t.http.post(`/tenders/${id}/registrations`, {}, b.token)).status).toBe(200);
    return id;
  };
  const objections = (id: string) => t.ds.query(`SELECT id, stage, organisation_id, handle, content, reply, replied_at, reply_due FROM tender_objection WHERE project_id = $1 ORDER BY raised_at`, [id]);
  const outbox = (id: string) => t.ds.query(`SELECT recipient_id, template, params FROM notification_outbox WHERE params->>'projectId' = $1 ORDER BY created_at, id`, [id]);
  const tenderRow = (id: string) => t.ds.query(`SELECT status, bid_deadline, deadline_milestone_id, opened_at FROM tender WHERE project_id = $1`, [id]).then((r) => r[0]);
  const changeable = async (id: string) => ({ objections: await objections(id), outbox: await outbox(id), tender: await tenderRow(id) });

  it('takes a registered bidder’s objection, shows the owner a pseudonym and the centre and supervisors the objector, and tells every bidder the reply', async () => {
    const id = await announced(3600);
    const raised = await t.http.post(`/tenders/${id}/objections`, { content: '资格条件要求本市业绩,排斥外地投标人' }, objector.token);
    expect(raised.status).toBe(201);
    expect(raised.body).toMatchObject({ stage: 'documents', mine: true, handle: '异议人 1', content: '资格条件要求本市业绩,排斥外地投标人', reply: null });
    const [row] = await objections(id);
    const [{ now }] = await t.ds.query(`SELECT now() AS now`);
    // replies due the rule's 40 s after the server received it
    expect(Math.abs(new Date(row.reply_due).getTime() - (new Date(raised.body.raisedAt).getTime() + 40_000))).toBeLessThan(1000);
    expect(new Date(row.reply_due).getTime()).toBeGreaterThan(new Date(now).getTime());

    // the owner and agent are told, without the objector's name
    const told = (await outbox(id)).filter((n: { template: string }) => n.template === 'tender.document_objection_raised');
    expect(told.map((n: { recipient_id: string }) => n.recipient_id).sort()).toEqual([owner.organisationId, agent.organisationId].sort());
    expect(JSON.stringify(told)).not.toContain(objector.organisationId);

    // who sees what before the reply
    const asOwner = (await t.http.get(`/tenders/${id}/objections`, owner.token)).body;
    expect(asOwner).toEqual([expect.objectContaining({ handle: '异议人 1', organisationName: null, mine: false, content: '资格条件要求本市业绩,排斥外地投标人' })]);
    for (const who of [centre, office, regulator]) {
      const seen = (await t.http.get(`/tenders/${id}/objections`, who)).body;
      expect(seen).toEqual([expect.objectContaining({ handle: '异议人 1', organisationName: expect.stringContaining('测试单位') })]);
    }
    expect((await t.http.get(`/tenders/${id}/objections`, other.token)).body).toEqual([]);
    expect((await t.http.get(`/tenders/${id}/objections`, objector.token)).body).toEqual([expect.objectContaining({ mine: true, handle: '异议人 1' })]);
    expect((await t.http.get(`/tenders/${id}/objections`, outsider.token)).body.code).toBe('NOT_REGISTERED_BIDDER');

    // a second objection of the same bidder keeps its pseudonym; another bidder gets the next one
    expect((await t.http.post(`/tenders/${id}/objections`, { content: '工期要求不合理' }, objector.token)).body.handle).toBe('异议人 1');
    const second = await t.http.post(`/tenders/${id}/objections`, { content: '评分标准中技术分设置不明确' }, other.token);
    expect(second.body.handle).toBe('异议人 2');

    // only the project's owner or agent replies
    const before = await changeable(id);
    const notYours = await t.http.post(`/tenders/${id}/objections/${raised.body.id}/reply`, { reply: 'x' }, (await t.account([Role.Owner])).token);
    expect([notYours.status, notYours.body.code]).toEqual([403, 'TENDER_NOT_YOURS']);
    expect(await changeable(id)).toEqual(before);

    const replied = await t.http.post(`/tenders/${id}/objections/${raised.body.id}/reply`, { reply: '经核查,已删除本市业绩要求,详见修改文件。' }, agent.token);
    expect(replied.status).toBe(200);
    expect(replied.body).toMatchObject({ stage: 'documents', handle: '异议人 1', organisationName: null, reply: '经核查,已删除本市业绩要求,详见修改文件。', repliedAt: expect.any(String) });
    const again = await t.http.post(`/tenders/${id}/objections/${raised.body.id}/reply`, { reply: '再次答复' }, owner.token);
    expect([again.status, again.body.code]).toEqual([409, 'OBJECTION_ALREADY_ANSWERED']);

    // every registered bidder gets the reply, the objector among them alike, with no name
    const answered = (await outbox(id)).filter((n: { template: string }) => n.template === 'tender.document_objection_answered');
    expect(answered.map((n: { recipient_id: string }) => n.recipient_id).sort()).toEqual([objector.organisationId, other.organisationId].sort());
    for (const n of answered) expect(n.params).toEqual({ projectId: id, projectCode: expect.any(String), projectName: expect.any(String), objectionId: raised.body.id, content: '资格条件要求本市业绩,排斥外地投标人', reply: '经核查,已删除本市业绩要求,详见修改文件。' });
    // other bidders now read the answered objection, never who raised it
    const asOther = (await t.http.get(`/tenders/${id}/objections`, other.token)).body;
    const answeredView = asOther.find((o: { id: string }) => o.id === raised.body.id);
    expect(answeredView).toMatchObject({ organisationName: null, handle: null, mine: false, reply: expect.any(String) });
    expect(JSON.stringify(asOther.filter((o: { mine: boolean }) => !o.mine))).not.toContain(objector.organisationId);

    // a reply that changes the documents is an amendment, with its own rule
    const amended = await postForm(t, `/tenders/${id}/amendments`, agent.token, { note: '删除本市业绩要求' }, { name: '修改文件.pdf', content: Buffer.from('%PDF 修改') });
    expect(amended.status).toBe(201);

    // audit: supervisors can tell who objected
    const [event] = await t.ds.query(`SELECT actor_id, payload FROM audit_event WHERE action = 'tender.document_objection_raised' AND payload->>'objectionId' = $1`, [raised.body.id]);
    expect(event.actor_id).toBe(objector.id);
    expect(event.payload).toMatchObject({ handle: '异议人 1', stage: 'documents' });
  });

  it('refuses an objection later than the rule’s period before the deadline, and from a bidder that did not register, changing nothing', async () => {
    const late = await announced(10);
    const before = await changeable(late);
    const r = await t.http.post(`/tenders/${late}/objections`, { content: '技术参数指向特定品牌' }, objector.token);
    expect([r.status, r.body.code]).toEqual([409, 'OBJECTION_TOO_LATE']);
    expect(r.body.message.zh).toContain('异议');
    expect(r.body.message.en).toContain('deadline');
    const { bidDeadline } = await tenderRow(late).then((x) => ({ bidDeadline: new Date(x.bid_deadline) }));
    expect(r.body.details).toMatchObject({ latest: new Date(bidDeadline.getTime() - 15_000).toISOString(), bidDeadline: bidDeadline.toISOString(), objectionBeforeDeadline: { value: 15, unit: 's' } });
    expect(await changeable(late)).toEqual(before);

    const open = await announced(3600);
    const before2 = await changeable(open);
    const stranger = await t.http.post(`/tenders/${open}/objections`, { content: '技术参数指向特定品牌' }, outsider.token);
    expect([stranger.status, stranger.body.code]).toEqual([403, 'NOT_REGISTERED_BIDDER']);
    const bad = await t.http.post(`/tenders/${open}/objections`, { content: '' }, objector.token);
    expect(bad.status).toBe(400);
    expect(await changeable(open)).toEqual(before2);
  });

  it('answers an objection to the opening before the opening with OPENING_NOT_STARTED, to a registered bidder too', async () => {
    const id = await announced(3600);
    const before = await changeable(id);
    for (const who of [objector, outsider]) {
      const r = await t.http.post(`/tenders/${id}/opening-objections`, { content: '开标时间有误' }, who.token);
      expect([r.status, r.body.code]).toEqual([409, 'OPENING_NOT_STARTED']);
      expect(r.body.message.zh).toContain('尚未开标');
    }
    expect(await changeable(id)).toEqual(before);
  });

  it('freezes the reply period with a suspension and holds the opening until the reply, which opens at once', async () => {
    const id = await announced(30);
    const raised = await t.http.post(`/tenders/${id}/objections`, { content: '工程量清单与图纸不一致' }, objector.token);
    expect(raised.status).toBe(201);

    // suspension freezes the reply due; the resumption gives back what was left
    const dueBefore = new Date((await objections(id))[0].reply_due).getTime();
    expect((await t.http.post(`/projects/${id}/suspend`, { reason: '接到投诉,暂停以便调查' }, office)).status).toBe(200);
    await new Promise((r) => setTimeout(r, 1500));
    expect((await t.http.post(`/projects/${id}/resume`, { note: '调查结束' }, office)).status).toBe(200);
    const [susp] = await t.ds.query(`SELECT extract(epoch FROM resumed_at - suspended_at) * 1000 AS ms FROM project_suspension WHERE project_id = $1`, [id]);
    const dueAfter = new Date((await objections(id))[0].reply_due).getTime();
    expect(Math.abs(dueAfter - dueBefore - Number(susp.ms))).toBeLessThan(5);

    // the deadline passes with the objection unanswered: the worker's deadline milestone holds the opening
    const deadline = new Date((await tenderRow(id)).bid_deadline);
    await waitFor(async () => (await t.ds.query(`SELECT 1 FROM audit_event WHERE action = 'tender.opening_held' AND subject_id = $1`, [id])).length > 0, 40000, 'the held opening');
    expect(Date.now()).toBeGreaterThan(deadline.getTime());
    expect(await tenderRow(id)).toMatchObject({ status: 'bidding', opened_at: null });
    expect((await t.http.get(`/public/tenders/${id}/opening`)).body.sealed).toBe(true);

    // the reply releases it: the opening happens at once (no bids: the section fails), the deadline unchanged
    const replied = await t.http.post(`/tenders/${id}/objections/${raised.body.id}/reply`, { reply: '以图纸为准,清单已更正。' }, owner.token);
    expect(replied.status).toBe(200);
    const done = await waitFor(async () => {
      const row = await tenderRow(id);
      return row.status !== 'bidding' ? row : undefined;
    }, 30000, 'the opening after the reply');
    expect(done.status).toBe('failed');
    expect(new Date(done.bid_deadline).getTime()).toBe(deadline.getTime());
    const [answer] = await t.ds.query(`SELECT payload FROM audit_event WHERE action = 'tender.document_objection_answered' AND subject_id = $1`, [id]);
    expect(answer.payload).toMatchObject({ openingScheduled: true });
  }, 120000);
});
