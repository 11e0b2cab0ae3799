// 建设工程招投标: 招标投标法 (2017, "法"), 招标投标法实施条例 (2019, "条例"), 电子招标投标办法 (2013).
// Version 1 of the committee's rules; later changes are new versions, never edits of this file's numbers.
import { defineRuleSpec, ParamsOf } from '../rule-spec';
import { EXPERT_DRAW_DEFAULT_NUMBERS, EXPERT_DRAW_DEFAULT_PERIODS, EXPERT_DRAW_NUMBERS, EXPERT_DRAW_PERIODS } from './expert-draw';
import { d, min, wd } from './units';

export const TENDERING_SPEC = defineRuleSpec({
  periods: {
    ...EXPERT_DRAW_PERIODS,
    documentsAvailable: { zh: '招标文件发售期', en: 'tender documents available', units: ['d', 'wd'], min: d(5), law: '条例 16' },
    bidPreparation: { zh: '招标文件发出至投标截止', en: 'documents issued to bid deadline', units: ['d', 'wd'], min: d(20), law: '法 24' },
    clarificationBeforeDeadline: { zh: '澄清或修改距投标截止', en: 'clarification or amendment before the deadline', units: ['d', 'wd'], min: d(15), law: '法 23, 条例 21' },
    objectionBeforeDeadline: { zh: '对招标文件的异议距投标截止', en: 'objection to the documents before the deadline', units: ['d'], min: d(10), max: d(10), law: '条例 22' },
    objectionReply: { zh: '招标人答复异议', en: 'owner replies to an objection', units: ['d'], max: d(3), law: '条例 22' },
    depositRefundAfterWithdrawal: { zh: '撤回投标后退还保证金', en: 'deposit refund after a withdrawal', units: ['d'], max: d(5), law: '条例 35' },
    decryptionWindow: { zh: '不见面开标解密时限', en: 'remote decryption window', units: ['min', 'h'], min: min(10), max: { value: 4, unit: 'h' } },
    candidatesPublishedWithin: { zh: '收到评标报告后公示候选人', en: 'candidates published after the report', units: ['d'], max: d(3), law: '条例 54' },
    candidatePublicity: { zh: '中标候选人公示期', en: 'candidate publicity', units: ['d', 'wd'], min: d(3), law: '条例 54' },
    publicityObjectionReply: { zh: '答复公示期异议', en: 'reply to an objection during publicity', units: ['d'], max: d(3), law: '条例 54' },
    contractWithin: { zh: '中标通知书发出后订立合同', en: 'contract signed after the award notice', units: ['d'], max: d(30), law: '法 46' },
    complaintWindow: { zh: '投诉期限(自知道之日起)', en: 'complaint window from knowing', units: ['d'], min: d(10), max: d(10), law: '条例 60' },
    complaintAcceptance: { zh: '决定是否受理投诉', en: 'accept or refuse a complaint', units: ['wd'], max: wd(3), law: '条例 61' },
    complaintDecision: { zh: '作出投诉处理决定', en: 'decide a complaint', units: ['wd'], max: wd(30), law: '条例 61' },
    registrationReview: { zh: '交易中心受理进场登记', en: 'the centre accepts or returns a registration', units: ['wd', 'd', 'h'] },
    openingObjectionWindow: { zh: '开标现场异议时限', en: 'objections to the opening, on the spot', units: ['min', 'h'], min: min(5), law: '条例 44' },
    depositRefund: { zh: '合同签订或招标失败后退还保证金', en: 'deposit refund after the contract or a failed tender', units: ['d'], max: d(5), law: '条例 57' },
  },
  numbers: {
    ...EXPERT_DRAW_NUMBERS,
    minBidders: { zh: '最少投标人数', en: 'minimum bidders', min: 3, max: 50, law: '法 28, 条例 44' },
    depositCapBp: { zh: '投标保证金上限(占估算价,基点)', en: 'deposit cap (basis points of the estimate)', min: 0, max: 200, law: '条例 26' },
    performanceBondCapBp: { zh: '履约保证金上限(占合同价,基点)', en: 'performance bond cap (basis points of the contract)', min: 0, max: 1000, law: '条例 58' },
    committeeMinSize: { zh: '评标委员会最少人数', en: 'evaluation committee minimum size', min: 5, max: 51, odd: true, law: '法 37' },
    maxCandidates: { zh: '中标候选人最多人数', en: 'most candidates', min: 1, max: 3, law: '条例 53' },
    warningPercent: { zh: '时限预警比例(%)', en: 'warning at this percent of a time limit', min: 1, max: 99 },
    depositBeforeBid: { zh: '投标须先经交易中心确认保证金到账(1 是,0 否)', en: 'a bid needs a deposit confirmed by the centre (1 yes, 0 no)', min: 0, max: 1, law: '条例 26' },
    minCreditScore: { zh: '报名所需最低信用分(0 为不设门槛)', en: 'lowest credit score that may register (0: no threshold)', min: 0, max: 100 },
    priceScoreMax: { zh: '综合评分法价格分满分', en: 'comprehensive scoring: full price score', min: 10, max: 100, law: '条例 49' },
    technicalScoreMax: { zh: '综合评分法技术分满分', en: 'comprehensive scoring: full technical score', min: 0, max: 90 },
    businessScoreMax: { zh: '综合评分法商务分满分', en: 'comprehensive scoring: full business score', min: 0, max: 90 },
    benchmarkDiscountBp: { zh: '评标基准价下浮(基点)', en: 'benchmark price below the mean of bids by (basis points)', min: 0, max: 2000 },
    benchmarkTrimFrom: { zh: '有效报价达此数时去掉最高和最低报价再求平均', en: 'from this many valid bids the highest and lowest are left out of the mean', min: 3, max: 50 },
    priceDeductionAboveBp: { zh: '报价每高于基准价1%扣分(百分之一分)', en: 'points off per 1 % above the benchmark (hundredths of a point)', min: 0, max: 1000 },
    priceDeductionBelowBp: { zh: '报价每低于基准价1%扣分(百分之一分)', en: 'points off per 1 % below the benchmark (hundredths of a point)', min: 0, max: 1000 },
    dropExtremeScores: { zh: '专家评分去掉一个最高分和一个最低分(1 是,0 否)', en: 'leave out each criterion’s highest and lowest expert score (1 yes, 0 no)', min: 0, max: 1 },
  },
  fractions: {
    expertShare: { zh: '评标委员会中专家最低占比', en: 'minimum share of experts on the committee', min: { numerator: 2, denominator: 3 }, law: '法 37' },
  },
  amounts: {},
});

