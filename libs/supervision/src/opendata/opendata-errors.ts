import { defineErrors } from '@app/platform/errors/domain-error';

export const OpenDataErrors = defineErrors({
  PROJECT_NOT_FOUND: { status: 404, zh: '项目不存在或尚未发布', en: 'Project not found or not published' },
  OCID_NOT_FOUND: { status: 404, zh: '没有该开放合同标识(ocid)的已发布流程', en: 'No published process has this ocid' },
  NOT_PUBLIC_AT: { status: 404, zh: '该项目在此时刻尚未公开', en: 'The project was not public at that moment' },
  OCDS_CURSOR_INVALID: { status: 422, zh: '分页游标无效', en: 'The page cursor is invalid' },
});
