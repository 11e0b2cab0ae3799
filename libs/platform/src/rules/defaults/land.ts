// 国有建设用地使用权出让: 招标拍卖挂牌出让国有建设用地使用权规定 (国土资源部令第 39 号, 2007, "规定") and
// local online-listing rules (限时竞价); terms by use from 城镇国有土地使用权出让和转让暂行条例 (1990/2020, "条例").
// Version 1 of the committee's rules.
import { defineRuleSpec, ParamsOf } from '../rule-spec';
import { EXPERT_DRAW_DEFAULT_NUMBERS, EXPERT_DRAW_DEFAULT_PERIODS, EXPERT_DRAW_NUMBERS, EXPERT_DRAW_PERIODS } from './expert-draw';
import { d, wd } from './units';

export const LAND_SPEC = defineRuleSpec({
  periods: {
    ...EXPERT_DRAW_PERIODS,
    announcementBeforeListing: { zh: '出让公告距挂牌开始', en: 'announcement before the listing starts', units: ['d', 'wd'], min: d(20), law: '规定 10' },
    listing: { zh: '挂牌期', en: 'listing period', units: ['d', 'wd'], min: d(10), law: '规定 20' },
    depositRefund: { zh: '未竞得人保证金退还', en: 'deposit refund to the other buyers', units: ['wd'], max: wd(5) },
    resultPublicity: { zh: '出让结果公示期', en: 'result publicity on the portal', units: ['d', 'wd'] },
    complaintWindow: { zh: '投诉期限(自知道之日起)', en: 'complaint window from knowing', units: ['d', 'wd'], min: d(10) },
    complaintAcceptance: { zh: '决定是否受理投诉', en: 'accept or refuse a complaint', units: ['wd'], max: wd(3) },
    complaintDecision: { zh: '作出投诉处理决定', en: 'decide a complaint', units: ['wd'], max: wd(30) },
  },
  numbers: {
    ...EXPERT_DRAW_NUMBERS,
    committeeMinSize: { zh: '评审委员会最少人数', en: 'evaluation committee minimum size', min: 3, max: 51, odd: true },
    countdownSeconds: { zh: '限时竞价倒计时(秒)', en: 'timed-bidding countdown (seconds)', min: 60, max: 3600, sandboxMin: 5 },
    minQuotesToEnterLive: { zh: '进入限时竞价所需的挂牌有效报价数', en: 'valid listing quotes needed to enter live bidding', min: 1, max: 10 },
    minBuyersForLive: { zh: '转入限时竞价的最少竞买人数', en: 'buyers needed to go on to live bidding', min: 2, max: 10 },
    bidsOnIncrementGrid: { zh: '报价须为起始价加整数倍加价幅度(1 是,0 否)', en: 'bids must be the start price plus whole increments (1 yes, 0 no)', min: 0, max: 1 },
    warningPercent: { zh: '时限预警比例(%)', en: 'warning at this percent of a time limit', min: 1, max: 99 },
    maxTermResidential: { zh: '居住用地最高出让年限', en: 'longest term for residential land (years)', min: 1, max: 70, law: '条例 12' },
    maxTermIndustrial: { zh: '工业用地最高出让年限', en: 'longest term for industrial land (years)', min: 1, max: 50, law: '条例 12' },
    maxTermPublicService: { zh: '教育科技文化卫生体育用地最高出让年限', en: 'longest term for education, science, culture, health and sports land (years)', min: 1, max: 50, law: '条例 12' },
    maxTermCommercial: { zh: '商业旅游娱乐用地最高出让年限', en: 'longest term for commercial, tourism and leisure land (years)', min: 1, max: 40, law: '条例 12' },
    maxTermComprehensive: { zh: '综合或者其他用地最高出让年限', en: 'longest term for mixed or other land (years)', min: 1, max: 50, law: '条例 12' },
  },
  fractions: {
    expertShare: { zh: '评审委员会中专家最低占比', en: 'minimum share of experts on the committee', min: { numerator: 2, denominator: 3 } },
  },
  amounts: {
    minIncrement: { zh: '最低加价幅度', en: 'smallest increment an announcement may set', minFen: '100' },
  },
});

export type LandRules = ParamsOf<typeof LAND_SPEC>;

export const LAND_DEFAULTS: LandRules = {
  periods: {
    ...EXPERT_DRAW_DEFAULT_PERIODS,
    announcementBeforeListing: d(20), // 规定 10
    listing: d(10), // 规定 20 (older rules said 10 wd; the rule set chooses)
    depositRefund: wd(5), // 规定: refunded within 5 working days after the sale, without interest
    resultPublicity: d(10), // 规定 25 asks publication within 10 wd of the end; how long it stays up is local practice
    complaintWindow: d(10), // no national text for land sales: local practice, as 招标投标法实施条例 60
    complaintAcceptance: wd(3), // local practice, as 条例 61
    complaintDecision: wd(30), // local practice, as 条例 61
  },
  numbers: {
    ...EXPERT_DRAW_DEFAULT_NUMBERS,
    committeeMinSize: 5, // local practice, as for tenders
    countdownSeconds: 300, // local 限时竞价 rules: commonly 5 min, restarted by each valid bid
    minQuotesToEnterLive: 1, // local rules: entry needs at least one valid quote in the listing
    minBuyersForLive: 2, // 规定 21 and local rules: two or more who want to go on → live bidding
    bidsOnIncrementGrid: 1, // local online 挂牌/限时竞价 rules: each quote adds one or more whole increments to the start price
    warningPercent: 80, // local practice
    maxTermResidential: 70, // 城镇国有土地使用权出让和转让暂行条例 12
    maxTermIndustrial: 50, // 条例 12
    maxTermPublicService: 50, // 条例 12
    maxTermCommercial: 40, // 条例 12
    maxTermComprehensive: 50, // 条例 12
  },
  fractions: {
    expertShare: { numerator: 2, denominator: 3 }, // local practice, as for tenders
  },
  amountsFen: {
    minIncrement: '1000000', // local practice: ¥10,000.00; each announcement sets its lot's increment, not below this
  },
};
