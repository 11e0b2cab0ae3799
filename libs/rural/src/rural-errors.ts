import { defineErrors } from '@app/platform/errors/domain-error';

export const RuralErrors = defineErrors({
  DEAL_NOT_FOUND: { status: 404, zh: '农村产权交易项目不存在', en: 'Rural deal not found' },
  DEAL_STATE_CONFLICT: { status: 409, zh: '交易项目当前状态不允许此操作', en: 'The deal’s state does not allow this' },
  DEAL_NOT_YOURS: { status: 403, zh: '只有本项目的转出方或其代理机构可以操作', en: 'Only the deal’s transferring collective or its agent may do this' },
  NOT_YOUR_DOMAIN: { status: 403, zh: '只有交易中心、管理办公室和农业农村行业监管部门可以查看', en: 'Only the centre, the office and the rural regulator may see this' },
  DEAL_INVALID: { status: 422, zh: '挂牌价格和加价幅度须为正数', en: 'The listing price and the increment must be positive' },
  KIND_UNKNOWN: { status: 422, zh: '交易品种不在目录中', en: 'The kind is not in the catalogue' },
  KIND_EXISTS: { status: 409, zh: '交易品种代码已存在', en: 'A kind with this code exists already' },
  RESOLUTION_INVALID: { status: 422, zh: '决议的同意票数须在 0 与应到人数之间,会议日期不得晚于今天', en: 'Votes in favour must lie between 0 and the total, and the meeting cannot be in the future' },
  LISTING_REFUSED: { status: 422, zh: '不符合挂牌条件', en: 'The deal may not be listed yet' },
  LISTING_END_TOO_EARLY: { status: 422, zh: '挂牌截止时间早于规则规定的最短挂牌公示期', en: 'The listing end is earlier than the rule set’s shortest listing period allows' },
  LISTING_CLOSED: { status: 409, zh: '挂牌公示期已结束,不再受理报名', en: 'The listing period is over; no more applications' },
  OWN_DEAL: { status: 403, zh: '转出方不得报名受让本单位的项目', en: 'The transferring collective cannot apply for its own deal' },
  DEPOSIT_AMOUNT_SHORT: { status: 422, zh: '缴纳金额少于规定的交易保证金', en: 'The amount is less than the deal’s deposit' },
  APPLICATION_NOT_FOUND: { status: 404, zh: '报名记录不存在', en: 'Application not found' },
  APPLICATION_STATE_CONFLICT: { status: 409, zh: '报名或保证金当前状态不允许此操作', en: 'The application’s state does not allow this' },
  NOT_SOLE_APPLICANT: { status: 403, zh: '只有唯一合格的意向受让方可以确认协议转让价格', en: 'Only the one qualified applicant may confirm the agreement price' },
  AGREEMENT_PRICE_TOO_LOW: { status: 422, zh: '协议转让价格不得低于挂牌价格', en: 'The agreement price cannot be below the listing price' },
  RELIST_PRICE_TOO_LOW: { status: 422, zh: '重新挂牌价格的降幅超过规则允许的比例', en: 'The relisting price cuts more than the rule set allows' },
  CONTRACT_TOO_EARLY: { status: 409, zh: '成交结果公示期未满,暂不能登记合同', en: 'The result publicity has not ended yet' },
  CONTRACT_INVALID: { status: 422, zh: '合同金额须等于成交价格,签订时间须在成交之后且不晚于现在', en: 'The contract amount must equal the deal price and it must be signed after the deal, not in the future' },
});
