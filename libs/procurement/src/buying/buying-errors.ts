import { defineErrors } from '@app/platform/errors/domain-error';

/** The buying side of the e-mall: budgets, orders, acceptance, payment, ratings. */
export const BuyingErrors = defineErrors({
  BUDGET_LINE_NOT_FOUND: { status: 404, zh: '预算指标不存在', en: 'Budget line not found' },
  BUDGET_LINE_EXISTS: { status: 409, zh: '本单位该年度已有相同编码的预算指标', en: 'Your organisation already has a budget line with this code for the year' },
  BUDGET_NOT_YOURS: { status: 403, zh: '只能使用本单位的预算指标', en: 'Only your organisation’s budget lines may be used' },
  BUDGET_EXCEEDED: { status: 409, zh: '订单金额超过预算指标余额', en: 'The order exceeds the budget line’s remaining amount' },
  NO_ORGANISATION: { status: 403, zh: '账号未关联单位', en: 'The account belongs to no organisation' },
  PRODUCT_NOT_FOUND: { status: 404, zh: '商品不存在', en: 'Product not found' },
  PRODUCT_NOT_ON_SALE: { status: 409, zh: '商品未上架或已下架', en: 'The product is not on sale' },
  ORDER_MIXED_SUPPLIERS: { status: 422, zh: '一张订单只能包含同一供应商的商品', en: 'One order holds one supplier’s products only' },
  ORDER_ITEMS_INVALID: { status: 422, zh: '订单明细无效(数量、单价须为正,商品不得重复)', en: 'Invalid order items (positive quantities and prices, no repeated product)' },
  OWN_PRODUCT: { status: 422, zh: '不能向本单位采购', en: 'An organisation cannot buy from itself' },
  ORDER_TOTAL_CHANGED: { status: 409, zh: '商品价格已变动,订单金额与您确认的金额不符,请核对后重新下单', en: 'Prices have changed: the order total differs from the one you confirmed' },
  DIRECT_PURCHASE_OVER_THRESHOLD: { status: 422, zh: '金额超过直购上限,须采用网上竞价', en: 'Above the direct-purchase threshold: use an online quote' },
  ORDER_NOT_FOUND: { status: 404, zh: '订单不存在', en: 'Order not found' },
  ORDER_NOT_YOURS: { status: 403, zh: '只有订单的采购人或供应商可以操作', en: 'Only the order’s purchaser or supplier may do this' },
  ORDER_STATE_CONFLICT: { status: 409, zh: '订单当前状态不允许此操作', en: 'The order’s state does not allow this' },
  CANCEL_TOO_EARLY: { status: 409, zh: '供应商确认时限未到,不能取消订单', en: 'The supplier still has time to confirm' },
  PAYMENT_AMOUNT_MISMATCH: { status: 422, zh: '支付金额须等于订单金额', en: 'The payment must equal the order total' },
  RATING_EXISTS: { status: 409, zh: '该订单已评价', en: 'This order has been rated already' },
  RATING_NOT_FOUND: { status: 404, zh: '该订单尚未评价', en: 'This order has not been rated' },
  REPLY_EXISTS: { status: 409, zh: '供应商已回复该评价', en: 'The supplier has replied already' },
  SUPPLIER_NOT_FOUND: { status: 404, zh: '供应商不存在', en: 'Supplier not found' },
  NOT_SUPERVISOR: { status: 403, zh: '只有管理办公室或政府采购监管部门可以查看', en: 'Only the office or the procurement regulator may see this' },
});
