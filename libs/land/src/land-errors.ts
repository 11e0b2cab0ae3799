import { defineErrors } from '@app/platform/errors/domain-error';

export const LandErrors = defineErrors({
  PARCEL_NOT_FOUND: { status: 404, zh: '出让地块不存在', en: 'Parcel not found' },
  PARCEL_STATE_CONFLICT: { status: 409, zh: '地块当前状态不允许此操作', en: 'The parcel’s state does not allow this' },
  PARCEL_NOT_YOURS: { status: 403, zh: '只有本地块的出让人可以操作', en: 'Only the parcel’s owner may do this' },
  PARCEL_INVALID: { status: 422, zh: '地块信息不符合要求', en: 'The parcel’s details are not valid' },
  TERM_TOO_LONG: { status: 422, zh: '出让年限超过该用途的法定最高年限', en: 'The term exceeds the longest the law allows for this use' },
  INCREMENT_INVALID: { status: 422, zh: '加价幅度不符合规则(不得低于最低加价幅度,阶梯须从起始价以下开始且逐级递增)', en: 'The increment breaks the rules (not below the smallest increment; a ladder starts at or below the start price and rises)' },
  RESERVE_INVALID: { status: 422, zh: '保留价不得低于起始价', en: 'The reserve may not be below the start price' },
  SCHEDULE_TOO_EARLY: { status: 422, zh: '出让公告须在挂牌或拍卖开始前满规定期限发布,挂牌期不得少于规定期限', en: 'The announcement must precede the start, and the listing last, by at least the periods the rules set' },
  SCHEDULE_MODE_MISMATCH: { status: 422, zh: '挂牌出让须给出挂牌起止时间,拍卖出让须给出拍卖时间', en: 'A listing needs its start and end; an auction needs its session time' },
  APPLICATIONS_CLOSED: { status: 409, zh: '竞买申请已截止', en: 'Applications are closed' },
  APPLICATION_NOT_FOUND: { status: 404, zh: '竞买申请不存在', en: 'Application not found' },
  APPLICATION_STATE_CONFLICT: { status: 409, zh: '竞买申请当前状态不允许此操作', en: 'The application’s state does not allow this' },
  DEPOSIT_AMOUNT_SHORT: { status: 422, zh: '缴纳金额少于竞买保证金', en: 'The amount is less than the deposit' },
  NOT_QUALIFIED_BUYER: { status: 403, zh: '您不是本地块的合格竞买人', en: 'You are not a qualified buyer of this parcel' },
  CONTINUE_CLOSED: { status: 409, zh: '只能在挂牌期内表示继续竞价', en: 'You may only say you will keep bidding during the listing' },
  NO_WINNER: { status: 409, zh: '该地块没有竞得人,不出具成交确认书', en: 'The parcel has no winner; there is no deal confirmation' },
  CONFIRMATION_NOT_VISIBLE: { status: 403, zh: '成交确认书仅竞得人、出让人、交易中心与监管可查看', en: 'Only the winner, the owner, the centre and supervisors see the deal confirmation' },
  NOT_YOUR_DOMAIN: { status: 403, zh: '只有交易中心、管理办公室和自然资源行业监管部门可以查看', en: 'Only the centre, the office and the land regulator may see this' },
  DEPOSIT_STATE_CONFLICT: { status: 409, zh: '保证金当前状态不允许此操作', en: 'The deposit’s state does not allow this' },
});
