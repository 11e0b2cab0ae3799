import { defineErrors } from '@app/platform/errors/domain-error';

export const StatisticsErrors = defineErrors({
  STATISTICS_RANGE_INVALID: { status: 422, zh: '起始月份不能晚于截止月份', en: 'The first month of the range is after its last' },
});
