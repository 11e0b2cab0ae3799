// 政府采购: 政府采购法 (2014, "法"), 政府采购法实施条例 (2015, "条例"), 政府采购货物和服务招标投标管理办法
// (财政部令第 87 号); the e-mall (电子卖场) values are local practice. Version 1 of the committee's rules.
import { defineRuleSpec, ParamsOf } from '../rule-spec';
import { EXPERT_DRAW_DEFAULT_NUMBERS, EXPERT_DRAW_DEFAULT_PERIODS, EXPERT_DRAW_NUMBERS, EXPERT_DRAW_PERIODS } from './expert-draw';
import { d, h, wd } from './units';

export const PROCUREMENT_SPEC = defineRuleSpec({
  periods: {
    ...EXPERT_DRAW_PERIODS,
    bidPreparation: { zh: '招标文件发出至投标截止', en: 'documents issued to bid deadline', units: ['d', 'wd'], min: d(20), law: '法 35' },
    documentsAvailable: { zh: '招标文件提供期', en: 'documents available', units: ['wd'], min: wd(5), law: '条例 31' },
    depositRefund: { zh: '退还投标保证金', en: 'deposit refund', units: ['wd'], max: wd(5), law: '条例 33' },
    challengeWindow: { zh: '质疑期限', en: 'challenge (质疑) window', units: ['wd'], min: wd(7), max: wd(7), law: '法 52' },
    challengeReply: { zh: '答复质疑', en: 'reply to a challenge', units: ['wd'], max: wd(7), law: '法 53' },
    complaintWindow: { zh: '投诉期限', en: 'complaint window', units: ['wd'], min: wd(15), max: wd(15), law: '法 55' },
    complaintAcceptance: { zh: '审查投诉并决定是否受理', en: 'review a complaint and accept or refuse it', units: ['wd'], max: wd(5), law: '财政部令第 94 号 21' },
    complaintDecision: { zh: '投诉处理决定', en: 'complaint decision', units: ['wd'], max: wd(30), law: '法 56' },
    reportToPurchaser: { zh: '评审报告送交采购人', en: 'report sent to the purchaser', units: ['wd'], max: wd(2), law: '条例 43' },
    purchaserDecision: { zh: '采购人确定中标人', en: 'purchaser decides', units: ['wd'], max: wd(5), law: '条例 43' },
    resultNotice: { zh: '公告中标结果', en: 'result published', units: ['wd'], max: wd(2), law: '条例 43' },
    contractPublication: { zh: '公告政府采购合同', en: 'contract published', units: ['wd'], max: wd(2), law: '条例 50' },
    quoteWindow: { zh: '网上竞价报价期', en: 'online-quote window', units: ['wd', 'd', 'h'], min: h(1) },
    supplierConfirmation: { zh: '供应商确认订单', en: 'supplier confirms an order', units: ['wd', 'd', 'h'], min: h(1) },
    acceptance: { zh: '履约验收', en: 'acceptance', units: ['wd', 'd'] },
    payment: { zh: '验收后支付', en: 'payment after acceptance', units: ['wd', 'd'] },
  },
  numbers: {
    ...EXPERT_DRAW_NUMBERS,
    minQuotes: { zh: '最少有效报价数', en: 'minimum valid quotes', min: 3, max: 50, law: '法 40' },
    depositCapBp: { zh: '投标保证金上限(占预算,基点)', en: 'deposit cap (basis points of the budget)', min: 0, max: 200, law: '条例 33' },
    committeeMinSize: { zh: '评审小组最少人数', en: 'evaluation panel minimum size', min: 3, max: 51, odd: true, law: '法 38' },
    priceToleranceBp: { zh: '报价高于参考价的提示阈值(基点)', en: 'flag quotes above the reference price by (basis points)', min: 0, max: 10000 },
    warningPercent: { zh: '时限预警比例(%)', en: 'warning at this percent of a time limit', min: 1, max: 99 },
  },
  fractions: {
    expertShare: { zh: '评审小组中专家最低占比', en: 'minimum share of experts on the panel', min: { numerator: 2, denominator: 3 }, law: '法 38' },
  },
  amounts: {
    directPurchaseThreshold: { zh: '直购上限(以上须网上竞价)', en: 'direct purchase up to (above it, online quote)', minFen: '0' },
  },
});

export type ProcurementRules = ParamsOf<typeof PROCUREMENT_SPEC>;

export const PROCUREMENT_DEFAULTS: ProcurementRules = {
  periods: {
    ...EXPERT_DRAW_DEFAULT_PERIODS,
    bidPreparation: d(20), // 法 35
    documentsAvailable: wd(5), // 条例 31
    depositRefund: wd(5), // 条例 33
    challengeWindow: wd(7), // 法 52
    challengeReply: wd(7), // 法 53
    complaintWindow: wd(15), // 法 55
    complaintAcceptance: wd(5), // 政府采购质疑和投诉办法 (财政部令第 94 号) 21: reviewed within 5 wd of receipt
    complaintDecision: wd(30), // 法 56
    reportToPurchaser: wd(2), // 条例 43
    purchaserDecision: wd(5), // 条例 43
    resultNotice: wd(2), // 条例 43
    contractPublication: wd(2), // 条例 50
    quoteWindow: wd(3), // local e-mall rules for 网上竞价
    supplierConfirmation: wd(1), // local e-mall practice
    acceptance: wd(7), // local e-mall practice
    payment: wd(10), // local e-mall practice
  },
  numbers: {
    ...EXPERT_DRAW_DEFAULT_NUMBERS,
    minQuotes: 3, // 法 40 (询价: ≥ 3 suppliers); local e-mall rules ask the same of 网上竞价
    depositCapBp: 200, // 条例 33: ≤ 2 % of the budget
    committeeMinSize: 5, // 87 号令 47: ≥ 5, odd, for open tenders (法 38 allows 3 for negotiations)
    priceToleranceBp: 500, // local practice: a quote 5 % above the reference is flagged
    warningPercent: 80, // local practice
  },
  fractions: {
    expertShare: { numerator: 2, denominator: 3 }, // 法 38: experts ≥ 2/3
  },
  amountsFen: {
    directPurchaseThreshold: '100000000', // local practice: ¥1,000,000.00
  },
};
