import { defineErrors } from '@app/platform/errors/domain-error';

export const DrawErrors = defineErrors({
  DRAW_NOT_FOUND: { status: 404, zh: '专家抽取记录不存在', en: 'Expert draw not found' },
  DRAW_COMMITTEE_INVALID: { status: 422, zh: '评标委员会组成不符合规则', en: 'The committee does not meet the rules' },
  DRAW_SPECIALTY_UNKNOWN: { status: 422, zh: '专业代码不存在', en: 'Unknown specialty code' },
  DRAW_SESSION_INVALID: { status: 422, zh: '评标时间须在将来,且结束晚于开始', en: 'The session must be in the future and end after it starts' },
  DRAW_POOL_TOO_SMALL: { status: 409, zh: '符合条件的专家不足,无法组成评标委员会', en: 'Too few eligible experts to fill the committee' },
  DRAW_PROJECT_NOT_PUBLISHED: { status: 409, zh: '项目尚未发布,不能抽取专家', en: 'The project is not published: no draw yet' },
  DRAW_SEALED: { status: 403, zh: '评标开始前抽取结果保密', en: 'The drawn experts stay sealed until the session starts' },
  DRAW_RECORD_NOT_PUBLIC: { status: 403, zh: '项目结束前,抽取全过程记录仅交易中心可见', en: 'The full record opens to supervisors when the project ends' },
  DRAW_STATE_CONFLICT: { status: 409, zh: '抽取当前状态不允许此操作', en: 'The draw’s state does not allow this' },
  INVITATION_NOT_FOUND: { status: 404, zh: '抽取通知不存在', en: 'Invitation not found' },
  INVITATION_CLOSED: { status: 409, zh: '该抽取通知已答复、已过答复时限或评标已开始', en: 'The invitation was answered, has expired, or the session has started' },
  DRAW_COMMITTEE_FULL: { status: 409, zh: '评标委员会不缺人,无需补抽', en: 'The committee lacks nobody: there is nothing to top up' },
  DRAW_NOT_IN_SCOPE: { status: 403, zh: '该领域不属于您的监管范围', en: 'That domain is outside your supervision' },
  EXPERT_ACCOUNT_UNLINKED: { status: 403, zh: '您的账号未关联专家库中的专家', en: 'Your account is not linked to an expert of the library' },
});
