import { defineErrors } from '../errors/domain-error';

export const CalendarErrors = defineErrors({
  CALENDAR_OUT_OF_RANGE: {
    status: 422,
    zh: '该日期所在年度的法定节假日安排尚未纳入日历,无法按工作日计算',
    en: 'The holiday schedule of that year is not in the calendar, so working days cannot be counted',
  },
  CALENDAR_YEAR_INVALID: { status: 422, zh: '节假日安排不合法', en: 'The holiday schedule is not valid' },
  CALENDAR_YEAR_IN_PACKAGE: {
    status: 409,
    zh: '该年度的节假日安排已由内置日历数据提供,无需录入',
    en: 'The built-in calendar data already holds that year; it cannot be entered',
  },
  CALENDAR_YEAR_ALREADY_ENTERED: {
    status: 409,
    zh: '该年度的节假日安排已录入,不可修改(已有期限按其计算);更正须由运维按规程处理',
    en: 'That year has been entered and never changes (deadlines were counted with it); a correction is an operations procedure',
  },
  CALENDAR_YEAR_NOT_NEXT: {
    status: 422,
    zh: '只能录入日历覆盖范围之后紧接的下一年度,年度之间不得留有空缺',
    en: 'Only the year right after the covered ones can be entered, so that the calendar never has a gap',
  },
  CALENDAR_YEAR_NOT_FOUND: { status: 404, zh: '日历不包含该年度', en: 'The calendar does not hold that year' },
});
