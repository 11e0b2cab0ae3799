import { ParamSpec, RuleParams } from '../rule-params';

// 招标投标法 (2017) and its 实施条例 (2019); electronic bidding per 电子招标投标办法 (2013).
export const TENDERING_DEFAULTS: RuleParams = {
  periods: {
    documentsAvailable: { value: 5, unit: 'd' }, // 条例 16
    bidPreparation: { value: 20, unit: 'd' }, // 法 24
    clarificationBeforeDeadline: { value: 15, unit: 'd' }, // 法 23, 条例 21
    objectionBeforeDeadline: { value: 10, unit: 'd' }, // 条例 22
    objectionReply: { value: 3, unit: 'd' }, // 条例 22
    depositRefundAfterWithdrawal: { value: 5, unit: 'd' }, // 条例 35
    decryptionWindow: { value: 30, unit: 'min' }, // common practice (不见面开标)
    candidatesPublishedWithin: { value: 3, unit: 'd' }, // 条例 54
    candidatePublicity: { value: 3, unit: 'd' }, // 条例 54
    publicityObjectionReply: { value: 3, unit: 'd' }, // 条例 54
    contractWithin: { value: 30, unit: 'd' }, // 法 46
    complaintWindow: { value: 10, unit: 'd' }, // 条例 60
    complaintAcceptance: { value: 3, unit: 'wd' }, // 条例 61
    complaintDecision: { value: 30, unit: 'wd' }, // 条例 61
  },
  numbers: {
    minBidders: 3, // 法 28, 条例 44
    depositCapBp: 200, // 条例 26: ≤ 2 % of the estimate
    performanceBondCapBp: 1000, // 条例 58: ≤ 10 % of the contract
    committeeMinSize: 5, // 法 37
    expertShareNumerator: 2, // 法 37: experts ≥ 2/3
    expertShareDenominator: 3,
    maxCandidates: 3, // 条例 53
    warningPercent: 80, // red/yellow cards: yellow at 80 % of a time limit
  },
  amountsFen: {},
};

export const TENDERING_SPEC: ParamSpec = {
  periods: Object.keys(TENDERING_DEFAULTS.periods),
  numbers: {
    minBidders: [1, 50],
    depositCapBp: [0, 200],
    performanceBondCapBp: [0, 1000],
    committeeMinSize: [5, 51],
    expertShareNumerator: [1, 100],
    expertShareDenominator: [1, 100],
    maxCandidates: [1, 3],
    warningPercent: [1, 99],
  },
  amounts: [],
};
