import { defineErrors } from '../errors/domain-error';

export const RuleErrors = defineErrors({
  RULE_SET_NOT_FOUND: { status: 404, zh: '规则版本不存在', en: 'Rule set not found' },
  RULE_SET_INVALID: { status: 422, zh: '规则参数不合法', en: 'The rule parameters are not valid' },
  RULE_SET_IMMUTABLE: { status: 409, zh: '已发布的规则版本不可修改,请新建版本', en: 'A published rule set never changes; draft a new version' },
  RULE_SET_STALE: {
    status: 409,
    zh: '该草稿所依据的版本已不再生效,请以现行版本重新起草',
    en: 'The draft was copied from a version no longer in force; draft again from the current one',
  },
  RULE_SETS_NOT_COMPARABLE: { status: 422, zh: '只能比较同一交易领域的规则版本', en: 'Only versions of one trading domain can be compared' },
  SANDBOX_FORBIDDEN_IN_PRODUCTION: { status: 422, zh: '生产环境不得使用沙箱规则', en: 'Sandbox rules are refused in production' },
  NO_ACTIVE_RULE_SET: { status: 409, zh: '该领域没有生效的规则版本', en: 'The domain has no rule set in force' },
});
