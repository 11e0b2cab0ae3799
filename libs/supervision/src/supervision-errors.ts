import { defineErrors } from '@app/platform/errors/domain-error';

/** The same codes as the trading kernel's for the same refusals, so clients handle them once. */
export const SupervisionErrors = defineErrors({
  PROJECT_NOT_FOUND: { status: 404, zh: '项目不存在', en: 'Project not found' },
  PROJECT_NOT_IN_SCOPE: { status: 403, zh: '该项目不属于您的监管领域', en: 'The project is outside your supervision domain' },
  AUDIT_RANGE_INVALID: { status: 422, zh: '起始时间不能晚于截止时间', en: 'The start of the time range is after its end' },
  AUDIT_SIGNING_KEY_NOT_VALID: {
    status: 503,
    zh: '本服务实例的审计签名密钥已被新密钥取代或未登记,暂不能签发导出;请稍后重试(由持有新密钥的实例处理)',
    en: 'This api instance’s audit signing key was replaced by a newer key or is not listed, so it cannot sign exports; retry (an instance holding the new key will answer)',
  },
});
