import { ParamSpec, RuleParams } from '../rule-params';

// 政府采购法 (2014) and its 实施条例 (2015); e-mall values are local practice.
export const PROCUREMENT_DEFAULTS: RuleParams = {
  periods: {
    bidPreparation: { value: 20, unit: 'd' }, // 法 35
    documentsAvailable: { value: 5, unit: 'wd' }, // 条例 31
    depositRefund: { value: 5, unit: 'wd' }, // 条例 33
    challengeWindow: { value: 7, unit: 'wd' }, // 法 52
    challengeReply: { value: 7, unit: 'wd' }, // 法 53
    complaintWindow: { value: 15, unit: 'wd' }, // 法 55
    complaintDecision: { value: 30, unit: 'wd' }, // 法 56
    reportToPurchaser: { value: 2, unit: 'wd' }, // 条例 43
    purchaserDecision: { value: 5, unit: 'wd' }, // 条例 43
    resultNotice: { value: 2, unit: 'wd' }, // 条例 43
    contractPublication: { value: 2, unit: 'wd' }, // 条例 50
    quoteWindow: { value: 3, unit: 'wd' }, // e-mall 网上竞价, local practice
    supplierConfirmation: { value: 1, unit: 'wd' }, // e-mall orders, local practice
    acceptance: { value: 7, unit: 'wd' },
    payment: { value: 10, unit: 'wd' },
  },
  numbers: {
    minQuotes: 3, // 法 40 (询价 ≥ 3 suppliers); e-mall 网上竞价 local rules
    depositCapBp: 200, // 条例 33
    committeeMinSize: 3, // 法 38 / 条例: odd, ≥ 3 for small procurements
    expertShareNumerator: 2,
    expertShareDenominator: 3,
    priceToleranceBp: 500, // a listed price > reference + 5 % is flagged
    warningPercent: 80,
  },
  amountsFen: {
    directPurchaseThreshold: '100000000', // ¥1,000,000.00: below, 直购; above, 网上竞价 (local practice)
  },
};

export const PROCUREMENT_SPEC: ParamSpec = {
  periods: Object.keys(PROCUREMENT_DEFAULTS.periods),
  numbers: {
    minQuotes: [1, 50],
    depositCapBp: [0, 200],
    committeeMinSize: [3, 51],
    expertShareNumerator: [1, 100],
    expertShareDenominator: [1, 100],
    priceToleranceBp: [0, 10000],
    warningPercent: [1, 99],
  },
  amounts: ['directPurchaseThreshold'],
};
