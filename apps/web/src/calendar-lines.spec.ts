import { parseHolidayLines, parseMakeUpLines, weekdayName } from './calendar-lines';

// The committee's paste of a notice, turned into the days the API takes (the API checks them again).
describe('holiday schedule lines', () => {
  it('reads single days, ranges and English names', () => {
    const { days, errors } = parseHolidayLines('2027-01-01 元旦\n\n# 注释\n2027-03-03~2027-03-05 虚构测试节 Fictional Test Festival\n');
    expect(errors).toEqual([]);
    expect(days).toEqual([
      { date: '2027-01-01', zh: '元旦', en: "New Year's Day" },
      { date: '2027-03-03', zh: '虚构测试节', en: 'Fictional Test Festival' },
      { date: '2027-03-04', zh: '虚构测试节', en: 'Fictional Test Festival' },
      { date: '2027-03-05', zh: '虚构测试节', en: 'Fictional Test Festival' },
    ]);
  });

  it('names each bad line', () => {
    const { days, errors } = parseHolidayLines('2027-02-30 春节\n2027-03-05至2027-03-03 春节\n2027-03-01 虚构节\n元旦');
    expect(days).toEqual([]);
    expect(errors.map((e) => e.line)).toEqual([1, 2, 3, 4]);
    expect(errors[2].problem).toContain('英文名称');
  });

  it('reads make-up days with the holiday they belong to', () => {
    expect(parseMakeUpLines('2027-03-06 虚构测试节\n2027-03-07')).toEqual({ days: [{ date: '2027-03-06', holiday: '虚构测试节' }], errors: [{ line: 2, text: '2027-03-07', problem: expect.any(String) }] });
    expect(weekdayName('2027-03-06')).toBe('星期六');
  });
});
