import { defineErrors } from '../errors/domain-error';

export const MilestoneErrors = defineErrors({
  MILESTONE_NOT_FOUND: { status: 404, zh: '时间节点不存在', en: 'Milestone not found' },
  MILESTONE_NOT_PENDING: { status: 409, zh: '时间节点已触发、已取消或已暂停,不能修改', en: 'The milestone has fired, was cancelled or is paused' },
  DIAGNOSTICS_DISABLED: { status: 404, zh: '生产环境不提供诊断接口', en: 'Diagnostics are not available in production' },
});