export type TenderingRules = ParamsOf<typeof TENDERING_SPEC>;

export const TENDERING_DEFAULTS: TenderingRules = {
  periods: {
    ...EXPERT_DRAW_DEFAULT_PERIODS,
    documentsAvailable: d(5), // 条例 16
    bidPreparation: d(20), // 法 24
    clarificationBeforeDeadline: d(15), // 法 23, 条例 21: later, the deadline moves
    objectionBeforeDeadline: d(10), // 条例 22
    objectionReply: d(3), // 条例 22: the process pauses until the reply
    depositRefundAfterWithdrawal: d(5), // 条例 35
    decryptionWindow: min(30), // 不见面开标 common practice (电子招标投标办法: nobody decrypts before the deadline)
    candidatesPublishedWithin: d(3), // 条例 54
    candidatePublicity: d(3), // 条例 54
    publicityObjectionReply: d(3), // 条例 54: the award pauses until the reply
    contractWithin: d(30), // 法 46
    complaintWindow: d(10), // 条例 60
    complaintAcceptance: wd(3), // 条例 61
    complaintDecision: wd(30), // 条例 61
    registrationReview: wd(2), // local practice: the centre answers a registration within 2 working days
    openingObjectionWindow: min(30), // 条例 44: objections to the opening are raised on the spot and answered there
    depositRefund: d(5), // 条例 57: within 5 days of the contract (and of a failed tender)
  },
  numbers: {
    ...EXPERT_DRAW_DEFAULT_NUMBERS,
    minBidders: 3, // 法 28, 条例 44: fewer than 3 → no opening, re-tender
    depositCapBp: 200, // 条例 26: ≤ 2 % of the estimate
    performanceBondCapBp: 1000, // 条例 58: ≤ 10 % of the contract
    committeeMinSize: 5, // 法 37: ≥ 5, odd
    maxCandidates: 3, // 条例 53
    warningPercent: 80, // local practice: supervisors are warned at 80 % of a time limit
    depositBeforeBid: 0, // 条例 26: the documents decide whether a deposit is asked; checked at evaluation unless the committee sets 1
    minCreditScore: 0, // no threshold until the committee sets one (信用评价, docs/credit.md)
    priceScoreMax: 60, // local model documents: price 60, technical 30, business 10
    technicalScoreMax: 30,
    businessScoreMax: 10,
    benchmarkDiscountBp: 300, // local practice: benchmark = mean of valid bids × (1 − 3 %)
    benchmarkTrimFrom: 5, // local practice: with 5 or more valid bids the highest and lowest are left out
    priceDeductionAboveBp: 100, // 1 point per 1 % above the benchmark
    priceDeductionBelowBp: 50, // 0.5 point per 1 % below it
    dropExtremeScores: 1, // local practice for committees of 7 or more; the rule set chooses
  },
  fractions: {
    expertShare: { numerator: 2, denominator: 3 }, // 法 37: experts ≥ 2/3
  },
  amountsFen: {},
};
