import { ParamSpec, RuleParams } from '../rule-params';

// Rural property rights: 农村集体资产/产权流转交易 local rules (county, town and village tiers share them).
export const RURAL_DEFAULTS: RuleParams = {
  periods: {
    listing: { value: 10, unit: 'wd' }, // local rules commonly 10 working days
    objectionWindow: { value: 5, unit: 'wd' },
    depositRefund: { value: 5, unit: 'wd' },
  },
  numbers: {
    resolutionApprovalNumerator: 2, // villagers' meeting or representatives: ≥ 2/3 in favour
    resolutionApprovalDenominator: 3,
    countdownSeconds: 300,
    minBidders: 1,
    warningPercent: 80,
  },
  amountsFen: {},
};

export const RURAL_SPEC: ParamSpec = {
  periods: Object.keys(RURAL_DEFAULTS.periods),
  numbers: {
    resolutionApprovalNumerator: [1, 100],
    resolutionApprovalDenominator: [1, 100],
    countdownSeconds: [10, 3600],
    minBidders: [1, 10],
    warningPercent: [1, 99],
  },
  amounts: [],
};
