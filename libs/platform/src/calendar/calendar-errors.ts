import { defineErrors } from '../errors/domain-error';

export const CalendarErrors = defineErrors({
  CALENDAR_OUT_OF_RANGE: {
    status: 422,
    zh: '该日期所在年度的法定节假日安排尚未纳入日历,无法按工作日计算',
    en: 'The holiday schedule of that year is not in the calendar, so working days cannot be counted',
  },
});
