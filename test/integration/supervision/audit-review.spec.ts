import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Role, TradingDomain } from '@app/platform/auth/roles';
import { AuditReviewRepository } from '@app/supervision/audit/audit-review.repository';
import { startTestApp, TestAccount, TestApp } from '../../support/test-app';

const CLI = 'dist/libs/platform/src/audit/cli/verify-file.js';

// The office and the regulators review the audit trail and export a project's trail, signed, for offline checks.
describe('audit trail review and signed export', () => {
  let t: TestApp;
  let owner: TestAccount;
  let office: TestAccount;
  let centre: string;
  let tenderingRegulator: string;
  let landRegulator: string;
  let land: { id: string };
  let p: { id: string };
  const dir = mkdtempSync(join(tmpdir(), 'yg-audit-export-'));

  beforeAll(async () => {
    t = await startTestApp('supervision-audit');
    owner = await t.account([Role.Owner]);
    office = await t.account([Role.Office]);
    centre = (await t.account([Role.Centre])).token;
    tenderingRegulator = (await t.account([{ role: Role.Regulator, domain: TradingDomain.Tendering }])).token;
    landRegulator = (await t.account([{ role: Role.Regulator, domain: TradingDomain.Land }])).token;

    const landDraft = (await t.http.post('/projects', { domain: 'land', name: '城南地块挂牌出让', region: '350102' }, owner.token)).body;
    land = (await t.http.post(`/projects/${landDraft.id}/publish`, {}, centre)).body;
    const draft = (await t.http.post('/projects', { domain: 'tendering', name: '城北水厂扩建工程', region: '350105' }, owner.token)).body;
    p = (await t.http.post(`/projects/${draft.id}/publish`, {}, centre)).body;
    expect((await t.http.post(`/projects/${p.id}/suspend`, { reason: 'complaint A1 under review' }, office.token)).status).toBe(200);
    expect((await t.http.post(`/projects/${p.id}/resume`, { note: '调查结束' }, office.token)).status).toBe(200);
  });

  afterAll(() => t.close());

  const search = (query: Record<string, string | number>, token = office.token) =>
    t.http.get(`/supervision/audit?${new URLSearchParams(Object.entries(query).map(([k, v]): [string, string] => [k, String(v)]))}`, token);
  const actions = (body: { items: { action: string }[] }) => body.items.map((i) => i.action);

  it('finds a project’s trail, newest first, with who, what and the chain verification', async () => {
    const res = await search({ projectId: p.id });
    expect(res.status).toBe(200);
    expect(actions(res.body)).toEqual(['project.resumed', 'project.suspended', 'project.published', 'project.registered']);
    expect(res.body).toMatchObject({ page: 1, pageSize: 20, total: 4, totalCapped: false, chain: { ok: true, firstBroken: null } });
    expect(res.body.items[1]).toMatchObject({
      seq: expect.any(String),
      time: expect.any(String),
      actor: { id: office.id, username: office.username },
      role: 'office',
      organisation: { id: office.organisationId },
      subject: { type: 'trading_project', id: p.id },
      payload: expect.objectContaining({ reason: 'complaint A1 under review' }),
      linkOk: true,
    });
    // read by people: the action's Chinese name, the project it belongs to
    expect(res.body.items[1]).toMatchObject({ actionName: { zh: '项目中止', en: 'project suspended' }, project: { id: p.id, code: expect.stringMatching(/^GC-/), name: '城北水厂扩建工程' } });
    expect(res.body.items.map((i: { actionName: { zh: string } }) => i.actionName.zh)).toEqual(['项目恢复', '项目中止', '项目公开', '项目登记']);
    const page2 = await search({ projectId: p.id, page: 2, pageSize: 3 });
    expect([actions(page2.body), page2.body.total]).toEqual([['project.registered'], 4]);
  });

  it('searches by organisation, account, action and time range', async () => {
    const byOrg = await search({ organisationId: owner.organisationId! });
    expect(actions(byOrg.body)).toEqual(['project.registered', 'project.registered']);
    const byAccount = await search({ accountId: office.id });
    expect(actions(byAccount.body)).toEqual(['project.resumed', 'project.suspended']);
    const byAction = await search({ action: 'project.published' });
    expect(byAction.body.items.map((i: { subject: { id: string } }) => i.subject.id)).toEqual([p.id, land.id]);

    const trail = (await search({ projectId: p.id })).body.items;
    const suspendedAt = trail[1].time;
    const since = await search({ projectId: p.id, from: suspendedAt });
    expect(actions(since.body)).toEqual(['project.resumed', 'project.suspended']);
    const until = await search({ projectId: p.id, to: suspendedAt });
    expect(actions(until.body)).toEqual(['project.published', 'project.registered']);
    expect((await search({ from: trail[0].time, to: suspendedAt })).body.code).toBe('AUDIT_RANGE_INVALID');
    expect((await search({ pageSize: 1000 })).status).toBe(400);
  });

  it('names every action in Chinese for the browser’s filter, to the office and regulators only', async () => {
    const res = await t.http.get('/supervision/audit/actions', office.token);
    expect(res.status).toBe(200);
    expect(res.body).toContainEqual({ code: 'tender.opened', zh: '开标', en: 'bids opened' });
    expect(res.body.every((a: { zh: string }) => /[\u4e00-\u9fff]/.test(a.zh))).toBe(true);
    expect((await t.http.get('/supervision/audit/actions', tenderingRegulator)).status).toBe(200);
    for (const token of [owner.token, centre]) expect((await t.http.get('/supervision/audit/actions', token)).body.code).toBe('FORBIDDEN_ROLE');
    expect((await t.http.get('/supervision/audit/actions')).status).toBe(401);
  });

  it('names the organisations a page’s payloads refer to (the owner of a registered project), and nothing else', async () => {
    const res = await search({ projectId: p.id });
    const [name] = await t.ds.query(`SELECT name FROM organisation WHERE id = $1`, [owner.organisationId]);
    expect(res.body.names).toEqual({ [owner.organisationId!]: name.name });
  });

  it('keeps a regulator to its domain and refuses operating roles', async () => {
    expect(actions((await search({ projectId: p.id }, tenderingRegulator)).body)).toHaveLength(4);
    const refused = await search({ projectId: p.id }, landRegulator);
    expect([refused.status, refused.body.code]).toEqual([403, 'PROJECT_NOT_IN_SCOPE']);
    const landView = await search({}, landRegulator);
    expect(landView.body.items.every((i: { subject: { id: string } }) => i.subject.id === land.id)).toBe(true);
    expect(actions(landView.body)).toEqual(['project.published', 'project.registered']);
    const exportRefused = await t.http.get(`/supervision/projects/${p.id}/audit-export`, landRegulator);
    expect([exportRefused.status, exportRefused.body.code]).toEqual([403, 'PROJECT_NOT_IN_SCOPE']);

    for (const token of [owner.token, centre, (await t.account([Role.Bidder])).token]) {
      for (const path of [`/supervision/audit?projectId=${p.id}`, `/supervision/projects/${p.id}/audit-export`]) {
        const r = await t.http.get(path, token);
        expect([r.status, r.body.code]).toEqual([403, 'FORBIDDEN_ROLE']);
      }
    }
    expect((await t.http.get('/supervision/audit')).status).toBe(401);
  });

  it('finds the organisation search through its index', async () => {
    const repo = t.app.get(AuditReviewRepository);
    const plan = await t.ds.transaction(async (em) => {
      await em.query(`SET LOCAL enable_seqscan = off`);
      return repo.explainSearch({ organisationId: owner.organisationId!, domains: null, limit: 20, offset: 0 }, em);
    });
    expect(plan).toContain('audit_event_org_idx');
    const byAction = await t.ds.transaction(async (em) => {
      await em.query(`SET LOCAL enable_seqscan = off`);
      return repo.explainSearch({ action: 'project.published', domains: null, limit: 20, offset: 0 }, em);
    });
    expect(byAction).toContain('audit_event_action_idx');
  });

  it('exports a signed trail that the offline verifier accepts, and names the altered event', async () => {
    const res = await t.http.get(`/supervision/projects/${p.id}/audit-export`, office.token);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ format: 'yg-audit-export/1', project: { id: p.id, domain: 'tendering' }, head: { seq: expect.any(String) }, signature: { alg: 'Ed25519' } });
    expect(res.body.events.map((e: { action: string }) => e.action)).toEqual(['project.registered', 'project.published', 'project.suspended', 'project.resumed']);
    expect(res.body.events[0]).toEqual(expect.objectContaining({ prevHash: expect.any(String), hash: expect.any(String), payloadDigest: expect.any(String), canonicalPayload: expect.any(String) }));

    const key = await t.http.get('/public/audit/export-key');
    expect([key.status, key.body.keyId]).toEqual([200, res.body.signature.keyId]);
    const keyFile = join(dir, 'export-key.pem');
    writeFileSync(keyFile, key.body.pem);
    const published = await t.http.get('/public/audit/keys');
    expect(published.body.keys.map((k: { keyId: string; status: string }) => [k.keyId, k.status])).toContainEqual([res.body.signature.keyId, 'active']);
    const keysFile = join(dir, 'keys.json');
    writeFileSync(keysFile, JSON.stringify(published.body));

    const file = join(dir, 'export.json');
    const text = JSON.stringify(res.body, null, 2);
    writeFileSync(file, text);
    const ok = spawnSync(process.execPath, [CLI, file, '--keys', keysFile], { encoding: 'utf8' });
    expect([ok.status, ok.stderr]).toEqual([0, '']);
    expect(ok.stdout).toContain('intact: 4 events');
    expect(ok.stdout).toContain(`ok   key ${res.body.signature.keyId}: published by the platform`);
    const pinned = spawnSync(process.execPath, [CLI, file, '--key', keyFile], { encoding: 'utf8' });
    expect([pinned.status, pinned.stdout]).toEqual([0, expect.stringContaining('given by you')]);

    // one byte of the suspension's payload: A1 → B1
    const at = text.indexOf('complaint A1');
    expect(at).toBeGreaterThan(0);
    const altered = join(dir, 'altered.json');
    writeFileSync(altered, `${text.slice(0, at + 10)}B${text.slice(at + 11)}`);
    const bad = spawnSync(process.execPath, [CLI, altered, '--keys', keysFile], { encoding: 'utf8' });
    const suspendedSeq = res.body.events[2].seq;
    expect(bad.status).toBe(1);
    expect(bad.stdout).toContain('FAIL signature');
    expect(bad.stdout).toContain(`FAIL seq ${suspendedSeq}: canonical_payload_mismatch`);

    // a forged signature key does not help: re-signing is impossible without the key, and a pinned key refuses it
    const other = { ...res.body, project: { ...res.body.project, name: '改名' } };
    writeFileSync(altered, JSON.stringify(other));
    const renamed = spawnSync(process.execPath, [CLI, altered, '--key', keyFile], { encoding: 'utf8' });
    expect(renamed.status).toBe(1);
    expect(renamed.stdout).toContain('FAIL signature');
    expect(readFileSync(file, 'utf8')).toBe(text);
  });
});
