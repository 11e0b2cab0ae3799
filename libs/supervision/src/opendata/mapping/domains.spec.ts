import { ocdsProblems } from '../../../../../test/support/ocds-schema';
import { landFacts, LandRows, ProjectRow, requirementFacts, RequirementRows, ruralFacts, tenderFacts, TenderRows } from './domains';
import { identifierScheme } from './organisation-id';
import { releasesOf } from './releases';

const PREFIX = 'ocds-yg0000';
const at = (m: number) => new Date(Date.UTC(2026, 2, 1, 8, m));
const city = { uscc: '11350100MB0123456X', name: '市卫生健康委员会' };
const agency = { uscc: '91350100MA2Y000001', name: '某招标代理有限公司' };
const [b1, b2, b3] = ['甲', '乙', '丙'].map((n, i) => ({ uscc: `9135010${i}MA2Y00000${i}`, name: `${n}建设有限公司` }));
const pkg = (releases: unknown[]) => ({ uri: 'http://x/p', version: '1.1', publishedDate: at(0).toISOString(), publisher: { name: 'p' }, releases });

const project = (over: Partial<ProjectRow> = {}): ProjectRow => ({
  id: 'p1',
  code: 'GC-2026-000001',
  domain: 'tendering',
  name: '市第一人民医院新院区建设工程',
  status: 'published',
  publishedAt: at(0),
  updatedAt: at(0),
  owner: city,
  agent: agency,
  ...over,
});

const tender = (over: Partial<TenderRows> = {}, t: Partial<TenderRows['tender']> = {}): TenderRows => ({
  project: project(),
  tender: { kind: 'construction', estimateFen: 1_000_000_000n, evaluationMethod: 'comprehensive', status: 'bidding', documentsAvailableAt: at(0), bidDeadline: at(20), openedAt: null, retenderOfCode: null, ...t },
  sections: [{ no: 1, name: '一标段', status: 'open', reportedAt: null }],
  bidders: null,
  awards: [],
  ...over,
});

