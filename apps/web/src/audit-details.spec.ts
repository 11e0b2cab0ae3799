import { detailRows, fieldLabel, valueText } from './audit-details';

// The audit browser shows an entry's details in Chinese: money in yuan from fen, Beijing time, names, before → after.
describe('audit entry details', () => {
  const names = { '0f8fad5b-d9cb-469f-a165-70867728950e': '闽江建工集团有限公司' };

  it('reads money, times, organisations and flags as people do', () => {
    expect(valueText('priceFen', '970100000')).toBe('¥9,701,000.00');
    expect(valueText('priceFen', '9007199254740993')).toBe('¥90,071,992,547,409.93');
    expect(valueText('bidDeadline', '2026-12-07T06:30:00.000Z')).toBe('2026-12-07 14:30:00');
    expect(valueText('organisationId', '0f8fad5b-d9cb-469f-a165-70867728950e', names)).toBe('闽江建工集团有限公司');
    expect(valueText('late', false)).toBe('否');
    expect(fieldLabel('bidDeadline')).toBe('投标截止时间');
    expect(fieldLabel('somethingNew')).toBe('somethingNew');
  });

  it('turns a state change into one before → after row, nested moves and lists into their own rows', () => {
    const rows = detailRows(
      { from: 'published', to: 'suspended', reason: '投诉处理', tender: { from: 'bidding', to: 'opened' }, winnerOrganisationId: '0f8fad5b-d9cb-469f-a165-70867728950e', sections: [{ no: 1, outcome: 'opened' }] },
      names,
      (s) => ({ published: '已发布', suspended: '已中止' })[s] ?? s,
    );
    expect(rows).toEqual([
      { label: '变更', value: '已发布 → 已中止' },
      { label: '理由', value: '投诉处理' },
      { label: '招标项目状态', value: 'bidding → opened' },
      { label: '中标(竞得)单位', value: '闽江建工集团有限公司' },
      { label: '标段 1', value: '序号 1,结果 opened' },
    ]);
    expect(detailRows(null)).toEqual([]);
  });
});
