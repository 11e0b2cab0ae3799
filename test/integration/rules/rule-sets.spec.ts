import { ALL_ROLES, Role } from '@app/platform/auth/roles';
import { startTestApp, TestApp } from '../../support/test-app';

interface RuleSetBody {
  id: string;
  domain: string;
  version: number;
  status: string;
  isSandbox: boolean;
  basedOn: string | null;
  effectiveFrom: string | null;
  params: { periods: Record<string, { value: number; unit: string }>; numbers: Record<string, number>; amounts: Record<string, string>; fractions: Record<string, unknown> };
  labels: Record<string, { zh: string; en: string; law?: string }>;
}

describe('rule sets (交易规则统一化, invariant 8)', () => {
  let t: TestApp;
  let committee: string;
  const others = new Map<Role, string>();

  beforeAll(async () => {
    t = await startTestApp('rules');
    committee = (await t.account([Role.Committee])).token;
    for (const role of ALL_ROLES.filter((r) => r !== Role.Committee)) others.set(role, (await t.account([role])).token);
  });

  afterAll(() => t.close());

  const active = async (domain: string, sandbox = false): Promise<RuleSetBody> => {
    const res = await t.http.get(`/rule-sets?domain=${domain}&sandbox=${sandbox}&status=active`);
    expect(res.body.items).toHaveLength(1);
    return res.body.items[0];
  };

  it('starts every database with the legal defaults and a sandbox set per domain, readable by anyone', async () => {
    const all = await t.http.get('/rule-sets');
    expect(all.status).toBe(200);
    expect(all.body.items).toHaveLength(8);
    expect(all.body.items.every((r: RuleSetBody) => r.version === 1 && r.status === 'active' && r.effectiveFrom)).toBe(true);
    const tendering = await active('tendering');
    expect(tendering.params.periods.bidPreparation).toEqual({ value: 20, unit: 'd' });
    expect(tendering.params.numbers).toMatchObject({ minBidders: 3, depositCapBp: 200, committeeMinSize: 5 });
    expect(tendering.params.fractions.expertShare).toEqual({ numerator: 2, denominator: 3 });
    expect(tendering).not.toHaveProperty('createdBy');
    const land = await active('land');
    expect(land.params.amounts).toEqual({ minIncrement: '10000.00' }); // fen in the database, yuan in the API
    expect(land.params.numbers.countdownSeconds).toBe(300);
    const sandbox = await active('tendering', true);
    expect(sandbox.params.periods.bidPreparation).toEqual({ value: 60, unit: 's' });
    const one = await t.http.get(`/rule-sets/${tendering.id}`, others.get(Role.Bidder));
    expect(one.status).toBe(200);
    expect(one.body).toEqual(tendering);
    expect((await t.http.get('/rule-sets/00000000-0000-4000-8000-000000000000')).body.code).toBe('RULE_SET_NOT_FOUND');
    expect((await t.http.get('/rule-sets/not-a-uuid')).status).toBe(400);
    expect((await t.http.get('/rule-sets?domain=sea')).status).toBe(400);
  });

  it('labels every parameter of every seeded rule set in Chinese and English (the diff’s table), none by its code name', async () => {
    const sets: RuleSetBody[] = (await t.http.get('/rule-sets')).body.items;
    const unlabelled: string[] = [];
    for (const set of sets) {
      const fields = (['periods', 'numbers', 'fractions', 'amounts'] as const).flatMap((section) => Object.keys(set.params[section]).map((name) => [`${section}.${name}`, name]));
      expect(Object.keys(set.labels).sort()).toEqual(fields.map(([field]) => field).sort());
      for (const [field, name] of fields) {
        const label = set.labels[field];
        if (!label || label.zh === name || !label.en || !/[\u4e00-\u9fff]/.test(label.zh)) unlabelled.push(`${set.domain} v${set.version}${set.isSandbox ? ' sandbox' : ''} ${field}`);
      }
    }
    expect(unlabelled).toEqual([]);
    const tendering = await active('tendering');
    expect(tendering.labels['periods.bidPreparation']).toEqual({ zh: '招标文件发出至投标截止', en: 'documents issued to bid deadline', law: '法 24' });
    expect(tendering.labels['numbers.minCreditScore'].zh).toBe('报名所需最低信用分(0 为不设门槛)');
  });

  it('drafts from the version in force, edits the draft, publishes it; the old one retires, audited in order', async () => {
    const v1 = await active('land');
    const draft = await t.http.post('/rule-sets', { domain: 'land', name: '2027 年修订', changes: { periods: { listing: { value: 10, unit: 'wd' } }, amounts: { minIncrement: '20000.50' } } }, committee);
    expect(draft.status).toBe(201);
    expect(draft.body).toMatchObject({ domain: 'land', version: 2, status: 'draft', basedOn: v1.id, effectiveFrom: null, publishedAt: null });
    expect(draft.body.params.amounts.minIncrement).toBe('20000.50');
    const [stored] = await t.ds.query(`SELECT params->'amountsFen'->>'minIncrement' AS fen FROM rule_set WHERE id = $1`, [draft.body.id]);
    expect(stored.fen).toBe('2000050');

    const edited = await t.http.patch(`/rule-sets/${draft.body.id}`, { name: '2027 年修订(定稿)', changes: { numbers: { countdownSeconds: 240 } } }, committee);
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ name: '2027 年修订(定稿)', params: { numbers: { countdownSeconds: 240 }, periods: { listing: { value: 10, unit: 'wd' } } } });
    expect((await active('land')).id).toBe(v1.id); // a draft is not in force

    const published = await t.http.post(`/rule-sets/${draft.body.id}/publish`, {}, committee);
    expect(published.status).toBe(200);
    expect(published.body).toMatchObject({ status: 'active', version: 2 });
    expect(new Date(published.body.effectiveFrom).getTime()).toBeGreaterThan(Date.now() - 60_000);
    const line = (await t.http.get('/rule-sets?domain=land&sandbox=false')).body.items;
    expect(line.map((r: RuleSetBody) => `${r.version}:${r.status}`)).toEqual(['2:active', '1:retired']);

    const diff = await t.http.get(`/rule-sets/${v1.id}/diff/${draft.body.id}`);
    expect(diff.status).toBe(200);
    expect(diff.body.from).toMatchObject({ id: v1.id, version: 1, status: 'retired' });
    expect(diff.body.changes).toEqual([
      { field: 'periods.listing', label: { zh: '挂牌期', en: 'listing period', law: '规定 20' }, from: { value: 10, unit: 'd' }, to: { value: 10, unit: 'wd' } },
      { field: 'numbers.countdownSeconds', label: expect.objectContaining({ zh: '限时竞价倒计时(秒)' }), from: 300, to: 240 },
      { field: 'amounts.minIncrement', label: expect.objectContaining({ zh: '最低加价幅度' }), from: '10000.00', to: '20000.50' },
    ]);

    const trail = await t.ds.query(`SELECT action, actor_role FROM audit_event WHERE subject_type = 'rule_set' AND subject_id = $1 ORDER BY id`, [draft.body.id]);
    expect(trail).toEqual([
      { action: 'rule_set.drafted', actor_role: 'committee' },
      { action: 'rule_set.updated', actor_role: 'committee' },
      { action: 'rule_set.published', actor_role: 'committee' },
    ]);
  });

  it('never changes a published or retired version (409 RULE_SET_IMMUTABLE), not even below the API', async () => {
    const [current, retired] = (await t.http.get('/rule-sets?domain=land&sandbox=false')).body.items as RuleSetBody[];
    const before = await t.snapshot();
    for (const id of [current.id, retired.id]) {
      const patch = await t.http.patch(`/rule-sets/${id}`, { name: 'changed', changes: { numbers: { countdownSeconds: 120 } } }, committee);
      expect(patch.status).toBe(409);
      expect(patch.body.code).toBe('RULE_SET_IMMUTABLE');
      const again = await t.http.post(`/rule-sets/${id}/publish`, {}, committee);
      expect(again.status).toBe(409);
      expect(again.body.code).toBe('RULE_SET_IMMUTABLE');
    }
    await expect(t.ds.query(`UPDATE rule_set SET params = '{}' WHERE id = $1`, [current.id])).rejects.toThrow(/never changes/);
    await expect(t.ds.query(`UPDATE rule_set SET status = 'active' WHERE id = $1`, [retired.id])).rejects.toThrow(/never changes/);
    await expect(t.ds.query(`DELETE FROM rule_set WHERE id = $1`, [retired.id])).rejects.toThrow(/never changes/);
    expect(await t.snapshot()).toEqual(before);
    expect((await t.http.get(`/rule-sets/${current.id}`)).body).toEqual(current);
  });

  it('refuses parameters outside the law or malformed, with a reason per field, changing nothing', async () => {
    const before = await t.snapshot();
    const cases: [Record<string, unknown>, string][] = [
      [{ periods: { bidPreparation: { value: 15, unit: 'd' } } }, 'periods.bidPreparation'], // 法 24: ≥ 20 d
      [{ periods: { bidPreparation: { value: 20, unit: 's' } } }, 'periods.bidPreparation'], // seconds only in a sandbox
      [{ periods: { complaintDecision: { value: 30, unit: 'd' } } }, 'periods.complaintDecision'], // 条例 61 counts working days
      [{ periods: { bidPreparation: { value: -1, unit: 'd' } } }, 'periods.bidPreparation'],
      [{ numbers: { minBidders: 2 } }, 'numbers.minBidders'], // 法 28
      [{ numbers: { committeeMinSize: 6 } }, 'numbers.committeeMinSize'], // 法 37: odd
      [{ fractions: { expertShare: { numerator: 1, denominator: 2 } } }, 'fractions.expertShare'], // 法 37: ≥ 2/3
      [{ numbers: { depositCapBp: 500 } }, 'numbers.depositCapBp'], // 条例 26
      [{ numbers: { invented: 1 } }, 'numbers.invented'],
      [{ amounts: { invented: '1.00' } }, 'amounts.invented'],
      [{ surprise: {} }, 'surprise'],
    ];
    for (const [changes, field] of cases) {
      const res = await t.http.post('/rule-sets', { domain: 'tendering', name: 'bad', changes }, committee);
      expect(res.status).toBe(422);
      expect(res.body.code).toBe('RULE_SET_INVALID');
      expect(res.body.details.problems).toEqual([expect.objectContaining({ field, zh: expect.any(String), en: expect.any(String) })]);
    }
    const land = await t.http.post('/rule-sets', { domain: 'land', name: 'bad', changes: { amounts: { minIncrement: '10.001' } } }, committee);
    expect(land.body.details.problems[0]).toMatchObject({ field: 'amounts.minIncrement' });
    const cited = await t.http.post('/rule-sets', { domain: 'tendering', name: 'bad', changes: { periods: { bidPreparation: { value: 15, unit: 'd' } } } }, committee);
    expect(cited.body.details.problems[0]).toMatchObject({ zh: '招标文件发出至投标截止不得少于20日(法 24)' });
    expect((await t.http.post('/rule-sets', { domain: 'sea', name: 'x' }, committee)).status).toBe(400);
    expect((await t.http.post('/rule-sets', { domain: 'rural', name: '' }, committee)).status).toBe(400);
    expect((await t.http.post('/rule-sets', { domain: 'rural', name: 'x', extra: 1 }, committee)).status).toBe(400);
    expect((await t.http.post('/rule-sets', { domain: 'rural', name: 'x', changes: 'all' }, committee)).status).toBe(400);
    expect(await t.snapshot()).toEqual(before);
  });

  it('refuses a bad edit of a draft and keeps the draft as it was', async () => {
    const draft = (await t.http.post('/rule-sets', { domain: 'rural', name: '草稿' }, committee)).body as RuleSetBody;
    const before = await t.snapshot();
    const res = await t.http.patch(`/rule-sets/${draft.id}`, { name: '改名', changes: { fractions: { resolutionApproval: { numerator: 1, denominator: 2 } } } }, committee);
    expect(res.status).toBe(422);
    expect(res.body.details.problems[0].field).toBe('fractions.resolutionApproval');
    expect(await t.snapshot()).toEqual(before);
    expect((await t.http.get(`/rule-sets/${draft.id}`)).body).toEqual(draft);
    expect((await t.http.patch('/rule-sets/00000000-0000-4000-8000-000000000000', { name: 'x' }, committee)).status).toBe(404);
  });

  it('refuses to publish a draft copied from a version another publication replaced (409 RULE_SET_STALE)', async () => {
    const a = (await t.http.post('/rule-sets', { domain: 'tendering', name: 'A', changes: { numbers: { minBidders: 4 } } }, committee)).body as RuleSetBody;
    const b = (await t.http.post('/rule-sets', { domain: 'tendering', name: 'B', changes: { numbers: { maxCandidates: 2 } } }, committee)).body as RuleSetBody;
    expect(a.basedOn).toBe(b.basedOn);
    expect((await t.http.post(`/rule-sets/${a.id}/publish`, {}, committee)).status).toBe(200);
    const before = await t.snapshot();
    const stale = await t.http.post(`/rule-sets/${b.id}/publish`, {}, committee);
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('RULE_SET_STALE');
    expect(await t.snapshot()).toEqual(before);
    expect((await active('tendering')).params.numbers).toMatchObject({ minBidders: 4, maxCandidates: 3 }); // A's rules stand
  });

  it('numbers concurrent drafts of one domain apart', async () => {
    const results = await Promise.all([1, 2, 3, 4, 5].map((i) => t.http.post('/rule-sets', { domain: 'procurement', name: `并发 ${i}` }, committee)));
    expect(results.map((r) => r.status)).toEqual([201, 201, 201, 201, 201]);
    expect(results.map((r) => r.body.version).sort()).toEqual([2, 3, 4, 5, 6]);
  });

  it('drafts and publishes a sandbox version outside production; compares only within a domain', async () => {
    const sandbox = await active('rural', true);
    const draft = await t.http.post('/rule-sets', { domain: 'rural', name: '沙箱 v2', sandbox: true, changes: { numbers: { countdownSeconds: 5 } } }, committee);
    expect(draft.status).toBe(201);
    expect(draft.body).toMatchObject({ isSandbox: true, version: 2, basedOn: sandbox.id });
    const standardInSandbox = await t.http.post('/rule-sets', { domain: 'rural', name: 'x', sandbox: true, changes: { periods: { listing: { value: 10, unit: 'wd' } } } }, committee);
    expect(standardInSandbox.body.details.problems[0].field).toBe('periods.listing');
    expect((await t.http.post(`/rule-sets/${draft.body.id}/publish`, {}, committee)).body.status).toBe('active');
    expect((await active('rural')).version).toBe(1); // the standard line did not move
    const standard = await active('rural');
    expect((await t.http.get(`/rule-sets/${standard.id}/diff/${draft.body.id}`)).status).toBe(200);
    const crossed = await t.http.get(`/rule-sets/${standard.id}/diff/${(await active('land')).id}`);
    expect(crossed.status).toBe(422);
    expect(crossed.body.code).toBe('RULE_SETS_NOT_COMPARABLE');
  });

  it('lets only the committee write rules: every other role 403, anonymous 401, nothing changed', async () => {
    const draft = (await t.http.post('/rule-sets', { domain: 'rural', name: '仅管委会' }, committee)).body as RuleSetBody;
    const before = await t.snapshot();
    const writes = [
      () => ['POST', '/rule-sets', { domain: 'rural', name: 'x' }] as const,
      () => ['PATCH', `/rule-sets/${draft.id}`, { name: 'x' }] as const,
      () => ['POST', `/rule-sets/${draft.id}/publish`, {}] as const,
    ];
    for (const write of writes) {
      const [method, path, body] = write();
      for (const [role, token] of others) {
        const res = await t.http.request(method, path, { body, token });
        expect([role, res.status, res.body.code]).toEqual([role, 403, 'FORBIDDEN_ROLE']);
      }
      const anonymous = await t.http.request(method, path, { body });
      expect(anonymous.status).toBe(401);
    }
    expect(await t.snapshot()).toEqual(before);
    expect((await t.http.get(`/rule-sets/${draft.id}`)).body.status).toBe('draft');
  });
});