describe('tender → OCDS', () => {
  it('before the opening: one release, the announcement, with no bidder and no price but the estimate', () => {
    const rs = releasesOf(PREFIX, tenderFacts(tender()));
    expect(rs).toHaveLength(1);
    expect(rs[0]).toMatchObject({ ocid: 'ocds-yg0000-GC-2026-000001', tag: ['planning', 'tender'], initiationType: 'tender', date: at(0).toISOString() });
    expect(rs[0].tender).toMatchObject({ id: 'GC-2026-000001', status: 'active', procurementMethod: 'open', mainProcurementCategory: 'works', value: { amount: 10000000, currency: 'CNY' } });
    expect(rs[0].tender.numberOfTenderers).toBeUndefined();
    expect(rs[0].tender.tenderers).toBeUndefined();
    expect(rs[0].awards).toBeUndefined();
    expect(rs[0].parties.map((p) => [p.name, p.roles])).toEqual([
      ['市卫生健康委员会', ['buyer']],
      ['某招标代理有限公司', ['procuringEntity']],
    ]);
    expect(ocdsProblems(pkg(rs))).toEqual([]);
  });

  it('opening, award and contract each add an immutable release that repeats what was public at its date', () => {
    const rows = tender(
      {
        sections: [{ no: 1, name: '一标段', status: 'awarded', reportedAt: at(40) }],
        bidders: { count: 3, opened: [b1, b2, b3] },
        awards: [{ no: 1, name: '一标段', awardedAt: at(60), priceFen: 99_000_000n, winner: b2, contractSignedAt: at(90), contractAmountFen: 99_000_000n }],
      },
      { status: 'awarded', openedAt: at(21) },
    );
    const rs = releasesOf(PREFIX, tenderFacts(rows));
    expect(rs.map((r) => [r.date, r.tag])).toEqual([
      [at(0).toISOString(), ['planning', 'tender']],
      [at(21).toISOString(), ['tenderUpdate']],
      [at(60).toISOString(), ['award']],
      [at(90).toISOString(), ['contract']],
    ]);
    expect(new Set(rs.map((r) => r.id)).size).toBe(4);
    // The announcement is the same before and after the opening: releases do not change once published.
    expect(rs[0]).toEqual(releasesOf(PREFIX, tenderFacts(tender()))[0]);
    expect(rs[1].tender).toMatchObject({ status: 'active', numberOfTenderers: 3 });
    expect(rs[1].tender.tenderers!.map((t) => t.name)).toEqual(['甲建设有限公司', '乙建设有限公司', '丙建设有限公司']);
    expect(rs[2].tender.status).toBe('complete');
    expect(rs[2].awards).toEqual([{ id: 'section-1', title: '一标段', status: 'active', date: at(60).toISOString(), value: { amount: 990000, currency: 'CNY' }, suppliers: [{ id: `CN-SAIC-${b2.uscc}`, name: b2.name }] }]);
    expect(rs[2].contracts).toBeUndefined();
    expect(rs[3].contracts).toEqual([{ id: 'contract-1', awardID: 'section-1', title: '一标段', status: 'active', dateSigned: at(90).toISOString(), value: { amount: 990000, currency: 'CNY' } }]);
    expect(rs[3].parties.find((p) => p.name === b2.name)!.roles).toEqual(['tenderer', 'supplier']);
    expect(ocdsProblems(pkg(rs))).toEqual([]);
  });

  it('an amendment is a tenderAmendment release with the new deadline; the announcement keeps the deadline it had', () => {
    const amendment = { at: at(10), documentId: 'd1', fileName: '修改1.pdf', sha256: 'ab'.repeat(32), note: '调整工期', previousDeadline: at(20), bidDeadline: at(35), moved: true };
    const rs = releasesOf(PREFIX, tenderFacts(tender({ amendments: [amendment] }, { bidDeadline: at(35) })));
    expect(rs.map((r) => [r.date, r.tag, r.tender.tenderPeriod?.endDate])).toEqual([
      [at(0).toISOString(), ['planning', 'tender'], at(20).toISOString()],
      [at(10).toISOString(), ['tenderAmendment'], at(35).toISOString()],
    ]);
    expect(rs[0].tender.amendments).toBeUndefined();
    expect(rs[1].tender.amendments).toEqual([
      { id: 'd1', date: at(10).toISOString(), rationale: expect.stringContaining('调整工期'), description: expect.stringContaining(at(35).toISOString()), amendsReleaseID: rs[0].id, releaseID: rs[1].id },
    ]);
    // A resumption that shifts the deadline later does not change what the earlier releases said.
    const later = releasesOf(PREFIX, tenderFacts(tender({ amendments: [amendment], deadlineShifts: [{ at: at(15), from: at(35) }] }, { bidDeadline: at(50) })));
    expect(later.map((r) => r.tender.tenderPeriod?.endDate)).toEqual([at(20).toISOString(), at(35).toISOString()]);
    expect(ocdsProblems(pkg(rs))).toEqual([]);
  });

  it('a failed tender ends unsuccessful, counts its bids but names nobody; a re-tender points back to it', () => {
    const failed = releasesOf(PREFIX, tenderFacts(tender({ bidders: { count: 2, opened: [] } }, { status: 'failed', openedAt: at(21) })));
    expect(failed.map((r) => r.tag)).toEqual([['planning', 'tender'], ['tenderUpdate']]);
    expect(failed[1].tender).toMatchObject({ status: 'unsuccessful', numberOfTenderers: 2 });
    expect(failed[1].tender.tenderers).toBeUndefined();
    const again = releasesOf(PREFIX, tenderFacts(tender({ project: project({ code: 'GC-2026-000002' }) }, { retenderOfCode: 'GC-2026-000001' })));
    expect(again[0].relatedProcesses).toEqual([{ id: '1', relationship: ['unsuccessfulProcess'], title: '市第一人民医院新院区建设工程', scheme: 'ocid', identifier: 'ocds-yg0000-GC-2026-000001' }]);
  });
});

