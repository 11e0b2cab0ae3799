import { stateAt, versionsOf, HistoryInput } from './project-history';

const at = (m: number) => new Date(Date.UTC(2026, 2, 1, 8, m));

describe('public project history', () => {
  const input: HistoryInput = {
    events: [
      { at: at(0), action: 'project.published', role: 'centre', payload: { from: 'draft', to: 'published' } },
      { at: at(0), action: 'tender.announced', role: 'centre', payload: { bidDeadline: at(20).toISOString() } },
      { at: at(5), action: 'tender.amended', role: 'owner', payload: { documentId: 'd2', previousDeadline: at(20).toISOString(), bidDeadline: at(30).toISOString(), moved: true } },
      { at: at(8), action: 'project.suspended', role: 'office', payload: { from: 'published', to: 'suspended', reason: '投诉处理' } },
      { at: at(10), action: 'project.resumed', role: 'office', payload: { from: 'suspended', to: 'published', shifted: [{ key: 'tender.bid_deadline', from: at(30).toISOString(), to: at(32).toISOString() }] } },
      { at: at(32), action: 'tender.opened', role: 'system', payload: {} },
    ],
    documents: [
      { id: 'd1', kind: 'tender', fileName: '招标文件.pdf', sha256: 'a', note: null, createdAt: at(-5) },
      { id: 'd2', kind: 'amendment', fileName: '修改.pdf', sha256: 'b', note: '第二章修改', createdAt: at(4.5) },
    ],
    clarifications: [{ question: 'q', answer: 'a', answeredAt: at(6) }],
  };

  it('lists one version per public event with what changed and why', () => {
    const v = versionsOf(input);
    expect(v.map((x) => x.action)).toEqual(['project.published', 'tender.announced', 'tender.amended', 'project.suspended', 'project.resumed', 'tender.opened']);
    expect(v[2].changes).toEqual([
      { field: 'bidDeadline', from: at(20).toISOString(), to: at(30).toISOString() },
      { field: 'documents', from: null, to: [expect.objectContaining({ id: 'd2', fileName: '修改.pdf' })] },
    ]);
    expect(v[2].reason).toEqual({ zh: '发布修改文件', en: 'tender documents amended', note: '第二章修改' });
    expect(v[3].reason.note).toBe('投诉处理');
    expect(v[4].changes).toEqual([
      { field: 'projectStatus', from: 'suspended', to: 'published' },
      { field: 'bidDeadline', from: at(30).toISOString(), to: at(32).toISOString() },
    ]);
    // an answer published between two events shows with the next one
    expect(v[3].changes).toEqual([
      { field: 'projectStatus', from: 'published', to: 'suspended' },
      { field: 'clarifications', from: null, to: [{ question: 'q', answer: 'a', answeredAt: at(6).toISOString() }] },
    ]);
  });

  it('gives the public view as it was at any moment, and nothing before publication', () => {
    expect(stateAt(input, at(-1))).toBeNull();
    const early = stateAt(input, at(4))!;
    expect(early).toMatchObject({ projectStatus: 'published', tenderStatus: 'bidding', bidDeadline: at(20).toISOString() });
    expect(early.documents.map((d) => [d.id, d.publishedAt])).toEqual([['d1', at(0).toISOString()]]);
    expect(early.clarifications).toEqual([]);
    // the amendment's row was written at the start of its transaction; it is public from its audited event
    expect(stateAt(input, at(4.9))!.documents.map((d) => d.id)).toEqual(['d1']);
    expect(stateAt(input, at(5))!.documents.map((d) => [d.id, d.publishedAt])).toEqual([['d1', at(0).toISOString()], ['d2', at(5).toISOString()]]);
    expect(stateAt(input, at(9))).toMatchObject({ projectStatus: 'suspended', bidDeadline: at(30).toISOString() });
    expect(stateAt(input, at(9))!.documents).toHaveLength(2);
    expect(stateAt(input, at(40))).toMatchObject({ projectStatus: 'published', tenderStatus: 'opened', bidDeadline: at(32).toISOString() });
  });

  it('versions a land listing: its times as announced, as moved by a session and a resumption, and its result', () => {
    const land: HistoryInput = {
      domain: 'land',
      names: { org1: '某置业有限公司' },
      documents: [],
      clarifications: [],
      events: [
        { at: at(0), action: 'project.published', role: 'centre', payload: { from: 'draft', to: 'published' } },
        { at: at(0), action: 'land.announced', role: 'centre', payload: { mode: 'listing', startsAt: at(10).toISOString(), endsAt: at(20).toISOString() } },
        { at: at(2), action: 'land.start_retimed', role: 'centre', payload: { from: at(10).toISOString(), to: at(12).toISOString() } },
        { at: at(14), action: 'project.suspended', role: 'office', payload: { from: 'published', to: 'suspended', reason: '投诉处理' } },
        { at: at(16), action: 'project.resumed', role: 'office', payload: { from: 'suspended', to: 'published', shifted: [{ key: 'land.listing_ends_at', from: at(22).toISOString(), to: at(24).toISOString() }, { key: 'lot:x', to: at(24).toISOString() }] } },
        { at: at(24), action: 'land.ended', role: 'system', payload: { outcome: 'sold', winnerOrganisationId: 'org1', priceFen: '510000000', bids: 3, reserveFen: '1', publicityUntil: at(60).toISOString() } },
      ],
    };
    expect(stateAt(land, at(1))!.parcel).toEqual({ status: 'announced', mode: 'listing', listingStartsAt: at(10).toISOString(), listingEndsAt: at(20).toISOString(), auctionAt: null, result: null });
    // a moved start moves the listing's end with it (the listing keeps its length)
    expect(stateAt(land, at(15))!.parcel).toMatchObject({ listingStartsAt: at(12).toISOString(), listingEndsAt: at(22).toISOString() });
    expect(stateAt(land, at(16))).toMatchObject({ projectStatus: 'published', parcel: { listingEndsAt: at(24).toISOString(), result: null } });
    expect(stateAt(land, at(30))!.parcel!.result).toEqual({ outcome: 'sold', winnerName: '某置业有限公司', price: '5100000.00', endedAt: at(24).toISOString(), publicityUntil: at(60).toISOString() });
    const v = versionsOf(land);
    expect(v[4].changes).toEqual([
      { field: 'projectStatus', from: 'suspended', to: 'published' },
      { field: 'parcel.listingEndsAt', from: at(22).toISOString(), to: at(24).toISOString() },
    ]);
    expect(v[5].changes.map((c) => c.field)).toEqual(['parcel.status', 'parcel.result']);
    // nothing sealed is echoed: the bids and the reserve of the end event appear nowhere
    expect(JSON.stringify(v)).not.toContain('reserve');
    expect(stateAt(input, at(40))!.parcel).toBeUndefined();
  });

  it('versions a rural listing round and an e-mall round with their moved ends and their results', () => {
    const rural: HistoryInput = {
      domain: 'rural',
      names: { b: '某农业合作社' },
      documents: [],
      clarifications: [],
      events: [
        { at: at(0), action: 'rural.listed', role: 'centre', payload: { from: 'draft', to: 'listing', round: 1, endsAt: at(20).toISOString() } },
        { at: at(5), action: 'project.suspended', role: 'office', payload: { from: 'published', to: 'suspended' } },
        { at: at(7), action: 'project.resumed', role: 'office', payload: { from: 'suspended', to: 'published', shifted: [{ key: 'rural_listing:1.ends_at', to: at(22).toISOString() }] } },
        { at: at(22), action: 'rural.listing_closed', role: 'system', payload: { round: 1, outcome: 'agreement', qualified: 1 } },
        { at: at(25), action: 'rural.concluded', role: 'bidder', payload: { from: 'agreement', to: 'concluded', method: 'agreement', buyerOrganisationId: 'b', priceFen: '20000000' } },
      ],
    };
    expect(stateAt(rural, at(6))!.deal).toEqual({ status: 'listing', round: 1, listingEndsAt: at(20).toISOString(), result: null });
    expect(stateAt(rural, at(8))!.deal!.listingEndsAt).toBe(at(22).toISOString());
    expect(stateAt(rural, at(23))!.deal!.status).toBe('agreement');
    expect(stateAt(rural, at(30))!.deal).toMatchObject({ status: 'concluded', result: { method: 'agreement', buyerName: '某农业合作社', price: '200000.00' } });

    const emall: HistoryInput = {
      domain: 'procurement',
      names: { s: '某办公用品公司' },
      documents: [],
      clarifications: [],
      events: [
        { at: at(0), action: 'project.published', role: 'owner', payload: { from: 'draft', to: 'published' } },
        { at: at(0), action: 'procurement.requirement_published', role: 'owner', payload: { quoteDeadline: at(10).toISOString(), maxPriceFen: '100' } },
        { at: at(10), action: 'procurement.quote_round_failed', role: 'system', payload: { round: 1, quotes: [{ organisationId: 's', totalFen: '99' }], winner: null } },
        { at: at(12), action: 'procurement.requirement_reopened', role: 'owner', payload: { round: 2, quoteDeadline: at(20).toISOString() } },
        { at: at(13), action: 'project.suspended', role: 'office', payload: { from: 'published', to: 'suspended' } },
        { at: at(15), action: 'project.resumed', role: 'office', payload: { from: 'suspended', to: 'published', shifted: [{ key: 'procurement_requirement:2.quote_deadline', to: at(22).toISOString() }] } },
        { at: at(22), action: 'procurement.quote_awarded', role: 'system', payload: { round: 2, quotes: [], winner: { organisationId: 's', totalFen: '9900' } } },
      ],
    };
    expect(stateAt(emall, at(11))!.requirement).toEqual({ status: 'failed', round: 1, quoteDeadline: at(10).toISOString(), award: null });
    expect(stateAt(emall, at(14))!.requirement).toMatchObject({ status: 'quoting', round: 2, quoteDeadline: at(20).toISOString() });
    expect(stateAt(emall, at(15))!.requirement!.quoteDeadline).toBe(at(22).toISOString());
    expect(stateAt(emall, at(30))!.requirement!.award).toEqual({ supplierName: '某办公用品公司', price: '99.00', awardedAt: at(22).toISOString() });
    // a failed round's quotes are not echoed
    expect(versionsOf(emall)[2].changes).toEqual([{ field: 'requirement.status', from: 'quoting', to: 'failed' }]);
  });

  it('versions each tender section: bidding, opened or failed, the candidates’ publicity and its end, the award and the contract', () => {
    const tender: HistoryInput = {
      domain: 'tendering',
      names: { w: '某建工集团有限公司' },
      documents: [],
      clarifications: [],
      sections: [{ no: 1, name: '施工标段' }, { no: 2, name: '监理标段' }],
      events: [
        { at: at(0), action: 'tender.announced', role: 'centre', payload: { bidDeadline: at(20).toISOString() } },
        { at: at(20), action: 'tender.opened', role: 'system', payload: { sections: [{ no: 1, outcome: 'opened', bids: [{ bidId: 'b1', organisationId: 'w', priceFen: '1' }] }, { no: 2, outcome: 'failed', bids: 1 }] } },
        { at: at(30), action: 'tender.candidates_published', role: 'owner', payload: { section: 1, publicityUntil: at(40).toISOString(), candidates: [{ rank: 1, bidId: 'b1' }] } },
        { at: at(45), action: 'tender.awarded', role: 'owner', payload: { section: 1, bidId: 'b1', organisationId: 'w', priceFen: '850000000' } },
        { at: at(50), action: 'tender.contract_signed', role: 'owner', payload: { section: 1, signedAt: at(50).toISOString(), amountFen: '850000000', refundDue: at(55).toISOString(), deposits: ['d1'] } },
      ],
    };
    expect(stateAt(tender, at(1))!.sections!.map((x) => x.status)).toEqual(['bidding', 'bidding']);
    expect(stateAt(tender, at(25))!.sections!.map((x) => x.status)).toEqual(['opened', 'failed']);
    expect(stateAt(tender, at(35))!.sections![0]).toEqual({ no: 1, name: '施工标段', status: 'publicity', publicityUntil: at(40).toISOString(), award: null, contract: null });
    expect(stateAt(tender, at(60))!.sections![0]).toMatchObject({
      status: 'contracted',
      award: { winnerName: '某建工集团有限公司', price: '8500000.00', awardedAt: at(45).toISOString() },
      contract: { amount: '8500000.00', signedAt: at(50).toISOString() },
    });
    const v = versionsOf(tender);
    expect(v[2].changes).toEqual([
      { field: 'tenderStatus', from: 'opened', to: 'publicity' },
      { field: 'sections[0].status', from: 'opened', to: 'publicity' },
      { field: 'sections[0].publicityUntil', from: null, to: at(40).toISOString() },
    ]);
    // the opening's prices, bidders and the deposits of the contract event are not echoed
    expect(JSON.stringify(v)).not.toMatch(/b1|"d1"|priceFen|organisationId/);
  });

  it('versions a lot: its phase end as each live bid moves it, bids by paddle only, a suspension, and the result', () => {
    const lot = 'a0000000-0000-4000-8000-000000000001';
    const land: HistoryInput = {
      domain: 'land',
      names: {},
      documents: [],
      clarifications: [],
      events: [
        { at: at(0), action: 'lot.created', role: 'centre', subjectId: lot, payload: { title: '城南地块', startPriceFen: '500000000', increment: { fixedFen: '10000000' }, hasReserve: true } },
        { at: at(1), action: 'lot.live_started', role: 'system', subjectId: lot, payload: { from: 'created', startsAt: at(1).toISOString(), endsAt: at(6).toISOString(), paddles: null } },
        { at: at(2), action: 'lot.bid_accepted', role: 'bidder', subjectId: lot, payload: { bidSeq: 1, paddle: 7, organisationId: 'secret-org', priceFen: '510000000', phase: 'live', endsAt: at(7).toISOString(), clientKey: 'k1' } },
        { at: at(3), action: 'lot.suspended', role: 'system', subjectId: lot, payload: { phase: 'live', endsAt: at(7).toISOString(), suspended: true } },
        { at: at(5), action: 'lot.resumed', role: 'system', subjectId: lot, payload: { phase: 'live', endsAt: at(9).toISOString(), resumed: true } },
        { at: at(9), action: 'lot.ended', role: 'system', subjectId: lot, payload: { outcome: 'sold', winnerPaddle: 7, priceFen: '510000000', reserveFen: '505000000' } },
      ],
    };
    expect(stateAt(land, at(1))!.lots).toEqual([{ id: lot, title: '城南地块', phase: 'live', startPrice: '5000000.00', endsAt: at(6).toISOString(), bids: 0, highest: null, leaderPaddle: null, result: null }]);
    expect(stateAt(land, at(2))!.lots![0]).toMatchObject({ endsAt: at(7).toISOString(), bids: 1, highest: '5100000.00', leaderPaddle: 7 });
    expect(stateAt(land, at(4))!.lots![0]).toMatchObject({ phase: 'suspended', endsAt: at(7).toISOString() });
    expect(stateAt(land, at(6))!.lots![0]).toMatchObject({ phase: 'live', endsAt: at(9).toISOString() });
    expect(stateAt(land, at(10))!.lots![0]).toMatchObject({ phase: 'ended', endsAt: null, result: { outcome: 'sold', winnerPaddle: 7, price: '5100000.00', endedAt: at(9).toISOString() } });
    const v = versionsOf(land);
    expect(v[2].changes).toEqual([
      { field: 'lots[0].endsAt', from: at(6).toISOString(), to: at(7).toISOString() },
      { field: 'lots[0].bids', from: 0, to: 1 },
      { field: 'lots[0].highest', from: null, to: '5100000.00' },
      { field: 'lots[0].leaderPaddle', from: null, to: 7 },
    ]);
    expect(v[2].reason).toEqual({ zh: '报价', en: 'bid accepted' });
    // who bid, their key and the reserve stay out
    expect(JSON.stringify(v)).not.toMatch(/secret-org|k1|5050000/);
  });

  it('lists the notices public by a moment, each with the version that made it public', () => {
    const withNotices: HistoryInput = {
      ...input,
      notices: [
        { kind: 'amendment', title: '某工程 修改公告', sectionNo: null, publishedAt: at(5) },
        { kind: 'announcement', title: '某工程', sectionNo: null, publishedAt: at(0) },
        { kind: 'suspension', title: '某工程 中止公告', sectionNo: null, publishedAt: at(8) },
      ],
    };
    expect(stateAt(withNotices, at(4))!.notices).toEqual([{ kind: 'announcement', title: '某工程', sectionNo: null, publishedAt: at(0).toISOString() }]);
    expect(stateAt(withNotices, at(9))!.notices!.map((n) => n.kind)).toEqual(['announcement', 'amendment', 'suspension']);
    const v = versionsOf(withNotices);
    expect(v[0].changes).toContainEqual({ field: 'notices', from: null, to: [{ kind: 'announcement', title: '某工程', sectionNo: null, publishedAt: at(0).toISOString() }] });
    expect(v[2].changes).toContainEqual({ field: 'notices', from: null, to: [expect.objectContaining({ kind: 'amendment' })] });
    expect(v[3].changes).toContainEqual({ field: 'notices', from: null, to: [expect.objectContaining({ kind: 'suspension' })] });
  });
});
