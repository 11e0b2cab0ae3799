import { dealAnnouncement, parcelAnnouncement, requirementAnnouncement, tenderAnnouncement, announcementText } from './announcement-text';
import { dealLifecycle, nextTimePoint, parcelLifecycle, remaining, requirementLifecycle, suspended, tenderLifecycle, tenderTimes } from './public-project';

const tender = { status: 'bidding', bidDeadline: '2026-12-20T07:30:00Z', openedAt: null, openingObjectionsUntil: null, documentsAvailableAt: '2026-12-01T01:00:00Z', sections: [{ status: 'open', publicityUntil: null }] };

describe('a public project’s lifecycle', () => {
  it('follows a tender from bidding to its contract, and marks a failure and a suspension', () => {
    expect(tenderLifecycle(tender)).toMatchObject({ current: 0, status: 'process' });
    expect(tenderLifecycle(tender).steps.map((s) => s.title)).toEqual(['招标公告', '投标截止·开标', '评标', '候选人公示', '定标', '合同签订']);
    expect(tenderLifecycle(tender).steps[1].description).toBe('2026-12-20 15:30');
    expect(tenderLifecycle({ ...tender, status: 'publicity', sections: [{ status: 'publicity', publicityUntil: '2026-12-25T02:00:00Z' }] })).toMatchObject({ current: 3, status: 'process' });
    expect(tenderLifecycle({ ...tender, status: 'awarded' }, { contractSignedAt: '2026-12-28T02:00:00Z' })).toMatchObject({ current: 5, status: 'finish' });
    expect(tenderLifecycle({ ...tender, status: 'failed' })).toMatchObject({ current: 1, status: 'error' });
    const stopped = suspended(tenderLifecycle(tender), true);
    expect([stopped.status, stopped.steps[0].description]).toEqual(['error', '已中止']);
  });

  it('follows a land listing, an auction, a rural deal and an e-mall quote round', () => {
    const parcel = { mode: 'listing', phase: 'listing', result: null, listingStartsAt: '2026-12-01T01:00:00Z', listingEndsAt: '2026-12-11T01:00:00Z', auctionAt: null, endedAt: null, publicityUntil: null };
    expect(parcelLifecycle(parcel)).toMatchObject({ current: 1, status: 'process' });
    expect(parcelLifecycle({ ...parcel, phase: 'ended', result: 'sold' }, '2026-12-12T01:00:00Z')).toMatchObject({ current: 4, status: 'finish' });
    expect(parcelLifecycle({ ...parcel, phase: 'ended', result: 'unsold' })).toMatchObject({ current: 3, status: 'error' });
    expect(parcelLifecycle({ ...parcel, mode: 'auction', phase: 'live' }).steps.map((s) => s.title)).toEqual(['出让公告', '拍卖会', '结果公示', '成交确认书']);

    const deal = { status: 'listing', round: 1, listings: [{ round: 1, startsAt: null, endsAt: '2026-12-11T01:00:00Z', outcome: null }], result: null };
    expect(dealLifecycle(deal)).toMatchObject({ current: 1, status: 'process' });
    expect(dealLifecycle({ ...deal, status: 'agreement' }).steps[2].title).toBe('协议转让');
    expect(dealLifecycle({ ...deal, status: 'contracted', result: { method: 'live', concludedAt: '2026-12-12T01:00:00Z', publicityUntil: '2026-12-17T01:00:00Z' } })).toMatchObject({ current: 4, status: 'finish' });
    expect(dealLifecycle({ ...deal, status: 'failed' })).toMatchObject({ current: 1, status: 'error' });

    const req = { status: 'quoting', round: 1, quoteDeadline: '2026-12-03T01:00:00Z', closedAt: null, winner: null };
    expect(requirementLifecycle(req)).toMatchObject({ current: 1, status: 'process' });
    expect(requirementLifecycle({ ...req, status: 'awarded' }, '2026-12-04T01:00:00Z')).toMatchObject({ current: 4, status: 'finish' });
    expect(requirementLifecycle({ ...req, status: 'failed' })).toMatchObject({ current: 2, status: 'error' });
  });

  it('counts down to the next time point still ahead of the server’s time', () => {
    const points = tenderTimes({ ...tender, openingObjectionsUntil: '2026-12-20T08:30:00Z' });
    expect(nextTimePoint(points, Date.parse('2026-12-19T07:30:00Z'))).toEqual({ label: '投标截止(开标)', at: '2026-12-20T07:30:00Z' });
    expect(nextTimePoint(points, Date.parse('2026-12-20T07:30:00Z'))).toEqual({ label: '开标异议截止', at: '2026-12-20T08:30:00Z' });
    expect(nextTimePoint(points, Date.parse('2026-12-21T00:00:00Z'))).toBeNull();
    expect(remaining(86_400_000 + 3_725_000)).toBe('1 天 01:02:05');
    expect(remaining(59_999)).toBe('00:00:59');
  });
});

