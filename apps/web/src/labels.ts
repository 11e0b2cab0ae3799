export const TENDER_STATUS: Record<string, { text: string; color: string }> = {
  submitted: { text: '待受理', color: 'default' },
  returned: { text: '已退回', color: 'warning' },
  accepted: { text: '已受理', color: 'cyan' },
  bidding: { text: '投标中', color: 'processing' },
  opened: { text: '已开标', color: 'blue' },
  failed: { text: '流标', color: 'error' },
  evaluating: { text: '评标中', color: 'purple' },
  publicity: { text: '候选人公示', color: 'gold' },
  awarded: { text: '已定标', color: 'success' },
};
export const SECTION_STATUS: Record<string, string> = { open: '投标中', failed: '流标', opened: '已开标', evaluating: '评标中', publicity: '公示中', awarded: '已定标' };
export const TENDER_KIND: Record<string, string> = { construction: '施工', supervision: '监理', design: '设计', survey: '勘察', goods: '货物', services: '服务' };
export const EVALUATION_METHOD: Record<string, string> = { comprehensive: '综合评估法', lowest_price: '经评审的最低投标价法' };
export const PARCEL_PHASE: Record<string, { text: string; color: string }> = {
  announced: { text: '公告中', color: 'cyan' },
  listing: { text: '挂牌中', color: 'processing' },
  live: { text: '限时竞价中', color: 'red' },
  ended: { text: '已结束', color: 'default' },
};
export const LAND_USE: Record<string, string> = { residential: '住宅', commercial: '商服', industrial: '工业', comprehensive: '综合', public_service: '公共服务' };
export const LAND_RESULT: Record<string, string> = { sold: '成交', unsold: '流拍', reserve_not_met: '未达保留价' };
export const DEAL_STATUS: Record<string, { text: string; color: string }> = {
  draft: { text: '登记中', color: 'default' },
  listing: { text: '挂牌中', color: 'processing' },
  agreement: { text: '协议转让', color: 'cyan' },
  live: { text: '网络竞价', color: 'red' },
  failed: { text: '未成交', color: 'error' },
  relisting: { text: '重新挂牌', color: 'warning' },
  concluded: { text: '已成交', color: 'success' },
  contracted: { text: '已签约', color: 'success' },
};
export const PROJECT_STATUS: Record<string, { text: string; color: string }> = {
  draft: { text: '登记', color: 'default' },
  published: { text: '已发布', color: 'processing' },
  suspended: { text: '已中止', color: 'error' },
  closed: { text: '已结束', color: 'default' },
  cancelled: { text: '已终止', color: 'error' },
};
export const DEPOSIT_STATUS: Record<string, string> = { none: '未缴纳', declared: '已申报待确认', confirmed: '已到账', refund_due: '待退还', refunded: '已退还', released: '保函已释放', held: '冻结中', converted: '转为价款' };
