import { defineErrors } from '@app/platform/errors/domain-error';

export const ComplaintErrors = defineErrors({
  PROJECT_NOT_FOUND: { status: 404, zh: '项目不存在', en: 'Project not found' },
  PROJECT_NOT_IN_SCOPE: { status: 403, zh: '该项目不属于您的监管领域', en: 'The project is outside your supervision domain' },
  COMPLAINT_NOT_FOUND: { status: 404, zh: '投诉不存在', en: 'Complaint not found' },
  COMPLAINT_EVIDENCE_NOT_FOUND: { status: 404, zh: '证明材料不存在', en: 'Evidence file not found' },
  COMPLAINANT_ORGANISATION_REQUIRED: { status: 403, zh: '投诉须以投标单位名义提出', en: 'A complaint is filed in the name of a bidding organisation' },
  COMPLAINT_PROJECT_NOT_OPEN: { status: 409, zh: '项目尚未发布或已终止,不受理投诉', en: 'The project is not published, or was cancelled: no complaint is taken' },
  COMPLAINT_OBJECTION_REQUIRED: { status: 422, zh: '招标投标投诉须先提出异议,请指明所依据的异议', en: 'A tendering complaint follows an objection: name it' },
  COMPLAINT_OBJECTION_NOT_QUALIFYING: { status: 422, zh: '所指异议不是本单位在该项目提出的异议', en: 'The objection named is not one your organisation raised in this project' },
  COMPLAINT_OBJECTION_PENDING: { status: 409, zh: '异议答复期限未届满,尚不能投诉', en: 'The objection may still be answered: no complaint yet' },
  COMPLAINT_WINDOW_CLOSED: { status: 409, zh: '已超过投诉期限', en: 'The complaint window has closed' },
  COMPLAINT_DUPLICATE: { status: 409, zh: '该异议已有处理中的投诉', en: 'A complaint on this objection is already pending' },
  COMPLAINT_RESPONDENT_INVALID: { status: 422, zh: '被投诉人须为其他已登记单位', en: 'The respondent must be another registered organisation' },
  COMPLAINT_EVIDENCE_REQUIRED: { status: 422, zh: '投诉须附证明材料', en: 'A complaint needs evidence files' },
  COMPLAINT_STATE_CONFLICT: { status: 409, zh: '投诉当前状态不允许此操作', en: 'The complaint’s state does not allow this' },
  COMPLAINT_FILTER_NOT_IN_SCOPE: { status: 403, zh: '只能查看本领域的投诉', en: 'You see complaints of your own domain only' },
});
