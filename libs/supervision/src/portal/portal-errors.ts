import { defineErrors } from '@app/platform/errors/domain-error';

export const PortalErrors = defineErrors({
  PORTAL_RANGE_INVALID: { status: 422, zh: '起始时间不能晚于截止时间', en: 'The start of the time range is after its end' },
});
