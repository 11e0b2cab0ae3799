import { defineErrors } from '@app/platform/errors/domain-error';

export const CreditErrors = defineErrors({
  ORGANISATION_NOT_FOUND: { status: 404, zh: '单位不存在', en: 'Organisation not found' },
  PROJECT_NOT_FOUND: { status: 404, zh: '项目不存在', en: 'Project not found' },
  CREDIT_NOT_YOURS: { status: 403, zh: '只能查看本单位的信用记录', en: 'You may see only your own organisation’s credit record' },
  PENALTY_ALREADY_RECORDED: { status: 409, zh: '该行政处罚决定已登记', en: 'This penalty decision is recorded already' },
});
