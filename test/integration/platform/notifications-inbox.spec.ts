import { randomUUID } from 'node:crypto';
import { Role } from '@app/platform/auth/roles';
import { TransactionRunner } from '@app/platform/database/transaction-runner';
import { inboxPageSql } from '@app/platform/notifications/inbox/inbox.repository';
import { NewNotification, NotificationService } from '@app/platform/notifications/notification.service';
import { insertExperts, insertSpecialties } from '../../support/expert-fixtures';
import { fastTenderingRules, postForm } from '../../support/tender-fixtures';
import { startTestApp, TestAccount, TestApp } from '../../support/test-app';

// 站内消息: a bidder reads what the outbox sent its organisation; each account keeps its own read marks; nobody reads another's.
describe('the inbox (GET /notifications/mine)', () => {
  let t: TestApp;
  let centre: TestAccount;
  let owner: TestAccount;
  let agent: TestAccount;
  let a1: TestAccount;
  let a2: TestAccount;
  let b1: TestAccount;
  let outsider: TestAccount;
  let code: string;
  let projectId: string;
  const orgBName = `竞争对手建设集团${randomUUID().slice(0, 6)}`;

  const mine = (who: TestAccount, query = '') => t.http.get(`/notifications/mine${query}`, who.token);
  const unread = async (who: TestAccount) => (await t.http.get('/notifications/mine/unread-count', who.token)).body.unread as number;

  beforeAll(async () => {
    t = await startTestApp('notifications-inbox');
    centre = await t.account([Role.Centre]);
    owner = await t.account([Role.Owner]);
    agent = await t.account([Role.Agent]);
    a1 = await t.account([Role.Bidder]);
    a2 = await t.account([Role.Bidder], { organisationId: a1.organisationId });
    b1 = await t.account([Role.Bidder], { organisationId: await t.organisation(orgBName) });
    outsider = await t.account([Role.Bidder]);
    const committee = await t.account([Role.Committee]);
    await fastTenderingRules(t, committee.token, { bidPreparation: 12, clarificationBeforeDeadline: 20 });

    const reg = await t.http.post(
      '/tenders',
      { name: '市图书馆改造工程', kind: 'construction', region: '350102', qualification: '建筑工程施工总承包二级', evaluationMethod: 'comprehensive', sections: [{ name: '一标段', estimate: '5000000.00', deposit: '50000.00' }], ownerOrganisationId: owner.organisationId, ruleSet: 'sandbox' },
      agent.token,
    );
    expect(reg.status).toBe(201);
    projectId = reg.body.id;
    code = reg.body.code;
    expect((await t.http.post(`/tenders/${projectId}/accept`, {}, centre.token)).status).toBe(200);
    expect((await postForm(t, `/tenders/${projectId}/documents`, agent.token, {}, { name: '招标文件.pdf', content: Buffer.from('%PDF 招标文件') })).status).toBe(201);
    const announced = await t.http.post(`/tenders/${projectId}/announce`, { bidDeadline: new Date(Date.now() + 600_000).toISOString() }, centre.token);
    expect(announced.status).toBe(200);
    for (const b of [a1, b1]) expect((await t.http.post(`/tenders/${projectId}/registrations`, {}, b.token)).status).toBe(200);
    // the other bidder asks, the owner answers: both organisations are told; then an amendment
    const q = await t.http.post(`/tenders/${projectId}/questions`, { question: '工程量清单第 3 项是否含税?' }, b1.token);
    expect(q.status).toBe(201);
    expect((await t.http.post(`/tenders/${projectId}/questions/${q.body.id}/answer`, { answer: '含税。' }, owner.token)).status).toBe(200);
    const amendment = await postForm(t, `/tenders/${projectId}/amendments`, owner.token, { note: '第二章修改' }, { name: '修改文件.pdf', content: Buffer.from('%PDF 修改') });
    expect(amendment.status).toBe(201);
  }, 120000);

  afterAll(() => t.close());

  it('shows a registered bidder the clarification and the amendment, newest first, in Chinese, unread', async () => {
    const res = await mine(a1);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ page: 1, pageSize: 20, total: 2, unread: 2 });
    expect(res.body.items.map((n: { template: string }) => n.template)).toEqual(['tender.amendment', 'tender.clarification']);
    const [amendment, clarification] = res.body.items;
    expect(amendment).toMatchObject({ title: `招标文件修改:${code}「市图书馆改造工程」`, projectId, read: false, readAt: null });
    expect(amendment.text).toContain('投标截止时间');
    expect(clarification.title).toContain('澄清');
    expect(await unread(a1)).toBe(2);
  });

  it('keeps sealed-bid secrecy: nothing in the inbox names the other bidder or how many registered', async () => {
    const text = JSON.stringify((await mine(a1)).body);
    expect(text).not.toContain(orgBName);
    expect(text).not.toContain(b1.organisationId);
    expect(text).not.toContain(b1.username);
    expect(text).not.toMatch(/共 ?\d+ ?家|2 家/);
  });

  it('shows an organisation’s notifications to each of its accounts, with a read mark of its own', async () => {
    expect(await unread(a2)).toBe(2);
    const [amendment] = (await mine(a1)).body.items;
    const read = await t.http.post(`/notifications/${amendment.id}/read`, {}, a1.token);
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ id: amendment.id, read: true, readAt: expect.any(String) });
    expect(await unread(a1)).toBe(1);
    expect(await unread(a2)).toBe(2);
    // reading again keeps the first time
    const again = await t.http.post(`/notifications/${amendment.id}/read`, {}, a1.token);
    expect(again.body.readAt).toBe(read.body.readAt);
    const onlyUnread = await mine(a1, '?unread=true');
    expect(onlyUnread.body).toMatchObject({ total: 1, unread: 1 });
    expect(onlyUnread.body.items.map((n: { template: string }) => n.template)).toEqual(['tender.clarification']);
    const page2 = await mine(a1, '?pageSize=1&page=2');
    expect(page2.body).toMatchObject({ page: 2, pageSize: 1, total: 2 });
    expect(page2.body.items.map((n: { template: string }) => n.template)).toEqual(['tender.clarification']);
    // read-all marks only this account's
    const all = await t.http.post('/notifications/mine/read-all', {}, a2.token);
    expect([all.status, all.body]).toEqual([200, { marked: 2, unread: 0 }]);
    expect(await unread(a2)).toBe(0);
    expect(await unread(a1)).toBe(1);
    expect((await t.http.post('/notifications/mine/read-all', {}, a2.token)).body).toEqual({ marked: 0, unread: 0 });
  });

  it('writes only the reader’s own read mark: no audit entry, nothing else changes', async () => {
    const [, clarification] = (await mine(a1)).body.items;
    const before = await t.snapshot();
    expect((await t.http.post(`/notifications/${clarification.id}/read`, {}, a1.token)).status).toBe(200);
    expect(await t.snapshot()).toEqual({ ...before, notification_read: before.notification_read + 1 });
  });

  it('answers 404 for another recipient’s notification and for none, 400 for a bad id or query, and changes nothing', async () => {
    const [amendment] = (await mine(b1)).body.items;
    const before = await t.snapshot();
    for (const [who, id] of [[outsider, amendment.id], [a1, amendment.id], [owner, amendment.id], [a1, randomUUID()]] as [TestAccount, string][]) {
      const res = await t.http.post(`/notifications/${id}/read`, {}, who.token);
      expect([res.status, res.body.code]).toEqual([404, 'NOTIFICATION_NOT_FOUND']);
      expect(res.body.message).toEqual({ zh: '通知不存在', en: 'Notification not found' });
    }
    expect((await t.http.post('/notifications/not-a-uuid/read', {}, a1.token)).status).toBe(400);
    for (const query of ['?unread=yes', '?pageSize=101', '?page=0', '?extra=1']) expect([query, (await mine(a1, query)).status]).toEqual([query, 400]);
    expect(await t.snapshot()).toEqual(before);
    expect((await mine(outsider)).body).toMatchObject({ total: 0, unread: 0, items: [] });
    expect((await t.http.get('/notifications/mine')).status).toBe(401);
  });

  it('shows an invitation to the expert whose record it names, and a centre-wide notice to every centre account', async () => {
    const send = (n: NewNotification) => t.app.get(TransactionRunner).run((tx) => t.app.get(NotificationService).enqueue(tx, n));
    const expertAccount = await t.account([Role.Expert], { organisationId: null });
    const otherExpert = await t.account([Role.Expert], { organisationId: null });
    await insertSpecialties(t.ds, ['A01']);
    const [expertId] = await insertExperts(t.ds, 1, { specialty: 'A01', accountId: expertAccount.id });
    await insertExperts(t.ds, 1, { specialty: 'A01', accountId: otherExpert.id });
    const at = new Date(Date.now() + 86400_000).toISOString();
    await send({ channel: 'sms', recipient: { type: 'expert', id: expertId, phone: '13900000000' }, template: 'expert.draw.invitation', params: { invitationId: '1', projectCode: code, projectName: '市图书馆改造工程', sessionStart: at, sessionEnd: at, respondBy: at } });
    await send({ channel: 'site', recipient: { type: 'role', id: Role.Centre }, template: 'expert.draw.short', params: { drawId: '1', projectCode: code, shortfall: 2 } });

    const invited = await mine(expertAccount);
    expect(invited.body.items).toEqual([expect.objectContaining({ template: 'expert.draw.invitation', title: `评标邀请:${code}「市图书馆改造工程」` })]);
    expect(JSON.stringify(invited.body)).not.toContain('13900000000');
    expect(await unread(otherExpert)).toBe(0);
    const secondCentre = await t.account([Role.Centre]);
    for (const c of [centre, secondCentre]) expect((await mine(c)).body.items.map((n: { text: string }) => n.text)).toEqual([expect.stringContaining('仍缺 2 人')]);
    expect(await unread(a2)).toBe(0);
  });

  it('keeps the inbox query on its index', async () => {
    const plan = await t.ds.transaction(async (em) => {
      await em.query(`SET LOCAL enable_seqscan = off`);
      const rows = await em.query(`EXPLAIN ${inboxPageSql(true)}`, [[`organisation:${a1.organisationId}`, `account:${a1.id}`], a1.id, 20, 0]);
      return rows.map((r: Record<string, string>) => r['QUERY PLAN']).join('\n');
    });
    expect(plan).toContain('notification_outbox_inbox_idx');
    expect(plan).not.toMatch(/Seq Scan on notification_outbox/);
  });
});
