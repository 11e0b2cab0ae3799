import { defineErrors } from './domain-error';

export const PlatformErrors = defineErrors({
  VALIDATION_FAILED: { status: 400, zh: '请求参数不合法', en: 'The request is not valid' },
  MALFORMED_BODY: { status: 400, zh: '请求体不是有效的 JSON', en: 'The request body is not valid JSON' },
  UNAUTHENTICATED: { status: 401, zh: '请先登录', en: 'Authentication required' },
  TOKEN_INVALID: { status: 401, zh: '登录凭证无效或已过期', en: 'The token is invalid or has expired' },
  ACCOUNT_DISABLED: { status: 401, zh: '账户已停用', en: 'The account is disabled' },
  FORBIDDEN_ROLE: { status: 403, zh: '当前角色无权执行此操作', en: 'Your role may not do this' },
  NOT_FOUND: { status: 404, zh: '资源不存在', en: 'Not found' },
  ROUTE_NOT_FOUND: { status: 404, zh: '接口不存在', en: 'No such endpoint' },
  PAYLOAD_TOO_LARGE: { status: 422, zh: '请求内容过大', en: 'The request is too large' },
  UPLOAD_INVALID: { status: 422, zh: '上传的文件不符合要求', en: 'The upload is not acceptable' },
  MONEY_INVALID: { status: 422, zh: '金额必须是非负数,最多两位小数', en: 'An amount must be a non-negative decimal with at most 2 decimals' },
  TOO_MANY_REQUESTS: { status: 429, zh: '请求过于频繁,请稍后再试', en: 'Too many requests, try again later' },
  SERVICE_UNAVAILABLE: { status: 503, zh: '服务暂不可用,请稍后使用相同的请求重试', en: 'Service unavailable, retry the same request later' },
  INTERNAL: { status: 503, zh: '服务器内部错误', en: 'Internal error' },
});
