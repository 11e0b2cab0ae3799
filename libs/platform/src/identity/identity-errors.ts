import { defineErrors } from '../errors/domain-error';

export const IdentityErrors = defineErrors({
  USCC_INVALID: { status: 422, zh: '统一社会信用代码无效(校验位不符)', en: 'The unified social credit code is invalid' },
  ORGANISATION_EXISTS: { status: 409, zh: '该统一社会信用代码已注册', en: 'An organisation with this code is already registered' },
  ORGANISATION_NOT_FOUND: { status: 404, zh: '单位不存在', en: 'Organisation not found' },
  USERNAME_TAKEN: { status: 409, zh: '用户名已被占用', en: 'The username is taken' },
  LOGIN_FAILED: { status: 401, zh: '用户名或密码错误', en: 'Wrong username or password' },
  ACCOUNT_NOT_FOUND: { status: 404, zh: '账户不存在', en: 'Account not found' },
  ROLE_SEPARATION_CONFLICT: { status: 409, zh: '同一账户不能同时持有监督角色和交易操作角色(行政监督与交易活动相分离)', en: 'One account cannot hold a supervising and an operating role' },
  ROLE_ORGANISATION_CONFLICT: {
    status: 409,
    zh: '利益冲突:参与投标(竞买、报价)的单位不得持有交易中心角色,交易中心所在单位不得持有投标人角色',
    en: 'Conflict of interest: an organisation that bids cannot hold the centre role, nor the centre’s organisation the bidder role',
  },
  ROLE_NOT_GRANTABLE: { status: 403, zh: '您无权授予或收回该角色', en: 'You may not grant or revoke this role' },
  ROLE_DOMAIN_REQUIRED: { status: 422, zh: '行业监管角色必须指定一个交易领域,其他角色不得指定', en: 'A regulator needs exactly one domain; other roles take none' },
  ROLE_ALREADY_HELD: { status: 409, zh: '账户已持有该角色', en: 'The account already holds this role' },
  ROLE_NOT_HELD: { status: 404, zh: '账户未持有该角色', en: 'The account does not hold this role' },
  ACCOUNT_NOT_MANAGEABLE: { status: 403, zh: '您无权管理该账户', en: 'You may not manage this account' },
});
