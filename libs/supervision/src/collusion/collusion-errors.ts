import { defineErrors } from '@app/platform/errors/domain-error';

export const CollusionErrors = defineErrors({
  TENDER_NOT_FOUND: { status: 404, zh: '招标项目不存在', en: 'Tender not found' },
  REQUIREMENT_NOT_FOUND: { status: 404, zh: '网上竞价需求不存在', en: 'Online-quote requirement not found' },
  COLLUSION_SIGNAL_NOT_FOUND: { status: 404, zh: '围标串标预警不存在', en: 'Collusion signal not found' },
  COLLUSION_SIGNAL_REVIEWED: { status: 409, zh: '该预警已复核', en: 'The signal has been reviewed already' },
  COLLUSION_NOT_IN_SCOPE: { status: 403, zh: '仅管理办公室和本行业监管部门(招标投标、政府采购)可查看围标串标预警', en: 'Only the office and the regulator of the domain (tendering, procurement) see collusion signals' },
});
