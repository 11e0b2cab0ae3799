import { defineErrors } from '@app/platform/errors/domain-error';

/** 网上竞价 / online quotes: one catalogue of refusals, stable codes, zh + en. */
export const QuoteErrors = defineErrors({
  REQUIREMENT_NOT_FOUND: { status: 404, zh: '竞价需求不存在', en: 'Requirement not found' },
  REQUIREMENT_NOT_YOURS: { status: 403, zh: '只有发布该需求的采购人可以操作', en: 'Only the purchaser who published the requirement may do this' },
  REQUIREMENT_STATE_CONFLICT: { status: 409, zh: '竞价需求当前状态不允许此操作', en: 'The requirement’s state does not allow this' },
  BELOW_QUOTE_THRESHOLD: { status: 422, zh: '最高限价未超过直购上限,请使用直购', en: 'The maximum price is within the direct-purchase limit: use direct purchase' },
  CATEGORY_NOT_FOUND: { status: 422, zh: '采购目录品目不存在', en: 'No such catalogue category' },
  QUOTE_DEADLINE_TOO_EARLY: { status: 422, zh: '报价截止时间早于规则规定的最短报价期', en: 'The quote deadline is earlier than the rule set’s shortest quote window allows' },
  DELIVERY_DATE_INVALID: { status: 422, zh: '交货日期须晚于报价截止时间', en: 'The delivery date must fall after the quote deadline' },
  NO_PURCHASER_ORGANISATION: { status: 403, zh: '账号未关联采购单位', en: 'The account belongs to no purchasing unit' },
  BUDGET_LINE_NOT_USABLE: { status: 422, zh: '预算指标不存在或不属于本单位', en: 'The budget line does not exist or is not your unit’s' },
  SUPPLIER_NOT_QUALIFIED: { status: 403, zh: '贵单位未与该品目签订有效的框架协议,不能报价', en: 'Your organisation has no valid framework agreement for this category' },
  QUOTE_OWN_REQUIREMENT: { status: 403, zh: '采购单位不能对自己的需求报价', en: 'A purchaser cannot quote on its own requirement' },
  QUOTE_AFTER_DEADLINE: { status: 409, zh: '报价截止时间已过,不再接收报价', en: 'The quote deadline has passed' },
  QUOTE_PRICE_INVALID: { status: 422, zh: '报价须为正数,以元计,最多两位小数', en: 'The price must be positive yuan with at most 2 decimals' },
  QUOTE_ITEMS_MISMATCH: { status: 422, zh: '分项报价须逐项对应需求明细,且合计等于总价', en: 'Item prices must match the requirement’s items one by one and add up to the total' },
  QUOTES_SEALED: { status: 403, zh: '报价截止前报价密封,任何人不得查看', en: 'Quotes stay sealed until the deadline' },
  REOPEN_USED: { status: 409, zh: '已重新竞价一次,不能再次重新竞价,请变更采购方式', en: 'The requirement was reopened once already: switch the procurement method' },
});
