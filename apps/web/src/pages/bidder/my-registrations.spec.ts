import { MyLandApplication, MyRuralApplication, MyTenderRegistration } from '../../api/workspace-types';
import { mergeRegistrations } from './my-registrations';

const tender = (over: Partial<MyTenderRegistration> = {}): MyTenderRegistration => ({
  projectId: 't1',
  code: 'GC-2026-000001',
  name: '市第一人民医院新院区建设工程',
  tenderStatus: 'bidding',
  bidDeadline: '2026-12-20T02:00:00.000Z',
  openedAt: null,
  registeredAt: '2026-12-01T01:00:00.000Z',
  sectionNo: 1,
  sectionName: '一标段',
  sectionStatus: 'open',
  requiredDeposit: '200000.00',
  deposit: null,
  bid: null,
  ...over,
});
const land: MyLandApplication = {
  id: 'a1', parcelId: 'p1', code: 'TD-2026-000001', name: '城东片区 2026-03 号地块', location: '鼓楼区', mode: 'listing', phase: 'listing', lotId: 'lot1',
  listingStartsAt: '2026-12-02T00:00:00.000Z', listingEndsAt: '2026-12-12T00:00:00.000Z', auctionAt: null, outcome: null, won: false, status: 'qualified',
  rejectReason: null, decidedAt: '2026-12-01T03:00:00.000Z', paddle: 1003, continueDeclaredAt: null, fileName: 'a.pdf', sha256: 'ab'.repeat(32),
  deposit: { method: 'transfer', reference: 'ZZ-1', amount: '2000000.00', status: 'held', refundDue: null, refundedAt: null }, appliedAt: '2026-12-01T02:00:00.000Z',
};
const rural: MyRuralApplication = {
  id: 'r1', dealId: 'd1', code: 'NC-2026-000001', name: '东山村耕地经营权流转', kind: 'land_management', kindName: '土地经营权', dealStatus: 'concluded', round: 1, dealRound: 1,
  lotId: 'lot2', listingStartsAt: null, listingEndsAt: '2026-11-20T00:00:00.000Z', listingOutcome: 'live', won: false, method: 'transfer', reference: 'NC-1',
  amount: '20000.00', status: 'refund_due', paddle: 1001, declaredAt: '2026-11-10T00:00:00.000Z', confirmedAt: '2026-11-11T00:00:00.000Z', refundDue: '2026-11-30T00:00:00.000Z', refundedAt: null,
};

// The bidder's one table across tendering, land and rural: newest first, each domain's states in the same columns.
describe('my registrations and deposits (web)', () => {
  it('orders the three lists newest first and keeps each section of a tender', () => {
    const rows = mergeRegistrations([tender(), tender({ sectionNo: 2, sectionName: '二标段' })], [land], [rural]);
    expect(rows.map((r) => r.key)).toEqual(['land:a1', 'tendering:t1:1', 'tendering:t1:2', 'rural:r1']);
  });

  it('shows a tender section’s deposit and receipt, never a price', () => {
    const [none] = mergeRegistrations([tender()], [], []);
    expect(none).toMatchObject({ deposit: { amount: null, required: '200000.00', status: { text: '未缴纳' } }, mine: { text: '未递交', color: 'warning' }, receipt: null, link: '/workspace/bidder/tenders/t1' });
    const [paid] = mergeRegistrations(
      [tender({ deposit: { id: 'd', method: 'guarantee', reference: 'BH1', amount: '200000.00', status: 'confirmed', declaredAt: '2026-12-01T01:00:00Z', confirmedAt: '2026-12-01T02:00:00Z', refundDue: null, refundedAt: null }, bid: { receiptNo: 'b1', status: 'submitted', submittedAt: '2026-12-01T03:00:00Z', bidDigest: 'cd'.repeat(32), documentsSha256: 'ef'.repeat(32), withdrawnAt: null } })],
      [],
      [],
    );
    expect(paid).toMatchObject({ deposit: { amount: '200000.00', status: { text: '已到账' } }, mine: { text: '已递交' }, receipt: { at: '2026-12-01T03:00:00Z', digest: 'cd'.repeat(32) } });
    expect(Object.keys(paid.receipt!)).toEqual(['at', 'digest']);
  });

  it('leads a qualified buyer to the live room while the lot is open, otherwise to the public page', () => {
    const [l, r] = mergeRegistrations([], [land], [rural]);
    expect(l).toMatchObject({ paddle: 1003, mine: { text: '已确认资格' }, deposit: { status: { text: '冻结中' } }, link: '/workspace/bidder/lots/lot1', deadline: land.listingEndsAt });
    expect(r).toMatchObject({ paddle: 1001, mine: { text: '已确认' }, deposit: { amount: '20000.00', status: { text: '待退还' } }, link: '/portal/rural/d1', part: '第 1 轮挂牌' });
  });
});
