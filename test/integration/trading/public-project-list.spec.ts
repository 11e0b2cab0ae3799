import { Role, TradingDomain } from '@app/platform/auth/roles';
import { PUBLIC_PAGE_MAX_AGE_MS } from '@app/trading/projects/public-project-pages';
import { startTestApp, TestAccount, TestApp } from '../../support/test-app';

// GET /public/projects from cached pages (issue 19): exact totals kept by the publishing transaction, ETag/304, and a
// change committed anywhere reaches the next list of every api process (docs/decisions.md "Public project list").
describe('public project list: counter, ETag, invalidation across api processes', () => {
  let t: TestApp;
  let other: TestApp;
  let owner: TestAccount;
  let centre: string;
  let office: string;

  beforeAll(async () => {
    t = await startTestApp('public-list');
    other = await startTestApp('public-list-2', { DATABASE_URL: t.databaseUrl });
    owner = await t.account([Role.Owner]);
    centre = (await t.account([Role.Centre])).token;
    office = (await t.account([Role.Office])).token;
  });

  afterAll(async () => {
    await other?.close();
    await t?.close();
  });

  const published = async (domain: string, name = '城东安置房一期施工总承包') => {
    const p = (await t.http.post('/projects', { domain, name, region: '350102' }, owner.token)).body;
    expect((await t.http.post(`/projects/${p.id}/publish`, {}, centre)).status).toBe(200);
    return p as { id: string; code: string };
  };
  const realCount = async (domain?: string) =>
    (await t.ds.query(`SELECT count(*)::int AS n FROM trading_project WHERE published_at IS NOT NULL ${domain ? 'AND domain = $1' : ''}`, domain ? [domain] : []))[0].n as number;
  const totals = async (app: TestApp) => {
    const out: Record<string, number> = { all: (await app.http.get('/public/projects?pageSize=1')).body.total };
    for (const d of Object.values(TradingDomain)) out[d] = (await app.http.get(`/public/projects?domain=${d}&pageSize=1`)).body.total;
    return out;
  };
  const expected = async () => {
    const out: Record<string, number> = { all: await realCount() };
    for (const d of Object.values(TradingDomain)) out[d] = await realCount(d);
    return out;
  };
  /** Reads until `ok` holds, up to the documented bound (plus a margin for a loaded machine): the promise under test. */
  const within = async (read: () => Promise<boolean>) => {
    const until = Date.now() + PUBLIC_PAGE_MAX_AGE_MS + 3000;
    while (!(await read())) {
      if (Date.now() > until) return false;
      await new Promise((r) => setTimeout(r, 20));
    }
    return true;
  };

  it('keeps the total equal to the real count through publish, drafts, suspension, resumption and bulk inserts', async () => {
    expect(await totals(t)).toEqual(await expected());
    await published('tendering');
    await published('land');
    await published('land');
    await t.http.post('/projects', { domain: 'rural', name: '未发布的草稿项目', region: '350102' }, owner.token);
    expect(await totals(t)).toEqual({ all: 3, tendering: 1, land: 2, procurement: 0, rural: 0 });
    expect(await totals(t)).toEqual(await expected());

    const land = (await t.http.get('/public/projects?domain=land&pageSize=1')).body.items[0];
    expect((await t.http.post(`/projects/${land.id}/suspend`, { reason: '投诉处理中,暂停交易活动' }, office)).status).toBe(200);
    expect(await totals(t)).toEqual({ all: 3, tendering: 1, land: 2, procurement: 0, rural: 0 });
    expect((await t.http.post(`/projects/${land.id}/resume`, { note: '投诉已处理' }, office)).status).toBe(200);
    // A project closed (or cancelled) after publication stays on the public list and in its total.
    await t.ds.query(`UPDATE trading_project SET status = 'closed' WHERE id = $1`, [land.id]);

    // Rows inserted already published (seeds, imports) count too, in the inserting statement's transaction.
    const [{ rule_set_id: ruleSetId, rule_snapshot: snapshot, created_by: createdBy, owner_organisation_id: org }] = await t.ds.query(
      `SELECT rule_set_id, rule_snapshot, created_by, owner_organisation_id FROM trading_project WHERE domain = 'tendering' AND published_at IS NOT NULL LIMIT 1`,
    );
    await t.ds.query(
      `INSERT INTO trading_project (code, domain, name, region, owner_organisation_id, created_by, status, rule_set_id, rule_snapshot, published_at)
       SELECT 'GC-2026-9' || lpad(i::text, 5, '0'), 'tendering', '批量导入的已发布项目' || i, '350102', $1, $2, 'published', $3, $4, now() FROM generate_series(1, 5) i`,
      [org, createdBy, ruleSetId, snapshot],
    );
    expect(await within(async () => (await totals(t)).tendering === 6)).toBe(true);
    expect(await totals(t)).toEqual(await expected());
    expect(await totals(other)).toEqual(await expected());
    expect((await t.ds.query(`SELECT published::int AS n FROM public_project_count WHERE domain = 'procurement'`))[0].n).toBe(0);
  });

  it('shows a publication on the next list of the publishing process, and within the bound on the other one', async () => {
    const before = await other.http.get('/public/projects?pageSize=5');
    await t.http.get('/public/projects?pageSize=5'); // both processes hold the page now
    const p = await published('procurement', '办公设备网上竞价采购项目');
    const mine = await t.http.get('/public/projects?pageSize=5');
    expect(mine.body.items[0]).toMatchObject({ id: p.id, code: p.code, status: 'published', ruleSetVersion: 1 });
    expect(mine.body.total).toBe(before.body.total + 1);
    expect(await within(async () => (await other.http.get('/public/projects?pageSize=5')).body.items[0].id === p.id)).toBe(true);

    // A status change committed by another process (here, SQL) reaches both through PostgreSQL's notification.
    await t.ds.query(`UPDATE trading_project SET status = 'closed' WHERE id = $1`, [p.id]);
    for (const app of [t, other]) expect(await within(async () => (await app.http.get('/public/projects?pageSize=5')).body.items[0].status === 'closed')).toBe(true);
  });

  it('answers 304 to a matching If-None-Match, and a new ETag once the page changed', async () => {
    const first = await t.http.get('/public/projects?domain=rural');
    expect(first.status).toBe(200);
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^".+"$/);
    expect(first.headers.get('cache-control')).toBe('no-cache');
    // The same bytes give the same tag on every api process, so a client may switch between them.
    expect((await other.http.get('/public/projects?domain=rural')).headers.get('etag')).toBe(etag);

    const unchanged = await t.http.request('GET', '/public/projects?domain=rural', { headers: { 'if-none-match': etag } });
    expect(unchanged.status).toBe(304);
    expect(unchanged.body).toBe('');
    expect((await t.http.request('GET', '/public/projects?domain=rural', { headers: { 'if-none-match': '"stale", ' + etag } })).status).toBe(304);
    expect((await t.http.request('GET', '/public/projects?domain=rural', { headers: { 'if-none-match': '"something-else"' } })).status).toBe(200);

    const p = await published('rural', '村集体厂房租赁项目');
    const changed = await t.http.request('GET', '/public/projects?domain=rural', { headers: { 'if-none-match': etag } });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).not.toBe(etag);
    expect(changed.body.items[0].id).toBe(p.id);
  });

  it('drops the cached pages when an organisation shown on them is renamed', async () => {
    await published('tendering', '道路改造工程施工项目');
    const before = (await t.http.get('/public/projects?pageSize=1')).body.items[0];
    await t.ds.query(`UPDATE organisation SET name = '更名后的招标人有限公司' WHERE id = $1`, [owner.organisationId]);
    for (const app of [t, other]) expect(await within(async () => (await app.http.get('/public/projects?pageSize=1')).body.items[0].owner.name === '更名后的招标人有限公司')).toBe(true);
    expect(before.owner.name).not.toBe('更名后的招标人有限公司');
  });
});
