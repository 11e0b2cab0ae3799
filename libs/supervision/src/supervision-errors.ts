import { defineErrors } from '@app/platform/errors/domain-error';

/** The same codes as the trading kernel's for the same refusals, so clients handle them once. */
export const SupervisionErrors = defineErrors({
  PROJECT_NOT_FOUND: { status: 404, zh: '项目不存在', en: 'Project not found' },
  PROJECT_NOT_IN_SCOPE: { status: 403, zh: '该项目不属于您的监管领域', en: 'The project is outside your supervision domain' },
  AUDIT_RANGE_INVALID: { status: 422, zh: '起始时间不能晚于截止时间', en: 'The start of the time range is after its end' },
});
