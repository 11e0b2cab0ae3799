import { defineErrors } from '@app/platform/errors/domain-error';

export const TradingErrors = defineErrors({
  PROJECT_NOT_FOUND: { status: 404, zh: '项目不存在', en: 'Project not found' },
  PROJECT_STATE_CONFLICT: { status: 409, zh: '项目当前状态不允许此操作', en: 'The project’s state does not allow this' },
  PROJECT_NOT_IN_SCOPE: { status: 403, zh: '该项目不属于您的监管领域', en: 'The project is outside your supervision domain' },
  PROJECT_NOT_YOURS: { status: 403, zh: '只能为本单位登记项目', en: 'You may only register projects of your own organisation' },
});