describe('land sale → OCDS', () => {
  const land = (over: Partial<LandRows['parcel']> = {}, winner = true): LandRows => ({
    project: project({ domain: 'land', code: 'TD-2026-000001', name: '城东片区 2026-03 号地块', agent: null }),
    parcel: {
      location: '鼓楼区东街以南',
      areaM2: '35000.50',
      landUse: 'residential',
      termYears: 70,
      plotRatio: '2.50',
      mode: 'listing',
      startPriceFen: 1_000_000_000n,
      listingStartsAt: at(10),
      listingEndsAt: at(20),
      auctionAt: null,
      outcome: 'sold',
      priceFen: 1_010_000_000n,
      endedAt: at(25),
      confirmationNo: 'CJ-2026-0001',
      confirmedAt: at(30),
      ...over,
    },
    bidderCount: 2,
    winner: winner ? b1 : null,
  });

  it('names the buyer only from the deal confirmation; a sale carries negative amounts', () => {
    const rs = releasesOf(PREFIX, landFacts(land()));
    expect(rs.map((r) => r.tag)).toEqual([['planning', 'tender'], ['award'], ['award', 'contract']]);
    expect(rs[0].tender).toMatchObject({ status: 'active', procurementMethod: 'open', value: { amount: -10000000, currency: 'CNY' } });
    expect(rs[0].tender.procurementMethodDetails).toContain('挂牌');
    expect(rs[1].tender).toMatchObject({ status: 'complete', numberOfTenderers: 2 });
    expect(rs[1].awards![0]).toMatchObject({ value: { amount: -10100000, currency: 'CNY' }, suppliers: [] });
    expect(JSON.stringify(rs[1])).not.toContain(b1.uscc);
    expect(rs[2].awards![0].suppliers).toEqual([{ id: `CN-SAIC-${b1.uscc}`, name: b1.name }]);
    expect(rs[2].contracts![0]).toMatchObject({ id: 'CJ-2026-0001', awardID: 'sale-1', status: 'active', value: { amount: -10100000 } });
    expect(rs[2].parties.map((p) => [p.name, p.roles])).toEqual([
      ['市卫生健康委员会', ['buyer', 'payee']],
      ['甲建设有限公司', ['supplier', 'payer']],
    ]);
    // Before the confirmation the same award release is published, without the buyer.
    const unconfirmed = releasesOf(PREFIX, landFacts(land({ confirmedAt: null, confirmationNo: null }, false)));
    expect(unconfirmed).toEqual(rs.slice(0, 2));
    for (const r of [rs, unconfirmed]) expect(ocdsProblems(pkg(r))).toEqual([]);
  });

  it('an unsold listing ends unsuccessful with no award', () => {
    const rs = releasesOf(PREFIX, landFacts(land({ outcome: 'unsold', priceFen: null, confirmationNo: null, confirmedAt: null }, false)));
    expect(rs[1].tender).toMatchObject({ status: 'unsuccessful', statusDetails: '流拍 / unsold' });
    expect(rs[1].awards).toBeUndefined();
  });
});

