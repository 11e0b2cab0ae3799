import { BidFacts, collusionSignals, priceCluster, priceProgression, sameDevice, sameDocumentMetadata, sameDocuments, sameIp, samePayerAccount } from './signals';

const H = (c: string) => c.repeat(64);
const bid = (n: number, over: Partial<BidFacts> = {}): BidFacts => ({
  bidId: `b${n}`,
  organisationId: `o${n}`,
  documentsSha256: H(String(n)),
  clientIp: `10.0.0.${n}`,
  priceFen: BigInt(n) * 1_000_000_00n,
  ...over,
});
const yuan = (y: number) => BigInt(y) * 100n;

describe('collusion signals', () => {
  it('finds identical documents across bidders, with the bids as evidence', () => {
    const bids = [bid(1), bid(2, { documentsSha256: H('A') }), bid(3, { documentsSha256: H('a') }), bid(4)];
    expect(sameDocuments(bids)).toEqual([
      { kind: 'same_documents', evidence: { documentsSha256: H('a'), bids: [{ bidId: 'b2', organisationId: 'o2' }, { bidId: 'b3', organisationId: 'o3' }] } },
    ]);
    expect(sameDocuments([bid(1), bid(2)])).toEqual([]);
  });

  it('finds the same device across bidders, case and spaces ignored, and quotes without documents', () => {
    const bids = [bid(1, { deviceId: 'dev-01 ', documentsSha256: null }), bid(2, { deviceId: 'DEV-01', documentsSha256: null }), bid(3, { deviceId: null, documentsSha256: null })];
    expect(sameDevice(bids)).toEqual([{ kind: 'same_device', evidence: { deviceId: 'DEV-01', bids: [{ bidId: 'b1', organisationId: 'o1' }, { bidId: 'b2', organisationId: 'o2' }] } }]);
    expect(sameDocuments(bids)).toEqual([]);
  });

  it('finds the same author, last editor or bid-tool serial, one signal per field and value', () => {
    const bids = [
      bid(1, { documentsMeta: { author: '张三', lastModifiedBy: 'li' }, toolSerial: 'SN-42' }),
      bid(2, { documentsMeta: { author: '张三 ' }, toolSerial: 'sn-42' }),
      bid(3, { documentsMeta: { author: '王五', lastModifiedBy: 'LI' }, toolSerial: 'SN-43' }),
      bid(4, { documentsMeta: null, toolSerial: null }),
    ];
    expect(sameDocumentMetadata(bids).map((s) => s.evidence)).toEqual([
      { field: 'author', value: '张三', bids: [{ bidId: 'b1', organisationId: 'o1' }, { bidId: 'b2', organisationId: 'o2' }] },
      { field: 'lastModifiedBy', value: 'li', bids: [{ bidId: 'b1', organisationId: 'o1' }, { bidId: 'b3', organisationId: 'o3' }] },
      { field: 'toolSerial', value: 'sn-42', bids: [{ bidId: 'b1', organisationId: 'o1' }, { bidId: 'b2', organisationId: 'o2' }] },
    ]);
    expect(sameDocumentMetadata([bid(1), bid(2)])).toEqual([]);
  });

  it('ignores a shared value within one organisation', () => {
    expect(sameIp([bid(1, { clientIp: '1.1.1.1' }), bid(2, { organisationId: 'o1', clientIp: '1.1.1.1' })])).toEqual([]);
  });

  it('finds the same submission IP, one signal per address, and skips missing IPs', () => {
    const bids = [bid(1, { clientIp: '1.1.1.1' }), bid(2, { clientIp: '1.1.1.1' }), bid(3, { clientIp: null }), bid(4, { clientIp: null }), bid(5, { clientIp: '2.2.2.2' }), bid(6, { clientIp: '2.2.2.2' })];
    expect(sameIp(bids).map((s) => s.evidence)).toEqual([
      { clientIp: '1.1.1.1', bids: [{ bidId: 'b1', organisationId: 'o1' }, { bidId: 'b2', organisationId: 'o2' }] },
      { clientIp: '2.2.2.2', bids: [{ bidId: 'b5', organisationId: 'o5' }, { bidId: 'b6', organisationId: 'o6' }] },
    ]);
  });

  it('finds deposits paid from the same account, spaces and dashes ignored', () => {
    const s = samePayerAccount([
      { depositId: 'd2', organisationId: 'o2', payerAccount: '6222 0210-0100' },
      { depositId: 'd1', organisationId: 'o1', payerAccount: '622202100100' },
      { depositId: 'd3', organisationId: 'o3', payerAccount: null },
      { depositId: 'd4', organisationId: 'o4', payerAccount: '999' },
    ]);
    expect(s).toEqual([{ kind: 'same_payer_account', evidence: { payerAccount: '622202100100', deposits: [{ depositId: 'd1', organisationId: 'o1' }, { depositId: 'd2', organisationId: 'o2' }] } }]);
  });

  it('R1: finds prices in a near arithmetic progression within 5 %', () => {
    const bids = [bid(1, { priceFen: yuan(1_030_000) }), bid(2, { priceFen: yuan(1_000_000) }), bid(3, { priceFen: yuan(1_020_000) }), bid(4, { priceFen: yuan(1_010_000) })];
    const [s, ...rest] = priceProgression(bids);
    expect(rest).toEqual([]);
    expect(s).toEqual({
      kind: 'price_progression',
      evidence: {
        bids: ['b2', 'b4', 'b3', 'b1'].map((id) => expect.objectContaining({ bidId: id })),
        differencesFen: ['1000000', '1000000', '1000000'],
        maxMinRatio: 1,
        tolerance: 1.05,
      },
    });
    expect(s.evidence).toMatchObject({ bids: [{ priceFen: '100000000' }, {}, {}, { priceFen: '103000000' }] });
    // 10 000 and 10 400 apart: within 5 %; 10 000 and 10 600: not
    expect(priceProgression([bid(1, { priceFen: 100_000n }), bid(2, { priceFen: 110_000n }), bid(3, { priceFen: 120_400n })])[0]?.evidence).toMatchObject({ maxMinRatio: 1.04 });
    expect(priceProgression([bid(1, { priceFen: 100_000n }), bid(2, { priceFen: 110_000n }), bid(3, { priceFen: 120_600n })])).toEqual([]);
  });

  it('R1: needs three prices, ignores equal prices, and reports separate runs', () => {
    expect(priceProgression([bid(1, { priceFen: 100n }), bid(2, { priceFen: 200n })])).toEqual([]);
    expect(priceProgression([bid(1, { priceFen: 100n }), bid(2, { priceFen: 100n }), bid(3, { priceFen: 100n })])).toEqual([]);
    const runs = priceProgression([100n, 200n, 300n, 1000n, 5000n, 5500n, 6000n].map((p, i) => bid(i + 1, { priceFen: p })));
    expect(runs.map((r) => (r.evidence as { bids: { bidId: string }[] }).bids.map((b) => b.bidId))).toEqual([['b1', 'b2', 'b3'], ['b5', 'b6', 'b7']]);
  });

  it('R2: finds prices clustered below a 1.5 % coefficient of variation', () => {
    const four = [1_000_000, 1_010_000, 1_020_000, 1_030_000].map((y, i) => bid(i + 1, { priceFen: yuan(y) }));
    expect(priceCluster(four)).toEqual([
      { kind: 'price_cluster', evidence: { bids: expect.any(Array), meanFen: '101500000', stddevFen: '1118034', cv: 0.011015, threshold: 0.015 } },
    ]);
    expect(priceCluster(four.slice(0, 2))).toEqual([]);
    expect(priceCluster([1_000_000, 1_050_000, 1_100_000].map((y, i) => bid(i + 1, { priceFen: yuan(y) })))).toEqual([]);
  });

  it('a clean section gives nothing, and the same facts always give the same signals', () => {
    const clean = [bid(1, { priceFen: yuan(900_000) }), bid(2, { priceFen: yuan(1_000_000) }), bid(3, { priceFen: yuan(1_180_000) })];
    expect(collusionSignals(clean, [{ depositId: 'd1', organisationId: 'o1', payerAccount: '1' }, { depositId: 'd2', organisationId: 'o2', payerAccount: '2' }])).toEqual([]);
    const bids = [bid(1, { clientIp: '1.1.1.1' }), bid(2, { clientIp: '1.1.1.1' })];
    expect(collusionSignals([...bids].reverse(), [])).toEqual(collusionSignals(bids, []));
  });
});
