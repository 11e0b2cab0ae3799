/** Labels of the workspace pages (e-mall, applications, evaluation). */
export const ORDER_STATUS: Record<string, { text: string; color: string }> = {
  placed: { text: '待确认', color: 'processing' },
  confirmed: { text: '已确认', color: 'cyan' },
  delivered: { text: '已发货', color: 'blue' },
  accepted: { text: '验收合格', color: 'success' },
  rejected: { text: '验收不合格', color: 'error' },
  paid: { text: '已支付', color: 'success' },
  cancelled: { text: '已取消', color: 'default' },
};
export const REQUIREMENT_STATUS: Record<string, string> = { quoting: '报价中', awarded: '已成交', failed: '有效报价不足', switched: '已变更方式' };
export { PERIOD_UNIT } from './rule-labels';
export const LAND_APPLICATION_STATUS: Record<string, { text: string; color: string }> = {
  submitted: { text: '待审核', color: 'processing' },
  qualified: { text: '已确认资格', color: 'success' },
  rejected: { text: '未通过', color: 'error' },
};
export const RURAL_APPLICATION_STATUS: Record<string, { text: string; color: string }> = {
  declared: { text: '待确认保证金', color: 'processing' },
  qualified: { text: '已确认', color: 'success' },
  refund_due: { text: '待退还', color: 'warning' },
  refunded: { text: '已退还', color: 'default' },
  applied_to_price: { text: '转作价款', color: 'success' },
};
