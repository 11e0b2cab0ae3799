import { LEGAL_DEFAULTS } from '@app/platform/rules/defaults';
import { benchmarkPrice, scoreComprehensive } from '../rules/scoring';
import { buildReport, majorityOf, missingScores, OpenedBid, Seat, StoredScore } from './evaluation-report';

const rules = LEGAL_DEFAULTS.tendering.numbers;
const seats: Seat[] = ['a1', 'a2', 'a3', 'a4', 'a5'].map((accountId, i) => ({ accountId, expertId: String(100 + i) }));
const at = (s: number) => new Date(Date.UTC(2026, 0, 1, 0, 0, s));
const bids: OpenedBid[] = [
  { bidId: 'A', organisationId: 'oA', bidderName: '甲建设', priceFen: 100_000_000n, submittedAt: at(1) },
  { bidId: 'B', organisationId: 'oB', bidderName: '乙建设', priceFen: 95_000_000n, submittedAt: at(2) },
  { bidId: 'C', organisationId: 'oC', bidderName: '丙建设', priceFen: 98_000_000n, submittedAt: at(3) },
  { bidId: 'D', organisationId: 'oD', bidderName: '丁建设', priceFen: 90_000_000n, submittedAt: at(4) },
];

function score(bidId: string, accountId: string, t: number, extra: Partial<StoredScore> = {}): StoredScore {
  return { bidId, accountId, technical: [t, t, t], business: [400, 400], adjustmentFen: 0n, disqualifyReason: null, ...extra };
}

describe('missingScores', () => {
  it('lists each seat with the bids it has not scored', () => {
    const scores = [score('A', 'a1', 800), score('B', 'a1', 800)];
    const missing = missingScores(seats.slice(0, 2), bids.slice(0, 2), scores);
    expect(missing).toEqual([{ expertId: '101', accountId: 'a2', bidIds: ['A', 'B'] }]);
  });
});

describe('majorityOf', () => {
  it('needs more than half: 3 of 5, 4 of 7, never a tie', () => {
    expect(majorityOf(5, 3)).toBe(true);
    expect(majorityOf(5, 2)).toBe(false);
    expect(majorityOf(4, 2)).toBe(false);
    expect(majorityOf(7, 4)).toBe(true);
  });
});

describe('buildReport', () => {
  const all = (fn: (bidId: string, accountId: string) => StoredScore) => bids.flatMap((b) => seats.map((s) => fn(b.bidId, s.accountId)));

  it('disqualifies a bid most experts reject, keeps their reasons, and ranks the rest as scoreComprehensive does', () => {
    const scores = all((bidId, accountId) =>
      score(bidId, accountId, bidId === 'C' ? 900 : 700, bidId === 'D' && ['a1', 'a2', 'a3'].includes(accountId) ? { disqualifyReason: `项目经理无注册证书(${accountId})` } : {}),
    );
    const report = buildReport('comprehensive', rules, seats, bids, scores);
    expect(report.disqualified).toEqual([{ bidId: 'D', organisationId: 'oD', bidderName: '丁建设', votes: 3, reasons: ['项目经理无注册证书(a1)', '项目经理无注册证书(a2)', '项目经理无注册证书(a3)'] }]);
    const valid = bids.filter((b) => b.bidId !== 'D');
    expect(report.benchmarkFen).toBe(benchmarkPrice(valid.map((b) => b.priceFen), rules).toString());
    const expected = scoreComprehensive(
      valid.map((b) => ({ ...b, technical: seats.map(() => Array(3).fill(b.bidId === 'C' ? 900 : 700)), business: seats.map(() => [400, 400]) })),
      rules,
    );
    expect(report.candidates.map((c) => [c.rank, c.bidId])).toEqual(expected.map((e) => [e.rank, e.bidId]));
    expect(report.candidates[0]).toMatchObject({ bidId: 'C', bidderName: '丙建设', priceFen: '98000000' });
    const d = report.bids.find((b) => b.bidId === 'D')!;
    expect(d).toMatchObject({ disqualified: true, rank: null, total: null });
    expect(report.bids.at(-1)!.bidId).toBe('D');
    expect(report.bids[0].experts.map((e) => e.expertId)).toEqual(['100', '101', '102', '103', '104']);
  });

  it('keeps a bid only two of five reject', () => {
    const scores = all((bidId, accountId) => score(bidId, accountId, 700, bidId === 'A' && ['a1', 'a2'].includes(accountId) ? { disqualifyReason: '报价有误' } : {}));
    const report = buildReport('comprehensive', rules, seats, bids, scores);
    expect(report.disqualified).toEqual([]);
    expect(report.candidates).toHaveLength(rules.maxCandidates);
  });

  it('ranks by the lowest evaluated price with the mean adjustment, rounded half up to the fen', () => {
    const adj: Record<string, bigint[]> = { D: [1_000_000_00n, 1_000_000_00n, 1_000_000_00n, 1_000_000_00n, 1_000_000_01n], B: [-3n, -2n, 0n, 0n, 0n] };
    const scores = bids.flatMap((b) => seats.map((s, i) => ({ ...score(b.bidId, s.accountId, 0), technical: [], business: [], adjustmentFen: adj[b.bidId]?.[i] ?? 0n })));
    const report = buildReport('lowest_price', rules, seats, bids, scores);
    expect(report.benchmarkFen).toBeNull();
    // D: 90,000,000 + 100,000,000 (mean of …00, …00, …00, …00, …01 = …00.2 → …00) is last; B: −5 / 5 = −1.
    expect(report.bids.map((b) => [b.bidId, b.evaluatedPriceFen])).toEqual([
      ['B', '94999999'],
      ['C', '98000000'],
      ['A', '100000000'],
      ['D', '190000000'],
    ]);
    expect(report.candidates.map((c) => c.bidId)).toEqual(['B', 'C', 'A']);
  });

  it('has no candidates when every bid is rejected', () => {
    const scores = all((bidId, accountId) => score(bidId, accountId, 700, { disqualifyReason: '未按要求密封' }));
    const report = buildReport('comprehensive', rules, seats, bids, scores);
    expect(report.candidates).toEqual([]);
    expect(report.benchmarkFen).toBeNull();
    expect(report.disqualified).toHaveLength(4);
  });

  it('refuses to report while a score is missing', () => {
    expect(() => buildReport('comprehensive', rules, seats, bids, [])).toThrow(RangeError);
  });
});
