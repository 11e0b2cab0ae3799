/** Chinese labels of issue 8's codes (statistics, notices, complaints, cards, collusion, credit). */
export const DOMAINS = ['tendering', 'land', 'procurement', 'rural'] as const;
export const DOMAIN_SHORT: Record<string, string> = { tendering: '工程', land: '土地', procurement: '采购', rural: '农村' };
export const DOMAIN_COLOUR: Record<string, string> = { tendering: '#d9480f', land: '#1c7ed6', procurement: '#2f9e44', rural: '#7048e8' };

export const NOTICE_KIND: Record<string, { text: string; color: string }> = {
  announcement: { text: '交易公告', color: 'blue' },
  amendment: { text: '变更公告', color: 'orange' },
  candidates: { text: '候选人公示', color: 'gold' },
  result: { text: '结果公告', color: 'green' },
  contract: { text: '合同公开', color: 'purple' },
  suspension: { text: '中止公告', color: 'red' },
  resumption: { text: '恢复公告', color: 'cyan' },
};

export const COMPLAINT_STATUS: Record<string, { text: string; color: string }> = {
  filed: { text: '待受理', color: 'processing' },
  accepted: { text: '已受理', color: 'cyan' },
  rejected: { text: '不予受理', color: 'default' },
  withdrawn: { text: '已撤回', color: 'default' },
  decided: { text: '已决定', color: 'success' },
};
export const COMPLAINT_OUTCOME: Record<string, { text: string; color: string }> = {
  upheld: { text: '投诉成立', color: 'red' },
  dismissed: { text: '驳回投诉', color: 'default' },
};
export const COMPLAINT_ACTION: Record<string, string> = { accept: '受理', reject: '不予受理', suspend: '暂停项目', resume: '恢复项目', decide: '作出处理决定', withdraw: '撤回' };

export const CARD_COLOUR: Record<string, { text: string; color: string }> = {
  yellow: { text: '黄牌', color: 'gold' },
  red: { text: '红牌', color: 'red' },
};
export const STEP_KIND: Record<string, string> = {
  'tender.registration_review': '受理进场登记',
  'tender.candidates_publicity': '公示中标候选人',
  'tender.objection_reply': '答复异议',
  'tender.contract': '订立合同',
  'tender.deposit_refund': '退还投标保证金',
  'land.deposit_refund': '退还竞买保证金',
  'rural.deposit_refund': '退还交易保证金',
  'expert.draw_response': '专家应答抽取',
  'procurement.order_confirmation': '供应商确认订单',
  'procurement.order_acceptance': '采购人验收',
  'procurement.order_payment': '采购人支付',
};
export const RESPONSIBLE: Record<string, string> = { owner: '招标人', centre: '交易中心', supplier: '供应商', purchaser: '采购人', expert: '评标专家' };

export const SIGNAL_KIND: Record<string, { text: string; law?: string }> = {
  same_documents: { text: '投标文件雷同(哈希相同)', law: '实施条例 40(二)' },
  same_document_metadata: { text: '文件作者或制作工具序列号相同', law: '实施条例 40(二)' },
  same_ip: { text: '同一 IP 地址投标', law: '实施条例 40(二)' },
  same_device: { text: '同一设备投标', law: '实施条例 40(二)' },
  same_payer_account: { text: '保证金从同一账户转出', law: '实施条例 40(五)' },
  price_progression: { text: '报价呈规律性差异', law: '实施条例 40(四)' },
  price_cluster: { text: '报价异常集中', law: '预警指标' },
};
export const SIGNAL_STATUS: Record<string, { text: string; color: string }> = {
  open: { text: '待复核', color: 'processing' },
  dismissed: { text: '已排除', color: 'default' },
  confirmed: { text: '已确认', color: 'red' },
};

export const CREDIT_KIND: Record<string, { text: string; color: string }> = {
  yellow_card: { text: '黄牌', color: 'gold' },
  red_card: { text: '红牌', color: 'red' },
  complaint_upheld: { text: '投诉成立', color: 'volcano' },
  penalty: { text: '行政处罚', color: 'magenta' },
  rating: { text: '履约评价', color: 'blue' },
};
