import { defineErrors } from '@app/platform/errors/domain-error';

export const TradingErrors = defineErrors({
  PROJECT_NOT_FOUND: { status: 404, zh: '项目不存在', en: 'Project not found' },
  PROJECT_STATE_CONFLICT: { status: 409, zh: '项目当前状态不允许此操作', en: 'The project’s state does not allow this' },
  PROJECT_NOT_IN_SCOPE: { status: 403, zh: '该项目不属于您的监管领域', en: 'The project is outside your supervision domain' },
  PROJECT_NOT_YOURS: { status: 403, zh: '只能为本单位或委托单位登记项目', en: 'You may register projects only for your organisation or your client' },
  PROJECT_OWNER_REQUIRED: { status: 422, zh: '代理机构登记项目须指明委托单位', en: 'An agent must name the owner it registers the project for' },
  PROJECT_OWNER_UNKNOWN: { status: 422, zh: '委托单位不存在', en: 'The owner organisation does not exist' },
  PROJECT_SUSPENDED: { status: 409, zh: '项目已中止(暂停),恢复前不接受任何变更', en: 'The project is suspended: nothing on it changes until it is resumed' },
  PROJECT_WRONG_DOMAIN: { status: 422, zh: '项目不属于该交易领域', en: 'The project belongs to another trading domain' },
});
