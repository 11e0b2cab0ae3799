import { randomBytes } from 'node:crypto';
import { Role, TradingDomain } from '@app/platform/auth/roles';
import { startTestApp, TestAccount, TestApp } from '../../support/test-app';

const H = (c: string) => c.repeat(64);
const fen = (yuan: number) => (BigInt(yuan) * 100n).toString();

// The office and the tendering regulator scan opened tender sections for 围标串标 signals and review them.
describe('collusion signals on opened tenders', () => {
  let t: TestApp;
  let office: TestAccount;
  let regulator: string;
  let bidders: TestAccount[];
  let project: string;
  let dirty: string;
  let clean: string;

  /** A tender, as the tendering migration shapes it, opened with the given sections. */
  async function openedTender(owner: TestAccount, n: number): Promise<{ project: string; sections: string[] }> {
    const [p] = await t.ds.query(
      `INSERT INTO trading_project (code, domain, name, region, owner_organisation_id, created_by) VALUES ($1, 'tendering', '城东污水管网改造', '350102', $2, $3) RETURNING id`,
      [`T-${randomBytes(4).toString('hex')}`, owner.organisationId, owner.id],
    );
    await t.ds.query(
      `INSERT INTO tender (project_id, kind, estimate_fen, evaluation_method, qualification, status, bid_deadline, opened_at, data_key_wrapped)
       VALUES ($1, 'construction', 500000000, 'lowest_price', '市政公用工程施工总承包三级', 'opened', now() - interval '1 day', now(), '\\x00')`,
      [p.id],
    );
    const sections: string[] = [];
    for (let no = 1; no <= n; no++) {
      const [s] = await t.ds.query(`INSERT INTO tender_section (project_id, no, name, estimate_fen, deposit_fen, status) VALUES ($1, $2, $3, 500000000, 1000000, 'opened') RETURNING id`, [p.id, no, `第${no}标段`]);
      sections.push(s.id);
    }
    return { project: p.id, sections };
  }

  async function bid(section: string, b: TestAccount, sha: string, ip: string, priceYuan: number): Promise<string> {
    const [r] = await t.ds.query(
      `INSERT INTO tender_bid (section_id, organisation_id, submitted_by, price_sealed, documents_sealed, file_name_sealed, documents_size, documents_sha256, bid_digest, client_ip, price_fen, opened_at)
       VALUES ($1, $2, $3, '\\x00', '\\x00', '\\x00', 1, $4, $5, $6, $7, now()) RETURNING id`,
      [section, b.organisationId, b.id, sha, H('f'), ip, fen(priceYuan)],
    );
    return r.id;
  }

  async function deposit(section: string, b: TestAccount, payer: string): Promise<string> {
    const [r] = await t.ds.query(
      `INSERT INTO tender_deposit (section_id, organisation_id, method, reference, payer_account, amount_fen, status) VALUES ($1, $2, 'transfer', $3, $4, 1000000, 'confirmed') RETURNING id`,
      [section, b.organisationId, `REF-${randomBytes(3).toString('hex')}`, payer],
    );
    return r.id;
  }

  const ids = { bids: [] as string[], deposits: [] as string[] };

  beforeAll(async () => {
    t = await startTestApp('supervision-collusion');
    office = await t.account([Role.Office]);
    regulator = (await t.account([{ role: Role.Regulator, domain: TradingDomain.Tendering }])).token;
    const owner = await t.account([Role.Owner]);
    bidders = [];
    for (let i = 0; i < 4; i++) bidders.push(await t.account([Role.Bidder]));
    const tender = await openedTender(owner, 2);
    [project, [dirty, clean]] = [tender.project, tender.sections];

    // section 1: bidders 0 and 1 share documents, 2 and 3 an IP, 1 and 3 a payer account; prices 1% apart
    ids.bids = [
      await bid(dirty, bidders[0], H('a'), '10.1.1.1', 1_000_000),
      await bid(dirty, bidders[1], H('a'), '10.1.1.2', 1_010_000),
      await bid(dirty, bidders[2], H('b'), '10.9.9.9', 1_020_000),
      await bid(dirty, bidders[3], H('c'), '10.9.9.9', 1_030_000),
    ];
    ids.deposits = [
      await deposit(dirty, bidders[0], '6222 0001'),
      await deposit(dirty, bidders[1], '6222 7777'),
      await deposit(dirty, bidders[2], '6222 0003'),
      await deposit(dirty, bidders[3], '6222-7777'),
    ];
    // section 2: nothing shared, prices spread
    for (const [i, p] of [900_000, 1_000_000, 1_180_000].entries()) {
      await bid(clean, bidders[i], H(String(i + 1)), `10.2.2.${i}`, p);
      await deposit(clean, bidders[i], `9555 000${i}`);
    }
  });

  afterAll(() => t.close());

  const org = (i: number) => bidders[i].organisationId;
  const signals = async (query: Record<string, string>, token = office.token) => t.http.get(`/supervision/collusion/signals?${new URLSearchParams(query)}`, token);

  it('finds each signal of the opened section with its evidence, and none on the clean one', async () => {
    const res = await t.http.post(`/supervision/collusion/tenders/${project}/scan`, {}, office.token);
    expect(res.status).toBe(200);
    expect(res.body.sections).toEqual([
      { sectionId: dirty, no: 1, bids: 4, signals: 5 },
      { sectionId: clean, no: 2, bids: 3, signals: 0 },
    ]);
    const byKind = Object.fromEntries(res.body.created.map((s: { kind: string }) => [s.kind, s]));
    expect(Object.keys(byKind).sort()).toEqual(['price_cluster', 'price_progression', 'same_documents', 'same_ip', 'same_payer_account']);
    const pair = (a: number, b: number) => [{ bidId: ids.bids[a], organisationId: org(a) }, { bidId: ids.bids[b], organisationId: org(b) }].sort((x, y) => (x.bidId < y.bidId ? -1 : 1));
    expect(byKind.same_documents).toMatchObject({ projectId: project, sectionId: dirty, sectionNo: 1, status: 'open', evidence: { documentsSha256: H('a'), bids: pair(0, 1) } });
    expect(byKind.same_ip.evidence).toEqual({ clientIp: '10.9.9.9', bids: pair(2, 3) });
    expect(byKind.same_payer_account.evidence).toEqual({
      payerAccount: '62227777',
      deposits: [{ depositId: ids.deposits[1], organisationId: org(1) }, { depositId: ids.deposits[3], organisationId: org(3) }].sort((x, y) => (x.depositId < y.depositId ? -1 : 1)),
    });
    expect(byKind.price_progression.evidence).toEqual({
      bids: ids.bids.map((bidId, i) => ({ bidId, organisationId: org(i), priceFen: fen([1_000_000, 1_010_000, 1_020_000, 1_030_000][i]) })),
      differencesFen: ['1000000', '1000000', '1000000'],
      maxMinRatio: 1,
      tolerance: 1.05,
    });
    expect(byKind.price_cluster.evidence).toMatchObject({ meanFen: fen(1_015_000), cv: 0.011015, threshold: 0.015 });
    expect(byKind.price_cluster.evidence.bids).toHaveLength(4);

    const audited = await t.ds.query(`SELECT action, subject_id FROM audit_event WHERE subject_type = 'collusion_signal' ORDER BY id`);
    expect(audited).toHaveLength(5);
    expect(new Set(audited.map((a: { subject_id: string }) => a.subject_id))).toEqual(new Set(res.body.created.map((s: { id: string }) => s.id)));
    expect(audited.every((a: { action: string }) => a.action === 'collusion.signal_found')).toBe(true);
    // The signals belong to the project's audit trail.
    const trail = await t.http.get(`/supervision/audit?projectId=${project}&action=collusion.signal_found`, office.token);
    expect(trail.status).toBe(200);
    expect(trail.body.total).toBe(5);
  });

  it('a second scan adds nothing', async () => {
    const before = await t.snapshot();
    const res = await t.http.post(`/supervision/collusion/tenders/${project}/scan`, {}, regulator);
    expect(res.status).toBe(200);
    expect(res.body.created).toEqual([]);
    expect(await t.snapshot()).toEqual(before);
  });

  it('lists by project and status, and a review is recorded once and audited', async () => {
    const open = await signals({ projectId: project, status: 'open' });
    expect(open.status).toBe(200);
    expect(open.body).toHaveLength(5);
    const target = open.body.find((s: { kind: string }) => s.kind === 'same_documents');
    const res = await t.http.post(`/supervision/collusion/signals/${target.id}/review`, { status: 'confirmed', note: '两家投标文件完全一致,移交调查' }, office.token);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: target.id, status: 'confirmed', reviewNote: '两家投标文件完全一致,移交调查', reviewedBy: office.id, reviewedAt: expect.any(String) });
    const [last] = await t.ds.query(`SELECT action, subject_type, subject_id, actor_id FROM audit_event ORDER BY id DESC LIMIT 1`);
    expect(last).toEqual({ action: 'collusion.signal_reviewed', subject_type: 'collusion_signal', subject_id: target.id, actor_id: office.id });

    const again = await t.http.post(`/supervision/collusion/signals/${target.id}/review`, { status: 'dismissed', note: '改判' }, regulator);
    expect([again.status, again.body.code]).toEqual([409, 'COLLUSION_SIGNAL_REVIEWED']);
    const dismissed = open.body.find((s: { kind: string }) => s.kind === 'price_cluster');
    expect((await t.http.post(`/supervision/collusion/signals/${dismissed.id}/review`, { status: 'dismissed', note: '控制价下合理集中' }, regulator)).status).toBe(200);

    expect((await signals({ projectId: project, status: 'open' }, regulator)).body).toHaveLength(3);
    expect((await signals({ status: 'confirmed' })).body.map((s: { id: string }) => s.id)).toEqual([target.id]);
    expect((await t.http.post(`/supervision/collusion/signals/${target.id}/review`, { status: 'open', note: 'x' }, office.token)).status).toBe(400);
    expect((await t.http.post(`/supervision/collusion/signals/00000000-0000-4000-8000-000000000000/review`, { status: 'dismissed', note: 'x' }, office.token)).status).toBe(404);
  });

  it('refuses the centre, the owner, a bidder and a regulator of another domain, changing nothing', async () => {
    const [signal] = (await signals({ projectId: project })).body;
    const before = await t.snapshot();
    const others = [await t.account([Role.Centre]), await t.account([Role.Owner]), bidders[0], await t.account([{ role: Role.Regulator, domain: TradingDomain.Land }])];
    const snapshotAfterAccounts = await t.snapshot();
    for (const a of others) {
      expect((await t.http.post(`/supervision/collusion/tenders/${project}/scan`, {}, a.token)).status).toBe(403);
      expect((await signals({ projectId: project }, a.token)).status).toBe(403);
      expect((await t.http.post(`/supervision/collusion/signals/${signal.id}/review`, { status: 'dismissed', note: 'x' }, a.token)).status).toBe(403);
    }
    expect(await t.snapshot()).toEqual(snapshotAfterAccounts);
    expect(before.collusion_signal).toBe(snapshotAfterAccounts.collusion_signal);
    expect((await t.http.post(`/supervision/collusion/tenders/00000000-0000-4000-8000-000000000000/scan`, {}, office.token)).status).toBe(404);
  });
});
