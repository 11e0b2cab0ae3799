import { beijingInputs, beijingInstant, refusalLines, shortfallLines, span } from './centre-text';

// The centre's pages read Beijing time from date and time inputs and explain the API's refusals from their details.
describe('centre page texts', () => {
  it('reads a date and a time as Beijing time, whatever the browser’s zone', () => {
    expect(beijingInstant('2026-12-10', '09:30')).toBe('2026-12-10T01:30:00.000Z');
    expect(beijingInstant('2026-12-10', '00:15:07')).toBe('2026-12-09T16:15:07.000Z');
    expect(beijingInstant('2026-02-30', '09:30')).toBeNull();
    expect(beijingInstant('2026-12-10', '')).toBeNull();
    expect(beijingInstant('', '09:30')).toBeNull();
    expect(beijingInputs('2026-12-09T16:15:07.000Z')).toEqual({ date: '2026-12-10', time: '00:15' });
  });

  it('spans a session in Beijing time, naming the end’s day only when it differs', () => {
    expect(span('2026-12-10T01:00:00Z', '2026-12-10T03:30:00Z')).toBe('12-10 09:00–11:30');
    expect(span('2026-12-10T15:00:00Z', '2026-12-10T17:00:00Z')).toBe('12-10 23:00–12-11 01:00');
  });

  it('names the session in the way of a booking', () => {
    const e = { code: 'SESSION_CONFLICT', body: { details: { conflictWith: { projectCode: 'GC-2026-000007', projectName: '新院区建设工程', roomName: '第一开标厅', purpose: 'opening', startsAt: '2026-12-10T01:00:00Z', endsAt: '2026-12-10T03:00:00Z' } } } };
    expect(refusalLines(e)).toEqual(['与「GC-2026-000007 新院区建设工程」的开标场次(第一开标厅,12-10 09:00–11:00)时间重叠']);
    expect(refusalLines({ code: 'SESSION_CONFLICT', body: { details: { conflictWith: null } } })).toEqual(['与同一场地的另一场次时间重叠']);
  });

  it('lists the committee problems and the pool shortfall with the specialty’s name', () => {
    const names = (c: string) => (c === 'A01' ? 'A01 建筑工程' : c);
    expect(refusalLines({ code: 'DRAW_COMMITTEE_INVALID', body: { details: { problems: [{ zh: '评标委员会人数须为单数,现为 4 人' }] } } })).toEqual(['评标委员会人数须为单数,现为 4 人']);
    expect(refusalLines({ code: 'DRAW_POOL_TOO_SMALL', body: { details: { shortfall: [{ specialty: 'A01', needed: 7, available: 5 }] } } }, names)).toEqual(['A01 建筑工程:需 7 人(含备选),符合回避条件的仅 5 人']);
    expect(refusalLines({ code: 'COMMITTEE_SHORT', body: { details: { accepted: 4, required: 5, missing: 1, specialties: [{ specialty: 'A01', needed: 5, accepted: 4 }] } } }, names)).toEqual(['已接受 4 人,须 5 人,还缺 1 人;请先补抽', 'A01 建筑工程:须 5 人,已接受 4 人']);
    expect(shortfallLines([{ specialty: 'A01', needed: 1, available: 0 }], names)).toEqual(['A01 建筑工程:缺 1 人,专家库中已无符合条件的专家可递补']);
    expect(refusalLines(null)).toEqual([]);
    expect(refusalLines({ code: 'SOMETHING_ELSE', body: {} })).toEqual([]);
  });
});