describe('e-mall online quote → OCDS', () => {
  const rows = (over: Partial<RequirementRows['requirement']> = {}): RequirementRows => ({
    requirement: { id: 'r1', title: '办公计算机采购', categoryCode: 'A02.01.02', items: [{ description: '台式计算机', quantity: 100, unit: '台' }], maxPriceFen: 150_000_000n, round: 2, status: 'awarded', createdAt: at(0), closedAt: at(40), winnerQuoteId: 'q5', ...over },
    purchaser: city,
    budgetLine: { code: 'ZB-2026-001', name: '办公设备购置' },
    rounds: [
      { round: 1, openedAt: at(0), deadline: at(10) },
      { round: 2, openedAt: at(20), deadline: at(30) },
    ],
    quotes: [
      { id: 'q1', round: 1, supplier: b1, totalFen: 140_000_000n, openedAt: at(10) },
      { id: 'q3', round: 2, supplier: b1, totalFen: 139_000_000n, openedAt: at(30) },
      { id: 'q4', round: 2, supplier: b2, totalFen: 138_000_000n, openedAt: at(30) },
      { id: 'q5', round: 2, supplier: b3, totalFen: 137_654_321n, openedAt: at(30) },
    ],
    order: { no: 'DD-2026-000001', status: 'paid', totalFen: 137_654_321n, confirmedAt: at(45), paidAt: at(50) },
  });

  it('makes each round its own process: a failed first round, and a second awarded, ordered and paid', () => {
    const [first, second] = requirementFacts(rows()).map((f) => releasesOf(PREFIX, f));
    expect(first.map((r) => r.ocid)).toEqual(['ocds-yg0000-CG-RQ-r1', 'ocds-yg0000-CG-RQ-r1']);
    expect(first[1].tender).toMatchObject({ status: 'unsuccessful', numberOfTenderers: 1 });
    expect(second[0].ocid).toBe('ocds-yg0000-CG-RQ-r1-R2');
    expect(second[0].relatedProcesses![0]).toMatchObject({ relationship: ['unsuccessfulProcess'], identifier: 'ocds-yg0000-CG-RQ-r1' });
    expect(second[0].tender).toMatchObject({ procurementMethod: 'selective', mainProcurementCategory: 'goods', value: { amount: 1500000 }, tenderPeriod: { startDate: at(20).toISOString(), endDate: at(30).toISOString() } });
    expect(second[0].planning!.budget).toMatchObject({ id: 'ZB-2026-001', amount: { amount: 1500000, currency: 'CNY' } });
    expect(second.map((r) => r.tag)).toEqual([['planning', 'tender'], ['award'], ['contract'], ['implementation']]);
    expect(second[1].awards![0]).toMatchObject({ value: { amount: 1376543.21 }, suppliers: [{ name: b3.name }] });
    expect(second[3].contracts![0]).toMatchObject({ id: 'DD-2026-000001', awardID: 'award-1', implementation: { transactions: [{ value: { amount: 1376543.21 }, payer: { name: city.name }, payee: { name: b3.name } }] } });
    for (const r of [first, second]) expect(ocdsProblems(pkg(r))).toEqual([]);
  });

  it('names no supplier and no price while the round is quoting', () => {
    const quoting = { ...rows(), quotes: [] };
    const [fresh] = requirementFacts({ ...quoting, requirement: { ...quoting.requirement, round: 1, status: 'quoting', closedAt: null, winnerQuoteId: null }, order: null }).map((f) => releasesOf(PREFIX, f));
    expect(fresh).toHaveLength(1);
    expect(fresh[0].tender.numberOfTenderers).toBeUndefined();
    expect(fresh[0].parties.map((p) => p.roles)).toEqual([['buyer']]);
  });
});

describe('rural deal → OCDS', () => {
  it('a listing concluded by agreement and contracted: the buyer of the right pays the collective', () => {
    const collective = { uscc: 'N2350100MF0000001X', name: '某村股份经济合作社' };
    const rs = releasesOf(
      PREFIX,
      ruralFacts({
        project: project({ domain: 'rural', code: 'NC-2026-000001', name: '某村 120 亩耕地经营权流转', owner: collective, agent: null }),
        deal: { kindName: '土地经营权流转', description: '耕地', quantity: '120.0000', unit: '亩', termMonths: 60, listingPriceFen: 36_000_000n, status: 'contracted', method: 'agreement', dealPriceFen: 36_000_000n, concludedAt: at(30), contractNo: 'HT-001', contractSignedAt: at(50), contractAmountFen: 36_000_000n, updatedAt: at(50) },
        listing: { round: 1, priceFen: 36_000_000n, startsAt: at(0), endsAt: at(20), closedAt: at(21), qualified: 1 },
        buyer: b1,
      }),
    );
    expect(rs.map((r) => r.tag)).toEqual([['planning', 'tender'], ['tenderUpdate'], ['award'], ['contract']]);
    expect(rs[3].contracts![0]).toMatchObject({ id: 'HT-001', awardID: 'deal-1', value: { amount: -360000, currency: 'CNY' } });
    expect(rs[3].parties.find((p) => p.name === collective.name)).toMatchObject({ identifier: { scheme: 'CN-USCC' }, roles: ['buyer', 'payee'] });
    expect(ocdsProblems(pkg(rs))).toEqual([]);
  });
});

describe('organisation identifiers', () => {
  it('uses org-id.guide CN-SAIC for codes of the market regulator, CN-USCC for others', () => {
    expect(identifierScheme('91350100MA2Y000001')).toBe('CN-SAIC');
    expect(identifierScheme('11350100MB0123456X')).toBe('CN-USCC');
  });
});
