import { Role, TradingDomain } from '@app/platform/auth/roles';
import { startTestApp, TestAccount, TestApp } from '../../support/test-app';

// 单位检索: the office and regulators find an organisation by a name fragment or the start of its USCC, with its score.
describe('supervisors’ organisation search', () => {
  let t: TestApp;
  let office: TestAccount;
  let regulator: TestAccount;
  let operating: TestAccount[];
  let builder: { id: string; uscc: string };
  let twin: { id: string; uscc: string };

  const search = (query: string, token = office.token) => t.http.get(`/supervision/credit/organisations?${query}`, token);
  const orgOf = async (name: string, region: string | null) => {
    const id = await t.organisation(name);
    await t.ds.query(`UPDATE organisation SET region = $2 WHERE id = $1`, [id, region]);
    const [{ uscc }] = await t.ds.query(`SELECT trim(uscc) AS uscc FROM organisation WHERE id = $1`, [id]);
    return { id, uscc: uscc as string };
  };

  beforeAll(async () => {
    t = await startTestApp('organisation-search');
    office = await t.account([Role.Office]);
    regulator = await t.account([{ role: Role.Regulator, domain: TradingDomain.Land }]);
    operating = await Promise.all([Role.Centre, Role.Owner, Role.Agent, Role.Bidder, Role.Expert, Role.Committee].map((r) => t.account([r])));
    builder = await orgOf('闽江检索建设集团有限公司', '350102');
    twin = await orgOf('闽江检索路桥有限公司', null);
    await orgOf('百分之百_检索%咨询公司', '350103');
  }, 60000);

  afterAll(() => t?.close());

  it('finds by a name fragment, with region and the current score (100 without a record, the penalised score after one)', async () => {
    const res = await search(`q=${encodeURIComponent('闽江检索')}`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      items: [
        { id: builder.id, name: '闽江检索建设集团有限公司', uscc: builder.uscc, region: '350102', score: 100 },
        { id: twin.id, name: '闽江检索路桥有限公司', uscc: twin.uscc, region: null, score: 100 },
      ],
      total: 2,
      page: 1,
      pageSize: 20,
    });
    const penalty = await t.http.post(`/supervision/credit/organisations/${builder.id}/penalties`, { points: 7, decisionNo: '榕检罚〔2026〕1号', note: '检索测试' }, office.token);
    expect(penalty.status).toBe(201);
    const again = await search(`q=${encodeURIComponent('检索建设')}`, regulator.token);
    expect(again.status).toBe(200);
    expect(again.body.items).toEqual([{ id: builder.id, name: '闽江检索建设集团有限公司', uscc: builder.uscc, region: '350102', score: 93 }]);
  });

  it('finds by the start of a USCC (any case), the USCC match first; pages; wildcards are literal', async () => {
    const byUscc = await search(`q=${builder.uscc.slice(0, 14).toLowerCase()}`);
    expect(byUscc.status).toBe(200);
    expect(byUscc.body.items.map((o: { id: string }) => o.id)).toEqual([builder.id]);
    expect((await search(`q=${twin.uscc}`, regulator.token)).body.items.map((o: { id: string }) => o.id)).toEqual([twin.id]);

    const second = await search(`q=${encodeURIComponent('闽江检索')}&page=2&pageSize=1`);
    expect(second.body).toMatchObject({ items: [{ id: twin.id }], total: 2, page: 2, pageSize: 1 });

    expect((await search(`q=${encodeURIComponent('_检索%')}`)).body.items.map((o: { name: string }) => o.name)).toEqual(['百分之百_检索%咨询公司']);
    expect((await search('q=%25%25')).body).toMatchObject({ items: [], total: 0 }); // not “anything”
    expect((await search(`q=${encodeURIComponent('没有这个单位')}`)).body).toEqual({ items: [], total: 0, page: 1, pageSize: 20 });
  });

  it('keeps its indexes: a name fragment uses the trigram index, a USCC prefix the pattern btree', async () => {
    const plan = await t.ds.transaction(async (em) => {
      await em.query(`SET LOCAL enable_seqscan = off`);
      const rows = await em.query(`EXPLAIN SELECT id FROM organisation o WHERE (o.name ILIKE $1 OR o.uscc LIKE $2)`, ['%检索建设%', '9111010812%']);
      return rows.map((r: Record<string, string>) => r['QUERY PLAN']).join('\n');
    });
    expect(plan).toContain('organisation_name_trgm_idx');
    expect(plan).toContain('organisation_uscc_prefix_idx');
  });

  it('refuses the operating roles, the committee and experts (403) and anonymous callers (401)', async () => {
    for (const a of operating) {
      const res = await search(`q=${encodeURIComponent('闽江检索')}`, a.token);
      expect([res.status, res.body.code]).toEqual([403, 'FORBIDDEN_ROLE']);
    }
    expect((await t.http.get(`/supervision/credit/organisations?q=${encodeURIComponent('闽江检索')}`)).status).toBe(401);
  });

  it('answers a bad query with 400 and changes nothing', async () => {
    const before = await t.snapshot();
    for (const query of ['', 'q=', 'q=a', `q=${encodeURIComponent(' 闽 ')}`, `q=${'检'.repeat(51)}`, `q=${encodeURIComponent('闽江')}&pageSize=51`, `q=${encodeURIComponent('闽江')}&pageSize=0`, `q=${encodeURIComponent('闽江')}&page=0`, `q=${encodeURIComponent('闽江')}&extra=1`, 'q=ab&q=cd']) {
      const res = await search(query);
      expect([query, res.status, res.body.code]).toEqual([query, 400, 'VALIDATION_FAILED']);
      expect(res.body.message).toEqual({ zh: expect.any(String), en: expect.any(String) });
    }
    expect(await t.snapshot()).toEqual(before);
  });
});