describe('公告正文', () => {
  it('writes a tender announcement from the registered facts: region name, grouped yuan, Beijing time', () => {
    const a = tenderAnnouncement({ code: 'GC-2026-000001', name: '滨江大道快速化改造工程', kind: 'construction', region: '350102', ownerName: '市城建集团', agentName: '阳光工程咨询有限公司', estimate: '10000000.00', evaluationMethod: 'comprehensive', qualification: '市政公用工程施工总承包二级及以上', documentsAvailableAt: '2026-12-01T01:00:00Z', bidDeadline: '2026-12-20T07:30:00Z', sections: [{ no: 1, name: '道路主体', estimate: '10000000.00', deposit: '200000.00' }] });
    const text = announcementText(a);
    expect(a.title).toBe('滨江大道快速化改造工程 招标公告');
    expect(text).toContain('招标代理机构为 阳光工程咨询有限公司');
    expect(text).toContain('项目所在地:福建省福州市鼓楼区');
    expect(text).toContain('第 1 标段 道路主体:估算价 ¥10,000,000.00,投标保证金 ¥200,000.00。');
    expect(text).toContain('投标截止时间(即开标时间)为 2026-12-20 15:30(北京时间)');
    expect(text).toContain('评标办法:综合评估法');
  });

  it('writes the land, rural and e-mall announcements', () => {
    const land = announcementText(parcelAnnouncement({ code: 'TD-1', name: '城东 7 号地块', region: '350102', ownerName: '市自然资源局', location: '东街以南', area: '35000.50', use: 'residential', termYears: 70, plotRatio: '2.50', mode: 'listing', startPrice: '10000000.00', incrementText: '每次加价 ¥100,000.00', deposit: '2000000.00', listingStartsAt: '2026-12-01T01:00:00Z', listingEndsAt: '2026-12-11T01:00:00Z', auctionAt: null }));
    expect(land).toContain('国有建设用地使用权挂牌出让公告');
    expect(land).toContain('面积 35,000.50 平方米;用途 住宅');
    expect(land).toContain('挂牌时间为 2026-12-01 09:00 至 2026-12-11 09:00(北京时间)');
    const rural = announcementText(dealAnnouncement({ code: 'NC-1', name: '东山村耕地流转', region: '350121', ownerName: '东山村股份经济合作社', kindName: '土地经营权', description: '现状水田', quantity: '120.5', unit: '亩', termMonths: 120, listingPrice: '360000.00', increment: '1000.00', deposit: '20000.00', round: 2, resolution: { body: 'representatives_meeting', votesFor: 30, votesTotal: 45, date: '2026-01-05' }, approval: { authority: '东山镇人民政府', date: '2026-01-10' }, listing: { startsAt: null, endsAt: null } }));
    expect(rural).toContain('东山村耕地流转 第 2 轮挂牌公告');
    expect(rural).toContain('村民代表会议表决同意:应到 45 人,同意 30 人');
    expect(rural).toContain('所在地 福建省福州市闽侯县');
    const mall = announcementText(requirementAnnouncement({ title: '办公计算机', purchaserName: '市财政局', categoryCode: 'A02.01.02', items: [{ description: '台式计算机', quantity: 100, unit: '台', specs: 'i7' }], deliveryRegion: '350102', deliveryDate: '2026-12-31', maxPrice: '1500000.00', round: 1, quoteDeadline: '2026-12-03T01:00:00Z', minQuotes: 3 }));
    expect(mall).toContain('1. 台式计算机 100 台(i7)');
    expect(mall).toContain('有效报价不少于 3 家的,以最低有效报价成交');
  });
});

describe('历史版本 for people', () => {
  it('names every changed field in Chinese and writes its values as people read them', async () => {
    const { fieldText, valueText } = await import('./public-project');
    expect(fieldText('bidDeadline')).toBe('投标截止时间');
    expect(fieldText('parcel.listingEndsAt')).toBe('挂牌截止');
    expect(fieldText('somethingNew')).toBe('其他信息');
    expect(fieldText('sections[0].publicityUntil')).toBe('第 1 标段候选人公示截止');
    expect(fieldText('lots[0].highest')).toBe('最高报价');
    expect(fieldText('notices')).toBe('发布公告');
    expect(valueText('lots[0].highest', '5100000.00')).toBe('¥5,100,000.00');
    expect(valueText('lots[0].leaderPaddle', 7)).toBe('7 号');
    expect(valueText('lots[0].phase', 'live')).toBe('限时竞价');
    expect(valueText('notices', [{ title: '某工程 中止公告' }])).toBe('某工程 中止公告');
    expect(valueText('sections[0].contract', { amount: '9701000.00', signedAt: '2026-12-07T02:00:00.000Z' })).toBe('¥9,701,000.00 · 签订于 2026-12-07');
    expect(valueText('bidDeadline', '2026-12-20T07:30:00.000Z')).toBe('2026-12-20 15:30');
    expect(valueText('tenderStatus', 'bidding')).toBe('投标中');
    expect(valueText('parcel.mode', 'listing')).toBe('挂牌');
    expect(valueText('deal.round', 2)).toBe('第 2 轮');
    expect(valueText('documents', [{ fileName: '招标文件.pdf' }, { fileName: '修改文件.pdf' }])).toBe('招标文件.pdf、修改文件.pdf');
    expect(valueText('parcel.result', { outcome: 'sold', winnerName: '丁科技有限公司', price: '10000000.00' })).toBe('成交 · 丁科技有限公司 · ¥10,000,000.00');
  });
});
