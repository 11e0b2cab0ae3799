import { defineErrors } from '@app/platform/errors/domain-error';

export const LiveErrors = defineErrors({
  LOT_NOT_FOUND: { status: 404, zh: '竞价标的不存在', en: 'Lot not found' },
  LOT_CLOSED: { status: 409, zh: '竞价已结束,出价无效', en: 'Bidding on this lot has ended' },
  LOT_NOT_OPEN: { status: 409, zh: '竞价尚未开始', en: 'Bidding on this lot has not started' },
  BID_TOO_LOW: { status: 409, zh: '出价低于当前最低有效报价', en: 'The bid is below the lowest valid price' },
  BID_OFF_GRID: { status: 422, zh: '出价须为起始价加整数倍加价幅度', en: 'A bid must be the start price plus whole increments' },
  NOT_ADMITTED: { status: 403, zh: '您没有该标的的竞买号', en: 'You hold no paddle number for this lot' },
  LOT_STATE_CONFLICT: { status: 409, zh: '标的当前阶段不允许此操作', en: 'The lot’s phase does not allow this' },
  LOT_SUSPENDED: { status: 409, zh: '项目已中止,竞价暂停,恢复后继续', en: 'The lot’s project is suspended: bidding resumes with the project' },
  LOT_IDENTITIES_SEALED: { status: 403, zh: '竞价结束前竞买人身份保密', en: 'Bidders stay anonymous until the lot ends' },
});
