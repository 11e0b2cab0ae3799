import { defineErrors } from '@app/platform/errors/domain-error';

export const ExpertErrors = defineErrors({
  EXPERT_NOT_FOUND: { status: 404, zh: '专家不存在', en: 'Expert not found' },
  EXPERT_NOT_LINKED: { status: 404, zh: '您的账户未关联专家库中的专家', en: 'Your account is not linked to an expert of the library' },
  EXPERT_DUPLICATE: { status: 409, zh: '该身份证号的专家已在专家库中', en: 'An expert with this ID number is already in the library' },
  EXPERT_ROW_INVALID: { status: 422, zh: '专家信息不符合入库要求', en: 'The expert’s details do not meet the library’s requirements' },
  EXPERT_NOTHING_TO_CHANGE: { status: 422, zh: '未提供任何需要修改的内容', en: 'Nothing to change was given' },
  EXPERT_ACCOUNT_UNKNOWN: { status: 422, zh: '账户不存在', en: 'The account does not exist' },
  EXPERT_ACCOUNT_NOT_EXPERT: { status: 422, zh: '该账户未被授予评标专家角色', en: 'The account does not hold the expert role' },
  EXPERT_ACCOUNT_TAKEN: { status: 409, zh: '该账户已关联其他专家', en: 'The account is already linked to another expert' },
  SPECIALTY_UNKNOWN: { status: 422, zh: '专业代码不在专业目录中', en: 'The specialty code is not in the catalogue' },
  SPECIALTY_EXISTS: { status: 409, zh: '该专业代码已存在', en: 'The specialty code already exists' },
  SPECIALTY_PARENT_UNKNOWN: { status: 422, zh: '上级专业不存在', en: 'The parent specialty does not exist' },
  UNAVAILABILITY_INVALID: { status: 422, zh: '不可参评时段无效:结束须晚于开始且晚于当前时间', en: 'The unavailable period must end after it starts and after now' },
  UNAVAILABILITY_NOT_FOUND: { status: 404, zh: '不可参评时段不存在', en: 'Unavailable period not found' },
  CONFLICT_USCC_INVALID: { status: 422, zh: '统一社会信用代码无效', en: 'The unified social credit code is not valid' },
  CONFLICT_DUPLICATE: { status: 409, zh: '已登记与该单位的利害关系', en: 'A conflict with this organisation is already declared' },
  CONFLICT_NOT_FOUND: { status: 404, zh: '利害关系登记不存在', en: 'Declared conflict not found' },
  IMPORT_FILE_INVALID: { status: 422, zh: '导入文件无法读取:须为带表头的 .xlsx 或 UTF-8 编码的 .csv 文件', en: 'The import file cannot be read: upload an .xlsx or a UTF-8 .csv file with a header row' },
  IMPORT_ROWS_INVALID: { status: 422, zh: '导入文件中有不合格的行,全部未导入', en: 'Some rows of the file are not valid; nothing was imported' },
});
