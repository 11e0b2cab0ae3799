// 农村产权交易: 土地管理法 (2019) for the collective's decision; county/town/village tiers share local rules
// (统一监管、规则、流程、发布、收费、鉴证、结算). Version 1 of the committee's rules.
import { defineRuleSpec, ParamsOf } from '../rule-spec';
import { EXPERT_DRAW_DEFAULT_NUMBERS, EXPERT_DRAW_DEFAULT_PERIODS, EXPERT_DRAW_NUMBERS, EXPERT_DRAW_PERIODS } from './expert-draw';
import { d, wd } from './units';

export const RURAL_SPEC = defineRuleSpec({
  periods: {
    ...EXPERT_DRAW_PERIODS,
    listing: { zh: '挂牌公告期', en: 'listing period', units: ['wd', 'd'] },
    objectionWindow: { zh: '异议期', en: 'objection window', units: ['wd', 'd'] },
    depositRefund: { zh: '退还保证金', en: 'deposit refund', units: ['wd', 'd'] },
    resultPublicity: { zh: '成交结果公示期', en: 'result publicity', units: ['wd', 'd'] },
    complaintWindow: { zh: '投诉期限(自知道之日起)', en: 'complaint window from knowing', units: ['d', 'wd'], min: d(10) },
    complaintAcceptance: { zh: '决定是否受理投诉', en: 'accept or refuse a complaint', units: ['wd'], max: wd(3) },
    complaintDecision: { zh: '作出投诉处理决定', en: 'decide a complaint', units: ['wd'], max: wd(30) },
  },
  numbers: {
    ...EXPERT_DRAW_NUMBERS,
    committeeMinSize: { zh: '评审委员会最少人数', en: 'evaluation committee minimum size', min: 3, max: 51, odd: true },
    countdownSeconds: { zh: '限时竞价倒计时(秒)', en: 'timed-bidding countdown (seconds)', min: 60, max: 3600, sandboxMin: 5 },
    minBuyersForLive: { zh: '转入竞价的最少意向受让方人数(不足则协议转让)', en: 'buyers needed for live bidding (fewer: agreement transfer)', min: 2, max: 10 },
    warningPercent: { zh: '时限预警比例(%)', en: 'warning at this percent of a time limit', min: 1, max: 99 },
    bidsOnIncrementGrid: { zh: '报价须为起始价加整数倍加价幅度(1 是,0 否)', en: 'bids must be the start price plus whole increments (1 yes, 0 no)', min: 0, max: 1 },
    relistReductionMaxBp: { zh: '流标后重新挂牌的最大降价幅度(占上轮挂牌价,基点)', en: 'largest price cut when relisting after a failed listing (basis points of the previous listing price)', min: 0, max: 5000 },
  },
  fractions: {
    expertShare: { zh: '评审委员会中专家最低占比', en: 'minimum share of experts on the committee', min: { numerator: 2, denominator: 3 } },
    resolutionApproval: { zh: '集体决议最低同意比例', en: 'minimum share in favour of the collective resolution', min: { numerator: 2, denominator: 3 }, law: '土地管理法 63' },
  },
  amounts: {
    minIncrement: { zh: '最低加价幅度', en: 'smallest increment a listing may set', minFen: '100' },
  },
});

export type RuralRules = ParamsOf<typeof RURAL_SPEC>;

export const RURAL_DEFAULTS: RuralRules = {
  periods: {
    ...EXPERT_DRAW_DEFAULT_PERIODS,
    listing: wd(10), // local rules: commonly 10 working days
    objectionWindow: wd(5), // local rules
    depositRefund: wd(5), // local rules
    resultPublicity: wd(5), // local rules: the deal is published on the portal for 5 working days before the contract
    complaintWindow: d(10), // no national text for rural property: local practice, as 招标投标法实施条例 60
    complaintAcceptance: wd(3), // local practice, as 条例 61
    complaintDecision: wd(30), // local practice, as 条例 61
  },
  numbers: {
    ...EXPERT_DRAW_DEFAULT_NUMBERS,
    committeeMinSize: 5, // local practice, as for tenders
    countdownSeconds: 300, // local rules, as for land
    minBuyersForLive: 2, // local rules: one qualified buyer → agreement transfer (协议转让)
    warningPercent: 80, // local practice
    bidsOnIncrementGrid: 0, // local rural rules ask a bid at or above the last plus one increment, not on a grid; the committee may turn it on
    relistReductionMaxBp: 2000, // local practice: a relisting may cut the price by at most 20 % of the previous listing
  },
  fractions: {
    expertShare: { numerator: 2, denominator: 3 }, // local practice, as for tenders
    resolutionApproval: { numerator: 2, denominator: 3 }, // 土地管理法 63: ≥ 2/3 of the villagers' meeting or representatives
  },
  amountsFen: {
    minIncrement: '10000', // local practice: ¥100.00
  },
};
