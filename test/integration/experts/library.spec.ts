import { generatedExpert } from '@app/experts/library/demo-experts';
import { ImportCells } from '@app/experts/library/import-template';
import { ID_NUMBER_PURPOSE } from '@app/experts/library/expert-sealing';
import { Role, TradingDomain } from '@app/platform/auth/roles';
import { shanghaiDate } from '@app/platform/calendar/working-days';
import { Sealer } from '@app/platform/crypto/sealer';
import { startTestApp, TestAccount, TestApp, validUscc } from '../../support/test-app';

const today = shanghaiDate(new Date());
let next = 500_000;

/** A valid creation body (distinct person each call); status and specialties in the API's form. */
function expertBody(over: Record<string, unknown> = {}): Record<string, unknown> {
  const c: ImportCells = generatedExpert(next++, today);
  return {
    name: c.name,
    idNumber: c.idNumber,
    phone: c.phone,
    employerUscc: c.employerUscc,
    employerName: c.employerName,
    region: c.region,
    title: c.title,
    ...(c.qualification ? { qualification: c.qualification } : {}),
    specialties: c.specialties!.split(';'),
    ...over,
  };
}

describe('expert library: the office keeps it, an expert keeps their own declarations', () => {
  let t: TestApp;
  let office: TestAccount;
  const others = new Map<string, string>();

  beforeAll(async () => {
    t = await startTestApp('experts-library');
    office = await t.account([Role.Office]);
    for (const role of [Role.Centre, Role.Owner, Role.Agent, Role.Bidder, Role.Committee, Role.Expert]) others.set(role, (await t.account([role])).token);
    others.set('regulator', (await t.account([{ role: Role.Regulator, domain: TradingDomain.Tendering }])).token);
  });

  afterAll(() => t.close());

  const create = async (over: Record<string, unknown> = {}) => {
    const res = await t.http.post('/experts', expertBody(over), office.token);
    expect(res.status).toBe(201);
    return res.body;
  };

  it('adds an expert with the ID number sealed, indexed and masked everywhere, audited without it', async () => {
    const body = expertBody({ specialties: ['A01.01.01', 'B01.03'], qualification: '一级注册结构工程师' });
    const idNumber = body.idNumber as string;
    const res = await t.http.post('/experts', body, office.token);
    expect(res.status).toBe(201);
    const e = res.body;
    expect(e).toMatchObject({
      name: body.name,
      idNumberMasked: `${idNumber.slice(0, 6)}********${idNumber.slice(14)}`,
      phone: body.phone,
      employer: { uscc: body.employerUscc, name: body.employerName },
      status: 'active',
      suspendedUntil: null,
      creditScore: 100,
      evaluationCount: 0,
      hasAccount: false,
      unavailability: [],
      conflicts: [],
    });
    expect(e.specialties.map((s: { code: string }) => s.code)).toEqual(['A01.01.01', 'B01.03']);
    expect(e.specialties[0]).toEqual({ code: 'A01.01.01', nameZh: '建筑结构', nameEn: 'Building structures' });

    const read = await t.http.get(`/experts/${e.id}`, office.token);
    const list = await t.http.get(`/experts?name=${encodeURIComponent(body.name as string)}`, office.token);
    for (const r of [res, read, list]) expect(JSON.stringify(r.body)).not.toContain(idNumber);
    expect(read.body.idNumberMasked).toBe(e.idNumberMasked);

    const [row] = await t.ds.query(`SELECT id_number_sealed, id_number_index, id_number_masked FROM expert WHERE id = $1`, [e.id]);
    expect(row.id_number_sealed.toString('latin1')).not.toContain(idNumber);
    const sealer = t.app.get(Sealer);
    expect(sealer.open(ID_NUMBER_PURPOSE, row.id_number_sealed, ID_NUMBER_PURPOSE).toString()).toBe(idNumber);
    expect(row.id_number_index).toBe(sealer.blindIndex(ID_NUMBER_PURPOSE, idNumber));

    const trail = await t.ds.query(`SELECT action, actor_role, actor_id, payload FROM audit_event WHERE subject_type = 'expert' AND subject_id = $1`, [e.id]);
    expect(trail).toHaveLength(1);
    expect(trail[0]).toMatchObject({ action: 'expert.created', actor_role: 'office', actor_id: office.id });
    expect(JSON.stringify(trail[0].payload)).not.toContain(idNumber);
    expect(trail[0].payload.idNumberMasked).toBe(e.idNumberMasked);
  });

  it('refuses a second expert with the same ID number (409) and an invalid row (422, by field, in Chinese), changing nothing', async () => {
    const first = expertBody();
    await t.http.post('/experts', first, office.token);
    const before = await t.snapshot();
    const lowerX = expertBody({ idNumber: '11010519491231002X' });
    expect((await t.http.post('/experts', lowerX, office.token)).status).toBe(201);
    const after = await t.snapshot();

    const dup = await t.http.post('/experts', expertBody({ idNumber: first.idNumber }), office.token);
    expect([dup.status, dup.body.code]).toEqual([409, 'EXPERT_DUPLICATE']);
    expect(dup.body.message.zh).toBe('该身份证号的专家已在专家库中');
    const dupX = await t.http.post('/experts', expertBody({ idNumber: '11010519491231002x' }), office.token);
    expect([dupX.status, dupX.body.code]).toEqual([409, 'EXPERT_DUPLICATE']);

    const bad = await t.http.post('/experts', expertBody({ name: '陈', idNumber: '110105194912310021', phone: '23905912345', employerUscc: validUscc().slice(0, 17) + '!', region: '3501', specialties: ['Z99'], status: 'suspended' }), office.token);
    expect([bad.status, bad.body.code]).toEqual([422, 'EXPERT_ROW_INVALID']);
    expect(bad.body.details.problems.map((p: { field: string }) => p.field)).toEqual(['name', 'idNumber', 'phone', 'employerUscc', 'region', 'specialties', 'suspendedUntil']);
    expect(bad.body.details.problems.find((p: { field: string }) => p.field === 'idNumber').message.zh).toBe('身份证号校验位错误');

    const shapes = await t.http.post('/experts', expertBody({ specialties: 'A01', extra: 1 }), office.token);
    expect([shapes.status, shapes.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect(await t.snapshot()).toEqual(after);
    expect(after.expert).toBe(before.expert + 1);
  });

  it('lists with filters: a specialty includes its descendants; status, region, name, paging', async () => {
    const tag = `测${Date.now().toString(36).replace(/\d/g, '')}`.slice(0, 6);
    const a = await create({ name: `${tag}甲`, specialties: ['A01.02.01'], region: '350104' });
    const b = await create({ name: `${tag}乙`, specialties: ['A01.01.05', 'E01.02'], region: '350104', status: 'suspended', suspendedUntil: '2099-01-01' });
    const c = await create({ name: `${tag}丙`, specialties: ['C01.01'], region: '350181' });
    const q = async (query: string) => {
      const res = await t.http.get(`/experts?name=${encodeURIComponent(tag)}&${query}`, office.token);
      expect(res.status).toBe(200);
      return res.body.items.map((e: { id: string }) => e.id);
    };
    expect(await q('')).toEqual([a.id, b.id, c.id]);
    expect(await q('specialty=A01')).toEqual([a.id, b.id]);
    expect(await q('specialty=A01.01')).toEqual([b.id]);
    expect(await q('specialty=E01')).toEqual([b.id]);
    expect(await q('status=suspended')).toEqual([b.id]);
    expect(await q('region=350181')).toEqual([c.id]);
    const page = await t.http.get(`/experts?name=${encodeURIComponent(tag)}&pageSize=2&page=2`, office.token);
    expect(page.body).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect(page.body.items.map((e: { id: string }) => e.id)).toEqual([c.id]);
    expect(page.body.items[0]).not.toHaveProperty('unavailability');

    const unknown = await t.http.get('/experts?specialty=Z99', office.token);
    expect([unknown.status, unknown.body.code]).toEqual([422, 'SPECIALTY_UNKNOWN']);
    for (const bad of ['specialty=A1', 'status=sleeping', 'region=35', 'pageSize=1000', 'x=1']) {
      expect((await t.http.get(`/experts?${bad}`, office.token)).status).toBe(400);
    }
    expect((await t.http.get('/experts/abc', office.token)).status).toBe(400);
    const missing = await t.http.get('/experts/999999999', office.token);
    expect([missing.status, missing.body.code]).toEqual([404, 'EXPERT_NOT_FOUND']);
  });

  it('updates what the office may change, audits the differences, and refuses bad changes without a trace', async () => {
    const e = await create({ specialties: ['A01.01.01'] });
    const res = await t.http.patch(`/experts/${e.id}`, { phone: '13800001111', title: '正高级工程师', status: 'suspended', suspendedUntil: '2099-06-30', specialties: ['A01.01.02', 'A02.01'], qualification: null }, office.token);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ phone: '13800001111', title: '正高级工程师', status: 'suspended', suspendedUntil: '2099-06-30', qualification: null, name: e.name, idNumberMasked: e.idNumberMasked });
    expect(res.body.specialties.map((s: { code: string }) => s.code)).toEqual(['A01.01.02', 'A02.01']);
    const [audit] = await t.ds.query(`SELECT payload FROM audit_event WHERE subject_id = $1 AND action = 'expert.updated'`, [e.id]);
    expect(audit.payload.changes).toMatchObject({ phone: { from: e.phone, to: '13800001111' }, status: { from: 'active', to: 'suspended' }, specialties: { from: ['A01.01.01'], to: ['A01.01.02', 'A02.01'] } });

    const resumed = await t.http.patch(`/experts/${e.id}`, { status: 'active' }, office.token);
    expect(resumed.body).toMatchObject({ status: 'active', suspendedUntil: null });

    const before = await t.snapshot();
    const refusals: [Record<string, unknown>, number, string][] = [
      [{}, 422, 'EXPERT_NOTHING_TO_CHANGE'],
      [{ suspendedUntil: '2099-01-01' }, 422, 'EXPERT_ROW_INVALID'],
      [{ status: 'suspended' }, 422, 'EXPERT_ROW_INVALID'],
      [{ status: 'suspended', suspendedUntil: '2001-01-01' }, 422, 'EXPERT_ROW_INVALID'],
      [{ phone: '123' }, 422, 'EXPERT_ROW_INVALID'],
      [{ specialties: [] }, 422, 'EXPERT_ROW_INVALID'],
      [{ specialties: ['Z99'] }, 422, 'EXPERT_ROW_INVALID'],
      [{ name: '改名' }, 400, 'VALIDATION_FAILED'],
      [{ idNumber: '11010519491231002X' }, 400, 'VALIDATION_FAILED'],
    ];
    for (const [body, status, code] of refusals) {
      const r = await t.http.patch(`/experts/${e.id}`, body, office.token);
      expect([r.status, r.body.code, body]).toEqual([status, code, body]);
    }
    const unchanged = await t.http.patch(`/experts/${e.id}`, { phone: '13800001111' }, office.token);
    expect(unchanged.status).toBe(200);
    expect((await t.http.patch('/experts/999999999', { phone: '13800001111' }, office.token)).status).toBe(404);
    expect(await t.snapshot()).toEqual(before);
  });

  it('keeps the library from every other role (403) and from anonymous callers (401), changing nothing', async () => {
    const e = await create();
    const before = await t.snapshot();
    const calls: [string, string, unknown?][] = [
      ['GET', '/experts'],
      ['GET', `/experts/${e.id}`],
      ['POST', '/experts', expertBody()],
      ['PATCH', `/experts/${e.id}`, { phone: '13800002222' }],
      ['POST', `/experts/${e.id}/account`, { accountId: office.id }],
      ['POST', '/experts/import'],
      ['POST', '/specialties', { code: 'A01.01.09', nameZh: '钢结构', nameEn: 'Steel structures' }],
    ];
    for (const [method, path, body] of calls) {
      for (const [role, token] of others) {
        const res = await t.http.request(method, path, { token, body });
        expect([method, path, role, res.status, res.body.code]).toEqual([method, path, role, 403, 'FORBIDDEN_ROLE']);
      }
      expect((await t.http.request(method, path, { body })).status).toBe(401);
    }
    for (const path of ['/experts/me', '/experts/me/unavailability', '/experts/me/conflicts']) {
      const res = await t.http.request(path === '/experts/me' ? 'GET' : 'POST', path, { token: office.token, body: path === '/experts/me' ? undefined : {} });
      expect([path, res.status]).toEqual([path, 403]);
    }
    expect(await t.snapshot()).toEqual(before);
  });

  it('links a login account holding the expert role, one expert per account', async () => {
    const e = await create();
    const other = await create();
    const expertAccount = await t.account([Role.Expert]);
    const bidderAccount = await t.account([Role.Bidder]);
    const before = await t.snapshot();
    const refusals: [string, string, number, string][] = [
      [e.id, bidderAccount.id, 422, 'EXPERT_ACCOUNT_NOT_EXPERT'],
      [e.id, '00000000-0000-4000-8000-000000000000', 422, 'EXPERT_ACCOUNT_UNKNOWN'],
      ['999999999', expertAccount.id, 404, 'EXPERT_NOT_FOUND'],
    ];
    for (const [id, accountId, status, code] of refusals) {
      const r = await t.http.post(`/experts/${id}/account`, { accountId }, office.token);
      expect([r.status, r.body.code]).toEqual([status, code]);
    }
    expect(await t.snapshot()).toEqual(before);
    const linked = await t.http.post(`/experts/${e.id}/account`, { accountId: expertAccount.id }, office.token);
    expect([linked.status, linked.body.hasAccount]).toEqual([200, true]);
    expect(JSON.stringify(linked.body)).not.toContain(expertAccount.id);
    const taken = await t.http.post(`/experts/${other.id}/account`, { accountId: expertAccount.id }, office.token);
    expect([taken.status, taken.body.code]).toEqual([409, 'EXPERT_ACCOUNT_TAKEN']);
    const again = await t.http.post(`/experts/${e.id}/account`, { accountId: expertAccount.id }, office.token);
    expect(again.status).toBe(200);
    const trail = await t.ds.query(`SELECT action FROM audit_event WHERE subject_id = $1 ORDER BY id`, [e.id]);
    expect(trail.map((r: { action: string }) => r.action)).toEqual(['expert.created', 'expert.account_linked']);
    const me = await t.http.get('/experts/me', expertAccount.token);
    expect([me.status, me.body.id]).toEqual([200, e.id]);
  });

  it('lets an expert declare and withdraw their own unavailable periods and conflicts, never another’s', async () => {
    const mine = await create();
    const theirs = await create();
    const me = await t.account([Role.Expert]);
    const them = await t.account([Role.Expert]);
    const stranger = await t.account([Role.Expert]);
    await t.http.post(`/experts/${mine.id}/account`, { accountId: me.id }, office.token);
    await t.http.post(`/experts/${theirs.id}/account`, { accountId: them.id }, office.token);

    const notLinked = await t.http.get('/experts/me', stranger.token);
    expect([notLinked.status, notLinked.body.code]).toEqual([404, 'EXPERT_NOT_LINKED']);

    const from = new Date(Date.now() + 86_400_000).toISOString();
    const to = new Date(Date.now() + 3 * 86_400_000).toISOString();
    const u = await t.http.post('/experts/me/unavailability', { from, to, reason: '出差' }, me.token);
    expect(u.status).toBe(201);
    expect(u.body).toMatchObject({ from, to, reason: '出差' });
    const c = await t.http.post('/experts/me/conflicts', { organisationUscc: validUscc(), reason: '近三年曾在该单位任职' }, me.token);
    expect(c.status).toBe(201);
    const view = (await t.http.get('/experts/me', me.token)).body;
    expect(view.unavailability).toEqual([expect.objectContaining({ id: u.body.id, from, to })]);
    expect(view.conflicts).toEqual([expect.objectContaining({ id: c.body.id, organisationUscc: c.body.organisationUscc })]);
    expect((await t.http.get(`/experts/${mine.id}`, office.token)).body.unavailability).toHaveLength(1);

    const before = await t.snapshot();
    const refusals: [string, string, unknown, string, number, string][] = [
      ['POST', '/experts/me/unavailability', { from: to, to: from, reason: '出差' }, me.token, 422, 'UNAVAILABILITY_INVALID'],
      ['POST', '/experts/me/unavailability', { from: '2001-01-01T00:00:00Z', to: '2001-01-02T00:00:00Z', reason: '出差' }, me.token, 422, 'UNAVAILABILITY_INVALID'],
      ['POST', '/experts/me/unavailability', { from: 'tomorrow', to, reason: '出差' }, me.token, 400, 'VALIDATION_FAILED'],
      ['POST', '/experts/me/unavailability', { from, to, reason: '出差' }, stranger.token, 404, 'EXPERT_NOT_LINKED'],
      ['POST', '/experts/me/conflicts', { organisationUscc: c.body.organisationUscc, reason: '再次申报' }, me.token, 409, 'CONFLICT_DUPLICATE'],
      ['POST', '/experts/me/conflicts', { organisationUscc: '91350100M000100Y44', reason: '校验位错误' }, me.token, 422, 'CONFLICT_USCC_INVALID'],
      ['DELETE', `/experts/me/unavailability/${u.body.id}`, undefined, them.token, 404, 'UNAVAILABILITY_NOT_FOUND'],
      ['DELETE', `/experts/me/conflicts/${c.body.id}`, undefined, them.token, 404, 'CONFLICT_NOT_FOUND'],
      ['DELETE', `/experts/me/conflicts/${c.body.id}`, undefined, stranger.token, 404, 'EXPERT_NOT_LINKED'],
      ['DELETE', `/experts/me/conflicts/not-a-uuid`, undefined, me.token, 400, 'VALIDATION_FAILED'],
      ['DELETE', `/experts/me/conflicts/${c.body.id}`, undefined, office.token, 403, 'FORBIDDEN_ROLE'],
    ];
    for (const [method, path, body, token, status, code] of refusals) {
      const r = await t.http.request(method, path, { body, token });
      expect([method, path, r.status, r.body.code]).toEqual([method, path, status, code]);
    }
    expect(await t.snapshot()).toEqual(before);

    expect((await t.http.delete(`/experts/me/unavailability/${u.body.id}`, me.token)).status).toBe(200);
    expect((await t.http.delete(`/experts/me/conflicts/${c.body.id}`, me.token)).status).toBe(200);
    expect((await t.http.delete(`/experts/me/conflicts/${c.body.id}`, me.token)).status).toBe(404);
    const after = (await t.http.get('/experts/me', me.token)).body;
    expect([after.unavailability, after.conflicts]).toEqual([[], []]);
    const trail = await t.ds.query(`SELECT action, actor_role, actor_id FROM audit_event WHERE subject_type = 'expert' AND subject_id = $1 AND actor_role = 'expert' ORDER BY id`, [mine.id]);
    expect(trail).toEqual(
      ['expert.unavailability_added', 'expert.conflict_declared', 'expert.unavailability_removed', 'expert.conflict_withdrawn'].map((action) => ({ action, actor_role: 'expert', actor_id: me.id })),
    );
  });

  it('serves the specialty catalogue to every logged-in role; the office adds to it', async () => {
    for (const token of [...others.values(), office.token]) {
      const res = await t.http.get('/specialties', token);
      expect(res.status).toBe(200);
      expect(res.body.length).toBeGreaterThanOrEqual(40);
    }
    expect((await t.http.get('/specialties')).status).toBe(401);
    const all = (await t.http.get('/specialties', office.token)).body;
    expect(all.find((s: { code: string }) => s.code === 'A01.01.01')).toEqual({ code: 'A01.01.01', parentCode: 'A01.01', nameZh: '建筑结构', nameEn: 'Building structures' });
    expect(all.find((s: { code: string }) => s.code === 'A01').parentCode).toBeNull();

    const created = await t.http.post('/specialties', { code: 'A01.01.07', nameZh: '装配式建筑', nameEn: 'Prefabricated buildings' }, office.token);
    expect([created.status, created.body.parentCode]).toEqual([201, 'A01.01']);
    const before = await t.snapshot();
    const refusals: [Record<string, unknown>, number, string][] = [
      [{ code: 'A01.01.07', nameZh: '重复', nameEn: 'Again' }, 409, 'SPECIALTY_EXISTS'],
      [{ code: 'A09.01', nameZh: '无上级', nameEn: 'Orphan' }, 422, 'SPECIALTY_PARENT_UNKNOWN'],
      [{ code: 'a01', nameZh: '格式', nameEn: 'Shape' }, 400, 'VALIDATION_FAILED'],
    ];
    for (const [body, status, code] of refusals) {
      const r = await t.http.post('/specialties', body, office.token);
      expect([r.status, r.body.code]).toEqual([status, code]);
    }
    expect(await t.snapshot()).toEqual(before);
    const e = await create({ specialties: ['A01.01.07'] });
    expect(e.specialties[0].nameZh).toBe('装配式建筑');
  });

  it('describes every field of its DTOs in Chinese and English on /docs', async () => {
    const doc = (await t.http.get('/docs-json')).body;
    const schemas = doc.components.schemas as Record<string, { properties?: Record<string, { description?: string }> }>;
    const mine = ['CreateExpertDto', 'UpdateExpertDto', 'LinkAccountDto', 'UnavailabilityDto', 'ConflictDto', 'CreateSpecialtyDto', 'SpecialtyView', 'ExpertView', 'ExpertDetailView', 'ExpertPage', 'EmployerView', 'ExpertSpecialtyView', 'UnavailabilityView', 'ConflictView', 'ImportReportView', 'ImportErrorView', 'MessageView'];
    expect(Object.keys(schemas)).toEqual(expect.arrayContaining(mine));
    const undescribed = mine.flatMap((name) =>
      Object.entries(schemas[name].properties ?? {})
        .filter(([, p]) => !p.description || !/[\u4e00-\u9fff]/.test(p.description) || !/[A-Za-z]{2}/.test(p.description))
        .map(([prop]) => `${name}.${prop}`),
    );
    expect(undescribed).toEqual([]);
    expect(doc.paths['/experts/import'].post.requestBody.content).toHaveProperty('multipart/form-data');
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/experts', '/experts/{id}', '/experts/{id}/account', '/experts/me', '/experts/me/unavailability', '/experts/me/conflicts/{id}', '/specialties']));
  });
});
