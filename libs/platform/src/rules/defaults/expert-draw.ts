// Expert draws (专家抽取), shared by every domain that evaluates with a committee: 评标专家和评标专家库管理暂行办法
// (2013) and local practice. The committee size and expert share stay in each domain's own file.
import { NumberRule, PeriodRule } from '../rule-spec';
import { d, min } from './units';

export const EXPERT_DRAW_PERIODS = {
  expertResponseWindow: { zh: '专家答复抽取通知的时限', en: 'an expert answers a draw invitation within', units: ['min', 'h'], min: min(5), max: { value: 24, unit: 'h' } },
  expertSameOwnerWindow: { zh: '同一招标人重复抽中的统计期', en: 'window for repeat draws by the same owner', units: ['d'], min: d(1), max: d(365) },
} satisfies Record<string, PeriodRule>;

export const EXPERT_DRAW_NUMBERS = {
  expertSameOwnerMax: { zh: '统计期内同一招标人抽中同一专家的最多次数', en: 'most draws of one expert for the same owner in the window', min: 1, max: 100 },
  expertAvoidOwnRegion: { zh: '是否回避项目所在地专家(1 是,0 否)', en: 'draw experts from outside the project’s region (1 yes, 0 no)', min: 0, max: 1 },
} satisfies Record<string, NumberRule>;

export const EXPERT_DRAW_DEFAULT_PERIODS = {
  expertResponseWindow: min(30), // local practice: answer by phone or app within half an hour
  expertSameOwnerWindow: d(90), // local practice
};

export const EXPERT_DRAW_DEFAULT_NUMBERS = {
  expertSameOwnerMax: 3, // local practice: at most 3 times in 90 days for one owner
  expertAvoidOwnRegion: 0, // the library is the city's; cross-region draws are a project's choice
};
