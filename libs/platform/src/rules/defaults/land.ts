import { ParamSpec, RuleParams } from '../rule-params';

// 招标拍卖挂牌出让国有建设用地使用权规定 (2007) and local online listing rules.
export const LAND_DEFAULTS: RuleParams = {
  periods: {
    announcementBeforeListing: { value: 20, unit: 'd' }, // 规定 10
    listing: { value: 10, unit: 'd' }, // 规定 20 (older rules: 10 wd; the rule set chooses)
    depositRefund: { value: 5, unit: 'wd' }, // local rules
  },
  numbers: {
    countdownSeconds: 300, // local 限时竞价 rules: commonly 5 min, restarted by each valid bid
    minQuotesForLiveBidding: 2, // two or more wanting to go on → live bidding
    warningPercent: 80,
  },
  amountsFen: {},
};

export const LAND_SPEC: ParamSpec = {
  periods: Object.keys(LAND_DEFAULTS.periods),
  numbers: { countdownSeconds: [10, 3600], minQuotesForLiveBidding: [2, 10], warningPercent: [1, 99] },
  amounts: [],
};
